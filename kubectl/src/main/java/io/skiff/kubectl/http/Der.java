package io.skiff.kubectl.http;

import java.io.ByteArrayOutputStream;

/** Just enough DER to wrap a PKCS#1 or SEC1 key into PKCS#8, which the JDK reads. */
final class Der {
    static final byte[] RSA_OID = {0x06, 0x09, 0x2a, (byte) 0x86, 0x48, (byte) 0x86, (byte) 0xf7, 0x0d, 0x01, 0x01, 0x01};
    static final byte[] EC_OID = {0x06, 0x07, 0x2a, (byte) 0x86, 0x48, (byte) 0xce, 0x3d, 0x02, 0x01};

    private Der() {
    }

    /** PrivateKeyInfo { version 0, AlgorithmIdentifier { oid, params }, OCTET STRING key }. */
    static byte[] pkcs8(byte[] key, byte[] oid, byte[] params) {
        byte[] nullParams = {0x05, 0x00};
        byte[] alg = tlv(0x30, concat(oid, params == null ? nullParams : params));
        return tlv(0x30, concat(new byte[]{0x02, 0x01, 0x00}, alg, tlv(0x04, key)));
    }

    /** The curve OID inside a SEC1 ECPrivateKey's [0] parameters. */
    static byte[] ecCurve(byte[] sec1) {
        for (int i = 0; i + 1 < sec1.length; i++) {
            if ((sec1[i] & 0xff) == 0xa0 && sec1[i + 2] == 0x06) {
                int len = sec1[i + 3] & 0xff;
                byte[] oid = new byte[len + 2];
                System.arraycopy(sec1, i + 2, oid, 0, len + 2);
                return oid;
            }
        }
        throw new IllegalArgumentException("EC key without curve parameters");
    }

    static byte[] tlv(int tag, byte[] value) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(tag);
        int n = value.length;
        if (n < 128) {
            out.write(n);
        } else if (n < 256) {
            out.write(0x81);
            out.write(n);
        } else if (n < 65536) {
            out.write(0x82);
            out.write(n >> 8);
            out.write(n & 0xff);
        } else {
            out.write(0x83);
            out.write(n >> 16);
            out.write((n >> 8) & 0xff);
            out.write(n & 0xff);
        }
        out.writeBytes(value);
        return out.toByteArray();
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }
}
