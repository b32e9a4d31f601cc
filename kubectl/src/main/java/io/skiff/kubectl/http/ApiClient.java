package io.skiff.kubectl.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.skiff.kubectl.Codec;
import io.skiff.kubectl.config.RestConfig;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * The REST calls of one kubectl invocation over one kept-alive HTTP/1.1 connection
 * ({@link Http1}). Non-2xx replies become {@link ApiException}; an unreachable server
 * becomes {@link ConnectionException}.
 */
public final class ApiClient {
    public static final String JSON = "application/json";
    public static final String TABLE = "application/json;as=Table;v=v1;g=meta.k8s.io,application/json;as=Table;v=v1beta1;g=meta.k8s.io,application/json";
    private static final String USER_AGENT = "kubectl/v1.32.4 (linux/amd64) skiff";
    private final RestConfig config;
    private final Http1 http;
    private final String command;
    private final String session = UUID.randomUUID().toString();
    private final int timeoutMillis;

    public ApiClient(RestConfig config, String command, Duration requestTimeout) {
        this.config = config;
        this.command = command;
        this.timeoutMillis = requestTimeout == null ? 0 : (int) requestTimeout.toMillis();
        javax.net.ssl.SSLContext tls = null;
        if (config.server().startsWith("https:")) {
            try {
                tls = Tls.context(config);
            } catch (java.security.GeneralSecurityException e) {
                throw new IllegalStateException("unable to load TLS material: " + e.getMessage(), e);
            }
        }
        this.http = new Http1(URI.create(config.server()), tls, config.tlsServerName(), 30_000);
    }

    public RestConfig config() {
        return config;
    }

    /** A reply: status code, content type and body. */
    public record Reply(int code, String contentType, byte[] body) {
        public JsonNode json() {
            return Codec.parse(body);
        }

        public String text() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    public JsonNode get(String path) {
        return send("GET", path, null, null, JSON).json();
    }

    public JsonNode get(String path, String accept) {
        return send("GET", path, null, null, accept).json();
    }

    /** GET that answers null on 404 instead of throwing. */
    public JsonNode getOrNull(String path) {
        try {
            return get(path);
        } catch (ApiException e) {
            if (e.isNotFound()) {
                return null;
            }
            throw e;
        }
    }

    public JsonNode post(String path, JsonNode body) {
        return send("POST", path, Codec.bytes(body), JSON, JSON).json();
    }

    public JsonNode put(String path, JsonNode body) {
        return send("PUT", path, Codec.bytes(body), JSON, JSON).json();
    }

    public JsonNode patch(String path, String patchType, byte[] body) {
        return send("PATCH", path, body, patchType, JSON).json();
    }

    public Reply delete(String path, JsonNode options) {
        return send("DELETE", path, options == null ? null : Codec.bytes(options), JSON, JSON);
    }

    public Reply send(String method, String path, byte[] body, String contentType, String accept) {
        Map<String, String> h = headers(accept);
        if (contentType != null && body != null) {
            h.put("Content-Type", contentType);
        }
        try {
            Http1.Response r = http.exchange(method, path, h, body, timeoutMillis);
            byte[] bytes = r.readAll();
            if (r.status() / 100 != 2) {
                throw ApiException.of(r.status(), bytes, method, path);
            }
            String ct = r.header("content-type");
            return new Reply(r.status(), ct == null ? "" : ct, bytes);
        } catch (IOException e) {
            throw translate(e);
        }
    }

    /** A streaming GET (watch, logs -f): the caller reads and closes the body. */
    public InputStream stream(String path, String accept) {
        try {
            Http1.Response r = http.exchange("GET", path, headers(accept), null, 0);
            if (r.status() / 100 != 2) {
                throw ApiException.of(r.status(), r.readAll(), "GET", path);
            }
            return r.body();
        } catch (IOException e) {
            throw translate(e);
        }
    }

    /**
     * A GET asking to switch protocols (WebSocket); answers the raw socket and the bytes the
     * server already sent after its 101 reply, or throws with the server's refusal.
     */
    public Upgraded upgrade(String path, Map<String, String> extraHeaders) {
        Map<String, String> h = headers(null);
        h.putAll(extraHeaders);
        try {
            Http1.Response r = http.exchange("GET", path, h, null, 0);
            if (r.status() != 101) {
                throw ApiException.of(r.status(), r.readAll(), "GET", path);
            }
            return new Upgraded(http.upgradedSocket(r), r.body(), r.headers());
        } catch (IOException e) {
            throw translate(e);
        }
    }

    /** A connection after 101 Switching Protocols. */
    public record Upgraded(Socket socket, InputStream in, Map<String, String> headers) {
    }

    private Map<String, String> headers(String accept) {
        Map<String, String> h = new LinkedHashMap<>();
        h.put("User-Agent", USER_AGENT);
        if (accept != null) {
            h.put("Accept", accept);
        }
        h.put("Kubectl-Command", command);
        h.put("Kubectl-Session", session);
        String auth = authorization();
        if (auth != null) {
            h.put("Authorization", auth);
        }
        return h;
    }

    public String authorization() {
        if (config.token() != null && !config.token().isEmpty()) {
            return "Bearer " + config.token();
        }
        if (config.username() != null && config.password() != null) {
            return "Basic " + Base64.getEncoder().encodeToString((config.username() + ":" + config.password()).getBytes(StandardCharsets.UTF_8));
        }
        return null;
    }

    private RuntimeException translate(IOException e) {
        if (e instanceof ConnectException || e.getCause() instanceof ConnectException) {
            return new ConnectionException(URI.create(config.server()));
        }
        if (e instanceof SocketTimeoutException) {
            return new UncheckedIOException(new IOException("the server was unable to return a response in the time allotted, but may still be processing the request", e));
        }
        return new UncheckedIOException(e);
    }

    public void close() {
        http.close();
    }

    /** kubectl's message for a server that does not answer. */
    public static final class ConnectionException extends RuntimeException {
        public ConnectionException(URI server) {
            super("The connection to the server " + server.getHost() + ":" + port(server)
                    + " was refused - did you specify the right host or port?");
        }

        private static int port(URI u) {
            return u.getPort() > 0 ? u.getPort() : "https".equals(u.getScheme()) ? 443 : 80;
        }
    }
}
