package io.skiff.api.validation;

import io.fabric8.kubernetes.api.model.ReplicationController;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.skiff.api.ResourceTypes;
import io.skiff.api.defaults.Defaults;
import org.junit.jupiter.api.Test;

import static io.skiff.api.validation.Fixtures.NGINX_DEPLOYMENT;
import static io.skiff.api.validation.Fixtures.assertErrors;
import static io.skiff.api.validation.Fixtures.copy;
import static io.skiff.api.validation.Fixtures.defaulted;
import static io.skiff.api.validation.Fixtures.validate;
import static io.skiff.api.validation.Fixtures.validateUpdate;

class WorkloadValidationTest {
    private static final String TEMPLATE = """
            template:
              metadata:
                labels:
                  app: web
              spec:
                containers:
                - name: web
                  image: nginx
            """;

    private static Deployment deployment(String specYaml) {
        return defaulted(ResourceTypes.DEPLOYMENTS, """
                apiVersion: apps/v1
                kind: Deployment
                metadata:
                  name: web
                  namespace: default
                spec:
                """ + specYaml.indent(2));
    }

    @Test
    void theNginxDeploymentIsValid() {
        assertErrors(validate(ResourceTypes.DEPLOYMENTS, defaulted(ResourceTypes.DEPLOYMENTS, NGINX_DEPLOYMENT)));
    }

    @Test
    void selectorIsRequired() {
        assertErrors(validate(ResourceTypes.DEPLOYMENTS, deployment(TEMPLATE)),
                "spec.selector: Required value",
                "spec.template.metadata.labels: Invalid value: map[string]string{\"app\":\"web\"}: `selector` does not match template `labels`");
    }

    @Test
    void selectorMustMatchTemplateLabels() {
        assertErrors(validate(ResourceTypes.DEPLOYMENTS, deployment("""
                selector:
                  matchLabels:
                    app: nginx
                """ + TEMPLATE)),
                "spec.template.metadata.labels: Invalid value: map[string]string{\"app\":\"web\"}: `selector` does not match template `labels`");
        assertErrors(validate(ResourceTypes.DEPLOYMENTS, deployment("""
                selector:
                  matchExpressions:
                  - key: app
                    operator: In
                    values: [web, api]
                """ + TEMPLATE)));
    }

    @Test
    void selectorMayNotBeEmpty() {
        assertErrors(validate(ResourceTypes.DEPLOYMENTS, deployment("selector: {}\n" + TEMPLATE)),
                "spec.selector: Invalid value: v1.LabelSelector{MatchLabels:map[string]string(nil), MatchExpressions:[]v1.LabelSelectorRequirement(nil)}: empty selector is invalid for deployment");
    }

    @Test
    void selectorSyntax() {
        assertErrors(validate(ResourceTypes.DEPLOYMENTS, deployment("""
                selector:
                  matchExpressions:
                  - key: app
                    operator: Matches
                    values: [web]
                """ + TEMPLATE)),
                "spec.selector.matchExpressions[0].operator: Invalid value: \"Matches\": not a valid selector operator",
                "spec.selector: Invalid value: v1.LabelSelector{MatchLabels:map[string]string(nil), MatchExpressions:[]v1.LabelSelectorRequirement{v1.LabelSelectorRequirement{Key:\"app\", Operator:\"Matches\", Values:[]string{\"web\"}}}}: invalid label selector");
    }

    @Test
    void replicasAndTimings() {
        assertErrors(validate(ResourceTypes.DEPLOYMENTS, deployment("""
                replicas: -1
                minReadySeconds: 10
                progressDeadlineSeconds: 5
                revisionHistoryLimit: -2
                selector:
                  matchLabels:
                    app: web
                """ + TEMPLATE)),
                "spec.replicas: Invalid value: -1: must be greater than or equal to 0",
                "spec.revisionHistoryLimit: Invalid value: -2: must be greater than or equal to 0",
                "spec.progressDeadlineSeconds: Invalid value: 5: must be greater than minReadySeconds");
    }

    @Test
    void strategies() {
        String selector = "selector:\n  matchLabels:\n    app: web\n";
        assertErrors(validate(ResourceTypes.DEPLOYMENTS, deployment(selector + """
                strategy:
                  type: RollingUpdate
                  rollingUpdate:
                    maxSurge: 0
                    maxUnavailable: 0%
                """ + TEMPLATE)),
                "spec.strategy.rollingUpdate.maxUnavailable: Invalid value: 0%: may not be 0 when `maxSurge` is 0");
        assertErrors(validate(ResourceTypes.DEPLOYMENTS, deployment(selector + """
                strategy:
                  rollingUpdate:
                    maxSurge: lots
                    maxUnavailable: 150%
                """ + TEMPLATE)),
                "spec.strategy.rollingUpdate.maxSurge: Invalid value: lots: a valid percent string must be a numeric string followed by an ending '%' (e.g. '1%',  or '93%', regex used for validation is '[0-9]+%')",
                "spec.strategy.rollingUpdate.maxUnavailable: Invalid value: 150%: must not be greater than 100%");
        assertErrors(validate(ResourceTypes.DEPLOYMENTS, deployment(selector + """
                strategy:
                  type: BlueGreen
                """ + TEMPLATE)),
                "spec.strategy: Unsupported value: apps.DeploymentStrategy{Type:\"BlueGreen\", RollingUpdate:(*apps.RollingUpdateDeployment)(nil)}: supported values: \"Recreate\", \"RollingUpdate\"");
        Deployment recreate = deployment(selector + "strategy:\n  type: Recreate\n" + TEMPLATE);
        assertErrors(validate(ResourceTypes.DEPLOYMENTS, recreate));
    }

    @Test
    void templateIsValidatedAsAPodSpec() {
        assertErrors(validate(ResourceTypes.DEPLOYMENTS, deployment("""
                selector:
                  matchLabels:
                    app: web
                template:
                  metadata:
                    labels:
                      app: web
                  spec:
                    restartPolicy: Never
                    activeDeadlineSeconds: 10
                    containers:
                    - name: web
                """)),
                "spec.template.spec.containers[0].image: Required value",
                "spec.template.spec.restartPolicy: Unsupported value: \"Never\": supported values: \"Always\"",
                "spec.template.spec.activeDeadlineSeconds: Forbidden: activeDeadlineSeconds in ReplicaSet is not Supported");
    }

    @Test
    void selectorIsImmutableInAppsV1() {
        Deployment stored = defaulted(ResourceTypes.DEPLOYMENTS, NGINX_DEPLOYMENT);
        Deployment scaled = copy(stored);
        scaled.getSpec().setReplicas(5);
        scaled.getSpec().getTemplate().getSpec().getContainers().get(0).setImage("nginx:1.25");
        assertErrors(validateUpdate(ResourceTypes.DEPLOYMENTS, scaled, stored));

        Deployment relabeled = copy(stored);
        relabeled.getSpec().getSelector().getMatchLabels().put("app", "web");
        relabeled.getSpec().getTemplate().getMetadata().getLabels().put("app", "web");
        assertErrors(validateUpdate(ResourceTypes.DEPLOYMENTS, relabeled, stored),
                "spec.selector: Invalid value: v1.LabelSelector{MatchLabels:map[string]string{\"app\":\"web\"}, MatchExpressions:[]v1.LabelSelectorRequirement(nil)}: field is immutable");
    }

    @Test
    void replicaSets() {
        ReplicaSet rs = defaulted(ResourceTypes.REPLICA_SETS, """
                apiVersion: apps/v1
                kind: ReplicaSet
                metadata:
                  name: web
                  namespace: default
                spec:
                  replicas: 2
                  selector:
                    matchLabels:
                      app: web
                """ + TEMPLATE.indent(2));
        assertErrors(validate(ResourceTypes.REPLICA_SETS, rs));
        ReplicaSet bad = copy(rs);
        bad.getSpec().setReplicas(-3);
        bad.getSpec().getSelector().getMatchLabels().put("app", "api");
        assertErrors(validate(ResourceTypes.REPLICA_SETS, bad),
                "spec.replicas: Invalid value: -3: must be greater than or equal to 0",
                "spec.template.metadata.labels: Invalid value: map[string]string{\"app\":\"web\"}: `selector` does not match template `labels`");
        assertErrors(validateUpdate(ResourceTypes.REPLICA_SETS, bad, rs),
                "spec.replicas: Invalid value: -3: must be greater than or equal to 0",
                "spec.template.metadata.labels: Invalid value: map[string]string{\"app\":\"web\"}: `selector` does not match template `labels`",
                "spec.selector: Invalid value: v1.LabelSelector{MatchLabels:map[string]string{\"app\":\"api\"}, MatchExpressions:[]v1.LabelSelectorRequirement(nil)}: field is immutable");
    }

    @Test
    void replicationControllersTakeTheirSelectorFromTheTemplate() {
        ReplicationController rc = defaulted(ResourceTypes.REPLICATION_CONTROLLERS, """
                apiVersion: v1
                kind: ReplicationController
                metadata:
                  name: web
                  namespace: default
                spec:
                """ + TEMPLATE.indent(2));
        assertErrors(validate(ResourceTypes.REPLICATION_CONTROLLERS, rc));
        ReplicationController other = copy(rc);
        other.getSpec().getSelector().put("app", "api");
        assertErrors(validate(ResourceTypes.REPLICATION_CONTROLLERS, other),
                "spec.template.metadata.labels: Invalid value: map[string]string{\"app\":\"web\"}: `selector` does not match template `labels`");
        // Unlike apps/v1, a ReplicationController's selector may change.
        other.getSpec().getTemplate().getMetadata().getLabels().put("app", "api");
        assertErrors(validateUpdate(ResourceTypes.REPLICATION_CONTROLLERS, other, rc));
    }

    @Test
    void replicationControllerRules() {
        ReplicationController rc = Fixtures.parse("""
                apiVersion: v1
                kind: ReplicationController
                metadata:
                  name: web
                  namespace: default
                spec:
                  replicas: -1
                """, ReplicationController.class);
        Defaults.apply(ResourceTypes.REPLICATION_CONTROLLERS, rc);
        assertErrors(validate(ResourceTypes.REPLICATION_CONTROLLERS, rc),
                "spec.selector: Required value",
                "spec.replicas: Invalid value: -1: must be greater than or equal to 0",
                "spec.template: Required value");
    }
}
