/**
 * Kubernetes protobuf ({@code application/vnd.kubernetes.protobuf}) for Skiff's JSON-tree world.
 *
 * <p>Wire format: the 4 bytes {@code k8s\0}, then a {@code runtime.Unknown} whose {@code typeMeta}
 * names apiVersion and kind and whose {@code raw} is the object's own message (proto2, field
 * numbers from Kubernetes' {@code generated.proto}). Schemas come from the generated classes of
 * {@code io.kubernetes:client-java-proto}, plus {@link io.skiff.api.proto.SupplementalSchemas} for
 * the groups that jar lacks (coordination.k8s.io, discovery.k8s.io, events.k8s.io v1).
 *
 * <p>Contract of {@link io.skiff.api.proto.ProtobufCodec}:
 * <ul>
 *   <li>{@code decode} yields the JSON a Kubernetes API server would see after decoding into its Go
 *       structs: Kubernetes JSON field names, {@code apiVersion}/{@code kind} from the type meta.
 *       Go clients write every non-pointer field, zero or not, so a zero scalar ({@code ""}, 0,
 *       false) on the wire means "unset" and is dropped, except for fields that are Go pointers
 *       (listed in {@link io.skiff.api.proto.GoShape}), where zero is a real value
 *       ({@code replicas: 0}, {@code ready: false}). Nested messages that are present are kept,
 *       even when empty ({@code resources: {}}), as Go's JSON does. IntOrString → number or string,
 *       Quantity → string, Time → RFC 3339 seconds, MicroTime → RFC 3339 microseconds, an empty
 *       Time → absent (Go's zero time), Duration → Go duration string, bytes → base64,
 *       RawExtension/FieldsV1 → the embedded JSON (or a nested protobuf object), maps → objects.</li>
 *   <li>{@code encode} is the reverse: JSON → message → envelope. JSON keys without a protobuf field
 *       (fields newer than the schema) are left out, as an older Kubernetes would.</li>
 *   <li>Every failure is an {@link io.skiff.api.errors.ApiException}: 400 for a malformed body or a
 *       kind unknown in a known group version, 415 for a group version without protobuf schema,
 *       406 when encoding such a kind, 500 when a JSON value cannot fit its protobuf field.</li>
 * </ul>
 * Limitation: the jar's schemas date from about Kubernetes 1.30, so protobuf fields added since are
 * dropped on decode, exactly as an API server of that version would drop them.
 */
package io.skiff.api.proto;
