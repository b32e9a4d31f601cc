package io.skiff.apiserver.openapi;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** A document as served: its bytes, encoded once, and the digest that names this version of it. */
final class ServedDocument {
    private final byte[] body;
    private final String hash;

    ServedDocument(byte[] body) {
        this.body = body;
        this.hash = sha512(body);
    }

    /** The bytes to send; callers must not modify them. */
    byte[] body() {
        return body;
    }

    /** Upper-case hex SHA-512 of the body, as Kubernetes puts in {@code ?hash=} and the ETag. */
    String hash() {
        return hash;
    }

    String etag() {
        return '"' + hash + '"';
    }

    private static String sha512(byte[] bytes) {
        try {
            return HexFormat.of().withUpperCase().formatHex(MessageDigest.getInstance("SHA-512").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-512", e);
        }
    }
}
