package io.skiff.kubelet.pod;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.EnvVarSource;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.KubernetesClient;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A container's environment as Kubernetes builds it: envFrom first, then env in order, each
 * value with {@code $(VAR)} references to earlier variables expanded ({@code $$} escapes),
 * and valueFrom read from the pod (fieldRef, resourceFieldRef), ConfigMaps and Secrets.
 */
public final class EnvResolver {
    private static final Pattern REF = Pattern.compile("\\$\\$|\\$\\(([A-Za-z_][A-Za-z0-9_.-]*)\\)");
    private static final Pattern SUBSCRIPT = Pattern.compile("metadata\\.(labels|annotations)\\['(.*)'\\]");

    private final KubernetesClient client;

    public EnvResolver(KubernetesClient client) {
        this.client = client;
    }

    /** "NAME=value" entries for the runtime. */
    public List<String> resolve(Pod pod, Container c, String podIp, String hostIp) throws ConfigError {
        Map<String, String> env = new LinkedHashMap<>();
        String ns = pod.getMetadata().getNamespace();
        for (EnvFromSource from : list(c.getEnvFrom())) {
            String prefix = from.getPrefix() == null ? "" : from.getPrefix();
            if (from.getConfigMapRef() != null) {
                ConfigMap cm = client.configMaps().inNamespace(ns).withName(from.getConfigMapRef().getName()).get();
                if (cm == null) {
                    if (Boolean.TRUE.equals(from.getConfigMapRef().getOptional())) {
                        continue;
                    }
                    throw new ConfigError("configmap \"" + from.getConfigMapRef().getName() + "\" not found");
                }
                map(cm.getData()).forEach((k, v) -> env.put(prefix + k, v));
            }
            if (from.getSecretRef() != null) {
                Secret s = client.secrets().inNamespace(ns).withName(from.getSecretRef().getName()).get();
                if (s == null) {
                    if (Boolean.TRUE.equals(from.getSecretRef().getOptional())) {
                        continue;
                    }
                    throw new ConfigError("secret \"" + from.getSecretRef().getName() + "\" not found");
                }
                secretData(s).forEach((k, v) -> env.put(prefix + k, v));
            }
        }
        for (EnvVar var : list(c.getEnv())) {
            String value = var.getValueFrom() != null ? valueFrom(pod, c, var.getValueFrom(), podIp, hostIp)
                    : expand(var.getValue() == null ? "" : var.getValue(), env);
            if (value != null) {
                env.put(var.getName(), value);
            }
        }
        List<String> out = new ArrayList<>();
        env.forEach((k, v) -> out.add(k + "=" + v));
        return out;
    }

    static String expand(String value, Map<String, String> defined) {
        Matcher m = REF.matcher(value);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            String rep = m.group().equals("$$") ? "$" : defined.getOrDefault(m.group(1), m.group());
            m.appendReplacement(sb, Matcher.quoteReplacement(rep));
        }
        m.appendTail(sb);
        return sb.toString();
    }

    private String valueFrom(Pod pod, Container c, EnvVarSource src, String podIp, String hostIp) throws ConfigError {
        String ns = pod.getMetadata().getNamespace();
        if (src.getFieldRef() != null) {
            return field(pod, src.getFieldRef().getFieldPath(), podIp, hostIp);
        }
        if (src.getResourceFieldRef() != null) {
            return Resources.fieldValue(c, src.getResourceFieldRef());
        }
        if (src.getConfigMapKeyRef() != null) {
            var ref = src.getConfigMapKeyRef();
            boolean optional = Boolean.TRUE.equals(ref.getOptional());
            ConfigMap cm = client.configMaps().inNamespace(ns).withName(ref.getName()).get();
            if (cm == null) {
                if (optional) {
                    return null;
                }
                throw new ConfigError("configmap \"" + ref.getName() + "\" not found");
            }
            String v = map(cm.getData()).get(ref.getKey());
            if (v == null && !optional) {
                throw new ConfigError("couldn't find key " + ref.getKey() + " in ConfigMap " + ns + "/" + ref.getName());
            }
            return v;
        }
        if (src.getSecretKeyRef() != null) {
            var ref = src.getSecretKeyRef();
            boolean optional = Boolean.TRUE.equals(ref.getOptional());
            Secret s = client.secrets().inNamespace(ns).withName(ref.getName()).get();
            if (s == null) {
                if (optional) {
                    return null;
                }
                throw new ConfigError("secret \"" + ref.getName() + "\" not found");
            }
            String v = secretData(s).get(ref.getKey());
            if (v == null && !optional) {
                throw new ConfigError("couldn't find key " + ref.getKey() + " in Secret " + ns + "/" + ref.getName());
            }
            return v;
        }
        return null;
    }

    /** The downward API fields Kubernetes allows in env. */
    static String field(Pod pod, String path, String podIp, String hostIp) throws ConfigError {
        var md = pod.getMetadata();
        Matcher sub = SUBSCRIPT.matcher(path);
        if (sub.matches()) {
            Map<String, String> m = sub.group(1).equals("labels") ? md.getLabels() : md.getAnnotations();
            return m == null ? "" : m.getOrDefault(sub.group(2), "");
        }
        return switch (path) {
            case "metadata.name" -> md.getName();
            case "metadata.namespace" -> md.getNamespace();
            case "metadata.uid" -> md.getUid();
            case "spec.nodeName" -> pod.getSpec().getNodeName();
            case "spec.serviceAccountName" -> pod.getSpec().getServiceAccountName();
            case "status.podIP", "status.podIPs" -> podIp == null ? "" : podIp;
            case "status.hostIP", "status.hostIPs" -> hostIp == null ? "" : hostIp;
            default -> throw new ConfigError("unsupported fieldRef " + path);
        };
    }

    static Map<String, String> secretData(Secret s) {
        Map<String, String> out = new LinkedHashMap<>();
        map(s.getData()).forEach((k, v) -> out.put(k, new String(Base64.getDecoder().decode(v), StandardCharsets.UTF_8)));
        map(s.getStringData()).forEach(out::put);
        return out;
    }

    private static <T> List<T> list(List<T> l) {
        return l == null ? List.of() : l;
    }

    private static Map<String, String> map(Map<String, String> m) {
        return m == null ? Map.of() : m;
    }
}
