package io.skiff.kubectl;

import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/** kubectl's global flags; accepted before or after the command name. */
public final class GlobalOptions {
    @Option(names = "--kubeconfig", scope = ScopeType.INHERIT, description = "Path to the kubeconfig file to use for CLI requests.")
    public String kubeconfig;
    @Option(names = "--context", scope = ScopeType.INHERIT, description = "The name of the kubeconfig context to use")
    public String context;
    @Option(names = "--cluster", scope = ScopeType.INHERIT, description = "The name of the kubeconfig cluster to use")
    public String cluster;
    @Option(names = "--user", scope = ScopeType.INHERIT, description = "The name of the kubeconfig user to use")
    public String user;
    @Option(names = {"-s", "--server"}, scope = ScopeType.INHERIT, description = "The address and port of the Kubernetes API server")
    public String server;
    @Option(names = "--token", scope = ScopeType.INHERIT, description = "Bearer token for authentication to the API server")
    public String token;
    @Option(names = {"-n", "--namespace"}, scope = ScopeType.INHERIT, description = "If present, the namespace scope for this CLI request")
    public String namespace;
    @Option(names = "--certificate-authority", scope = ScopeType.INHERIT, description = "Path to a cert file for the certificate authority")
    public String certificateAuthority;
    @Option(names = "--client-certificate", scope = ScopeType.INHERIT, description = "Path to a client certificate file for TLS")
    public String clientCertificate;
    @Option(names = "--client-key", scope = ScopeType.INHERIT, description = "Path to a client key file for TLS")
    public String clientKey;
    @Option(names = "--insecure-skip-tls-verify", scope = ScopeType.INHERIT, arity = "0..1", description = "If true, the server's certificate will not be checked for validity.")
    public Boolean insecureSkipTlsVerify;
    @Option(names = "--tls-server-name", scope = ScopeType.INHERIT, description = "Server name to use for server certificate validation.")
    public String tlsServerName;
    @Option(names = "--username", scope = ScopeType.INHERIT, description = "Username for basic authentication to the API server")
    public String username;
    @Option(names = "--password", scope = ScopeType.INHERIT, description = "Password for basic authentication to the API server")
    public String password;
    @Option(names = "--cache-dir", scope = ScopeType.INHERIT, description = "Default cache directory")
    public String cacheDir;
    @Option(names = "--request-timeout", scope = ScopeType.INHERIT, description = "The length of time to wait before giving up on a single server request (0 = no timeout).")
    public String requestTimeout;
    @Option(names = {"-v", "--v"}, scope = ScopeType.INHERIT, description = "number for the log level verbosity")
    public int verbosity;
}
