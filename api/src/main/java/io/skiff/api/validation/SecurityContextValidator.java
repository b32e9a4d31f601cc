package io.skiff.api.validation;

import io.fabric8.kubernetes.api.model.PodSecurityContext;
import io.fabric8.kubernetes.api.model.SeccompProfile;
import io.fabric8.kubernetes.api.model.SecurityContext;
import io.fabric8.kubernetes.api.model.Sysctl;
import io.skiff.api.errors.FieldError;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/** Pod- and container-level securityContext: IDs in range and known enum values. */
final class SecurityContextValidator {
    private static final List<String> PROC_MOUNTS = List.of("Default", "Unmasked");
    private static final List<String> SECCOMP_TYPES = List.of("Localhost", "RuntimeDefault", "Unconfined");
    private static final Set<String> FS_GROUP_CHANGE_POLICIES = new TreeSet<>(List.of("OnRootMismatch", "Always"));
    private static final Set<String> SUPPLEMENTAL_GROUPS_POLICIES = new TreeSet<>(List.of("Merge", "Strict"));
    private static final String SYSCTL_SEGMENT = "[a-z0-9]([-_a-z0-9]*[a-z0-9])?";
    private static final String SYSCTL_FMT = "(" + SYSCTL_SEGMENT + "[\\./])*" + SYSCTL_SEGMENT;
    private static final Pattern SYSCTL = Pattern.compile(SYSCTL_FMT);
    private static final int SYSCTL_MAX_LENGTH = 253;

    private SecurityContextValidator() {
    }

    static List<FieldError> container(SecurityContext sc, FieldPath path) {
        List<FieldError> errs = new ArrayList<>();
        if (sc == null) {
            return errs;
        }
        if (sc.getRunAsUser() != null) {
            for (String msg : Formats.unixId(sc.getRunAsUser())) {
                errs.add(Errs.invalid(path.child("runAsUser"), sc.getRunAsUser(), msg));
            }
        }
        if (sc.getRunAsGroup() != null) {
            for (String msg : Formats.unixId(sc.getRunAsGroup())) {
                errs.add(Errs.invalid(path.child("runAsGroup"), sc.getRunAsGroup(), msg));
            }
        }
        if (sc.getProcMount() != null && !PROC_MOUNTS.contains(sc.getProcMount())) {
            errs.add(Errs.notSupported(path.child("procMount"), sc.getProcMount(), PROC_MOUNTS));
        }
        errs.addAll(seccomp(sc.getSeccompProfile(), path.child("seccompProfile")));
        return errs;
    }

    static List<FieldError> pod(PodSecurityContext sc, FieldPath path) {
        List<FieldError> errs = new ArrayList<>();
        if (sc == null) {
            return errs;
        }
        if (sc.getFsGroup() != null) {
            for (String msg : Formats.unixId(sc.getFsGroup())) {
                errs.add(Errs.invalid(path.child("fsGroup"), sc.getFsGroup(), msg));
            }
        }
        if (sc.getRunAsUser() != null) {
            for (String msg : Formats.unixId(sc.getRunAsUser())) {
                errs.add(Errs.invalid(path.child("runAsUser"), sc.getRunAsUser(), msg));
            }
        }
        if (sc.getRunAsGroup() != null) {
            for (String msg : Formats.unixId(sc.getRunAsGroup())) {
                errs.add(Errs.invalid(path.child("runAsGroup"), sc.getRunAsGroup(), msg));
            }
        }
        List<Long> groups = sc.getSupplementalGroups() == null ? List.of() : sc.getSupplementalGroups();
        for (int g = 0; g < groups.size(); g++) {
            for (String msg : Formats.unixId(groups.get(g))) {
                errs.add(Errs.invalid(path.child("supplementalGroups").index(g), groups.get(g), msg));
            }
        }
        errs.addAll(sysctls(sc.getSysctls(), path.child("sysctls")));
        if (sc.getFsGroupChangePolicy() != null && !FS_GROUP_CHANGE_POLICIES.contains(sc.getFsGroupChangePolicy())) {
            errs.add(Errs.notSupported(path.child("fsGroupChangePolicy"), sc.getFsGroupChangePolicy(), FS_GROUP_CHANGE_POLICIES));
        }
        errs.addAll(seccomp(sc.getSeccompProfile(), path.child("seccompProfile")));
        if (sc.getSupplementalGroupsPolicy() != null && !SUPPLEMENTAL_GROUPS_POLICIES.contains(sc.getSupplementalGroupsPolicy())) {
            errs.add(Errs.notSupported(path.child("supplementalGroupsPolicy"), sc.getSupplementalGroupsPolicy(), SUPPLEMENTAL_GROUPS_POLICIES));
        }
        return errs;
    }

    private static List<FieldError> sysctls(List<Sysctl> sysctls, FieldPath path) {
        List<FieldError> errs = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (int i = 0; sysctls != null && i < sysctls.size(); i++) {
            String name = sysctls.get(i).getName() == null ? "" : sysctls.get(i).getName();
            FieldPath p = path.index(i).child("name");
            if (name.isEmpty()) {
                errs.add(Errs.required(p, ""));
            } else if (Formats.byteLength(name) > SYSCTL_MAX_LENGTH || !SYSCTL.matcher(name).matches()) {
                errs.add(Errs.invalid(p, name, "must have at most " + SYSCTL_MAX_LENGTH + " characters and match regex ^" + SYSCTL_FMT + "$"));
            } else if (names.contains(name)) {
                errs.add(Errs.duplicate(p, name));
            }
            names.add(name);
        }
        return errs;
    }

    private static List<FieldError> seccomp(SeccompProfile sp, FieldPath path) {
        List<FieldError> errs = new ArrayList<>();
        if (sp == null) {
            return errs;
        }
        String type = sp.getType() == null ? "" : sp.getType();
        if (type.isEmpty()) {
            errs.add(Errs.required(path.child("type"), "type is required when seccompProfile is set"));
        } else if (!SECCOMP_TYPES.contains(type)) {
            errs.add(Errs.notSupported(path.child("type"), type, SECCOMP_TYPES));
        }
        if (type.equals("Localhost")) {
            if (sp.getLocalhostProfile() == null) {
                errs.add(Errs.required(path.child("localhostProfile"), "must be set when seccomp type is Localhost"));
            } else {
                errs.addAll(VolumeValidator.localDescendingPath(sp.getLocalhostProfile(), path.child("localhostProfile")));
            }
        } else if (sp.getLocalhostProfile() != null) {
            errs.add(Errs.invalid(path.child("localhostProfile"), GoValue.struct("core.SeccompProfile",
                    "Type", type, "LocalhostProfile", GoValue.literal("&" + GoValue.quote(sp.getLocalhostProfile()))),
                    "can only be set when seccomp type is Localhost"));
        }
        return errs;
    }
}
