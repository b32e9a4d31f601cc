package io.skiff.kubectl.http;

import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A minimal HTTP/1.1 client over one kept-alive socket. java.net.http starts a selector thread
 * that the JVM waits ~300 ms for at exit, and costs ~150 ms of class loading; a CLI making one
 * or two calls is faster with a blocking socket. Bodies are read by Content-Length or chunked.
 */
final class Http1 {
    private final URI server;
    private final SSLContext tls;
    private final String tlsServerName;
    private final int connectTimeoutMillis;
    private Socket socket;
    private InputStream in;
    private OutputStream out;

    Http1(URI server, SSLContext tls, String tlsServerName, int connectTimeoutMillis) {
        this.server = server;
        this.tls = tls;
        this.tlsServerName = tlsServerName;
        this.connectTimeoutMillis = connectTimeoutMillis;
    }

    /** A reply whose body must be read to the end (or closed) before the next request. */
    record Response(int status, Map<String, String> headers, InputStream body) {
        String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }

        byte[] readAll() throws IOException {
            try (InputStream b = body) {
                return b.readAllBytes();
            }
        }
    }

    Response exchange(String method, String target, Map<String, String> headers, byte[] body, int readTimeoutMillis) throws IOException {
        boolean reused = socket != null;
        try {
            return attempt(method, target, headers, body, readTimeoutMillis);
        } catch (IOException e) {
            if (!reused) {
                throw e;
            }
            close(); // the server closed an idle keep-alive connection: one fresh try
            return attempt(method, target, headers, body, readTimeoutMillis);
        }
    }

    private Response attempt(String method, String target, Map<String, String> headers, byte[] body, int readTimeoutMillis) throws IOException {
        if (socket == null) {
            connect();
        }
        socket.setSoTimeout(readTimeoutMillis);
        StringBuilder req = new StringBuilder();
        req.append(method).append(' ').append(target).append(" HTTP/1.1\r\n");
        req.append("Host: ").append(server.getHost()).append(server.getPort() > 0 ? ":" + server.getPort() : "").append("\r\n");
        headers.forEach((k, v) -> req.append(k).append(": ").append(v).append("\r\n"));
        if (body != null) {
            req.append("Content-Length: ").append(body.length).append("\r\n");
        }
        req.append("\r\n");
        out.write(req.toString().getBytes(StandardCharsets.UTF_8));
        if (body != null) {
            out.write(body);
        }
        out.flush();
        String status = line(in);
        if (status == null || !status.startsWith("HTTP/1.")) {
            throw new IOException("malformed HTTP response: " + status);
        }
        int code = Integer.parseInt(status.substring(9, 12));
        Map<String, String> h = new LinkedHashMap<>();
        String l;
        while ((l = line(in)) != null && !l.isEmpty()) {
            int colon = l.indexOf(':');
            if (colon > 0) {
                h.put(l.substring(0, colon).trim().toLowerCase(Locale.ROOT), l.substring(colon + 1).trim());
            }
        }
        boolean close = "close".equalsIgnoreCase(h.get("connection"));
        InputStream b;
        if (code == 101) {
            b = in; // an upgraded connection belongs to the caller now
            socket = null;
        } else if ("chunked".equalsIgnoreCase(h.get("transfer-encoding"))) {
            b = new Chunked(in, close);
        } else if (h.containsKey("content-length")) {
            b = new Bounded(in, Long.parseLong(h.get("content-length")), close);
        } else if (method.equals("HEAD") || code == 204 || code == 304) {
            b = new Bounded(in, 0, close);
        } else {
            b = new Bounded(in, Long.MAX_VALUE, true);
        }
        return new Response(code, h, b);
    }

    /** The raw streams after a 101 Switching Protocols (exec, port-forward). */
    Socket upgradedSocket(Response r) {
        return lastUpgraded;
    }

    private Socket lastUpgraded;

    private void connect() throws IOException {
        int port = server.getPort() > 0 ? server.getPort() : "https".equals(server.getScheme()) ? 443 : 80;
        Socket s = new Socket();
        s.setTcpNoDelay(true);
        s.connect(new InetSocketAddress(server.getHost(), port), connectTimeoutMillis);
        if (tls != null) {
            SSLSocket ssl = (SSLSocket) tls.getSocketFactory().createSocket(s, server.getHost(), port, true);
            SSLParameters p = ssl.getSSLParameters();
            p.setEndpointIdentificationAlgorithm("HTTPS");
            if (tlsServerName != null) {
                p.setServerNames(List.of(new SNIHostName(tlsServerName)));
            }
            ssl.setSSLParameters(p);
            ssl.startHandshake();
            s = ssl;
        }
        socket = s;
        lastUpgraded = s;
        in = new BufferedInputStream(s.getInputStream(), 65536);
        out = s.getOutputStream();
    }

    void close() {
        if (socket != null) {
            try {
                socket.close();
            } catch (IOException ignored) {
                // closing anyway
            }
        }
        socket = null;
    }

    static String line(InputStream in) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream(64);
        int c;
        while ((c = in.read()) != -1) {
            if (c == '\n') {
                byte[] bytes = b.toByteArray();
                int n = bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
                return new String(bytes, 0, n, StandardCharsets.ISO_8859_1);
            }
            b.write(c);
        }
        return b.size() == 0 ? null : b.toString(StandardCharsets.ISO_8859_1);
    }

    /** Reads {@code remaining} bytes; closing early drops the connection, a full read keeps it. */
    private final class Bounded extends FilterInputStream {
        private long remaining;
        private final boolean closeAfter;

        Bounded(InputStream in, long length, boolean closeAfter) {
            super(in);
            this.remaining = length;
            this.closeAfter = closeAfter;
        }

        @Override
        public int read() throws IOException {
            if (remaining <= 0) {
                return -1;
            }
            int c = super.read();
            if (c < 0) {
                remaining = 0;
            } else {
                remaining--;
            }
            return c;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (remaining <= 0) {
                return -1;
            }
            int n = super.read(b, off, (int) Math.min(len, remaining));
            if (n < 0) {
                remaining = 0;
            } else {
                remaining -= n;
            }
            return n;
        }

        @Override
        public void close() {
            if (remaining > 0 || closeAfter) {
                Http1.this.close();
            }
        }
    }

    /** Chunked transfer coding; the stream ends at the zero-length chunk. */
    private final class Chunked extends InputStream {
        private final InputStream in;
        private final boolean closeAfter;
        private long chunkLeft;
        private boolean done;
        private boolean started;

        Chunked(InputStream in, boolean closeAfter) {
            this.in = in;
            this.closeAfter = closeAfter;
        }

        private boolean next() throws IOException {
            if (done) {
                return false;
            }
            if (chunkLeft == 0) {
                String size = line(in);
                if (size == null) {
                    done = true;
                    return false;
                }
                if (size.isEmpty() && started) {
                    size = line(in); // the previous chunk's CRLF, then this size
                    if (size == null) {
                        done = true;
                        return false;
                    }
                }
                started = true;
                int semi = size.indexOf(';');
                chunkLeft = Long.parseLong((semi >= 0 ? size.substring(0, semi) : size).trim(), 16);
                if (chunkLeft == 0) {
                    while (true) {
                        String trailer = line(in);
                        if (trailer == null || trailer.isEmpty()) {
                            break;
                        }
                    }
                    done = true;
                    return false;
                }
            }
            return true;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            int n = read(one, 0, 1);
            return n < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (!next()) {
                return -1;
            }
            int n = in.read(b, off, (int) Math.min(len, chunkLeft));
            if (n < 0) {
                done = true;
                return -1;
            }
            chunkLeft -= n;
            // the CRLF after the data is read with the next size line: servers often send it
            // only with the next chunk, and a watch must not wait for the next event
            return n;
        }

        @Override
        public int available() throws IOException {
            return done ? 0 : (int) Math.min(chunkLeft, in.available());
        }

        @Override
        public void close() {
            if (!done || closeAfter) {
                Http1.this.close();
            }
        }
    }
}
