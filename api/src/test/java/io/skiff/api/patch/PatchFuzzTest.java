package io.skiff.api.patch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.skiff.api.Json;
import io.skiff.api.ResourceTypes;
import io.skiff.api.errors.ApiException;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Random;

import static io.skiff.api.patch.Trees.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Seeded random patches built from the words that matter (directives, merge keys, real field
 * names): whatever they do, the answer is a result or a 4xx ApiException, never another
 * exception (a 500), and the stored object never changes.
 */
class PatchFuzzTest {
    private static final JsonNodeFactory F = JsonNodeFactory.instance;
    private static final List<String> KEYS = List.of("metadata", "labels", "finalizers", "spec", "template", "containers",
            "name", "image", "ports", "containerPort", "env", "value", "replicas", "status", "conditions", "type",
            "$patch", "$retainKeys", "$setElementOrder/containers", "$setElementOrder/finalizers",
            "$deleteFromPrimitiveList/finalizers", "$deleteFromPrimitiveList/containers", "$setElementOrder", "x");
    private static final List<String> WORDS = List.of("replace", "delete", "merge", "nginx", "a", "b", "", "/spec/replicas",
            "/metadata/labels/app", "/spec/template/spec/containers/0", "add", "remove", "test", "move", "copy");
    private static final JsonNode DEPLOYMENT = json("""
            {"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":"web","labels":{"app":"web"},"finalizers":["a","b"]},
             "spec":{"replicas":1,"template":{"metadata":{"labels":{"app":"web"}},
                     "spec":{"containers":[{"name":"nginx","image":"nginx","ports":[{"containerPort":80}],"env":[{"name":"a","value":"1"}]},
                                           {"name":"b","image":"b"}]}}},
             "status":{"conditions":[{"type":"Available","status":"True"}]}}""");

    private final Random random = new Random(20261124);

    private JsonNode value(int depth) {
        int pick = random.nextInt(depth > 3 ? 5 : 8);
        switch (pick) {
            case 0:
                return F.nullNode();
            case 1:
                return F.numberNode(random.nextInt(3) == 0 ? 80.0 : random.nextInt(100));
            case 2:
                return F.booleanNode(random.nextBoolean());
            case 3:
            case 4:
                return F.textNode(WORDS.get(random.nextInt(WORDS.size())));
            case 5:
            case 6: {
                ObjectNode o = F.objectNode();
                for (int i = random.nextInt(4); i > 0; i--) {
                    o.set(KEYS.get(random.nextInt(KEYS.size())), value(depth + 1));
                }
                return o;
            }
            default: {
                ArrayNode a = F.arrayNode();
                for (int i = random.nextInt(4); i > 0; i--) {
                    a.add(value(depth + 1));
                }
                return a;
            }
        }
    }

    private JsonNode jsonPatch() {
        ArrayNode ops = F.arrayNode();
        for (int i = random.nextInt(4); i > 0; i--) {
            ObjectNode op = F.objectNode();
            op.put("op", List.of("add", "remove", "replace", "move", "copy", "test").get(random.nextInt(6)));
            op.put("path", WORDS.get(random.nextInt(WORDS.size())));
            if (random.nextBoolean()) {
                op.put("from", WORDS.get(random.nextInt(WORDS.size())));
            }
            op.set("value", value(2));
            ops.add(op);
        }
        return random.nextInt(10) == 0 ? value(0) : ops;
    }

    @Test
    void randomPatchesOnlyEverFailAsTheRequestsFault() {
        JsonNode before = DEPLOYMENT.deepCopy();
        int applied = 0;
        for (int i = 0; i < 3000; i++) {
            PatchType type = PatchType.values()[i % 4];
            JsonNode body = type == PatchType.JSON ? jsonPatch() : value(0);
            if (type == PatchType.APPLY && body.isObject() && random.nextBoolean()) {
                ((ObjectNode) body).put("apiVersion", "apps/v1").put("kind", "Deployment");
            }
            try {
                Patches.apply(type.mediaType(), DEPLOYMENT, Json.bytes(body), ResourceTypes.DEPLOYMENTS);
                applied++;
            } catch (ApiException e) {
                assertTrue(e.code() >= 400 && e.code() < 500, type + " " + body + " -> " + e.code() + " " + e.getMessage());
            }
        }
        assertEquals(before, DEPLOYMENT);
        assertTrue(applied > 300, "the generator should also produce patches that apply, got " + applied);
    }
}
