package io.skiff.apiserver.rest;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.skiff.api.Json;
import io.skiff.api.ResourceType;
import io.skiff.api.errors.ApiException;
import io.skiff.apiserver.http.MediaTypes;
import io.skiff.apiserver.http.Responses;
import io.skiff.apiserver.storage.ObjectStorage;
import io.skiff.apiserver.table.TablePrinter;

import java.util.ArrayList;
import java.util.List;

/** get and list, in every reply format. */
final class ReadOperations {
    private static final int PAGE = 500;
    private final ObjectStorage storage;

    ReadOperations(ObjectStorage storage) {
        this.storage = storage;
    }

    void get(ApiRequest r) {
        ObjectNode obj = storage.get(r.type, r.namespace(), r.name());
        writeObject(r, 200, obj);
    }

    void list(ApiRequest r) {
        ObjectFilter filter = new ObjectFilter(r.type, r.namespace(), r.query("labelSelector"), r.query("fieldSelector"));
        Long limitParam = r.longQuery("limit");
        int limit = limitParam == null || limitParam <= 0 ? 0 : (int) Math.min(limitParam, Integer.MAX_VALUE);
        String prefix = r.type.storePrefix(r.namespace());
        String startKey = null;
        long revision = 0;
        String cont = r.query("continue");
        if (cont != null) {
            ContinueToken token = ContinueToken.decode(cont, prefix);
            startKey = token.startKey();
            revision = token.revision();
        } else {
            long requested = parseRevision(r.query("resourceVersion")); // validated whatever the match rule
            if ("Exact".equals(r.query("resourceVersionMatch"))) {
                revision = requested;
            }
        }
        List<ObjectNode> items = new ArrayList<>();
        String nextKey = null;
        pages:
        while (true) {
            // with a selector, read whole pages: most items may not match
            int fetch = limit == 0 ? 0 : filter.isEverything() ? limit - items.size() : PAGE;
            ObjectStorage.Page page = storage.list(r.type, r.namespace(), startKey, revision, fetch);
            revision = page.revision();
            for (ObjectNode o : page.items()) {
                if (limit > 0 && items.size() == limit) {
                    nextKey = keyOf(r.type, o);
                    break pages;
                }
                if (filter.test(o)) {
                    items.add(o);
                }
            }
            if (page.nextKey() == null) {
                break;
            }
            if (limit > 0 && items.size() == limit) {
                nextKey = page.nextKey();
                break;
            }
            startKey = page.nextKey();
        }
        writeList(r, items, revision, nextKey == null ? null : new ContinueToken(revision, nextKey).encode());
    }

    private static String keyOf(ResourceType type, ObjectNode o) {
        return type.storeKey(o.path("metadata").path("namespace").asText(null), o.path("metadata").path("name").asText());
    }

    static long parseRevision(String rv) {
        if (rv == null || rv.isEmpty()) {
            return 0;
        }
        try {
            long v = Long.parseLong(rv);
            if (v < 0) {
                throw new NumberFormatException();
            }
            return v;
        } catch (NumberFormatException e) {
            throw ApiException.badRequest("Invalid value: \"" + rv + "\": resourceVersion must be a non-negative integer");
        }
    }

    /** One object, as the object itself, a one-row Table or its metadata. */
    static void writeObject(ApiRequest r, int status, ObjectNode obj) {
        if (r.reply.isTable()) {
            Responses.write(r.ctx, status, TablePrinter.table(r.strategy.printer(), List.of(obj), tableVersion(r),
                    r.query("includeObject"), true), MediaTypes.Reply.TABLE);
        } else if (r.reply.isPartialMetadata()) {
            Responses.write(r.ctx, status, TablePrinter.partialMetadata(obj, tableVersion(r)), MediaTypes.Reply.JSON);
        } else {
            Responses.write(r.ctx, status, obj, r.reply);
        }
    }

    private void writeList(ApiRequest r, List<ObjectNode> items, long revision, String cont) {
        ObjectNode out;
        if (r.reply.isTable()) {
            out = TablePrinter.table(r.strategy.printer(), items, tableVersion(r), r.query("includeObject"), true);
        } else if (r.reply.isPartialMetadata()) {
            out = Json.object().put("kind", "PartialObjectMetadataList").put("apiVersion", tableVersion(r));
            out.putObject("metadata");
            ArrayNode arr = out.putArray("items");
            items.forEach(i -> arr.add(TablePrinter.partialMetadata(i, tableVersion(r))));
        } else {
            out = Json.object().put("kind", r.type.listKind()).put("apiVersion", r.type.apiVersion());
            out.putObject("metadata");
            ArrayNode arr = out.putArray("items");
            items.forEach(arr::add);
        }
        ObjectNode meta = out.with("metadata");
        meta.put("resourceVersion", Long.toString(revision));
        if (cont != null) {
            meta.put("continue", cont);
        }
        Responses.write(r.ctx, 200, out, r.reply.isTable() ? MediaTypes.Reply.TABLE : r.reply);
    }

    static String tableVersion(ApiRequest r) {
        return r.reply == MediaTypes.Reply.TABLE_V1BETA1 || r.reply == MediaTypes.Reply.PARTIAL_METADATA_V1BETA1
                ? "meta.k8s.io/v1beta1" : "meta.k8s.io/v1";
    }
}
