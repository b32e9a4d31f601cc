package io.skiff.api.validation;

import io.fabric8.kubernetes.api.model.ConfigMapProjection;
import io.fabric8.kubernetes.api.model.ConfigMapVolumeSource;
import io.fabric8.kubernetes.api.model.DownwardAPIVolumeFile;
import io.fabric8.kubernetes.api.model.EmptyDirVolumeSource;
import io.fabric8.kubernetes.api.model.HostPathVolumeSource;
import io.fabric8.kubernetes.api.model.KeyToPath;
import io.fabric8.kubernetes.api.model.NFSVolumeSource;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.ProjectedVolumeSource;
import io.fabric8.kubernetes.api.model.SecretProjection;
import io.fabric8.kubernetes.api.model.SecretVolumeSource;
import io.fabric8.kubernetes.api.model.ServiceAccountTokenProjection;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeProjection;
import io.skiff.api.errors.FieldError;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** A pod's volumes: unique DNS-label names, exactly one source each, and the sources Skiff runs. */
final class VolumeValidator {
    /** The volumes that passed, by name, for volumeMounts to refer to; and the errors. */
    record Result(Map<String, Volume> volumes, List<FieldError> errors) {
    }

    /**
     * Volume sources in the order Kubernetes examines them, each with the path segment it uses
     * when the source is one too many (Kubernetes' own spellings, typos included).
     */
    static final String[][] SOURCES = {
            {"emptyDir", "emptyDir"}, {"hostPath", "hostPath"}, {"gitRepo", "gitRepo"},
            {"gcePersistentDisk", "gcePersistentDisk"}, {"awsElasticBlockStore", "awsElasticBlockStore"},
            {"secret", "secret"}, {"nfs", "nfs"}, {"iscsi", "iscsi"}, {"glusterfs", "glusterfs"},
            {"flocker", "flocker"}, {"persistentVolumeClaim", "persistentVolumeClaim"}, {"rbd", "rbd"},
            {"cinder", "cinder"}, {"cephfs", "cephFS"}, {"quobyte", "quobyte"}, {"downwardAPI", "downwarAPI"},
            {"fc", "fc"}, {"flexVolume", "flexVolume"}, {"configMap", "configMap"}, {"azureFile", "azureFile"},
            {"vsphereVolume", "vsphereVolume"}, {"photonPersistentDisk", "photonPersistentDisk"},
            {"portworxVolume", "portworxVolume"}, {"azureDisk", "azureDisk"}, {"storageos", "storageos"},
            {"projected", "projected"}, {"scaleIO", "scaleIO"}, {"csi", "csi"}, {"ephemeral", "ephemeral"},
            {"image", "image"}};
    private static final Set<String> HOST_PATH_TYPES = new TreeSet<>(List.of("", "DirectoryOrCreate", "Directory",
            "FileOrCreate", "File", "Socket", "CharDevice", "BlockDevice"));
    static final String FILE_MODE_ERROR = "must be a number between 0 and 0777 (octal), both inclusive";

    private VolumeValidator() {
    }

    static Result validate(List<Volume> volumes, ObjectMeta podMeta, FieldPath path) {
        List<FieldError> errs = new ArrayList<>();
        Map<String, Volume> valid = new LinkedHashMap<>();
        Set<String> names = new HashSet<>();
        for (int i = 0; volumes != null && i < volumes.size(); i++) {
            Volume vol = volumes.get(i);
            FieldPath idx = path.index(i);
            String name = vol.getName() == null ? "" : vol.getName();
            List<FieldError> el = new ArrayList<>(source(vol, idx));
            if (name.isEmpty()) {
                el.add(Errs.required(idx.child("name"), ""));
            } else {
                for (String msg : Formats.dns1123Label(name)) {
                    el.add(Errs.invalid(idx.child("name"), name, msg));
                }
            }
            if (names.contains(name)) {
                el.add(Errs.duplicate(idx.child("name"), name));
            }
            if (el.isEmpty()) {
                names.add(name);
                valid.put(name, vol);
            } else {
                errs.addAll(el);
            }
        }
        return new Result(valid, errs);
    }

    private static List<FieldError> source(Volume vol, FieldPath path) {
        List<FieldError> errs = new ArrayList<>();
        Map<String, Object> set = new LinkedHashMap<>();
        for (ModelProperties.Property p : ModelProperties.of(Volume.class)) {
            if (!p.name().equals("name")) {
                Object v = p.get(vol);
                if (v != null) {
                    set.put(p.name(), v);
                }
            }
        }
        int count = 0;
        for (String[] s : SOURCES) {
            Object src = set.get(s[0]);
            if (src == null) {
                continue;
            }
            if (count++ > 0) {
                errs.add(Errs.forbidden(path.child(s[1]), "may not specify more than 1 volume type"));
                continue;
            }
            errs.addAll(sourceDetails(src, path));
        }
        if (count == 0) {
            errs.add(Errs.required(path, "must specify a volume type"));
        }
        return errs;
    }

    private static List<FieldError> sourceDetails(Object src, FieldPath path) {
        if (src instanceof EmptyDirVolumeSource e) {
            BigDecimal size = Quantities.value(e.getSizeLimit());
            if (e.getSizeLimit() != null && (size == null || size.signum() < 0)) {
                return List.of(Errs.forbidden(path.child("emptyDir", "sizeLimit"), "SizeLimit field must be a valid resource quantity"));
            }
        } else if (src instanceof HostPathVolumeSource h) {
            return hostPath(h, path.child("hostPath"));
        } else if (src instanceof SecretVolumeSource s) {
            List<FieldError> errs = new ArrayList<>();
            if (s.getSecretName() == null || s.getSecretName().isEmpty()) {
                errs.add(Errs.required(path.child("secret", "secretName"), ""));
            }
            errs.addAll(mode(s.getDefaultMode(), path.child("secret", "defaultMode")));
            errs.addAll(items(s.getItems(), path.child("secret", "items")));
            return errs;
        } else if (src instanceof ConfigMapVolumeSource c) {
            List<FieldError> errs = new ArrayList<>();
            if (c.getName() == null || c.getName().isEmpty()) {
                errs.add(Errs.required(path.child("configMap", "name"), ""));
            }
            errs.addAll(mode(c.getDefaultMode(), path.child("configMap", "defaultMode")));
            errs.addAll(items(c.getItems(), path.child("configMap", "items")));
            return errs;
        } else if (src instanceof io.fabric8.kubernetes.api.model.PersistentVolumeClaimVolumeSource pvc) {
            if (pvc.getClaimName() == null || pvc.getClaimName().isEmpty()) {
                return List.of(Errs.required(path.child("persistentVolumeClaim", "claimName"), ""));
            }
        } else if (src instanceof NFSVolumeSource nfs) {
            return nfs(nfs, path.child("nfs"));
        } else if (src instanceof io.fabric8.kubernetes.api.model.DownwardAPIVolumeSource d) {
            List<FieldError> errs = new ArrayList<>(mode(d.getDefaultMode(), path.child("downwardAPI", "defaultMode")));
            for (DownwardAPIVolumeFile f : d.getItems() == null ? List.<DownwardAPIVolumeFile>of() : d.getItems()) {
                errs.addAll(downwardApiFile(f, path.child("downwardAPI")));
            }
            return errs;
        } else if (src instanceof ProjectedVolumeSource p) {
            List<FieldError> errs = new ArrayList<>(mode(p.getDefaultMode(), path.child("projected", "defaultMode")));
            errs.addAll(projections(p, path.child("projected")));
            return errs;
        }
        return List.of();
    }

    private static List<FieldError> hostPath(HostPathVolumeSource h, FieldPath path) {
        List<FieldError> errs = new ArrayList<>();
        if (h.getPath() == null || h.getPath().isEmpty()) {
            errs.add(Errs.required(path.child("path"), ""));
            return errs;
        }
        errs.addAll(noBacksteps(h.getPath(), path.child("path")));
        if (h.getType() != null && !HOST_PATH_TYPES.contains(h.getType())) {
            errs.add(Errs.notSupported(path.child("type"), h.getType(), HOST_PATH_TYPES));
        }
        return errs;
    }

    private static List<FieldError> nfs(NFSVolumeSource nfs, FieldPath path) {
        List<FieldError> errs = new ArrayList<>();
        String p = nfs.getPath() == null ? "" : nfs.getPath();
        if (nfs.getServer() == null || nfs.getServer().isEmpty()) {
            errs.add(Errs.required(path.child("server"), ""));
        }
        if (p.isEmpty()) {
            errs.add(Errs.required(path.child("path"), ""));
        }
        if (!p.startsWith("/")) {
            errs.add(Errs.invalid(path.child("path"), p, "must be an absolute path"));
        }
        return errs;
    }

    private static List<FieldError> items(List<KeyToPath> items, FieldPath path) {
        List<FieldError> errs = new ArrayList<>();
        for (int i = 0; items != null && i < items.size(); i++) {
            errs.addAll(keyToPath(items.get(i), path.index(i)));
        }
        return errs;
    }

    private static List<FieldError> keyToPath(KeyToPath kp, FieldPath path) {
        List<FieldError> errs = new ArrayList<>();
        String p = kp.getPath() == null ? "" : kp.getPath();
        if (kp.getKey() == null || kp.getKey().isEmpty()) {
            errs.add(Errs.required(path.child("key"), ""));
        }
        if (p.isEmpty()) {
            errs.add(Errs.required(path.child("path"), ""));
        }
        errs.addAll(localNonReservedPath(p, path.child("path")));
        errs.addAll(mode(kp.getMode(), path.child("mode")));
        return errs;
    }

    private static List<FieldError> downwardApiFile(DownwardAPIVolumeFile f, FieldPath path) {
        List<FieldError> errs = new ArrayList<>();
        String p = f.getPath() == null ? "" : f.getPath();
        if (p.isEmpty()) {
            errs.add(Errs.required(path.child("path"), ""));
        }
        errs.addAll(localNonReservedPath(p, path.child("path")));
        if (f.getFieldRef() != null) {
            errs.addAll(DownwardApiValidator.fieldSelector(f.getFieldRef(), DownwardApiValidator.VOLUME_FIELDS, path.child("fieldRef")));
            if (f.getResourceFieldRef() != null) {
                errs.add(Errs.invalid(path, "resource", "fieldRef and resourceFieldRef can not be specified simultaneously"));
            }
        } else if (f.getResourceFieldRef() != null) {
            errs.addAll(DownwardApiValidator.resourceSelector(f.getResourceFieldRef(), true, path.child("resourceFieldRef")));
        } else {
            errs.add(Errs.required(path, "one of fieldRef and resourceFieldRef is required"));
        }
        errs.addAll(mode(f.getMode(), path.child("mode")));
        return errs;
    }

    private static List<FieldError> projections(ProjectedVolumeSource p, FieldPath path) {
        List<FieldError> errs = new ArrayList<>();
        Set<String> paths = new HashSet<>();
        List<VolumeProjection> sources = p.getSources() == null ? List.of() : p.getSources();
        for (int i = 0; i < sources.size(); i++) {
            VolumeProjection src = sources.get(i);
            FieldPath srcPath = path.child("sources").index(i);
            int n = 0;
            if (src.getSecret() != null) {
                n++;
                SecretProjection s = src.getSecret();
                if (s.getName() == null || s.getName().isEmpty()) {
                    errs.add(Errs.required(srcPath.child("secret", "name"), ""));
                }
                errs.addAll(projectedItems(s.getItems(), s.getName(), srcPath.child("secret", "items"), paths, path));
            }
            if (src.getConfigMap() != null) {
                n++;
                ConfigMapProjection c = src.getConfigMap();
                if (c.getName() == null || c.getName().isEmpty()) {
                    errs.add(Errs.required(srcPath.child("configMap", "name"), ""));
                }
                errs.addAll(projectedItems(c.getItems(), c.getName(), srcPath.child("configMap", "items"), paths, path));
            }
            if (src.getDownwardAPI() != null) {
                n++;
                List<DownwardAPIVolumeFile> items = src.getDownwardAPI().getItems();
                for (DownwardAPIVolumeFile f : items == null ? List.<DownwardAPIVolumeFile>of() : items) {
                    errs.addAll(downwardApiFile(f, srcPath.child("downwardAPI")));
                    if (f.getPath() != null && !f.getPath().isEmpty() && !paths.add(f.getPath())) {
                        errs.add(Errs.invalid(path, f.getPath(), "conflicting duplicate paths"));
                    }
                }
            }
            if (src.getServiceAccountToken() != null) {
                n++;
                errs.addAll(serviceAccountToken(src.getServiceAccountToken(), srcPath.child("serviceAccountToken"), path));
            }
            if (src.getClusterTrustBundle() != null) {
                n++;
            }
            if (n > 1) {
                errs.add(Errs.forbidden(srcPath, "may not specify more than 1 volume type per source"));
            }
        }
        return errs;
    }

    private static List<FieldError> projectedItems(List<KeyToPath> items, String sourceName, FieldPath path,
                                                   Set<String> paths, FieldPath projectedPath) {
        List<FieldError> errs = new ArrayList<>();
        for (int i = 0; items != null && i < items.size(); i++) {
            KeyToPath kp = items.get(i);
            errs.addAll(keyToPath(kp, path.index(i)));
            if (kp.getPath() != null && !kp.getPath().isEmpty() && !paths.add(kp.getPath())) {
                errs.add(Errs.invalid(projectedPath, sourceName == null ? "" : sourceName, "conflicting duplicate paths"));
            }
        }
        return errs;
    }

    private static List<FieldError> serviceAccountToken(ServiceAccountTokenProjection t, FieldPath path, FieldPath projectedPath) {
        List<FieldError> errs = new ArrayList<>();
        long exp = t.getExpirationSeconds() == null ? 0 : t.getExpirationSeconds();
        if (exp < 10 * 60) {
            errs.add(Errs.invalid(path.child("expirationSeconds"), exp, "may not specify a duration less than 10 minutes"));
        }
        if (exp > 1L << 32) {
            errs.add(Errs.invalid(path.child("expirationSeconds"), exp, "may not specify a duration larger than 2^32 seconds"));
        }
        if (t.getPath() == null || t.getPath().isEmpty()) {
            errs.add(Errs.required(projectedPath.child("path"), ""));
        } else {
            errs.addAll(localNonReservedPath(t.getPath(), projectedPath.child("path")));
        }
        return errs;
    }

    static List<FieldError> mode(Integer mode, FieldPath path) {
        return mode != null && (mode > 0777 || mode < 0) ? List.of(Errs.invalid(path, mode, FILE_MODE_ERROR)) : List.of();
    }

    /** A relative path without ".." elements: the kubelet writes it below the volume directory. */
    static List<FieldError> localDescendingPath(String p, FieldPath path) {
        List<FieldError> errs = new ArrayList<>();
        if (p.startsWith("/")) {
            errs.add(Errs.invalid(path, p, "must be a relative path"));
        }
        errs.addAll(noBacksteps(p, path));
        return errs;
    }

    static List<FieldError> localNonReservedPath(String p, FieldPath path) {
        List<FieldError> errs = new ArrayList<>(localDescendingPath(p, path));
        if (p.startsWith("..") && !p.startsWith("../")) {
            errs.add(Errs.invalid(path, p, "must not start with '..'"));
        }
        return errs;
    }

    static List<FieldError> noBacksteps(String p, FieldPath path) {
        for (String part : p.split("/", -1)) {
            if (part.equals("..")) {
                return List.of(Errs.invalid(path, p, "must not contain '..'"));
            }
        }
        return List.of();
    }
}
