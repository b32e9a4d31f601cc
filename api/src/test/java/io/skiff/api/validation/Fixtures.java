package io.skiff.api.validation;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.skiff.api.Json;
import io.skiff.api.ResourceType;
import io.skiff.api.defaults.Defaults;
import io.skiff.api.errors.FieldError;

import java.io.UncheckedIOException;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Test helpers: objects from YAML, run through the API server's pipeline (decode, default, validate). */
final class Fixtures {
    /** The learner's first manifest. */
    static final String NGINX_POD = """
            apiVersion: v1
            kind: Pod
            metadata:
              name: nginx
              namespace: default
              labels:
                app: nginx
            spec:
              containers:
              - name: nginx
                image: nginx:1.14.2
                ports:
                - containerPort: 80
            """;

    static final String NGINX_DEPLOYMENT = """
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: nginx-deployment
              namespace: default
              labels:
                app: nginx
            spec:
              replicas: 3
              selector:
                matchLabels:
                  app: nginx
              template:
                metadata:
                  labels:
                    app: nginx
                spec:
                  containers:
                  - name: nginx
                    image: nginx:1.14.2
                    ports:
                    - containerPort: 80
            """;

    static final String NGINX_NODEPORT_SERVICE = """
            apiVersion: v1
            kind: Service
            metadata:
              name: nginx-service
              namespace: default
            spec:
              type: NodePort
              selector:
                app: nginx
              ports:
              - port: 80
                targetPort: 80
                nodePort: 30007
            """;

    private Fixtures() {
    }

    static <T extends HasMetadata> T parse(String yaml, Class<T> type) {
        try {
            return Json.YAML.readValue(yaml, type);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Decoded and defaulted, as the API server hands objects to validation. */
    static <T extends HasMetadata> T defaulted(ResourceType type, String yaml) {
        @SuppressWarnings("unchecked")
        T obj = (T) parse(yaml, type.model());
        Defaults.apply(type, obj);
        return obj;
    }

    static List<String> texts(List<FieldError> errs) {
        return errs.stream().map(FieldError::text).toList();
    }

    static List<String> validate(ResourceType type, HasMetadata obj) {
        return texts(Validation.validate(type, obj));
    }

    static List<String> validateUpdate(ResourceType type, HasMetadata n, HasMetadata o) {
        return texts(Validation.validateUpdate(type, n, o));
    }

    /** Exactly these errors, in this order. */
    static void assertErrors(List<String> actual, String... expected) {
        assertEquals(List.of(expected), actual);
    }

    /** A deep copy, for update tests. */
    @SuppressWarnings("unchecked")
    static <T extends HasMetadata> T copy(T obj) {
        return (T) Json.convert(Json.tree(obj), obj.getClass());
    }

    /** Kubernetes' DNS-1123 subdomain message for a name. */
    static final String SUBDOMAIN_MSG = "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')";
    static final String LABEL_MSG = "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')";
    static final String DNS1035_MSG = "a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character (e.g. 'my-name',  or 'abc-123', regex used for validation is '[a-z]([-a-z0-9]*[a-z0-9])?')";
    static final String QUALIFIED_NAME_PART_MSG = "name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')";
    static final String LABEL_VALUE_MSG = "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')";
}
