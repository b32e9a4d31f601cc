package io.skiff.kubectl.cmd;

import com.fasterxml.jackson.databind.JsonNode;
import io.skiff.kubectl.KubectlException;
import io.skiff.kubectl.Session;

import java.util.ArrayList;
import java.util.List;

/** Which container of a pod a command means when {@code -c} is not given. */
final class Containers {
    private Containers() {
    }

    static String pick(Session s, JsonNode pod, String asked, boolean quiet) {
        List<String> names = new ArrayList<>();
        pod.path("spec").path("containers").forEach(c -> names.add(c.path("name").asText()));
        if (asked != null) {
            List<String> all = new ArrayList<>(names);
            pod.path("spec").path("initContainers").forEach(c -> all.add(c.path("name").asText()));
            if (!all.contains(asked)) {
                throw new KubectlException("container " + asked + " is not valid for pod " + pod.path("metadata").path("name").asText());
            }
            return asked;
        }
        String annotated = pod.path("metadata").path("annotations").path("kubectl.kubernetes.io/default-container").asText("");
        if (!annotated.isEmpty() && names.contains(annotated)) {
            return annotated;
        }
        if (names.isEmpty()) {
            throw new KubectlException("pod " + pod.path("metadata").path("name").asText() + " does not have a container");
        }
        if (names.size() > 1 && !quiet) {
            s.err.println("Defaulted container \"" + names.get(0) + "\" out of: " + String.join(", ", names));
        }
        return names.get(0);
    }
}
