package io.skiff.apiserver.auth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.skiff.api.selector.LabelSelector;
import io.skiff.apiserver.watch.ObjectCache;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Kubernetes RBAC: a request is allowed when some binding names the user (or one of its
 * groups, or its service account) and the bound role has a rule covering the verb, group,
 * resource[/subresource], name or non-resource path. ClusterRoleBindings apply everywhere,
 * RoleBindings in their namespace. Aggregated ClusterRoles take the rules of the roles their
 * selectors match. {@code system:masters} is always allowed, as in kube-apiserver.
 */
public final class RbacAuthorizer implements Authorizer {
    public static final String MASTERS = "system:masters";
    private final ObjectCache roles;
    private final ObjectCache clusterRoles;
    private final ObjectCache roleBindings;
    private final ObjectCache clusterRoleBindings;

    public RbacAuthorizer(ObjectCache roles, ObjectCache clusterRoles, ObjectCache roleBindings, ObjectCache clusterRoleBindings) {
        this.roles = roles;
        this.clusterRoles = clusterRoles;
        this.roleBindings = roleBindings;
        this.clusterRoleBindings = clusterRoleBindings;
    }

    @Override
    public boolean allows(RequestAttributes r) {
        if (r.user().groups().contains(MASTERS)) {
            return true;
        }
        for (ObjectNode binding : clusterRoleBindings.values()) {
            if (bindsUser(binding, r.user()) && anyRuleAllows(clusterRoleRules(binding.path("roleRef").path("name").asText()), r)) {
                return true;
            }
        }
        if (r.resourceRequest() && r.namespace() != null) {
            for (ObjectNode binding : roleBindings.values()) {
                if (!r.namespace().equals(binding.path("metadata").path("namespace").asText()) || !bindsUser(binding, r.user())) {
                    continue;
                }
                JsonNode ref = binding.path("roleRef");
                List<JsonNode> rules = "ClusterRole".equals(ref.path("kind").asText())
                        ? clusterRoleRules(ref.path("name").asText()) : roleRules(r.namespace(), ref.path("name").asText());
                if (anyRuleAllows(rules, r)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean bindsUser(JsonNode binding, UserInfo user) {
        for (JsonNode s : binding.path("subjects")) {
            String name = s.path("name").asText();
            switch (s.path("kind").asText()) {
                case "User" -> {
                    if (name.equals(user.name())) {
                        return true;
                    }
                }
                case "Group" -> {
                    if (user.groups().contains(name)) {
                        return true;
                    }
                }
                case "ServiceAccount" -> {
                    String ns = s.path("namespace").asText(binding.path("metadata").path("namespace").asText());
                    if (user.name().equals("system:serviceaccount:" + ns + ":" + name)) {
                        return true;
                    }
                }
                default -> { }
            }
        }
        return false;
    }

    private List<JsonNode> roleRules(String namespace, String name) {
        ObjectNode role = roles.get(namespace, name);
        return role == null ? List.of() : list(role.path("rules"));
    }

    /** A ClusterRole's rules; for an aggregated one, those of every ClusterRole its selectors match. */
    List<JsonNode> clusterRoleRules(String name) {
        return clusterRoleRules(name, new HashSet<>());
    }

    private List<JsonNode> clusterRoleRules(String name, Set<String> seen) {
        ObjectNode role = clusterRoles.get(null, name);
        if (role == null || !seen.add(name)) {
            return List.of();
        }
        JsonNode aggregation = role.path("aggregationRule").path("clusterRoleSelectors");
        if (aggregation.isMissingNode()) {
            return list(role.path("rules"));
        }
        List<JsonNode> rules = new ArrayList<>();
        for (JsonNode selector : aggregation) {
            LabelSelector s = LabelSelector.from(io.skiff.api.Json.convert(selector, io.fabric8.kubernetes.api.model.LabelSelector.class));
            for (ObjectNode other : clusterRoles.values()) {
                if (s.matches(labels(other))) {
                    rules.addAll(clusterRoleRules(other.path("metadata").path("name").asText(), seen));
                }
            }
        }
        return rules;
    }

    private static boolean anyRuleAllows(List<JsonNode> rules, RequestAttributes r) {
        for (JsonNode rule : rules) {
            if (r.resourceRequest() ? resourceRuleAllows(rule, r) : nonResourceRuleAllows(rule, r)) {
                return true;
            }
        }
        return false;
    }

    private static boolean resourceRuleAllows(JsonNode rule, RequestAttributes r) {
        if (!contains(rule.path("verbs"), r.verb()) || !contains(rule.path("apiGroups"), r.apiGroup())) {
            return false;
        }
        String full = r.subresource() == null ? r.resource() : r.resource() + "/" + r.subresource();
        boolean resourceMatches = false;
        for (JsonNode res : rule.path("resources")) {
            String v = res.asText();
            if (v.equals("*") || v.equals(full) || (r.subresource() != null && v.equals("*/" + r.subresource()))) {
                resourceMatches = true;
                break;
            }
        }
        if (!resourceMatches) {
            return false;
        }
        JsonNode names = rule.path("resourceNames");
        return names.isEmpty() || (r.name() != null && contains(names, r.name()));
    }

    private static boolean nonResourceRuleAllows(JsonNode rule, RequestAttributes r) {
        if (!contains(rule.path("verbs"), r.verb())) {
            return false;
        }
        for (JsonNode url : rule.path("nonResourceURLs")) {
            String u = url.asText();
            if (u.equals("*") || u.equals(r.path()) || (u.endsWith("*") && r.path().startsWith(u.substring(0, u.length() - 1)))) {
                return true;
            }
        }
        return false;
    }

    private static boolean contains(JsonNode values, String wanted) {
        for (JsonNode v : values) {
            if (v.asText().equals("*") || v.asText().equals(wanted)) {
                return true;
            }
        }
        return false;
    }

    private static List<JsonNode> list(JsonNode array) {
        List<JsonNode> out = new ArrayList<>();
        array.forEach(out::add);
        return out;
    }

    private static Map<String, String> labels(JsonNode obj) {
        Map<String, String> out = new java.util.HashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = obj.path("metadata").path("labels").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            out.put(e.getKey(), e.getValue().asText());
        }
        return out;
    }
}
