package io.skiff.apiserver.auth;

import io.javalin.http.Context;

import java.security.cert.X509Certificate;
import java.util.List;

/** Where a request's authenticated user is kept, and how its credentials are read. */
public final class RequestUser {
    public static final String ATTRIBUTE = "skiff.user";
    /** Everyone on an unsecured (loopback, plain HTTP) server acts as a cluster administrator. */
    public static final UserInfo UNSECURED = new UserInfo("system:unsecured", "", List.of("system:masters", UserInfo.AUTHENTICATED));

    private RequestUser() {
    }

    public static Credentials credentials(Context ctx) {
        Object certs = ctx.req().getAttribute("jakarta.servlet.request.X509Certificate");
        return new Credentials(certs instanceof X509Certificate[] chain ? chain : null, ctx.header("Authorization"));
    }

    public static UserInfo of(Context ctx) {
        UserInfo u = ctx.attribute(ATTRIBUTE);
        return u == null ? UserInfo.ANONYMOUS : u;
    }
}
