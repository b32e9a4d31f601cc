package io.skiff.apiserver;

import io.skiff.store.Store;
import io.skiff.store.Stores;

import java.nio.file.Path;

/** A child-JVM API server for crash tests: prints its port, then serves until killed. */
public final class CrashServer {
    private CrashServer() {
    }

    public static void main(String[] args) throws Exception {
        Store store = Stores.open(args[0], Path.of(args[1]));
        ApiServer server = new ApiServer(ApiServerConfig.defaults().withPort(0), store).start();
        System.out.println("PORT " + server.port());
        System.out.flush();
        Thread.currentThread().join();
    }
}
