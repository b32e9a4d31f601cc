package io.skiff.api.proto;

import java.util.Map;

/** The {@link ValueType}s by protobuf message full name. */
final class ValueTypes {
    private static final String META = "k8s.io.apimachinery.pkg.apis.meta.v1.";
    private static final StringListValue STRING_LIST = new StringListValue();

    private static final Map<String, ValueType> BY_NAME = Map.of(
            META + "Time", TimeValue.TIME,
            META + "MicroTime", TimeValue.MICRO_TIME,
            META + "Duration", new DurationValue(),
            "k8s.io.apimachinery.pkg.util.intstr.IntOrString", new IntOrStringValue(),
            "k8s.io.apimachinery.pkg.api.resource.Quantity", new QuantityValue(),
            META + "Verbs", STRING_LIST,
            "k8s.io.api.authentication.v1.ExtraValue", STRING_LIST,
            "k8s.io.api.authorization.v1.ExtraValue", STRING_LIST,
            "k8s.io.api.certificates.v1.ExtraValue", STRING_LIST);

    private ValueTypes() {
    }

    /** The special JSON form of this message type, or null when its JSON is the plain object of its fields. */
    static ValueType of(String messageFullName) {
        return BY_NAME.get(messageFullName);
    }

    static Iterable<String> names() {
        return BY_NAME.keySet();
    }
}
