package io.skiff.bench;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * A minimal HTTP/1.1 keep-alive client for benchmarks: one connection, no pooling, no TLS.
 * {@code java.net.http} costs more CPU than the server under test on a 2-core machine; this
 * costs little, so the figures describe the server.
 */
final class RawHttp implements AutoCloseable {
    private final Socket socket;
    private final OutputStream out;
    private final InputStream in;

    RawHttp(int port) throws IOException {
        socket = new Socket();
        socket.setTcpNoDelay(true);
        socket.connect(new InetSocketAddress("127.0.0.1", port));
        out = socket.getOutputStream();
        in = new BufferedInputStream(socket.getInputStream(), 64 * 1024);
    }

    /** Sends a request with a JSON body and returns the status code, reading (and dropping) the reply body. */
    int send(String method, String path, byte[] body) throws IOException {
        String head = method + " " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: "
                + (body == null ? 0 : body.length) + "\r\n\r\n";
        out.write(head.getBytes(StandardCharsets.US_ASCII));
        if (body != null) {
            out.write(body);
        }
        out.flush();
        int status = Integer.parseInt(readLine().substring(9, 12));
        long length = 0;
        boolean chunked = false;
        String line;
        while (!(line = readLine()).isEmpty()) {
            String lower = line.toLowerCase();
            if (lower.startsWith("content-length:")) {
                length = Long.parseLong(line.substring(15).trim());
            } else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
                chunked = true;
            }
        }
        if (chunked) {
            long size;
            while ((size = Long.parseLong(readLine().trim(), 16)) > 0) {
                skip(size);
                readLine();
            }
            readLine();
        } else {
            skip(length);
        }
        return status;
    }

    /** Sends a GET and returns the stream positioned at the start of the body (for watches). */
    InputStream stream(String path) throws IOException {
        out.write(("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
        String status = readLine();
        if (!status.contains(" 200 ")) {
            throw new IOException("watch failed: " + status);
        }
        while (!readLine().isEmpty()) {
            // headers
        }
        return in;
    }

    private void skip(long n) throws IOException {
        while (n > 0) {
            long s = in.skip(n);
            if (s <= 0) {
                if (in.read() < 0) {
                    throw new IOException("connection closed");
                }
                s = 1;
            }
            n -= s;
        }
    }

    private String readLine() throws IOException {
        StringBuilder sb = new StringBuilder();
        int c;
        while ((c = in.read()) >= 0 && c != '\n') {
            if (c != '\r') {
                sb.append((char) c);
            }
        }
        if (c < 0 && sb.length() == 0) {
            throw new IOException("connection closed");
        }
        return sb.toString();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
