package io.skiff.api.validation;

import io.fabric8.kubernetes.api.model.Pod;
import io.skiff.api.ResourceTypes;
import org.junit.jupiter.api.Test;

import static io.skiff.api.validation.Fixtures.LABEL_MSG;
import static io.skiff.api.validation.Fixtures.NGINX_POD;
import static io.skiff.api.validation.Fixtures.SUBDOMAIN_MSG;
import static io.skiff.api.validation.Fixtures.assertErrors;
import static io.skiff.api.validation.Fixtures.defaulted;
import static io.skiff.api.validation.Fixtures.validate;

class PodValidationTest {
    private static Pod pod(String specYaml) {
        return defaulted(ResourceTypes.PODS, """
                apiVersion: v1
                kind: Pod
                metadata:
                  name: p
                  namespace: default
                spec:
                """ + specYaml.indent(2));
    }

    private static void assertPodErrors(String specYaml, String... expected) {
        assertErrors(validate(ResourceTypes.PODS, pod(specYaml)), expected);
    }

    @Test
    void theNginxPodIsValid() {
        assertErrors(validate(ResourceTypes.PODS, defaulted(ResourceTypes.PODS, NGINX_POD)));
    }

    @Test
    void aRichButValidPodPasses() {
        assertPodErrors("""
                restartPolicy: OnFailure
                hostname: web-0
                subdomain: web
                nodeSelector:
                  disktype: ssd
                tolerations:
                - key: node.kubernetes.io/not-ready
                  operator: Exists
                  effect: NoExecute
                  tolerationSeconds: 300
                volumes:
                - name: data
                  emptyDir: {}
                - name: config
                  configMap:
                    name: app-config
                    items:
                    - key: app.properties
                      path: conf/app.properties
                initContainers:
                - name: init
                  image: busybox:1.36
                  command: ["sh", "-c", "true"]
                containers:
                - name: app
                  image: registry.local:5000/app@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef
                  ports:
                  - name: http
                    containerPort: 8080
                  - name: metrics
                    containerPort: 9090
                    protocol: TCP
                  env:
                  - name: POD_NAME
                    valueFrom:
                      fieldRef:
                        fieldPath: metadata.name
                  - name: LEVEL
                    valueFrom:
                      configMapKeyRef:
                        name: app-config
                        key: level
                  resources:
                    requests:
                      cpu: 250m
                      memory: 64Mi
                    limits:
                      cpu: "1"
                      memory: 128Mi
                  volumeMounts:
                  - name: data
                    mountPath: /data
                  - name: config
                    mountPath: /etc/app
                    readOnly: true
                  livenessProbe:
                    httpGet:
                      port: http
                  readinessProbe:
                    tcpSocket:
                      port: 8080
                    initialDelaySeconds: 5
                  lifecycle:
                    preStop:
                      sleep:
                        seconds: 5
                """);
    }

    @Test
    void containersAreRequired() {
        assertPodErrors("containers: []", "spec.containers: Required value");
    }

    @Test
    void containerNamesAreRequiredUniqueDnsLabels() {
        assertPodErrors("""
                containers:
                - name: Web_1
                  image: nginx
                - image: nginx
                - name: dup
                  image: nginx
                - name: dup
                  image: nginx
                """,
                "spec.containers[0].name: Invalid value: \"Web_1\": " + LABEL_MSG,
                "spec.containers[1].name: Required value",
                "spec.containers[3].name: Duplicate value: \"dup\"");
    }

    @Test
    void initContainerNamesMayNotClashWithContainers() {
        assertPodErrors("""
                initContainers:
                - name: app
                  image: busybox
                containers:
                - name: app
                  image: nginx
                """, "spec.initContainers[0].name: Duplicate value: \"app\"");
    }

    @Test
    void imageIsRequiredAndMayNotBePadded() {
        assertPodErrors("""
                containers:
                - name: a
                - name: b
                  image: " nginx"
                """,
                "spec.containers[0].image: Required value",
                "spec.containers[1].image: Invalid value: \" nginx\": must not have leading or trailing whitespace");
    }

    @Test
    void containerPorts() {
        assertPodErrors("""
                containers:
                - name: web
                  image: nginx
                  ports:
                  - containerPort: 0
                  - containerPort: 70000
                    hostPort: -1
                  - containerPort: 80
                    protocol: HTTP
                  - name: HTTP
                    containerPort: 81
                  - name: web
                    containerPort: 82
                  - name: web
                    containerPort: 83
                """,
                "spec.containers[0].ports[0].containerPort: Required value",
                "spec.containers[0].ports[1].containerPort: Invalid value: 70000: must be between 1 and 65535, inclusive",
                "spec.containers[0].ports[1].hostPort: Invalid value: -1: must be between 1 and 65535, inclusive",
                "spec.containers[0].ports[2].protocol: Unsupported value: \"HTTP\": supported values: \"SCTP\", \"TCP\", \"UDP\"",
                "spec.containers[0].ports[3].name: Invalid value: \"HTTP\": must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)",
                "spec.containers[0].ports[3].name: Invalid value: \"HTTP\": must contain at least one letter (a-z)",
                "spec.containers[0].ports[5].name: Duplicate value: \"web\"");
    }

    @Test
    void hostPortsMayNotClash() {
        assertPodErrors("""
                containers:
                - name: a
                  image: nginx
                  ports:
                  - containerPort: 80
                    hostPort: 8080
                - name: b
                  image: nginx
                  ports:
                  - containerPort: 81
                    hostPort: 8080
                """, "spec.containers[1].ports[0].hostPort: Duplicate value: \"TCP//8080\"");
    }

    @Test
    void hostNetworkPodsUseTheirContainerPortOnTheHost() {
        assertPodErrors("""
                hostNetwork: true
                containers:
                - name: a
                  image: nginx
                  ports:
                  - containerPort: 80
                    hostPort: 8080
                """, "spec.containers[0].ports[0].hostPort: Invalid value: 8080: must match `containerPort` when `hostNetwork` is true");
    }

    @Test
    void environment() {
        assertPodErrors("""
                containers:
                - name: a
                  image: nginx
                  env:
                  - name: ""
                  - name: A=B
                  - name: FROM_NOWHERE
                    valueFrom: {}
                  - name: BOTH
                    value: x
                    valueFrom:
                      fieldRef:
                        fieldPath: metadata.name
                  - name: PHASE
                    valueFrom:
                      fieldRef:
                        fieldPath: status.phase
                  - name: KEY
                    valueFrom:
                      secretKeyRef:
                        name: creds
                        key: a/b
                  envFrom:
                  - prefix: X=
                    configMapRef:
                      name: cfg
                  - {}
                """,
                "spec.containers[0].env[0].name: Required value",
                "spec.containers[0].env[1].name: Invalid value: \"A=B\": a valid environment variable name must consist only of printable ASCII characters other than '='",
                "spec.containers[0].env[2].valueFrom: Invalid value: \"\": must specify one of: `fieldRef`, `resourceFieldRef`, `configMapKeyRef` or `secretKeyRef`",
                "spec.containers[0].env[3].valueFrom: Invalid value: \"\": may not be specified when `value` is not empty",
                "spec.containers[0].env[4].valueFrom.fieldRef.fieldPath: Unsupported value: \"status.phase\": supported values: \"metadata.name\", \"metadata.namespace\", \"metadata.uid\", \"spec.nodeName\", \"spec.serviceAccountName\", \"status.hostIP\", \"status.hostIPs\", \"status.podIP\", \"status.podIPs\"",
                "spec.containers[0].env[5].valueFrom.secretKeyRef.key: Invalid value: \"a/b\": a valid config key must consist of alphanumeric characters, '-', '_' or '.' (e.g. 'key.name',  or 'KEY_NAME',  or 'key-name', regex used for validation is '[-._a-zA-Z0-9]+')",
                "spec.containers[0].envFrom[0].prefix: Invalid value: \"X=\": a valid environment variable name must consist only of printable ASCII characters other than '='",
                "spec.containers[0].envFrom: Invalid value: \"\": must specify one of: `configMapRef` or `secretRef`");
    }

    @Test
    void volumesHaveUniqueNamesAndOneSource() {
        assertPodErrors("""
                volumes:
                - name: data
                  emptyDir: {}
                - name: data
                  emptyDir: {}
                - name: Bad_Name
                  emptyDir: {}
                - name: two
                  emptyDir: {}
                  hostPath:
                    path: /tmp
                - name: cm
                  configMap:
                    defaultMode: 1000
                    items:
                    - key: k
                      path: ../escape
                containers:
                - name: a
                  image: nginx
                """,
                "spec.volumes[1].name: Duplicate value: \"data\"",
                "spec.volumes[2].name: Invalid value: \"Bad_Name\": " + LABEL_MSG,
                "spec.volumes[3].hostPath: Forbidden: may not specify more than 1 volume type",
                "spec.volumes[4].configMap.name: Required value",
                "spec.volumes[4].configMap.defaultMode: Invalid value: 1000: must be a number between 0 and 0777 (octal), both inclusive",
                "spec.volumes[4].configMap.items[0].path: Invalid value: \"../escape\": must not contain '..'");
    }

    @Test
    void volumeSourceDetails() {
        assertPodErrors("""
                volumes:
                - name: host
                  hostPath:
                    path: /var/../etc
                    type: Folder
                - name: secret
                  secret: {}
                - name: claim
                  persistentVolumeClaim: {}
                - name: nfs
                  nfs:
                    server: nfs.local
                    path: exports
                containers:
                - name: a
                  image: nginx
                """,
                "spec.volumes[0].hostPath.path: Invalid value: \"/var/../etc\": must not contain '..'",
                "spec.volumes[0].hostPath.type: Unsupported value: \"Folder\": supported values: \"\", \"BlockDevice\", \"CharDevice\", \"Directory\", \"DirectoryOrCreate\", \"File\", \"FileOrCreate\", \"Socket\"",
                "spec.volumes[1].secret.secretName: Required value",
                "spec.volumes[2].persistentVolumeClaim.claimName: Required value",
                "spec.volumes[3].nfs.path: Invalid value: \"exports\": must be an absolute path");
    }

    @Test
    void volumeMountsMustReferToVolumes() {
        assertPodErrors("""
                volumes:
                - name: data
                  emptyDir: {}
                containers:
                - name: a
                  image: nginx
                  volumeMounts:
                  - name: data
                    mountPath: /data
                  - name: missing
                    mountPath: /data
                  - name: data
                    mountPath: ""
                  - name: data
                    mountPath: /sub
                    subPath: /abs
                """,
                "spec.containers[0].volumeMounts[1].name: Not found: \"missing\"",
                "spec.containers[0].volumeMounts[1].mountPath: Invalid value: \"/data\": must be unique",
                "spec.containers[0].volumeMounts[2].mountPath: Required value",
                "spec.containers[0].volumeMounts.subPath: Invalid value: \"/abs\": must be a relative path");
    }

    @Test
    void restartAndDnsPolicies() {
        assertPodErrors("""
                restartPolicy: Sometimes
                dnsPolicy: Google
                containers:
                - name: a
                  image: nginx
                """,
                "spec.restartPolicy: Unsupported value: \"Sometimes\": supported values: \"Always\", \"OnFailure\", \"Never\"",
                "spec.dnsPolicy: Unsupported value: \"Google\": supported values: \"ClusterFirstWithHostNet\", \"ClusterFirst\", \"Default\", \"None\"");
    }

    @Test
    void pullAndTerminationMessagePolicies() {
        assertPodErrors("""
                containers:
                - name: a
                  image: nginx
                  imagePullPolicy: Sometimes
                  terminationMessagePolicy: Log
                """,
                "spec.containers[0].terminationMessagePolicy: Unsupported value: \"Log\": supported values: \"File\", \"FallbackToLogsOnError\"",
                "spec.containers[0].imagePullPolicy: Unsupported value: \"Sometimes\": supported values: \"Always\", \"IfNotPresent\", \"Never\"");
    }

    @Test
    void resourceRequestsMayNotExceedLimits() {
        assertPodErrors("""
                containers:
                - name: a
                  image: nginx
                  resources:
                    requests:
                      cpu: "0.6"
                      memory: 1Gi
                    limits:
                      cpu: 500m
                      memory: 512Mi
                """,
                "spec.containers[0].resources.requests: Invalid value: \"600m\": must be less than or equal to cpu limit of 500m",
                "spec.containers[0].resources.requests: Invalid value: \"1Gi\": must be less than or equal to memory limit of 512Mi");
    }

    @Test
    void resourceNamesAndAmounts() {
        assertPodErrors("""
                containers:
                - name: a
                  image: nginx
                  resources:
                    limits:
                      gpu: "1"
                      example.com/dongle: 1500m
                    requests:
                      memory: "-1"
                """,
                "spec.containers[0].resources.limits[gpu]: Invalid value: \"gpu\": must be a standard resource type or fully qualified",
                "spec.containers[0].resources.limits[example.com/dongle]: Invalid value: 1500m: must be an integer",
                "spec.containers[0].resources.requests[memory]: Invalid value: \"-1\": must be greater than or equal to 0",
                // Pod defaulting copied the limits into the requests, so they are reported there too.
                "spec.containers[0].resources.requests[gpu]: Invalid value: \"gpu\": must be a standard resource type or fully qualified",
                "spec.containers[0].resources.requests[example.com/dongle]: Invalid value: 1500m: must be an integer");
    }

    @Test
    void extendedResourcesCannotBeOvercommitted() {
        assertPodErrors("""
                containers:
                - name: a
                  image: nginx
                  resources:
                    limits:
                      example.com/gpu: "2"
                    requests:
                      example.com/gpu: "1"
                """, "spec.containers[0].resources.requests: Invalid value: \"1\": must be equal to example.com/gpu limit of 2");
    }

    @Test
    void probes() {
        assertPodErrors("""
                containers:
                - name: a
                  image: nginx
                  livenessProbe:
                    successThreshold: 2
                    periodSeconds: -1
                    exec:
                      command: []
                  readinessProbe:
                    httpGet:
                      port: 0
                      scheme: FTP
                    tcpSocket:
                      port: 80
                    terminationGracePeriodSeconds: 10
                  startupProbe: {}
                """,
                "spec.containers[0].livenessProbe.exec.command: Required value",
                "spec.containers[0].livenessProbe.periodSeconds: Invalid value: -1: must be greater than or equal to 0",
                "spec.containers[0].livenessProbe.successThreshold: Invalid value: 2: must be 1",
                "spec.containers[0].readinessProbe.httpGet.port: Invalid value: 0: must be between 1 and 65535, inclusive",
                "spec.containers[0].readinessProbe.httpGet.scheme: Unsupported value: \"FTP\": supported values: \"HTTP\", \"HTTPS\"",
                "spec.containers[0].readinessProbe.tcpSocket: Forbidden: may not specify more than 1 handler type",
                "spec.containers[0].readinessProbe.terminationGracePeriodSeconds: Invalid value: 10: must not be set for readinessProbes",
                "spec.containers[0].startupProbe: Required value: must specify a handler type");
    }

    @Test
    void probePortNamesFollowPortNameRules() {
        assertPodErrors("""
                containers:
                - name: a
                  image: nginx
                  livenessProbe:
                    tcpSocket:
                      port: Web
                """, "spec.containers[0].livenessProbe.tcpSocket.port: Invalid value: \"Web\": must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)");
    }

    @Test
    void initContainersWithoutRestartPolicyAlwaysHaveNoProbes() {
        assertPodErrors("""
                initContainers:
                - name: init
                  image: busybox
                  readinessProbe:
                    exec:
                      command: ["true"]
                containers:
                - name: a
                  image: nginx
                  restartPolicy: Always
                """,
                "spec.containers[0].restartPolicy: Forbidden: may not be set for non-init containers",
                "spec.initContainers[0].readinessProbe: Forbidden: may not be set for init containers without restartPolicy=Always");
    }

    @Test
    void tolerations() {
        assertPodErrors("""
                tolerations:
                - operator: Equal
                  value: x
                - key: dedicated
                  operator: Exists
                  value: gpu
                - key: dedicated
                  operator: Like
                - key: dedicated
                  value: gpu
                  effect: NoSchedule
                  tolerationSeconds: 10
                - key: dedicated
                  effect: Sometimes
                containers:
                - name: a
                  image: nginx
                """,
                "spec.tolerations[0].operator: Invalid value: \"Equal\": operator must be Exists when `key` is empty, which means \"match all values and all keys\"",
                "spec.tolerations[1].operator: Invalid value: \"gpu\": value must be empty when `operator` is 'Exists'",
                "spec.tolerations[2].operator: Unsupported value: \"Like\": supported values: \"Equal\", \"Exists\"",
                "spec.tolerations[3].effect: Invalid value: \"NoSchedule\": effect must be 'NoExecute' when `tolerationSeconds` is set",
                "spec.tolerations[4].effect: Unsupported value: \"Sometimes\": supported values: \"NoSchedule\", \"PreferNoSchedule\", \"NoExecute\"");
    }

    @Test
    void schedulingFieldsAreNames() {
        assertPodErrors("""
                nodeName: Node_1
                serviceAccountName: My_SA
                hostname: web.0
                activeDeadlineSeconds: 0
                nodeSelector:
                  disk type: ssd
                containers:
                - name: a
                  image: nginx
                """,
                "spec.nodeSelector: Invalid value: \"disk type\": " + Fixtures.QUALIFIED_NAME_PART_MSG,
                "spec.serviceAccountName: Invalid value: \"My_SA\": " + SUBDOMAIN_MSG,
                "spec.nodeName: Invalid value: \"Node_1\": " + SUBDOMAIN_MSG,
                "spec.activeDeadlineSeconds: Invalid value: 0: must be between 1 and 2147483647, inclusive",
                "spec.hostname: Invalid value: \"web.0\": must not contain dots");
    }

    @Test
    void affinity() {
        assertPodErrors("""
                affinity:
                  nodeAffinity:
                    requiredDuringSchedulingIgnoredDuringExecution:
                      nodeSelectorTerms:
                      - matchExpressions:
                        - key: disktype
                          operator: In
                  podAntiAffinity:
                    preferredDuringSchedulingIgnoredDuringExecution:
                    - weight: 101
                      podAffinityTerm:
                        labelSelector:
                          matchLabels:
                            app: web
                containers:
                - name: a
                  image: nginx
                """,
                "spec.affinity.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution.nodeSelectorTerms[0].matchExpressions[0].values: Required value: must be specified when `operator` is 'In' or 'NotIn'",
                "spec.affinity.podAntiAffinity.preferredDuringSchedulingIgnoredDuringExecution[0].weight: Invalid value: 101: must be in the range 1-100",
                "spec.affinity.podAntiAffinity.preferredDuringSchedulingIgnoredDuringExecution[0].podAffinityTerm.topologyKey: Required value: can not be empty",
                "spec.affinity.podAntiAffinity.preferredDuringSchedulingIgnoredDuringExecution[0].podAffinityTerm.topologyKey: Invalid value: \"\": name part must be non-empty",
                "spec.affinity.podAntiAffinity.preferredDuringSchedulingIgnoredDuringExecution[0].podAffinityTerm.topologyKey: Invalid value: \"\": " + Fixtures.QUALIFIED_NAME_PART_MSG);
    }

    @Test
    void dnsConfig() {
        assertPodErrors("""
                dnsPolicy: None
                containers:
                - name: a
                  image: nginx
                """, "spec.dnsConfig: Required value: must provide `dnsConfig` when `dnsPolicy` is None");
        assertPodErrors("""
                dnsConfig:
                  nameservers: ["10.96.0.10", "dns"]
                  searches: ["Bad_Domain.local"]
                containers:
                - name: a
                  image: nginx
                """,
                "spec.dnsConfig.nameservers[1]: Invalid value: \"dns\": must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)",
                "spec.dnsConfig.searches[0]: Invalid value: \"Bad_Domain.local\": " + SUBDOMAIN_MSG);
    }

    @Test
    void ephemeralContainersCannotBeSetOnCreate() {
        assertPodErrors("""
                containers:
                - name: a
                  image: nginx
                ephemeralContainers:
                - name: debug
                  image: busybox
                  targetContainerName: a
                """, "spec.ephemeralContainers: Forbidden: cannot be set on create");
    }

    @Test
    void podOnlyAnnotations() {
        Pod p = defaulted(ResourceTypes.PODS, """
                apiVersion: v1
                kind: Pod
                metadata:
                  name: p
                  namespace: default
                  annotations:
                    controller.kubernetes.io/pod-deletion-cost: lots
                    kubernetes.io/config.mirror: abc
                spec:
                  containers:
                  - name: a
                    image: nginx
                """);
        assertErrors(validate(ResourceTypes.PODS, p),
                "metadata.annotations[kubernetes.io/config.mirror]: Invalid value: \"abc\": must set spec.nodeName if mirror pod annotation is set",
                "metadata.annotations[controller.kubernetes.io/pod-deletion-cost]: Invalid value: \"lots\": must be a 32bit integer");
    }

    @Test
    void validationWithoutDefaultsReportsWhatDefaultingWouldFill() {
        Pod raw = Fixtures.parse(NGINX_POD, Pod.class);
        assertErrors(validate(ResourceTypes.PODS, raw),
                "spec.terminationGracePeriodSeconds: Required value",
                "spec.containers[0].terminationMessagePolicy: Required value",
                "spec.containers[0].ports[0].protocol: Required value",
                "spec.containers[0].imagePullPolicy: Required value",
                "spec.restartPolicy: Required value",
                "spec.dnsPolicy: Required value");
    }
}
