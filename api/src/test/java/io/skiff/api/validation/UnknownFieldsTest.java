package io.skiff.api.validation;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.skiff.api.Json;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.skiff.api.validation.Fixtures.NGINX_DEPLOYMENT;
import static io.skiff.api.validation.Fixtures.NGINX_NODEPORT_SERVICE;
import static io.skiff.api.validation.Fixtures.NGINX_POD;
import static org.junit.jupiter.api.Assertions.assertEquals;

class UnknownFieldsTest {
    @Test
    void learnerManifestsHaveNoUnknownFields() {
        assertEquals(List.of(), UnknownFields.find(Fixtures.parse(NGINX_POD, Pod.class)));
        assertEquals(List.of(), UnknownFields.find(Fixtures.parse(NGINX_DEPLOYMENT, Deployment.class)));
        assertEquals(List.of(), UnknownFields.find(Fixtures.parse(NGINX_NODEPORT_SERVICE, Service.class)));
    }

    @Test
    void findsTyposAtEveryDepth() {
        Pod pod = Fixtures.parse("""
                apiVersion: v1
                kind: Pod
                colour: blue
                metadata:
                  name: nginx
                  lables: {app: nginx}
                spec:
                  foo: 1
                  containers:
                  - name: nginx
                    image: nginx
                    imagePullPolizy: Always
                    ports:
                    - containerPort: 80
                      protocl: TCP
                    resources:
                      requests:
                        cpu: 100m
                      limts:
                        cpu: 200m
                """, Pod.class);
        assertEquals(List.of("colour", "metadata.lables", "spec.foo", "spec.containers[0].imagePullPolizy",
                "spec.containers[0].ports[0].protocl", "spec.containers[0].resources.limts"), UnknownFields.find(pod));
    }

    @Test
    void misindentedTemplateFieldsAreFound() {
        Deployment d = Fixtures.parse("""
                apiVersion: apps/v1
                kind: Deployment
                metadata:
                  name: web
                spec:
                  selector:
                    matchLabels: {app: web}
                  template:
                    metadata:
                      labels: {app: web}
                    spec:
                      containers:
                      - name: web
                        image: nginx
                        requests:
                          cpu: 1
                """, Deployment.class);
        assertEquals(List.of("spec.template.spec.containers[0].requests"), UnknownFields.find(d));
    }

    @Test
    void contentMapsAreNotFields() {
        ConfigMap cm = Fixtures.parse("""
                apiVersion: v1
                kind: ConfigMap
                metadata:
                  name: cfg
                  labels: {anything: goes}
                  annotations: {also: fine}
                  managedFields:
                  - manager: kubectl
                    operation: Update
                    fieldsType: FieldsV1
                    fieldsV1:
                      f:data:
                        f:key: {}
                data:
                  any-key: value
                """, ConfigMap.class);
        assertEquals(List.of(), UnknownFields.find(cm));
        Secret s = Fixtures.parse("""
                apiVersion: v1
                kind: Secret
                metadata: {name: s}
                stringData: {password: x}
                data: {user: YWRtaW4=}
                """, Secret.class);
        assertEquals(List.of(), UnknownFields.find(s));
    }

    @Test
    void quantitiesAndIntOrStringsAreValues() {
        Pod pod = Json.convert(Json.parse("""
                {"apiVersion":"v1","kind":"Pod","metadata":{"name":"p"},"spec":{"containers":[{"name":"c","image":"i",
                 "resources":{"limits":{"memory":"1Gi","cpu":2}},
                 "livenessProbe":{"httpGet":{"port":"http","path":"/"}}}]}}
                """.getBytes()), Pod.class);
        assertEquals(List.of(), UnknownFields.find(pod));
    }

    @Test
    void strictDecodingMessageIsKubernetes() {
        assertEquals("strict decoding error: unknown field \"spec.foo\"", UnknownFields.strictDecodingError(List.of("spec.foo")));
        assertEquals("strict decoding error: unknown field \"spec.replicass\", unknown field \"spec.template.spec.containers[0].imagee\"",
                UnknownFields.strictDecodingError(List.of("spec.replicass", "spec.template.spec.containers[0].imagee")));
        assertEquals("unknown field \"spec.foo\"", UnknownFields.warning("spec.foo"));
    }
}
