package io.skiff.kubectl;

import io.skiff.kubectl.config.Kubeconfig;
import io.skiff.kubectl.config.RestConfig;
import io.skiff.kubectl.discovery.Discovery;
import io.skiff.kubectl.http.ApiClient;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * What one invocation shares: its streams, environment and global flags, and, created on first
 * use, the kubeconfig, the REST client and discovery.
 */
public final class Session {
    public final GlobalOptions global = new GlobalOptions();
    public final PrintStream out;
    public final PrintStream err;
    public final java.io.InputStream in;
    public final Map<String, String> env;
    private String commandLine = "kubectl";
    private Kubeconfig kubeconfig;
    private ApiClient client;
    private Discovery discovery;

    public Session(PrintStream out, PrintStream err, java.io.InputStream in, Map<String, String> env) {
        this.out = out;
        this.err = err;
        this.in = in;
        this.env = env;
    }

    void commandLine(String c) {
        this.commandLine = c;
    }

    public Kubeconfig kubeconfig() {
        if (kubeconfig == null) {
            kubeconfig = Kubeconfig.load(global.kubeconfig, env);
        }
        return kubeconfig;
    }

    public ApiClient client() {
        if (client == null) {
            RestConfig rc = RestConfig.resolve(kubeconfig(), new RestConfig.Overrides(global.context, global.cluster, global.user,
                    global.server, global.token, global.namespace, global.certificateAuthority, global.clientCertificate,
                    global.clientKey, global.insecureSkipTlsVerify, global.tlsServerName, global.username, global.password));
            client = new ApiClient(rc, commandLine, requestTimeout());
        }
        return client;
    }

    public Discovery discovery() {
        if (discovery == null) {
            discovery = new Discovery(client(), cacheDir());
        }
        return discovery;
    }

    /** {@code -n}, else the context's namespace, else "default". */
    public String namespace() {
        return client().config().namespace();
    }

    /** Whether {@code -n} was given (apply and create check it against the manifest's). */
    public boolean namespaceExplicit() {
        return global.namespace != null && !global.namespace.isEmpty();
    }

    private Path cacheDir() {
        if (global.cacheDir != null) {
            return Path.of(global.cacheDir);
        }
        String home = env.getOrDefault("HOME", System.getProperty("user.home"));
        return Path.of(home, ".kube", "cache");
    }

    private Duration requestTimeout() {
        String t = global.requestTimeout;
        if (t == null || t.equals("0")) {
            return null;
        }
        return Durations.parse(t);
    }
}
