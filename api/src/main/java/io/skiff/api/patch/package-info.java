/**
 * PATCH for Kubernetes objects held as Jackson trees.
 * <p>
 * Contract: {@link io.skiff.api.patch.Patches#apply} takes the Content-Type, the stored object
 * and the raw body, and returns a new tree; the stored object is never modified and a failed
 * patch leaves nothing half-applied. Failures are {@link io.skiff.api.errors.ApiException}s
 * with the status Kubernetes answers: an undecodable or malformed body is 400 BadRequest, a
 * JSON patch that does not apply is 422 Invalid, more than 10000 JSON patch operations is 413,
 * an unknown Content-Type is 415, and a result that no longer decodes as the kind is 422
 * Invalid. Nothing here answers 500.
 * <p>
 * The four types: {@link io.skiff.api.patch.JsonPatch} (RFC 6902),
 * {@link io.skiff.api.patch.MergePatch} (RFC 7386),
 * {@link io.skiff.api.patch.StrategicMergePatch} (Kubernetes', driven by the
 * {@link io.skiff.api.patch.PatchMeta} schemas of {@link io.skiff.api.patch.PatchMetas}) and
 * {@link io.skiff.api.patch.ApplyPatch} (server-side apply without field ownership; see its
 * javadoc for what that leaves out).
 */
package io.skiff.api.patch;
