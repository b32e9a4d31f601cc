package io.skiff.apiserver.openapi;
public final class OpenApiRoutes { public static void register(io.javalin.Javalin app, java.util.List<io.skiff.api.ResourceType> t) {} }
