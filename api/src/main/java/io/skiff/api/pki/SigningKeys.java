package io.skiff.api.pki;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;

/** A signing key pair (service account tokens) kept as {@code name.key} (PKCS#8) and {@code name.pub}. */
public final class SigningKeys {
    private SigningKeys() {
    }

    public static KeyPair loadOrCreate(Path dir, String name) throws IOException {
        Path priv = dir.resolve(name + ".key");
        Path pub = dir.resolve(name + ".pub");
        if (Files.exists(priv) && Files.exists(pub)) {
            try {
                KeyFactory kf = KeyFactory.getInstance("EC");
                return new KeyPair(kf.generatePublic(new X509EncodedKeySpec(body(Files.readString(pub)))),
                        kf.generatePrivate(new PKCS8EncodedKeySpec(body(Files.readString(priv)))));
            } catch (java.security.GeneralSecurityException e) {
                throw new IOException("cannot read the signing key " + priv + ": " + e.getMessage(), e);
            }
        }
        KeyPair kp = CertificateAuthority.newKeyPair();
        new KeyAndCert(kp.getPrivate(), null).writeKey(priv);
        Files.writeString(pub, pem("PUBLIC KEY", kp.getPublic().getEncoded()));
        return kp;
    }

    static String pem(String type, byte[] der) {
        String b64 = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der);
        return "-----BEGIN " + type + "-----\n" + b64 + "\n-----END " + type + "-----\n";
    }

    private static byte[] body(String pem) {
        return Base64.getMimeDecoder().decode(pem.replaceAll("-----[A-Z ]+-----", "").trim());
    }
}
