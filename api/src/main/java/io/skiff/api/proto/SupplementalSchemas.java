package io.skiff.api.proto;

import com.google.protobuf.Descriptors.FileDescriptor;
import io.kubernetes.client.proto.Meta;
import io.kubernetes.client.proto.V1;

import static com.google.protobuf.DescriptorProtos.FieldDescriptorProto.Type.TYPE_BOOL;
import static com.google.protobuf.DescriptorProtos.FieldDescriptorProto.Type.TYPE_INT32;
import static com.google.protobuf.DescriptorProtos.FieldDescriptorProto.Type.TYPE_STRING;

/**
 * Schemas of the v1 groups Skiff serves but {@code client-java-proto} does not ship. Field numbers are
 * Kubernetes' wire contract (its {@code generated.proto} files); changing one breaks every Go client.
 */
final class SupplementalSchemas {
    private static final String OBJECT_META = ".k8s.io.apimachinery.pkg.apis.meta.v1.ObjectMeta";
    private static final String LIST_META = ".k8s.io.apimachinery.pkg.apis.meta.v1.ListMeta";
    private static final String TIME = ".k8s.io.apimachinery.pkg.apis.meta.v1.Time";
    private static final String MICRO_TIME = ".k8s.io.apimachinery.pkg.apis.meta.v1.MicroTime";
    private static final String OBJECT_REFERENCE = ".k8s.io.api.core.v1.ObjectReference";
    private static final String EVENT_SOURCE = ".k8s.io.api.core.v1.EventSource";

    private SupplementalSchemas() {
    }

    static FileDescriptor coordinationV1() {
        ProtoFileBuilder f = new ProtoFileBuilder("k8s.io/api/coordination/v1/generated.proto", "k8s.io.api.coordination.v1")
                .dependsOn(Meta.getDescriptor());
        return f
                .message("Lease")
                .message("metadata", 1, OBJECT_META)
                .message("spec", 2, f.local("LeaseSpec"))
                .end()
                .message("LeaseList")
                .message("metadata", 1, LIST_META)
                .repeatedMessage("items", 2, f.local("Lease"))
                .end()
                .message("LeaseSpec")
                .scalar("holderIdentity", 1, TYPE_STRING)
                .scalar("leaseDurationSeconds", 2, TYPE_INT32)
                .message("acquireTime", 3, MICRO_TIME)
                .message("renewTime", 4, MICRO_TIME)
                .scalar("leaseTransitions", 5, TYPE_INT32)
                .scalar("strategy", 6, TYPE_STRING)
                .scalar("preferredHolder", 7, TYPE_STRING)
                .end()
                .build();
    }

    static FileDescriptor discoveryV1() {
        ProtoFileBuilder f = new ProtoFileBuilder("k8s.io/api/discovery/v1/generated.proto", "k8s.io.api.discovery.v1")
                .dependsOn(V1.getDescriptor())
                .dependsOn(Meta.getDescriptor());
        return f
                .message("Endpoint")
                .repeatedScalar("addresses", 1, TYPE_STRING)
                .message("conditions", 2, f.local("EndpointConditions"))
                .scalar("hostname", 3, TYPE_STRING)
                .message("targetRef", 4, OBJECT_REFERENCE)
                .stringMap("deprecatedTopology", 5)
                .scalar("nodeName", 6, TYPE_STRING)
                .scalar("zone", 7, TYPE_STRING)
                .message("hints", 8, f.local("EndpointHints"))
                .end()
                .message("EndpointConditions")
                .scalar("ready", 1, TYPE_BOOL)
                .scalar("serving", 2, TYPE_BOOL)
                .scalar("terminating", 3, TYPE_BOOL)
                .end()
                .message("EndpointHints")
                .repeatedMessage("forZones", 1, f.local("ForZone"))
                .end()
                .message("EndpointPort")
                .scalar("name", 1, TYPE_STRING)
                .scalar("protocol", 2, TYPE_STRING)
                .scalar("port", 3, TYPE_INT32)
                .scalar("appProtocol", 4, TYPE_STRING)
                .end()
                .message("EndpointSlice")
                .message("metadata", 1, OBJECT_META)
                .scalar("addressType", 4, TYPE_STRING)
                .repeatedMessage("endpoints", 2, f.local("Endpoint"))
                .repeatedMessage("ports", 3, f.local("EndpointPort"))
                .end()
                .message("EndpointSliceList")
                .message("metadata", 1, LIST_META)
                .repeatedMessage("items", 2, f.local("EndpointSlice"))
                .end()
                .message("ForZone")
                .scalar("name", 1, TYPE_STRING)
                .end()
                .build();
    }

    static FileDescriptor eventsV1() {
        ProtoFileBuilder f = new ProtoFileBuilder("k8s.io/api/events/v1/generated.proto", "k8s.io.api.events.v1")
                .dependsOn(V1.getDescriptor())
                .dependsOn(Meta.getDescriptor());
        return f
                .message("Event")
                .message("metadata", 1, OBJECT_META)
                .message("eventTime", 2, MICRO_TIME)
                .message("series", 3, f.local("EventSeries"))
                .scalar("reportingController", 4, TYPE_STRING)
                .scalar("reportingInstance", 5, TYPE_STRING)
                .scalar("action", 6, TYPE_STRING)
                .scalar("reason", 7, TYPE_STRING)
                .message("regarding", 8, OBJECT_REFERENCE)
                .message("related", 9, OBJECT_REFERENCE)
                .scalar("note", 10, TYPE_STRING)
                .scalar("type", 11, TYPE_STRING)
                .message("deprecatedSource", 12, EVENT_SOURCE)
                .message("deprecatedFirstTimestamp", 13, TIME)
                .message("deprecatedLastTimestamp", 14, TIME)
                .scalar("deprecatedCount", 15, TYPE_INT32)
                .end()
                .message("EventList")
                .message("metadata", 1, LIST_META)
                .repeatedMessage("items", 2, f.local("Event"))
                .end()
                .message("EventSeries")
                .scalar("count", 1, TYPE_INT32)
                .message("lastObservedTime", 2, MICRO_TIME)
                .end()
                .build();
    }
}
