package io.skiff.apiserver;

/**
 * How to run the API server.
 *
 * @param bindAddress      where to listen (127.0.0.1 by default: plain HTTP stays on loopback)
 * @param port             6443 by default; 0 picks a free port (tests)
 * @param advertiseAddress the address the {@code kubernetes} service's endpoints point to
 * @param serviceCidr      service cluster IP range
 * @param nodePortFirst    first port of the NodePort range
 * @param nodePortLast     last port of the NodePort range
 * @param watchCacheSize   changes kept in memory per resource for watches from a recent revision
 * @param maxRequestsInflight         kube-apiserver's --max-requests-inflight (reads), then 429
 * @param maxMutatingRequestsInflight kube-apiserver's --max-mutating-requests-inflight
 * @param auditLogPath     one JSON line per request goes here; null = no audit log
 * @param security         TLS and authentication; null serves plain HTTP without authentication, which
 *                         is only allowed on a loopback address (tests, embedding, {@code --insecure})
 */
public record ApiServerConfig(String bindAddress, int port, String advertiseAddress, String serviceCidr,
                              int nodePortFirst, int nodePortLast, int watchCacheSize, int maxThreads,
                              io.skiff.apiserver.auth.SecurityConfig security, int maxRequestsInflight,
                              int maxMutatingRequestsInflight, java.nio.file.Path auditLogPath) {

    /** Plain HTTP on 127.0.0.1:6443 without authentication: for tests and in-process use. */
    public static ApiServerConfig defaults() {
        return new ApiServerConfig("127.0.0.1", 6443, "127.0.0.1", "10.96.0.0/12", 30000, 32767, 10_000, 4096, null, 400, 200, null);
    }

    public ApiServerConfig withSecurity(io.skiff.apiserver.auth.SecurityConfig security) {
        return new ApiServerConfig(bindAddress, port, advertiseAddress, serviceCidr, nodePortFirst, nodePortLast, watchCacheSize, maxThreads, security,
                maxRequestsInflight, maxMutatingRequestsInflight, auditLogPath);
    }

    public ApiServerConfig withLimits(int maxReads, int maxMutating) {
        return new ApiServerConfig(bindAddress, port, advertiseAddress, serviceCidr, nodePortFirst, nodePortLast, watchCacheSize, maxThreads, security,
                maxReads, maxMutating, auditLogPath);
    }

    public ApiServerConfig withAuditLog(java.nio.file.Path path) {
        return new ApiServerConfig(bindAddress, port, advertiseAddress, serviceCidr, nodePortFirst, nodePortLast, watchCacheSize, maxThreads, security,
                maxRequestsInflight, maxMutatingRequestsInflight, path);
    }

    public ApiServerConfig withNetworks(String serviceCidr, int nodePortFirst, int nodePortLast) {
        return new ApiServerConfig(bindAddress, port, advertiseAddress, serviceCidr, nodePortFirst, nodePortLast, watchCacheSize, maxThreads, security,
                maxRequestsInflight, maxMutatingRequestsInflight, auditLogPath);
    }

    /** kube-apiserver's default: history older than five minutes is compacted away. */
    public java.time.Duration compactionInterval() {
        return java.time.Duration.ofMinutes(5);
    }

    public ApiServerConfig withPort(int port) {
        return new ApiServerConfig(bindAddress, port, advertiseAddress, serviceCidr, nodePortFirst, nodePortLast, watchCacheSize, maxThreads, security,
                maxRequestsInflight, maxMutatingRequestsInflight, auditLogPath);
    }

    public ApiServerConfig withBindAddress(String address) {
        return new ApiServerConfig(address, port, advertiseAddress, serviceCidr, nodePortFirst, nodePortLast, watchCacheSize, maxThreads, security,
                maxRequestsInflight, maxMutatingRequestsInflight, auditLogPath);
    }

    public ApiServerConfig withAdvertiseAddress(String address) {
        return new ApiServerConfig(bindAddress, port, address, serviceCidr, nodePortFirst, nodePortLast, watchCacheSize, maxThreads, security,
                maxRequestsInflight, maxMutatingRequestsInflight, auditLogPath);
    }
}
