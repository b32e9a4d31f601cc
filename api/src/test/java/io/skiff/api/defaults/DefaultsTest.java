package io.skiff.api.defaults;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.Endpoints;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.ReplicationController;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.api.model.discovery.v1.EndpointSlice;
import io.skiff.api.Json;
import io.skiff.api.ResourceType;
import io.skiff.api.ResourceTypes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

class DefaultsTest {
    private static <T extends HasMetadata> T defaulted(ResourceType type, String yaml) {
        try {
            @SuppressWarnings("unchecked")
            T obj = (T) Json.YAML.readValue(yaml, type.model());
            Defaults.apply(type, obj);
            return obj;
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The object as the API server would store it: compared as JSON, as kubectl would see it. */
    private static JsonNode json(Object obj) {
        // Through JSON text, so numbers compare by value whatever Java type held them.
        return Json.parse(Json.bytes(obj));
    }

    private static JsonNode yaml(String yaml) {
        try {
            return Json.parse(Json.bytes(Json.YAML.readTree(yaml)));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void nginxPodGetsWhatKubernetesStores() {
        Pod pod = defaulted(ResourceTypes.PODS, """
                apiVersion: v1
                kind: Pod
                metadata:
                  name: nginx
                spec:
                  containers:
                  - name: nginx
                    image: nginx:1.14.2
                    ports:
                    - containerPort: 80
                """);
        assertEquals(yaml("""
                apiVersion: v1
                kind: Pod
                metadata:
                  name: nginx
                spec:
                  containers:
                  - name: nginx
                    image: nginx:1.14.2
                    imagePullPolicy: IfNotPresent
                    ports:
                    - containerPort: 80
                      protocol: TCP
                    terminationMessagePath: /dev/termination-log
                    terminationMessagePolicy: File
                  dnsPolicy: ClusterFirst
                  enableServiceLinks: true
                  preemptionPolicy: PreemptLowerPriority
                  priority: 0
                  restartPolicy: Always
                  schedulerName: default-scheduler
                  securityContext: {}
                  terminationGracePeriodSeconds: 30
                """), json(pod));
    }

    @ParameterizedTest
    @CsvSource({"nginx,Always", "nginx:latest,Always", "nginx:1.25,IfNotPresent", "registry.local:5000/app,Always",
            "registry.local:5000/app:v2,IfNotPresent", "registry.local:5000/app:latest,Always",
            "nginx@sha256:abcd,IfNotPresent", "nginx:latest@sha256:abcd,Always"})
    void pullPolicyFollowsTheTag(String image, String policy) {
        assertEquals(policy, ContainerDefaults.pullPolicy(image));
    }

    @Test
    void explicitValuesAreKept() {
        Pod pod = defaulted(ResourceTypes.PODS, """
                apiVersion: v1
                kind: Pod
                metadata: {name: p}
                spec:
                  restartPolicy: Never
                  terminationGracePeriodSeconds: 5
                  dnsPolicy: Default
                  priorityClassName: system-node-critical
                  containers:
                  - name: c
                    image: busybox
                    imagePullPolicy: Never
                """);
        assertEquals("Never", pod.getSpec().getRestartPolicy());
        assertEquals(5L, pod.getSpec().getTerminationGracePeriodSeconds());
        assertEquals("Default", pod.getSpec().getDnsPolicy());
        assertEquals("Never", pod.getSpec().getContainers().get(0).getImagePullPolicy());
        assertEquals(2000001000, pod.getSpec().getPriority());
    }

    @Test
    void probesAndHandlers() {
        Pod pod = defaulted(ResourceTypes.PODS, """
                apiVersion: v1
                kind: Pod
                metadata: {name: p}
                spec:
                  containers:
                  - name: c
                    image: nginx
                    livenessProbe:
                      httpGet: {port: 80}
                    readinessProbe:
                      tcpSocket: {port: 80}
                      periodSeconds: 3
                    lifecycle:
                      preStop:
                        httpGet: {port: 80, path: /quit}
                """);
        Container c = pod.getSpec().getContainers().get(0);
        assertEquals(yaml("{httpGet: {port: 80, path: /, scheme: HTTP}, timeoutSeconds: 1, periodSeconds: 10, successThreshold: 1, failureThreshold: 3}"),
                json(c.getLivenessProbe()));
        assertEquals(3, c.getReadinessProbe().getPeriodSeconds());
        assertEquals("HTTP", c.getLifecycle().getPreStop().getHttpGet().getScheme());
        assertEquals("/quit", c.getLifecycle().getPreStop().getHttpGet().getPath());
    }

    @Test
    void volumesAndEnv() {
        Pod pod = defaulted(ResourceTypes.PODS, """
                apiVersion: v1
                kind: Pod
                metadata: {name: p}
                spec:
                  volumes:
                  - name: scratch
                  - name: cfg
                    configMap: {name: app}
                  - name: creds
                    secret: {secretName: creds}
                  - name: host
                    hostPath: {path: /var/log}
                  - name: token
                    projected:
                      sources:
                      - serviceAccountToken: {path: token}
                  containers:
                  - name: c
                    image: nginx
                    env:
                    - name: NODE
                      valueFrom:
                        fieldRef: {fieldPath: spec.nodeName}
                """);
        assertEquals(yaml("""
                - {name: scratch, emptyDir: {}}
                - {name: cfg, configMap: {name: app, defaultMode: 420}}
                - {name: creds, secret: {secretName: creds, defaultMode: 420}}
                - {name: host, hostPath: {path: /var/log, type: ""}}
                - {name: token, projected: {defaultMode: 420, sources: [{serviceAccountToken: {path: token, expirationSeconds: 3600}}]}}
                """), json(pod.getSpec().getVolumes()));
        assertEquals("v1", pod.getSpec().getContainers().get(0).getEnv().get(0).getValueFrom().getFieldRef().getApiVersion());
    }

    @Test
    void podRequestsDefaultToLimits() {
        Pod pod = defaulted(ResourceTypes.PODS, """
                apiVersion: v1
                kind: Pod
                metadata: {name: p}
                spec:
                  containers:
                  - name: c
                    image: nginx
                    resources:
                      requests: {cpu: 100m}
                      limits: {cpu: 500m, memory: 128Mi}
                """);
        assertEquals(yaml("{requests: {cpu: 100m, memory: 128Mi}, limits: {cpu: 500m, memory: 128Mi}}"),
                json(pod.getSpec().getContainers().get(0).getResources()));
    }

    @Test
    void hostNetworkPodsExposeContainerPortsOnTheHost() {
        Pod pod = defaulted(ResourceTypes.PODS, """
                apiVersion: v1
                kind: Pod
                metadata: {name: p}
                spec:
                  hostNetwork: true
                  containers:
                  - name: c
                    image: nginx
                    ports: [{containerPort: 80}]
                """);
        assertEquals(80, pod.getSpec().getContainers().get(0).getPorts().get(0).getHostPort());
    }

    @Test
    void nodePortServiceGetsWhatKubernetesStores() {
        Service svc = defaulted(ResourceTypes.SERVICES, """
                apiVersion: v1
                kind: Service
                metadata: {name: nginx-service}
                spec:
                  type: NodePort
                  selector: {app: nginx}
                  ports:
                  - port: 80
                    nodePort: 30007
                """);
        assertEquals(yaml("""
                type: NodePort
                selector: {app: nginx}
                ports:
                - {port: 80, nodePort: 30007, protocol: TCP, targetPort: 80}
                sessionAffinity: None
                externalTrafficPolicy: Cluster
                internalTrafficPolicy: Cluster
                ipFamilies: [IPv4]
                ipFamilyPolicy: SingleStack
                """), json(svc.getSpec()));
    }

    @Test
    void serviceVariants() {
        Service named = defaulted(ResourceTypes.SERVICES, """
                apiVersion: v1
                kind: Service
                metadata: {name: s}
                spec:
                  clusterIP: 10.96.0.20
                  sessionAffinity: ClientIP
                  ports: [{port: 80, targetPort: http, protocol: UDP}]
                """);
        assertEquals("ClusterIP", named.getSpec().getType());
        assertEquals(List.of("10.96.0.20"), named.getSpec().getClusterIPs());
        assertEquals("http", named.getSpec().getPorts().get(0).getTargetPort().getStrVal());
        assertEquals("UDP", named.getSpec().getPorts().get(0).getProtocol());
        assertEquals(10800, named.getSpec().getSessionAffinityConfig().getClientIP().getTimeoutSeconds());
        assertNull(named.getSpec().getExternalTrafficPolicy());

        Service lb = defaulted(ResourceTypes.SERVICES, """
                apiVersion: v1
                kind: Service
                metadata: {name: s}
                spec:
                  type: LoadBalancer
                  ports: [{port: 443}]
                """);
        assertEquals(true, lb.getSpec().getAllocateLoadBalancerNodePorts());
        assertEquals("Cluster", lb.getSpec().getExternalTrafficPolicy());

        Service external = defaulted(ResourceTypes.SERVICES, """
                apiVersion: v1
                kind: Service
                metadata: {name: s}
                spec:
                  type: ExternalName
                  externalName: db.example.com
                """);
        assertNull(external.getSpec().getIpFamilyPolicy());
        assertEquals(List.of(), external.getSpec().getIpFamilies());
        assertNull(external.getSpec().getInternalTrafficPolicy());
    }

    @Test
    void deploymentGetsWhatKubernetesStores() {
        Deployment d = defaulted(ResourceTypes.DEPLOYMENTS, """
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: web}
                spec:
                  selector: {matchLabels: {app: web}}
                  template:
                    metadata: {labels: {app: web}}
                    spec:
                      containers: [{name: web, image: nginx}]
                """);
        assertEquals(yaml("""
                replicas: 1
                selector: {matchLabels: {app: web}}
                strategy: {type: RollingUpdate, rollingUpdate: {maxSurge: 25%, maxUnavailable: 25%}}
                revisionHistoryLimit: 10
                progressDeadlineSeconds: 600
                template:
                  metadata: {labels: {app: web}}
                  spec:
                    containers:
                    - {name: web, image: nginx, imagePullPolicy: Always, terminationMessagePath: /dev/termination-log, terminationMessagePolicy: File}
                    dnsPolicy: ClusterFirst
                    restartPolicy: Always
                    schedulerName: default-scheduler
                    securityContext: {}
                    terminationGracePeriodSeconds: 30
                """), json(d.getSpec()));
    }

    @Test
    void recreateDeploymentsGetNoRollingUpdate() {
        Deployment d = defaulted(ResourceTypes.DEPLOYMENTS, """
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: web}
                spec:
                  strategy: {type: Recreate}
                """);
        assertNull(d.getSpec().getStrategy().getRollingUpdate());
    }

    @Test
    void replicaSetsAndReplicationControllers() {
        ReplicaSet rs = defaulted(ResourceTypes.REPLICA_SETS, """
                apiVersion: apps/v1
                kind: ReplicaSet
                metadata: {name: web}
                spec:
                  template:
                    spec:
                      containers: [{name: web, image: nginx}]
                """);
        assertEquals(1, rs.getSpec().getReplicas());
        assertEquals("Always", rs.getSpec().getTemplate().getSpec().getRestartPolicy());

        ReplicationController rc = defaulted(ResourceTypes.REPLICATION_CONTROLLERS, """
                apiVersion: v1
                kind: ReplicationController
                metadata: {name: web}
                spec:
                  template:
                    metadata: {labels: {app: web, tier: front}}
                    spec:
                      containers: [{name: web, image: nginx}]
                """);
        assertEquals(1, rc.getSpec().getReplicas());
        assertEquals(Map.of("app", "web", "tier", "front"), rc.getSpec().getSelector());
        assertEquals(Map.of("app", "web", "tier", "front"), rc.getMetadata().getLabels());
    }

    @Test
    void replicationControllersKeepTheirOwnSelectorAndLabels() {
        ReplicationController rc = defaulted(ResourceTypes.REPLICATION_CONTROLLERS, """
                apiVersion: v1
                kind: ReplicationController
                metadata: {name: web, labels: {owner: me}}
                spec:
                  selector: {app: web}
                  template:
                    metadata: {labels: {app: web, tier: front}}
                """);
        assertEquals(Map.of("app", "web"), rc.getSpec().getSelector());
        assertEquals(Map.of("owner", "me"), rc.getMetadata().getLabels());
    }

    @Test
    void namespaces() {
        Namespace ns = defaulted(ResourceTypes.NAMESPACES, "{apiVersion: v1, kind: Namespace, metadata: {name: team-a}}");
        assertEquals(yaml("""
                apiVersion: v1
                kind: Namespace
                metadata:
                  name: team-a
                  labels: {kubernetes.io/metadata.name: team-a}
                spec: {finalizers: [kubernetes]}
                status: {phase: Active}
                """), json(ns));
    }

    @Test
    void secretsAreOpaqueAndStringDataIsEncoded() {
        Secret s = defaulted(ResourceTypes.SECRETS, """
                apiVersion: v1
                kind: Secret
                metadata: {name: creds}
                data: {user: YWRtaW4=}
                stringData: {password: s3cr3t}
                """);
        assertEquals("Opaque", s.getType());
        assertEquals(Map.of("user", "YWRtaW4=", "password", "czNjcjN0"), s.getData());
        assertNull(s.getStringData());
    }

    @Test
    void nodesAllocateTheirCapacity() {
        Node n = defaulted(ResourceTypes.NODES, """
                apiVersion: v1
                kind: Node
                metadata: {name: node-1}
                status:
                  capacity: {cpu: "4", memory: 8Gi}
                """);
        assertEquals(yaml("{cpu: \"4\", memory: 8Gi}"), json(n.getStatus().getAllocatable()));
    }

    @Test
    void endpointPortsAreTcp() {
        Endpoints ep = defaulted(ResourceTypes.ENDPOINTS, """
                apiVersion: v1
                kind: Endpoints
                metadata: {name: web}
                subsets: [{addresses: [{ip: 10.244.1.5}], ports: [{port: 80}, {port: 53, protocol: UDP}]}]
                """);
        assertEquals("TCP", ep.getSubsets().get(0).getPorts().get(0).getProtocol());
        assertEquals("UDP", ep.getSubsets().get(0).getPorts().get(1).getProtocol());
        EndpointSlice slice = defaulted(ResourceTypes.ENDPOINT_SLICES, """
                apiVersion: discovery.k8s.io/v1
                kind: EndpointSlice
                metadata: {name: web-x}
                addressType: IPv4
                ports: [{port: 80}]
                """);
        assertEquals("TCP", slice.getPorts().get(0).getProtocol());
        assertEquals("", slice.getPorts().get(0).getName());
    }

    @Test
    void kindsWithoutDefaultsAreLeftAlone() {
        ConfigMap cm = defaulted(ResourceTypes.CONFIGMAPS, "{apiVersion: v1, kind: ConfigMap, metadata: {name: c}, data: {a: b}}");
        assertEquals(yaml("{apiVersion: v1, kind: ConfigMap, metadata: {name: c}, data: {a: b}}"), json(cm));
    }

    @Test
    void defaultingIsIdempotentForEveryKind() {
        List<String> manifests = List.of(
                "{apiVersion: v1, kind: Pod, metadata: {name: p}, spec: {hostNetwork: true, volumes: [{name: v}], containers: [{name: c, image: nginx, ports: [{containerPort: 80}], resources: {limits: {cpu: 1}}, livenessProbe: {httpGet: {port: 80}}}]}}",
                "{apiVersion: v1, kind: Service, metadata: {name: s}, spec: {type: NodePort, clusterIP: 10.96.0.9, ports: [{port: 80}]}}",
                "{apiVersion: apps/v1, kind: Deployment, metadata: {name: d}, spec: {template: {spec: {containers: [{name: c, image: nginx}]}}}}",
                "{apiVersion: apps/v1, kind: ReplicaSet, metadata: {name: r}, spec: {}}",
                "{apiVersion: v1, kind: ReplicationController, metadata: {name: rc}, spec: {template: {metadata: {labels: {a: b}}}}}",
                "{apiVersion: v1, kind: Namespace, metadata: {name: n}}",
                "{apiVersion: v1, kind: Secret, metadata: {name: s}, stringData: {a: b}}",
                "{apiVersion: v1, kind: Node, metadata: {name: n}, status: {capacity: {cpu: 1}}}",
                "{apiVersion: v1, kind: Endpoints, metadata: {name: e}, subsets: [{ports: [{port: 1}]}]}",
                "{apiVersion: discovery.k8s.io/v1, kind: EndpointSlice, metadata: {name: e}, addressType: IPv4, ports: [{port: 1}]}");
        List<ResourceType> types = List.of(ResourceTypes.PODS, ResourceTypes.SERVICES, ResourceTypes.DEPLOYMENTS,
                ResourceTypes.REPLICA_SETS, ResourceTypes.REPLICATION_CONTROLLERS, ResourceTypes.NAMESPACES,
                ResourceTypes.SECRETS, ResourceTypes.NODES, ResourceTypes.ENDPOINTS, ResourceTypes.ENDPOINT_SLICES);
        for (int i = 0; i < manifests.size(); i++) {
            HasMetadata once = defaulted(types.get(i), manifests.get(i));
            JsonNode first = json(once);
            Defaults.apply(types.get(i), once);
            assertEquals(first, json(once), types.get(i).kind());
        }
    }

    @Test
    void rejectsObjectsOfTheWrongKind() {
        assertThrows(IllegalArgumentException.class, () -> Defaults.apply(ResourceTypes.PODS, new Service()));
    }
}
