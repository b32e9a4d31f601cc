package io.skiff.api.validation;

import io.fabric8.kubernetes.api.model.Service;
import io.skiff.api.ResourceTypes;
import io.skiff.api.defaults.Defaults;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.skiff.api.validation.Fixtures.DNS1035_MSG;
import static io.skiff.api.validation.Fixtures.LABEL_MSG;
import static io.skiff.api.validation.Fixtures.LABEL_VALUE_MSG;
import static io.skiff.api.validation.Fixtures.NGINX_NODEPORT_SERVICE;
import static io.skiff.api.validation.Fixtures.SUBDOMAIN_MSG;
import static io.skiff.api.validation.Fixtures.assertErrors;
import static io.skiff.api.validation.Fixtures.copy;
import static io.skiff.api.validation.Fixtures.defaulted;
import static io.skiff.api.validation.Fixtures.validate;
import static io.skiff.api.validation.Fixtures.validateUpdate;

class ServiceValidationTest {
    private static Service service(String specYaml) {
        return defaulted(ResourceTypes.SERVICES, """
                apiVersion: v1
                kind: Service
                metadata:
                  name: web
                  namespace: default
                spec:
                """ + specYaml.indent(2));
    }

    private static void assertServiceErrors(String specYaml, String... expected) {
        assertErrors(validate(ResourceTypes.SERVICES, service(specYaml)), expected);
    }

    @Test
    void theNodePortServiceIsValid() {
        assertErrors(validate(ResourceTypes.SERVICES, defaulted(ResourceTypes.SERVICES, NGINX_NODEPORT_SERVICE)));
    }

    @Test
    void otherValidServices() {
        assertServiceErrors("""
                selector:
                  app: web
                ports:
                - name: http
                  port: 80
                  targetPort: http
                - name: dns
                  port: 53
                  protocol: UDP
                """);
        assertServiceErrors("""
                clusterIP: None
                selector:
                  app: db
                """);
        assertServiceErrors("""
                type: ExternalName
                externalName: db.example.com.
                """);
        assertServiceErrors("""
                clusterIP: 10.96.0.20
                sessionAffinity: ClientIP
                ports:
                - port: 80
                """);
    }

    @Test
    void serviceNamesAreDns1035Labels() {
        Service s = service("ports: [{port: 80}]");
        s.getMetadata().setName("1web");
        assertErrors(validate(ResourceTypes.SERVICES, s), "metadata.name: Invalid value: \"1web\": " + DNS1035_MSG);
    }

    @Test
    void portsAreRequiredUnlessHeadlessOrExternalName() {
        assertServiceErrors("selector: {app: web}", "spec.ports: Required value");
    }

    @Test
    void portRules() {
        assertServiceErrors("""
                ports:
                - port: 0
                - name: Http
                  port: 80
                  protocol: ICMP
                  targetPort: 70000
                  nodePort: 80000
                - name: dup
                  port: 81
                  targetPort: Web-Port
                - name: dup
                  port: 82
                """,
                "spec.ports[0].name: Required value",
                "spec.ports[0].port: Invalid value: 0: must be between 1 and 65535, inclusive",
                // targetPort was defaulted from the bad port.
                "spec.ports[0].targetPort: Invalid value: 0: must be between 1 and 65535, inclusive",
                "spec.ports[1].name: Invalid value: \"Http\": " + LABEL_MSG,
                "spec.ports[1].protocol: Unsupported value: \"ICMP\": supported values: \"SCTP\", \"TCP\", \"UDP\"",
                "spec.ports[1].targetPort: Invalid value: 70000: must be between 1 and 65535, inclusive",
                "spec.ports[1].nodePort: Invalid value: 80000: must be between 0 and 65535, inclusive",
                "spec.ports[2].targetPort: Invalid value: \"Web-Port\": must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)",
                "spec.ports[3].name: Duplicate value: \"dup\"",
                "spec.ports[1].nodePort: Forbidden: may not be used when `type` is 'ClusterIP'");
    }

    @Test
    void duplicatePortNumbersPerProtocol() {
        assertServiceErrors("""
                ports:
                - name: a
                  port: 80
                - name: b
                  port: 80
                - name: c
                  port: 80
                  protocol: UDP
                """,
                "spec.ports[1]: Duplicate value: core.ServicePort{Name:\"\", Protocol:\"TCP\", AppProtocol:(*string)(nil), Port:80, TargetPort:intstr.IntOrString{Type:0, IntVal:0, StrVal:\"\"}, NodePort:0}");
    }

    @Test
    void duplicateNodePorts() {
        assertServiceErrors("""
                type: NodePort
                ports:
                - name: a
                  port: 80
                  nodePort: 30080
                - name: b
                  port: 81
                  nodePort: 30080
                """, "spec.ports[1].nodePort: Duplicate value: 30080");
    }

    @Test
    void typeValues() {
        assertServiceErrors("""
                type: Public
                ports: [{port: 80}]
                """, "spec.type: Unsupported value: \"Public\": supported values: \"ClusterIP\", \"ExternalName\", \"LoadBalancer\", \"NodePort\"");
    }

    @Test
    void clusterIpSyntax() {
        assertServiceErrors("""
                clusterIP: 10.96.0.300
                ports: [{port: 80}]
                """, "spec.clusterIPs[0]: Invalid value: \"10.96.0.300\": must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)");
    }

    @Test
    void clusterIpMustMatchItsFamily() {
        assertServiceErrors("""
                clusterIP: 10.96.0.5
                ipFamilies: [IPv6]
                ports: [{port: 80}]
                """, "spec.clusterIPs[0]: Invalid value: \"10.96.0.5\": expected an IPv6 value as indicated by `ipFamilies[0]`");
    }

    @Test
    void headlessIsNotForNodePorts() {
        assertServiceErrors("""
                type: NodePort
                clusterIP: None
                ports: [{port: 80}]
                """, "spec.clusterIPs[0]: Invalid value: \"None\": may not be set to 'None' for NodePort services");
    }

    @Test
    void externalNameServices() {
        assertServiceErrors("""
                type: ExternalName
                externalName: Bad_Host
                """, "spec.externalName: Invalid value: \"Bad_Host\": " + SUBDOMAIN_MSG);
        assertServiceErrors("type: ExternalName", "spec.externalName: Required value");
    }

    @Test
    void selectorUsesLabelSyntax() {
        assertServiceErrors("""
                selector:
                  app: -web
                ports: [{port: 80}]
                """, "spec.selector: Invalid value: \"-web\": " + LABEL_VALUE_MSG);
    }

    @Test
    void sessionAffinity() {
        assertServiceErrors("""
                sessionAffinity: Cookie
                ports: [{port: 80}]
                """, "spec.sessionAffinity: Unsupported value: \"Cookie\": supported values: \"ClientIP\", \"None\"");
        assertServiceErrors("""
                sessionAffinity: ClientIP
                sessionAffinityConfig:
                  clientIP:
                    timeoutSeconds: 90000
                ports: [{port: 80}]
                """, "spec.sessionAffinityConfig.clientIP.timeoutSeconds: Invalid value: 90000: must be greater than 0 and less than 86400");
    }

    @Test
    void trafficPolicies() {
        assertServiceErrors("""
                externalTrafficPolicy: Local
                internalTrafficPolicy: Nearby
                ports: [{port: 80}]
                """,
                "spec.externalTrafficPolicy: Invalid value: \"Local\": may only be set for externally-accessible services",
                "spec.internalTrafficPolicy: Unsupported value: \"Nearby\": supported values: \"Cluster\", \"Local\"");
        assertServiceErrors("""
                type: LoadBalancer
                externalTrafficPolicy: Local
                ports: [{port: 80}]
                """, "spec.healthCheckNodePort: Required value");
    }

    @Test
    void loadBalancerOnlyFields() {
        assertServiceErrors("""
                loadBalancerSourceRanges: ["10.0.0.0/8"]
                loadBalancerClass: example.com/lb
                ports: [{port: 80}]
                """,
                "spec.LoadBalancerSourceRanges: Forbidden: may only be used when `type` is 'LoadBalancer'",
                "spec.loadBalancerClass: Forbidden: may only be used when `type` is 'LoadBalancer'");
    }

    @Test
    void externalIpsMustBeRoutable() {
        assertServiceErrors("""
                externalIPs: ["127.0.0.1", "x"]
                ports: [{port: 80}]
                """,
                "spec.externalIPs[0]: Invalid value: \"127.0.0.1\": may not be in the loopback range (127.0.0.0/8, ::1/128)",
                "spec.externalIPs[1]: Invalid value: \"x\": must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)");
    }

    @Test
    void allocatedClusterIpIsImmutable() {
        Service stored = defaulted(ResourceTypes.SERVICES, NGINX_NODEPORT_SERVICE);
        stored.getSpec().setClusterIP("10.96.0.15");
        stored.getSpec().setClusterIPs(new java.util.ArrayList<>(List.of("10.96.0.15")));
        Service same = copy(stored);
        assertErrors(validateUpdate(ResourceTypes.SERVICES, same, stored));

        Service moved = copy(stored);
        moved.getSpec().setClusterIP("10.96.0.16");
        assertErrors(validateUpdate(ResourceTypes.SERVICES, moved, stored),
                "spec.clusterIPs[0]: Invalid value: []string{\"10.96.0.16\"}: may not change once set",
                "spec.clusterIPs: Invalid value: []string{\"10.96.0.15\"}: first value must match `clusterIP`");

        Service unset = copy(stored);
        unset.getSpec().setClusterIP("");
        unset.getSpec().setClusterIPs(new java.util.ArrayList<>());
        assertErrors(validateUpdate(ResourceTypes.SERVICES, unset, stored),
                "spec.clusterIPs[0]: Invalid value: []string(nil): primary clusterIP can not be unset");
    }

    @Test
    void typeChangesAreAllowed() {
        Service stored = defaulted(ResourceTypes.SERVICES, NGINX_NODEPORT_SERVICE);
        Service toClusterIp = copy(stored);
        toClusterIp.getSpec().setType("ClusterIP");
        toClusterIp.getSpec().setExternalTrafficPolicy(null);
        toClusterIp.getSpec().getPorts().get(0).setNodePort(null);
        Defaults.apply(ResourceTypes.SERVICES, toClusterIp);
        assertErrors(validateUpdate(ResourceTypes.SERVICES, toClusterIp, stored));
    }
}
