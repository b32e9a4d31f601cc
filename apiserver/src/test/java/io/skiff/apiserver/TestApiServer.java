package io.skiff.apiserver;

import io.skiff.store.Store;
import io.skiff.store.Stores;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;

/** A real API server on a random loopback port over a store in a temporary directory. */
public final class TestApiServer implements AutoCloseable {
    private final Path dir;
    public final Store store;
    public final ApiServer server;
    public final HttpClient http = HttpClient.newHttpClient();

    private TestApiServer(Path dir, Store store) {
        this.dir = dir;
        this.store = store;
        this.server = new ApiServer(ApiServerConfig.defaults().withPort(0), store).start();
    }

    /** On the embedded store. */
    public static TestApiServer start() throws Exception {
        Path dir = Files.createTempDirectory("skiff-apiserver");
        return new TestApiServer(dir, Stores.open("sqlite", dir));
    }

    /** On any store (the caller closes nothing; this closes the store). */
    public static TestApiServer start(String storeUrl) throws Exception {
        Path dir = Files.createTempDirectory("skiff-apiserver");
        return new TestApiServer(dir, Stores.open(storeUrl, dir));
    }

    public String url() {
        return "http://127.0.0.1:" + server.port();
    }

    public HttpResponse<String> send(String method, String path, String contentType, String body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url() + path));
        b.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (contentType != null) {
            b.header("Content-Type", contentType);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Override
    public void close() throws Exception {
        server.close();
        store.close();
        try (var walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
