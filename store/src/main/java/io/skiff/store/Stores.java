package io.skiff.store;

import io.skiff.store.embedded.SqliteStore;
import io.skiff.store.etcd.EtcdStore;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * Opens a store from a URL:
 * <ul>
 *   <li>{@code sqlite}: the embedded store in {@code <dataDir>/skiff.db};</li>
 *   <li>{@code sqlite:///path/to/file.db} (or {@code sqlite:relative/file.db}): that file;</li>
 *   <li>{@code etcd://host:port,host:port}: an etcd cluster through any of these endpoints.</li>
 * </ul>
 */
public final class Stores {
    public static final String DEFAULT_FILE = "skiff.db";

    public static Store open(String url, Path dataDir) {
        if (url.equals("sqlite")) {
            return new SqliteStore(dataDir.resolve(DEFAULT_FILE));
        }
        if (url.startsWith("sqlite:")) {
            String path = url.substring("sqlite:".length());
            if (path.startsWith("//")) {
                path = path.substring(2);
            }
            if (path.isEmpty()) {
                return new SqliteStore(dataDir.resolve(DEFAULT_FILE));
            }
            return new SqliteStore(dataDir.resolve(path)); // an absolute path stays absolute
        }
        if (url.startsWith("etcd://")) {
            return new EtcdStore(etcdEndpoints(url));
        }
        throw new IllegalArgumentException("unknown store URL " + url + " (expected sqlite, sqlite:///file.db or etcd://host:port,...)");
    }

    /** {@code etcd://a:1,b:2} → {@code [http://a:1, http://b:2]}. */
    static List<String> etcdEndpoints(String url) {
        String hosts = url.substring("etcd://".length());
        int slash = hosts.indexOf('/');
        if (slash >= 0) {
            hosts = hosts.substring(0, slash);
        }
        List<String> endpoints = Arrays.stream(hosts.split(",")).map(String::trim)
                .filter(h -> !h.isEmpty()).map(h -> "http://" + h).toList();
        if (endpoints.isEmpty()) {
            throw new IllegalArgumentException("no etcd endpoint in " + url);
        }
        return endpoints;
    }

    private Stores() {
    }
}
