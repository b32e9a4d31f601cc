package io.skiff.api.validation;

import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.rbac.ClusterRole;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBinding;
import io.fabric8.kubernetes.api.model.rbac.PolicyRule;
import io.fabric8.kubernetes.api.model.rbac.Role;
import io.fabric8.kubernetes.api.model.rbac.RoleBinding;
import io.fabric8.kubernetes.api.model.rbac.RoleRef;
import io.fabric8.kubernetes.api.model.rbac.Subject;
import io.skiff.api.errors.FieldError;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Roles, ClusterRoles and their bindings, with Kubernetes' RBAC rules: names are path
 * segments, every rule has verbs, resource rules name groups and resources, namespaced rules
 * never name non-resource URLs, bindings point at a Role/ClusterRole in the RBAC group and
 * their roleRef never changes.
 */
final class RbacValidators {
    static final String GROUP = "rbac.authorization.k8s.io";

    private RbacValidators() {
    }

    static List<KindValidator<?>> all() {
        return List.of(new Roles<>(Role.class, true), new Roles<>(ClusterRole.class, false),
                new Bindings<>(RoleBinding.class, true), new Bindings<>(ClusterRoleBinding.class, false));
    }

    private static List<FieldError> metadata(ObjectMeta meta, boolean namespaced) {
        List<FieldError> errs = new ArrayList<>(MetadataValidator.validate(meta, namespaced, NameValidator.DNS_SUBDOMAIN, FieldPath.root("metadata")));
        // RBAC names only need to be path segments ("system:masters" is a fine role name)
        errs.removeIf(e -> e.field().equals("metadata.name") && e.reason().equals("FieldValueInvalid"));
        String name = meta == null ? null : meta.getName();
        if (name != null && !name.isEmpty()) {
            if (name.equals(".") || name.equals("..")) {
                errs.add(Errs.invalid(FieldPath.root("metadata").child("name"), name, "may not be '" + name + "'"));
            }
            for (String bad : new String[] {"/", "%"}) {
                if (name.contains(bad)) {
                    errs.add(Errs.invalid(FieldPath.root("metadata").child("name"), name, "may not contain '" + bad + "'"));
                }
            }
        }
        return errs;
    }

    /** Role and ClusterRole. */
    private static final class Roles<T extends io.fabric8.kubernetes.api.model.HasMetadata> implements KindValidator<T> {
        private final Class<T> model;
        private final boolean namespaced;

        Roles(Class<T> model, boolean namespaced) {
            this.model = model;
            this.namespaced = namespaced;
        }

        @Override
        public Class<T> model() {
            return model;
        }

        @Override
        public List<FieldError> validate(T obj) {
            List<FieldError> errs = metadata(obj.getMetadata(), namespaced);
            List<PolicyRule> rules = obj instanceof Role r ? r.getRules() : ((ClusterRole) obj).getRules();
            boolean aggregated = obj instanceof ClusterRole cr && cr.getAggregationRule() != null;
            if (rules == null || aggregated) {
                return errs; // an aggregated role's rules are filled in from the roles it selects
            }
            for (int i = 0; i < rules.size(); i++) {
                errs.addAll(rule(rules.get(i), FieldPath.root("rules").index(i)));
            }
            return errs;
        }

        private List<FieldError> rule(PolicyRule rule, FieldPath path) {
            List<FieldError> errs = new ArrayList<>();
            if (rule.getVerbs() == null || rule.getVerbs().isEmpty()) {
                errs.add(Errs.required(path.child("verbs"), "verbs must contain at least one value"));
            }
            boolean nonResource = rule.getNonResourceURLs() != null && !rule.getNonResourceURLs().isEmpty();
            if (nonResource) {
                if (namespaced) {
                    errs.add(Errs.invalid(path.child("nonResourceURLs"), rule.getNonResourceURLs(), "namespaced rules cannot apply to non-resource URLs"));
                }
                if (rule.getApiGroups() != null && !rule.getApiGroups().isEmpty() || rule.getResources() != null && !rule.getResources().isEmpty()) {
                    errs.add(Errs.invalid(path.child("nonResourceURLs"), rule.getNonResourceURLs(),
                            "rules cannot apply to both regular resources and non-resource URLs"));
                }
                return errs;
            }
            if (rule.getApiGroups() == null || rule.getApiGroups().isEmpty()) {
                errs.add(Errs.required(path.child("apiGroups"), "resource rules must supply at least one api group"));
            }
            if (rule.getResources() == null || rule.getResources().isEmpty()) {
                errs.add(Errs.required(path.child("resources"), "resource rules must supply at least one resource"));
            }
            return errs;
        }

        @Override
        public List<FieldError> validateUpdate(T newObj, T oldObj) {
            List<FieldError> errs = validate(newObj);
            errs.addAll(MetadataValidator.validateUpdate(newObj.getMetadata(), oldObj.getMetadata(), FieldPath.root("metadata")));
            return errs;
        }
    }

    /** RoleBinding and ClusterRoleBinding. */
    private static final class Bindings<T extends io.fabric8.kubernetes.api.model.HasMetadata> implements KindValidator<T> {
        private static final Set<String> SUBJECT_KINDS = Set.of("ServiceAccount", "User", "Group");
        private final Class<T> model;
        private final boolean namespaced;

        Bindings(Class<T> model, boolean namespaced) {
            this.model = model;
            this.namespaced = namespaced;
        }

        @Override
        public Class<T> model() {
            return model;
        }

        private static RoleRef roleRef(Object b) {
            return b instanceof RoleBinding rb ? rb.getRoleRef() : ((ClusterRoleBinding) b).getRoleRef();
        }

        private static List<Subject> subjects(Object b) {
            return b instanceof RoleBinding rb ? rb.getSubjects() : ((ClusterRoleBinding) b).getSubjects();
        }

        @Override
        public List<FieldError> validate(T obj) {
            List<FieldError> errs = metadata(obj.getMetadata(), namespaced);
            RoleRef ref = roleRef(obj);
            FieldPath refPath = FieldPath.root("roleRef");
            if (ref == null) {
                errs.add(Errs.required(refPath.child("name"), ""));
            } else {
                if (!GROUP.equals(ref.getApiGroup())) {
                    errs.add(FieldError.notSupported(refPath.child("apiGroup").toString(), ref.getApiGroup() == null ? "" : ref.getApiGroup(), List.of(GROUP)));
                }
                List<String> kinds = namespaced ? List.of("Role", "ClusterRole") : List.of("ClusterRole");
                if (!kinds.contains(ref.getKind())) {
                    errs.add(FieldError.notSupported(refPath.child("kind").toString(), ref.getKind() == null ? "" : ref.getKind(), kinds));
                }
                if (ref.getName() == null || ref.getName().isEmpty()) {
                    errs.add(Errs.required(refPath.child("name"), ""));
                }
            }
            List<Subject> subjects = subjects(obj);
            for (int i = 0; subjects != null && i < subjects.size(); i++) {
                Subject s = subjects.get(i);
                FieldPath p = FieldPath.root("subjects").index(i);
                if (!SUBJECT_KINDS.contains(s.getKind())) {
                    errs.add(FieldError.notSupported(p.child("kind").toString(), s.getKind() == null ? "" : s.getKind(), List.of("ServiceAccount", "User", "Group")));
                }
                if (s.getName() == null || s.getName().isEmpty()) {
                    errs.add(Errs.required(p.child("name"), ""));
                }
                if ("ServiceAccount".equals(s.getKind()) && !namespaced && (s.getNamespace() == null || s.getNamespace().isEmpty())) {
                    errs.add(Errs.required(p.child("namespace"), ""));
                }
            }
            return errs;
        }

        @Override
        public List<FieldError> validateUpdate(T newObj, T oldObj) {
            List<FieldError> errs = validate(newObj);
            errs.addAll(MetadataValidator.validateUpdate(newObj.getMetadata(), oldObj.getMetadata(), FieldPath.root("metadata")));
            if (!Objects.equals(roleRef(newObj), roleRef(oldObj))) {
                errs.add(Errs.invalid(FieldPath.root("roleRef"), roleRef(newObj), "cannot change roleRef"));
            }
            return errs;
        }
    }
}
