package io.skiff.kubectl.config;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class KubeconfigTest {
    private static final RestConfig.Overrides NONE = new RestConfig.Overrides(null, null, null, null, null, null, null, null, null, null, null, null, null);

    private static Path write(Path dir, String name, String yaml) throws Exception {
        Path p = dir.resolve(name);
        Files.writeString(p, yaml);
        return p;
    }

    private static final String FIRST = """
            apiVersion: v1
            kind: Config
            current-context: a
            clusters:
            - name: one
              cluster:
                server: https://one:6443
                certificate-authority-data: Y2E=
            users:
            - name: alice
              user:
                token: t1
            contexts:
            - name: a
              context: {cluster: one, user: alice, namespace: team}
            """;
    private static final String SECOND = """
            apiVersion: v1
            kind: Config
            current-context: b
            clusters:
            - name: one
              cluster: {server: https://shadowed:1}
            - name: two
              cluster: {server: http://two:8080/}
            users:
            - name: bob
              user: {username: bob, password: pw}
            contexts:
            - name: b
              context: {cluster: two, user: bob}
            """;

    @Test
    void severalFilesMergeWithTheFirstDefinitionWinning(@TempDir Path dir) throws Exception {
        Path a = write(dir, "a", FIRST);
        Path b = write(dir, "b", SECOND);
        Kubeconfig kc = Kubeconfig.load(null, Map.of("KUBECONFIG", a + ":" + b));
        assertEquals("a", kc.currentContext());
        assertEquals("https://one:6443", kc.entry("clusters", "one").path("server").asText());
        assertEquals(2, kc.entries("clusters").size());
        RestConfig rc = RestConfig.resolve(kc, NONE);
        assertEquals("https://one:6443", rc.server());
        assertEquals("team", rc.namespace());
        assertEquals("t1", rc.token());
        assertArrayEquals("ca".getBytes(), rc.caPem());
    }

    @Test
    void flagsOverrideTheContext(@TempDir Path dir) throws Exception {
        Path a = write(dir, "a", FIRST);
        Path b = write(dir, "b", SECOND);
        Kubeconfig kc = Kubeconfig.load(null, Map.of("KUBECONFIG", a + ":" + b));
        RestConfig rc = RestConfig.resolve(kc, new RestConfig.Overrides("b", null, null, null, null, "ns1", null, null, null, null, null, null, null));
        assertEquals("http://two:8080", rc.server(), "trailing slash dropped");
        assertEquals("ns1", rc.namespace());
        assertEquals("bob", rc.username());
        assertNull(rc.token());
        RestConfig direct = RestConfig.resolve(kc, new RestConfig.Overrides(null, null, null, "http://x:1", "tok", null, null, null, null, null, null, null, null));
        assertEquals("http://x:1", direct.server());
        assertEquals("tok", direct.token());
        assertThrows(KubeconfigException.class, () -> RestConfig.resolve(kc, new RestConfig.Overrides("nope", null, null, null, null, null, null, null, null, null, null, null, null)));
    }

    @Test
    void explicitFileWinsOverEnvironmentAndMustExist(@TempDir Path dir) throws Exception {
        Path b = write(dir, "b", SECOND);
        Kubeconfig kc = Kubeconfig.load(b.toString(), Map.of("KUBECONFIG", dir.resolve("missing").toString()));
        assertEquals("b", kc.currentContext());
        assertThrows(KubeconfigException.class, () -> Kubeconfig.load(dir.resolve("missing").toString(), Map.of()));
        Files.createDirectories(dir.resolve("home/.kube"));
        write(dir.resolve("home/.kube"), "config", FIRST);
        assertEquals("a", Kubeconfig.load(null, Map.of("HOME", dir.resolve("home").toString())).currentContext());
    }

    @Test
    void useContextAndSetContextWriteToTheOwningFile(@TempDir Path dir) throws Exception {
        Path a = write(dir, "a", FIRST);
        Path b = write(dir, "b", SECOND);
        Kubeconfig kc = Kubeconfig.load(null, Map.of("KUBECONFIG", a + ":" + b));
        kc.setCurrentContext("b");
        kc.updateContext("b", Map.of("namespace", "prod"));
        assertTrue(Files.readString(a).contains("current-context: b"), "current-context lives in the first file that sets it");
        assertTrue(Files.readString(b).contains("namespace: prod"), "context b lives in the second file");
        Kubeconfig again = Kubeconfig.load(null, Map.of("KUBECONFIG", a + ":" + b));
        assertEquals("prod", RestConfig.resolve(again, NONE).namespace());
    }
}
