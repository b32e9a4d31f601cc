package io.skiff.launcher;

import io.skiff.apiserver.ApiServer;
import io.skiff.apiserver.ApiServerConfig;
import io.skiff.apiserver.auth.SecurityConfig;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.skiff.controllers.ControllerManager;
import io.skiff.controllers.ControllerManagerOptions;
import io.skiff.scheduler.Scheduler;
import io.skiff.scheduler.SchedulerOptions;
import io.skiff.store.Store;
import io.skiff.store.Stores;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Files;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Callable;

/** {@code skiff server}: the control plane in this JVM, in the foreground. */
@Command(name = "server", description = "Run the control plane (API server) in the foreground.")
final class ServerCommand implements Callable<Integer> {
    @Option(names = "--data-dir", description = "Data directory (default $SKIFF_HOME or ~/.skiff).")
    String dataDir;

    @Option(names = "--store", defaultValue = "sqlite",
            description = "sqlite (embedded, default), sqlite:///path/file.db, or etcd://host:port[,host:port...]")
    String store;

    @Option(names = "--bind-address", defaultValue = "127.0.0.1", description = "Address to listen on.")
    String bindAddress;

    @Option(names = "--port", defaultValue = "6443", description = "Port to listen on (0 = any free port).")
    int port;

    @Option(names = "--advertise-address", defaultValue = "127.0.0.1", description = "Address the kubernetes service points to.")
    String advertiseAddress;

    @Option(names = "--service-cluster-ip-range", defaultValue = "10.96.0.0/12")
    String serviceCidr;

    @Option(names = "--service-node-port-range", defaultValue = "30000-32767")
    String nodePortRange;

    @Option(names = "--insecure", description = "Serve plain HTTP without authentication (loopback addresses only).")
    boolean insecure;

    @Option(names = "--node-monitor-grace-period", defaultValue = "40", description = "Seconds without a node heartbeat before it is NotReady.")
    long nodeMonitorGracePeriod;

    @Option(names = "--pod-eviction-timeout", defaultValue = "300", description = "Seconds a pod tolerates an unreachable node before eviction.")
    long podEvictionTimeout;

    @Option(names = "--audit-log-path", description = "Write one JSON line per request to this file.")
    java.nio.file.Path auditLog;

    @Option(names = "--max-requests-inflight", defaultValue = "400")
    int maxInflight;

    @Option(names = "--max-mutating-requests-inflight", defaultValue = "200")
    int maxMutatingInflight;

    @Option(names = "--token-auth-file", description = "Static bearer tokens, CSV: token,user,uid,\"group1,group2\".")
    java.nio.file.Path tokenFile;

    @Override
    public Integer call() throws Exception {
        SkiffHome home = SkiffHome.resolve(dataDir);
        home.create();
        String[] range = nodePortRange.split("-");
        ApiServerConfig config = ApiServerConfig.defaults().withBindAddress(bindAddress).withPort(port)
                .withAdvertiseAddress(advertiseAddress)
                .withNetworks(serviceCidr, Integer.parseInt(range[0]), Integer.parseInt(range[1]))
                .withLimits(maxInflight, maxMutatingInflight).withAuditLog(auditLog);
        ClusterPki pki = insecure ? null : ClusterPki.ensure(home);
        if (pki != null) {
            String serviceIp = new io.skiff.apiserver.alloc.ClusterIpAllocator(serviceCidr).address(1);
            config = config.withSecurity(new SecurityConfig(pki.apiServer(advertiseAddress, serviceIp), pki.ca().certificate(), tokenFile,
                    pki.serviceAccountKey()));
        }
        Store s = Stores.open(store, home.dir());
        ApiServer server = new ApiServer(config, s).start();
        KubernetesClient schedulerClient = ComponentClients.forComponent(server.port(), pki, "system:kube-scheduler");
        Scheduler scheduler = Scheduler.start(schedulerClient, SchedulerOptions.defaults());
        KubernetesClient controllersClient = ComponentClients.forComponent(server.port(), pki, "system:kube-controller-manager");
        ControllerManager controllers = ControllerManager.start(controllersClient, ControllerManagerOptions.defaults()
                .withNodeMonitorGracePeriod(java.time.Duration.ofSeconds(nodeMonitorGracePeriod))
                .withPodEvictionTimeout(java.time.Duration.ofSeconds(podEvictionTimeout)));
        Files.writeString(home.portFile(), Integer.toString(server.port()));
        CountDownLatch stop = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            controllers.close();
            controllersClient.close();
            scheduler.close();
            schedulerClient.close();
            server.close();
            s.close();
            stop.countDown();
        }, "shutdown"));
        stop.await();
        return 0;
    }
}
