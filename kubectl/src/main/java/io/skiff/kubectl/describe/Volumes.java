package io.skiff.kubectl.describe;

import com.fasterxml.jackson.databind.JsonNode;

/** The Volumes section for the volume types tutorials use. */
final class Volumes {
    private Volumes() {
    }

    static void describe(Out w, JsonNode volumes) {
        describe(w, 0, volumes);
    }

    static void describe(Out w, int level, JsonNode volumes) {
        if (!volumes.isArray() || volumes.isEmpty()) {
            w.line(level, "Volumes:\t<none>");
            return;
        }
        w.line(level, "Volumes:");
        int l = level + 2;
        for (JsonNode v : volumes) {
            w.line(level + 1, v.path("name").asText() + ":");
            if (v.has("emptyDir")) {
                w.line(l, "Type:\tEmptyDir (a temporary directory that shares a pod's lifetime)");
                w.line(l, "Medium:\t" + v.path("emptyDir").path("medium").asText(""));
                w.line(l, "SizeLimit:\t" + v.path("emptyDir").path("sizeLimit").asText("<unset>"));
            } else if (v.has("hostPath")) {
                w.line(l, "Type:\tHostPath (bare host directory volume)");
                w.line(l, "Path:\t" + v.path("hostPath").path("path").asText());
                w.line(l, "HostPathType:\t" + v.path("hostPath").path("type").asText(""));
            } else if (v.has("configMap")) {
                w.line(l, "Type:\tConfigMap (a volume populated by a ConfigMap)");
                w.line(l, "Name:\t" + v.path("configMap").path("name").asText());
                w.line(l, "Optional:\t" + v.path("configMap").path("optional").asBoolean(false));
            } else if (v.has("secret")) {
                w.line(l, "Type:\tSecret (a volume populated by a Secret)");
                w.line(l, "SecretName:\t" + v.path("secret").path("secretName").asText());
                w.line(l, "Optional:\t" + v.path("secret").path("optional").asBoolean(false));
            } else if (v.has("persistentVolumeClaim")) {
                w.line(l, "Type:\tPersistentVolumeClaim (a reference to a PersistentVolumeClaim in the same namespace)");
                w.line(l, "ClaimName:\t" + v.path("persistentVolumeClaim").path("claimName").asText());
                w.line(l, "ReadOnly:\t" + v.path("persistentVolumeClaim").path("readOnly").asBoolean(false));
            } else if (v.has("projected")) {
                w.line(l, "Type:\tProjected (a volume that contains injected data from multiple sources)");
                for (JsonNode src : v.path("projected").path("sources")) {
                    if (src.has("serviceAccountToken")) {
                        w.line(l, "TokenExpirationSeconds:\t" + src.path("serviceAccountToken").path("expirationSeconds").asLong(3607));
                    } else if (src.has("configMap")) {
                        w.line(l, "ConfigMapName:\t" + src.path("configMap").path("name").asText());
                        w.line(l, "Optional:\t" + src.path("configMap").path("optional").asBoolean(false));
                    } else if (src.has("downwardAPI")) {
                        w.line(l, "DownwardAPI:\ttrue");
                    }
                }
            } else {
                w.line(l, "Type:\t<unknown>");
            }
        }
    }
}
