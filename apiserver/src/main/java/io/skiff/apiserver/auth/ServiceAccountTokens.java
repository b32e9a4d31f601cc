package io.skiff.apiserver.auth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.skiff.api.Json;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.Signature;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * Service account tokens: ES256-signed JWTs carrying Kubernetes' claims (subject
 * {@code system:serviceaccount:<ns>:<name>}, audiences, expiry, the account's uid). Issued by
 * TokenRequest, checked by {@link ServiceAccountAuthenticator}.
 */
public final class ServiceAccountTokens {
    public static final String ISSUER = "https://kubernetes.default.svc.cluster.local";
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder B64D = Base64.getUrlDecoder();
    private final KeyPair key;

    public ServiceAccountTokens(KeyPair key) {
        this.key = key;
    }

    /** Claims a token names, once its signature, issuer and expiry check out. */
    public record Claims(String namespace, String name, String uid, List<String> audiences, Instant expires) {
        public String username() {
            return "system:serviceaccount:" + namespace + ":" + name;
        }
    }

    public String issue(String namespace, String name, String uid, List<String> audiences, Instant expires) {
        ObjectNode header = Json.object().put("alg", "ES256").put("typ", "JWT");
        ObjectNode payload = Json.object();
        audiences.forEach(payload.putArray("aud")::add);
        long now = Instant.now().getEpochSecond();
        payload.put("exp", expires.getEpochSecond()).put("iat", now).put("nbf", now).put("iss", ISSUER)
                .put("sub", "system:serviceaccount:" + namespace + ":" + name);
        ObjectNode k8s = payload.putObject("kubernetes.io").put("namespace", namespace);
        k8s.putObject("serviceaccount").put("name", name).put("uid", uid);
        String signingInput = B64.encodeToString(Json.bytes(header)) + "." + B64.encodeToString(Json.bytes(payload));
        return signingInput + "." + B64.encodeToString(sign(signingInput.getBytes(StandardCharsets.US_ASCII)));
    }

    /** The claims of a valid token for {@code audience}; empty when it is not one of ours (or expired, or for another audience). */
    public Optional<Claims> verify(String token, String audience) {
        String[] parts = token.split("\\.");
        if (parts.length != 3) {
            return Optional.empty();
        }
        try {
            JsonNode header = Json.parse(B64D.decode(parts[0]));
            if (!"ES256".equals(header.path("alg").asText())) {
                return Optional.empty();
            }
            if (!verifySignature((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII), B64D.decode(parts[2]))) {
                return Optional.empty();
            }
            JsonNode p = Json.parse(B64D.decode(parts[1]));
            Instant expires = Instant.ofEpochSecond(p.path("exp").asLong());
            List<String> audiences = new java.util.ArrayList<>();
            p.path("aud").forEach(a -> audiences.add(a.asText()));
            if (!ISSUER.equals(p.path("iss").asText()) || expires.isBefore(Instant.now()) || !audiences.contains(audience)) {
                return Optional.empty();
            }
            JsonNode k8s = p.path("kubernetes.io");
            return Optional.of(new Claims(k8s.path("namespace").asText(), k8s.path("serviceaccount").path("name").asText(),
                    k8s.path("serviceaccount").path("uid").asText(), audiences, expires));
        } catch (RuntimeException e) {
            return Optional.empty(); // not base64, not JSON: not a token of ours
        }
    }

    private byte[] sign(byte[] input) {
        try {
            Signature s = Signature.getInstance("SHA256withECDSA");
            s.initSign(key.getPrivate());
            s.update(input);
            return derToJose(s.sign());
        } catch (Exception e) {
            throw new IllegalStateException("cannot sign a token", e);
        }
    }

    private boolean verifySignature(byte[] input, byte[] jose) {
        try {
            Signature s = Signature.getInstance("SHA256withECDSA");
            s.initVerify(key.getPublic());
            s.update(input);
            return jose.length == 64 && s.verify(joseToDer(jose));
        } catch (Exception e) {
            return false;
        }
    }

    /** JWS wants r||s (32 bytes each); the JDK speaks ASN.1 DER. */
    static byte[] derToJose(byte[] der) {
        int offset = der[1] == (byte) 0x81 ? 3 : 2;
        int rLen = der[offset + 1];
        byte[] r = Arrays.copyOfRange(der, offset + 2, offset + 2 + rLen);
        int sOffset = offset + 2 + rLen;
        int sLen = der[sOffset + 1];
        byte[] s = Arrays.copyOfRange(der, sOffset + 2, sOffset + 2 + sLen);
        byte[] out = new byte[64];
        copyUnsigned(r, out, 0);
        copyUnsigned(s, out, 32);
        return out;
    }

    private static void copyUnsigned(byte[] src, byte[] dst, int at) {
        byte[] v = new BigInteger(1, src).toByteArray();
        int start = v.length > 32 ? v.length - 32 : 0;
        System.arraycopy(v, start, dst, at + 32 - (v.length - start), v.length - start);
    }

    static byte[] joseToDer(byte[] jose) {
        byte[] r = new BigInteger(1, Arrays.copyOfRange(jose, 0, 32)).toByteArray();
        byte[] s = new BigInteger(1, Arrays.copyOfRange(jose, 32, 64)).toByteArray();
        int len = 2 + r.length + 2 + s.length;
        byte[] der = new byte[(len > 127 ? 3 : 2) + len];
        int i = 0;
        der[i++] = 0x30;
        if (len > 127) {
            der[i++] = (byte) 0x81;
        }
        der[i++] = (byte) len;
        der[i++] = 0x02;
        der[i++] = (byte) r.length;
        System.arraycopy(r, 0, der, i, r.length);
        i += r.length;
        der[i++] = 0x02;
        der[i++] = (byte) s.length;
        System.arraycopy(s, 0, der, i, s.length);
        return der;
    }
}
