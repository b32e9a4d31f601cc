package io.skiff.apiserver.bootstrap;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.skiff.api.Json;
import io.skiff.api.ResourceType;
import io.skiff.api.ResourceTypes;
import io.skiff.api.errors.ApiException;
import io.skiff.apiserver.storage.ObjectStorage;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

/**
 * The roles every Kubernetes cluster starts with: cluster-admin (bound to system:masters),
 * the aggregated admin/edit/view user roles, and what every authenticated user may do
 * (discovery, public info, asking about its own access). Created when missing; never
 * overwritten, so an operator's changes stay.
 */
public final class BootstrapPolicy {
    private static final String READ = "get,list,watch";
    private static final String WRITE = "create,delete,deletecollection,patch,update";
    private static final String AGGREGATE = "rbac.authorization.k8s.io/aggregate-to-";
    private final ObjectStorage storage;

    public BootstrapPolicy(ObjectStorage storage) {
        this.storage = storage;
    }

    public void ensure() {
        clusterRole("cluster-admin", null, rules(rule("*", "*", "*"), nonResource("*", "*")));
        binding("cluster-admin", "cluster-admin", "Group", "system:masters");

        // the control-plane components that run in the server's JVM; Kubernetes gives each a narrower
        // role (system:kube-scheduler, system:kube-controller-manager) — a known simplification here
        binding("system:kube-scheduler", "cluster-admin", "User", "system:kube-scheduler");
        binding("system:kube-controller-manager", "cluster-admin", "User", "system:kube-controller-manager");
        // kubelets: Kubernetes confines each to its own node (Node authorizer); not yet here
        binding("system:nodes", "cluster-admin", "Group", "system:nodes");

        clusterRole("system:discovery", null, rules(nonResource("get",
                "/api,/api/*,/apis,/apis/*,/healthz,/livez,/openapi,/openapi/*,/readyz,/version,/version/")));
        binding("system:discovery", "system:discovery", "Group", "system:authenticated");
        clusterRole("system:public-info-viewer", null, rules(nonResource("get", "/healthz,/livez,/readyz,/version,/version/")));
        binding("system:public-info-viewer", "system:public-info-viewer", "Group", "system:authenticated", "system:unauthenticated");
        clusterRole("system:basic-user", null, rules(
                rule("create", "authorization.k8s.io", "selfsubjectaccessreviews,selfsubjectrulesreviews"),
                rule("create", "authentication.k8s.io", "selfsubjectreviews")));
        binding("system:basic-user", "system:basic-user", "Group", "system:authenticated");

        // user-facing roles: admin ⊇ edit ⊇ view, through aggregation labels as in Kubernetes
        aggregated("admin", "admin");
        aggregated("edit", "edit", "admin");
        aggregated("view", "view", "edit");
        clusterRole("system:aggregate-to-view", AGGREGATE + "view", rules(
                rule(READ, "", "configmaps,endpoints,persistentvolumeclaims,persistentvolumeclaims/status,pods,replicationcontrollers,"
                        + "replicationcontrollers/scale,serviceaccounts,services,services/status,bindings,events,limitranges,"
                        + "namespaces/status,pods/log,pods/status,replicationcontrollers/status,resourcequotas,resourcequotas/status,namespaces"),
                rule(READ, "apps", "controllerrevisions,daemonsets,daemonsets/status,deployments,deployments/scale,deployments/status,"
                        + "replicasets,replicasets/scale,replicasets/status,statefulsets,statefulsets/scale,statefulsets/status"),
                rule(READ, "discovery.k8s.io", "endpointslices"),
                rule(READ, "events.k8s.io", "events")));
        clusterRole("system:aggregate-to-edit", AGGREGATE + "edit", rules(
                rule(READ, "", "pods/attach,pods/exec,pods/portforward,pods/proxy,secrets,services/proxy"),
                rule("impersonate", "", "serviceaccounts"),
                rule(WRITE, "", "pods,pods/attach,pods/exec,pods/portforward,pods/proxy"),
                rule("create", "", "pods/eviction,serviceaccounts/token"),
                rule(WRITE, "", "configmaps,events,persistentvolumeclaims,replicationcontrollers,replicationcontrollers/scale,"
                        + "secrets,serviceaccounts,services,services/proxy"),
                rule(WRITE, "apps", "daemonsets,deployments,deployments/rollback,deployments/scale,replicasets,replicasets/scale,"
                        + "statefulsets,statefulsets/scale"),
                rule(WRITE, "discovery.k8s.io", "endpointslices")));
        clusterRole("system:aggregate-to-admin", AGGREGATE + "admin", rules(
                rule("create", "authorization.k8s.io", "localsubjectaccessreviews"),
                rule(WRITE + "," + READ, "rbac.authorization.k8s.io", "rolebindings,roles")));
    }

    private static ObjectNode rule(String verbs, String groups, String resources) {
        ObjectNode r = Json.object();
        split(r.putArray("apiGroups"), groups);
        split(r.putArray("resources"), resources);
        split(r.putArray("verbs"), verbs);
        return r;
    }

    private static ObjectNode nonResource(String verbs, String urls) {
        ObjectNode r = Json.object();
        split(r.putArray("nonResourceURLs"), urls);
        split(r.putArray("verbs"), verbs);
        return r;
    }

    private static void split(ArrayNode into, String csv) {
        if (csv.isEmpty()) {
            into.add(""); // the core group
            return;
        }
        for (String s : csv.split(",")) {
            into.add(s);
        }
    }

    private static List<ObjectNode> rules(ObjectNode... rules) {
        return List.of(rules);
    }

    /** A user-facing role made of the rules of roles labelled aggregate-to-{@code selects}. */
    private void aggregated(String name, String selects, String... aggregatesInto) {
        ObjectNode role = object(ResourceTypes.CLUSTER_ROLES, name);
        role.with("metadata").with("labels").put("kubernetes.io/bootstrapping", "rbac-defaults");
        for (String into : aggregatesInto) {
            role.with("metadata").with("labels").put(AGGREGATE + into, "true");
        }
        role.putObject("aggregationRule").putArray("clusterRoleSelectors").addObject()
                .putObject("matchLabels").put(AGGREGATE + selects, "true");
        role.putArray("rules");
        create(ResourceTypes.CLUSTER_ROLES, role);
    }

    private void clusterRole(String name, String aggregateLabel, List<ObjectNode> rules) {
        ObjectNode role = object(ResourceTypes.CLUSTER_ROLES, name);
        role.with("metadata").with("labels").put("kubernetes.io/bootstrapping", "rbac-defaults");
        if (aggregateLabel != null) {
            role.with("metadata").with("labels").put(aggregateLabel, "true");
        }
        ArrayNode arr = role.putArray("rules");
        rules.forEach(arr::add);
        create(ResourceTypes.CLUSTER_ROLES, role);
    }

    private void binding(String name, String role, String kind, String... subjects) {
        ObjectNode b = object(ResourceTypes.CLUSTER_ROLE_BINDINGS, name);
        b.with("metadata").with("labels").put("kubernetes.io/bootstrapping", "rbac-defaults");
        b.putObject("roleRef").put("apiGroup", "rbac.authorization.k8s.io").put("kind", "ClusterRole").put("name", role);
        ArrayNode arr = b.putArray("subjects");
        for (String s : subjects) {
            arr.addObject().put("apiGroup", "rbac.authorization.k8s.io").put("kind", kind).put("name", s);
        }
        create(ResourceTypes.CLUSTER_ROLE_BINDINGS, b);
    }

    private static ObjectNode object(ResourceType type, String name) {
        ObjectNode o = Json.object().put("apiVersion", type.apiVersion()).put("kind", type.kind());
        o.putObject("metadata").put("name", name).put("uid", UUID.randomUUID().toString())
                .put("creationTimestamp", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
        return o;
    }

    private void create(ResourceType type, ObjectNode obj) {
        try {
            storage.create(type, obj);
        } catch (ApiException e) {
            if (e.code() != 409) {
                throw e;
            }
        }
    }
}
