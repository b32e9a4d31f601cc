/**
 * The OpenAPI documents of the API server: {@code /openapi/v3} (one document per group-version) and
 * {@code /openapi/v2} (Swagger 2.0, as JSON or as the protobuf kubectl asks for).
 *
 * <p>Flow: {@link io.skiff.apiserver.openapi.ResourceOperations} lists the REST operations of each served
 * {@link io.skiff.api.ResourceType}; the models they send and receive are client-java's generated classes,
 * which {@link io.skiff.apiserver.openapi.SchemaGenerator} turns into Kubernetes-named component schemas
 * by reflection (descriptions from their swagger annotations, merge keys from
 * {@link io.skiff.apiserver.openapi.PatchStrategies}); {@link io.skiff.apiserver.openapi.OpenApiV3} and
 * {@link io.skiff.apiserver.openapi.OpenApiV2} assemble and cache the documents, and
 * {@link io.skiff.apiserver.openapi.OpenApiRoutes} serves them.
 *
 * <p>What kubectl does with them: {@code explain} renders the v3 schemas; {@code apply} computes its
 * strategic merge patches from the v3 merge keys; client-side validation ({@code --validate=strict}, the
 * default) runs on the v2 protobuf document, because the v3 PATCH operations do not advertise
 * {@code fieldValidation} (see {@link io.skiff.apiserver.openapi.Parameters#PATCH}).
 */
package io.skiff.apiserver.openapi;
