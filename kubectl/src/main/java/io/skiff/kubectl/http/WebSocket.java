package io.skiff.kubectl.http;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;

/**
 * A client WebSocket (RFC 6455) on an upgraded connection: masked frames out, whole messages
 * in (fragments joined, pings answered). Enough for the Kubernetes channel protocols
 * ({@code v5.channel.k8s.io}): binary messages whose first byte is the stream number.
 */
public final class WebSocket implements AutoCloseable {
    private static final SecureRandom RANDOM = new SecureRandom();
    private final Socket socket;
    private final DataInputStream in;
    private final OutputStream out;
    private final String protocol;

    private WebSocket(Socket socket, InputStream in, String protocol) throws IOException {
        this.socket = socket;
        this.in = new DataInputStream(in);
        this.out = socket.getOutputStream();
        this.protocol = protocol;
    }

    /** GET {@code path} with an Upgrade to WebSocket offering {@code protocols} (comma-separated, preferred first). */
    public static WebSocket open(ApiClient client, String path, String protocols) throws IOException {
        byte[] key = new byte[16];
        RANDOM.nextBytes(key);
        ApiClient.Upgraded u = client.upgrade(path, Map.of("Connection", "Upgrade", "Upgrade", "websocket",
                "Sec-WebSocket-Version", "13", "Sec-WebSocket-Key", Base64.getEncoder().encodeToString(key),
                "Sec-WebSocket-Protocol", protocols));
        return new WebSocket(u.socket(), u.in(), u.headers().getOrDefault("sec-websocket-protocol", ""));
    }

    public String protocol() {
        return protocol;
    }

    /** One received message, or null when the connection closed. */
    public record Message(int opcode, byte[] data) {
    }

    public Message receive() throws IOException {
        ByteArrayOutputStream whole = new ByteArrayOutputStream();
        int messageOpcode = -1;
        while (true) {
            int b0;
            try {
                b0 = in.readUnsignedByte();
            } catch (java.io.EOFException e) {
                return null;
            }
            int b1 = in.readUnsignedByte();
            int opcode = b0 & 0x0f;
            long len = b1 & 0x7f;
            if (len == 126) {
                len = in.readUnsignedShort();
            } else if (len == 127) {
                len = in.readLong();
            }
            byte[] mask = null;
            if ((b1 & 0x80) != 0) {
                mask = new byte[4];
                in.readFully(mask);
            }
            byte[] payload = new byte[(int) len];
            in.readFully(payload);
            if (mask != null) {
                for (int i = 0; i < payload.length; i++) {
                    payload[i] ^= mask[i % 4];
                }
            }
            if (opcode == 0x9) {
                send(0xA, payload);
                continue;
            }
            if (opcode == 0xA) {
                continue;
            }
            if (opcode == 0x8) {
                return null;
            }
            if (opcode != 0) {
                messageOpcode = opcode;
            }
            whole.write(payload);
            if ((b0 & 0x80) != 0) {
                return new Message(messageOpcode, whole.toByteArray());
            }
        }
    }

    public synchronized void send(int opcode, byte[] data) throws IOException {
        ByteArrayOutputStream f = new ByteArrayOutputStream(data.length + 14);
        f.write(0x80 | opcode);
        if (data.length < 126) {
            f.write(0x80 | data.length);
        } else if (data.length < 65536) {
            f.write(0x80 | 126);
            f.write(data.length >> 8);
            f.write(data.length & 0xff);
        } else {
            f.write(0x80 | 127);
            for (int i = 7; i >= 0; i--) {
                f.write((int) ((long) data.length >> (8 * i)) & 0xff);
            }
        }
        byte[] mask = new byte[4];
        RANDOM.nextBytes(mask);
        f.write(mask);
        for (int i = 0; i < data.length; i++) {
            f.write(data[i] ^ mask[i % 4]);
        }
        out.write(f.toByteArray());
        out.flush();
    }

    /** A binary message on a Kubernetes stream channel. */
    public void sendChannel(int channel, byte[] data, int off, int len) throws IOException {
        byte[] m = new byte[len + 1];
        m[0] = (byte) channel;
        System.arraycopy(data, off, m, 1, len);
        send(0x2, m);
    }

    @Override
    public void close() {
        try {
            send(0x8, new byte[]{0x03, (byte) 0xe8});
        } catch (IOException ignored) {
            // closing anyway
        }
        try {
            socket.close();
        } catch (IOException ignored) {
            // already closed
        }
    }
}
