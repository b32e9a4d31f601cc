package io.skiff.api.validation;

import io.fabric8.kubernetes.api.model.Endpoints;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.EventBuilder;
import io.fabric8.kubernetes.api.model.MicroTime;
import io.fabric8.kubernetes.api.model.discovery.v1.EndpointSlice;
import io.skiff.api.ResourceTypes;
import org.junit.jupiter.api.Test;

import static io.skiff.api.validation.Fixtures.LABEL_MSG;
import static io.skiff.api.validation.Fixtures.assertErrors;
import static io.skiff.api.validation.Fixtures.copy;
import static io.skiff.api.validation.Fixtures.defaulted;
import static io.skiff.api.validation.Fixtures.validate;
import static io.skiff.api.validation.Fixtures.validateUpdate;

class EndpointsAndEventsValidationTest {
    @Test
    void validEndpoints() {
        Endpoints ep = defaulted(ResourceTypes.ENDPOINTS, """
                apiVersion: v1
                kind: Endpoints
                metadata: {name: web, namespace: default}
                subsets:
                - addresses:
                  - ip: 10.244.1.5
                    nodeName: node-1
                  notReadyAddresses:
                  - ip: 10.244.2.7
                  ports:
                  - name: http
                    port: 80
                  - name: https
                    port: 443
                """);
        assertErrors(validate(ResourceTypes.ENDPOINTS, ep));
    }

    @Test
    void endpointsRules() {
        Endpoints ep = defaulted(ResourceTypes.ENDPOINTS, """
                apiVersion: v1
                kind: Endpoints
                metadata: {name: web, namespace: default}
                subsets:
                - ports:
                  - port: 80
                - addresses:
                  - ip: 10.244.300.5
                  - ip: 127.0.0.1
                    hostname: Web_0
                  ports:
                  - port: 0
                    protocol: ICMP
                  - name: Http
                    port: 81
                """);
        assertErrors(validate(ResourceTypes.ENDPOINTS, ep),
                "subsets[0]: Required value: must specify `addresses` or `notReadyAddresses`",
                "subsets[1].addresses[0].ip: Invalid value: \"10.244.300.5\": must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)",
                "subsets[1].addresses[0].ip: Invalid value: \"10.244.300.5\": must be a valid IP address",
                "subsets[1].addresses[1].hostname: Invalid value: \"Web_0\": " + LABEL_MSG,
                "subsets[1].addresses[1].ip: Invalid value: \"127.0.0.1\": may not be in the loopback range (127.0.0.0/8, ::1/128)",
                "subsets[1].ports[0].name: Required value",
                "subsets[1].ports[0].port: Invalid value: 0: must be between 1 and 65535, inclusive",
                "subsets[1].ports[0].protocol: Unsupported value: \"ICMP\": supported values: \"SCTP\", \"TCP\", \"UDP\"",
                "subsets[1].ports[1].name: Invalid value: \"Http\": " + LABEL_MSG);
    }

    private static EndpointSlice slice(String type) {
        return defaulted(ResourceTypes.ENDPOINT_SLICES, """
                apiVersion: discovery.k8s.io/v1
                kind: EndpointSlice
                metadata: {name: web-abc12, namespace: default}
                addressType: %s
                endpoints:
                - addresses: ["10.244.1.5"]
                  nodeName: node-1
                  conditions: {ready: true}
                ports:
                - name: http
                  port: 80
                """.formatted(type));
    }

    @Test
    void endpointSlices() {
        assertErrors(validate(ResourceTypes.ENDPOINT_SLICES, slice("IPv4")));
        assertErrors(validate(ResourceTypes.ENDPOINT_SLICES, slice("IPv6")),
                "endpoints[0].addresses[0]: Invalid value: \"10.244.1.5\": must be a valid IPv6 address");
        assertErrors(validate(ResourceTypes.ENDPOINT_SLICES, slice("IP")),
                "addressType: Unsupported value: \"IP\": supported values: \"FQDN\", \"IPv4\", \"IPv6\"");
        EndpointSlice s = slice("IPv4");
        s.getEndpoints().get(0).setAddresses(new java.util.ArrayList<>());
        s.getPorts().add(copy(slice("IPv4")).getPorts().get(0));
        assertErrors(validate(ResourceTypes.ENDPOINT_SLICES, s),
                "endpoints[0].addresses: Required value: must contain at least 1 address",
                "ports[1].name: Duplicate value: \"http\"");
    }

    @Test
    void endpointSliceAddressTypeIsImmutable() {
        EndpointSlice stored = slice("IPv4");
        EndpointSlice changed = slice("FQDN");
        changed.getEndpoints().get(0).getAddresses().set(0, "web.example.com");
        assertErrors(validateUpdate(ResourceTypes.ENDPOINT_SLICES, changed, stored),
                "addressType: Invalid value: \"FQDN\": field is immutable");
    }

    private static Event coreEvent() {
        return new EventBuilder().withNewMetadata().withName("nginx.17a").withNamespace("default").endMetadata()
                .withNewInvolvedObject().withKind("Pod").withName("nginx").withNamespace("default").endInvolvedObject()
                .withReason("Scheduled").withMessage("Successfully assigned default/nginx to node-1").withType("Normal")
                .withNewSource().withComponent("default-scheduler").endSource()
                .withFirstTimestamp("2024-01-01T00:00:00Z").withLastTimestamp("2024-01-01T00:00:00Z").withCount(1).build();
    }

    @Test
    void coreEventsFollowTheLegacyRules() {
        assertErrors(validate(ResourceTypes.EVENTS, coreEvent()));
        Event elsewhere = coreEvent();
        elsewhere.getInvolvedObject().setNamespace("kube-system");
        assertErrors(validate(ResourceTypes.EVENTS, elsewhere),
                "involvedObject.namespace: Invalid value: \"kube-system\": does not match event.namespace");
        Event newStyle = coreEvent();
        newStyle.setEventTime(new MicroTime("2024-01-01T00:00:00.000000Z"));
        assertErrors(validate(ResourceTypes.EVENTS, newStyle),
                "reportingController: Required value",
                "reportingController: Invalid value: \"\": name part must be non-empty",
                "reportingController: Invalid value: \"\": " + Fixtures.QUALIFIED_NAME_PART_MSG,
                "reportingInstance: Required value",
                "action: Required value");
    }

    private static io.fabric8.kubernetes.api.model.events.v1.Event eventsV1() {
        return new io.fabric8.kubernetes.api.model.events.v1.EventBuilder()
                .withNewMetadata().withName("nginx.17b").withNamespace("default").endMetadata()
                .withNewRegarding().withKind("Pod").withName("nginx").withNamespace("default").endRegarding()
                .withEventTime(new MicroTime("2024-01-01T00:00:00.000000Z")).withReportingController("skiff.io/kubelet")
                .withReportingInstance("kubelet-node-1").withAction("Pulling").withReason("Pulling").withType("Normal")
                .withNote("Pulling image nginx").build();
    }

    @Test
    void eventsV1AreStrict() {
        assertErrors(validate(ResourceTypes.EVENTS_V1, eventsV1()));
        io.fabric8.kubernetes.api.model.events.v1.Event bad = eventsV1();
        bad.setType("Info");
        bad.setDeprecatedCount(3);
        bad.setEventTime(null);
        assertErrors(validate(ResourceTypes.EVENTS_V1, bad),
                "eventTime: Required value",
                "type: Invalid value: \"\": has invalid value: Info",
                "count: Invalid value: \"\": needs to be unset");
    }

    @Test
    void eventsV1AreImmutableButForTheirSeries() {
        io.fabric8.kubernetes.api.model.events.v1.Event stored = eventsV1();
        io.fabric8.kubernetes.api.model.events.v1.Event updated = eventsV1();
        updated.setSeries(new io.fabric8.kubernetes.api.model.events.v1.EventSeries(2, new MicroTime("2024-01-01T00:01:00.000000Z")));
        assertErrors(validateUpdate(ResourceTypes.EVENTS_V1, updated, stored));
        updated.setNote("Pulled image nginx");
        assertErrors(validateUpdate(ResourceTypes.EVENTS_V1, updated, stored),
                "message: Invalid value: \"Pulled image nginx\": field is immutable");
    }
}
