package io.skiff.apiserver.table.printers;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.skiff.apiserver.table.Column;
import io.skiff.apiserver.table.HumanDuration;
import io.skiff.apiserver.table.TablePrinter;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** The kinds whose columns are a line or two each: namespaces, config maps, secrets, leases, … */
public final class SimplePrinters {
    private SimplePrinters() {
    }

    /** A printer of NAME, the given columns, then AGE (where Kubernetes puts it last). */
    private static TablePrinter of(List<Column> extra, Function<ObjectNode, List<Object>> cells) {
        return new TablePrinter() {
            @Override
            public List<Column> columns() {
                List<Column> all = new ArrayList<>();
                all.add(Column.NAME);
                all.addAll(extra);
                all.add(Column.AGE);
                return all;
            }

            @Override
            public List<Object> cells(ObjectNode o) {
                List<Object> all = new ArrayList<>();
                all.add(TablePrinter.name(o));
                all.addAll(cells.apply(o));
                all.add(TablePrinter.age(o));
                return all;
            }
        };
    }

    public static TablePrinter namespaces() {
        return of(List.of(Column.string("Status", "The status of the namespace")),
                o -> List.of(o.path("status").path("phase").asText("Active")));
    }

    public static TablePrinter configMaps() {
        return of(List.of(Column.integer("Data", "Number of data entries")),
                o -> List.of(o.path("data").size() + o.path("binaryData").size()));
    }

    public static TablePrinter secrets() {
        return of(List.of(Column.string("Type", "The type of the secret"), Column.integer("Data", "Number of data entries")),
                o -> List.of(o.path("type").asText("Opaque"), o.path("data").size()));
    }

    public static TablePrinter serviceAccounts() {
        return of(List.of(Column.integer("Secrets", "Number of secrets")),
                o -> List.of(o.path("secrets").size()));
    }

    /** Roles print their creation time, not an age. */
    public static TablePrinter roles() {
        return new TablePrinter() {
            @Override
            public List<Column> columns() {
                return List.of(Column.NAME, Column.string("Created At", "Time at which the object was created."));
            }

            @Override
            public List<Object> cells(ObjectNode o) {
                return List.of(TablePrinter.name(o), o.path("metadata").path("creationTimestamp").asText(""));
            }
        };
    }

    public static TablePrinter roleBindings() {
        return of(List.of(Column.string("Role", "Role referenced by this binding"),
                        new Column("Users", "string", "", "Users in the binding", 1),
                        new Column("Groups", "string", "", "Groups in the binding", 1),
                        new Column("ServiceAccounts", "string", "", "ServiceAccounts in the binding", 1)),
                o -> List.of(o.path("roleRef").path("kind").asText() + "/" + o.path("roleRef").path("name").asText(),
                        subjects(o, "User"), subjects(o, "Group"), subjects(o, "ServiceAccount")));
    }

    private static String subjects(JsonNode binding, String kind) {
        List<String> names = new ArrayList<>();
        for (JsonNode s : binding.path("subjects")) {
            if (kind.equals(s.path("kind").asText())) {
                names.add(kind.equals("ServiceAccount") ? s.path("namespace").asText() + "/" + s.path("name").asText() : s.path("name").asText());
            }
        }
        return String.join(", ", names);
    }

    public static TablePrinter leases() {
        return of(List.of(Column.string("Holder", "The holder of the lease")),
                o -> List.of(o.path("spec").path("holderIdentity").asText("")));
    }

    public static TablePrinter endpoints() {
        return of(List.of(Column.string("Endpoints", "Endpoints of the service")), o -> List.of(endpointList(o)));
    }

    public static TablePrinter endpointSlices() {
        return of(List.of(Column.string("AddressType", "The address type of the EndpointSlice"),
                        Column.string("Ports", "The ports of the EndpointSlice"),
                        Column.string("Endpoints", "The endpoints of the EndpointSlice")),
                o -> List.of(o.path("addressType").asText(), slicePorts(o), sliceEndpoints(o)));
    }

    /** {@code 10.0.0.1:80,10.0.0.2:80 + 3 more...}, ready addresses first, as kubectl prints. */
    private static String endpointList(JsonNode ep) {
        List<String> all = new ArrayList<>();
        int count = 0;
        for (JsonNode subset : ep.path("subsets")) {
            List<String> ports = new ArrayList<>();
            subset.path("ports").forEach(p -> ports.add(p.path("port").asText()));
            for (JsonNode addr : subset.path("addresses")) {
                if (ports.isEmpty()) {
                    all.add(addr.path("ip").asText());
                } else {
                    for (String p : ports) {
                        all.add(addr.path("ip").asText() + ":" + p);
                    }
                }
            }
        }
        count = all.size();
        if (count == 0) {
            return Cells.NONE;
        }
        if (count > 3) {
            return String.join(",", all.subList(0, 3)) + " + " + (count - 3) + " more...";
        }
        return String.join(",", all);
    }

    private static String slicePorts(JsonNode slice) {
        List<String> ports = new ArrayList<>();
        slice.path("ports").forEach(p -> ports.add(p.path("port").asText()));
        if (ports.isEmpty()) {
            return Cells.NONE;
        }
        return ports.size() > 3 ? String.join(",", ports.subList(0, 3)) + " + " + (ports.size() - 3) + " more..." : String.join(",", ports);
    }

    private static String sliceEndpoints(JsonNode slice) {
        List<String> ips = new ArrayList<>();
        slice.path("endpoints").forEach(e -> e.path("addresses").forEach(a -> ips.add(a.asText())));
        if (ips.isEmpty()) {
            return Cells.NONE;
        }
        return ips.size() > 3 ? String.join(",", ips.subList(0, 3)) + " + " + (ips.size() - 3) + " more..." : String.join(",", ips);
    }

    /** kubectl get events: LAST SEEN, TYPE, REASON, OBJECT, MESSAGE (no NAME, no AGE). */
    public static TablePrinter events() {
        return new TablePrinter() {
            @Override
            public List<Column> columns() {
                return List.of(Column.string("Last Seen", "Time when last event occurred"),
                        Column.string("Type", "Type of this event (Normal, Warning), new types could be added in the future."),
                        Column.string("Reason", "This should be a short, machine understandable string that gives the reason for this event being generated."),
                        Column.string("Object", "Object this event is about."),
                        new Column("Subobject", "string", "", "Subobject this event is about.", 1),
                        new Column("Source", "string", "", "The component reporting this event.", 1),
                        Column.string("Message", "A human-readable description of the status of this operation."),
                        new Column("First Seen", "string", "", "Time when first event occurred", 1),
                        new Column("Count", "string", "", "The number of times this event has occurred.", 1),
                        new Column("Name", "string", "name", "Name of the event", 1));
            }

            @Override
            public List<Object> cells(ObjectNode e) {
                JsonNode obj = e.has("involvedObject") ? e.path("involvedObject") : e.path("regarding");
                String last = firstNonEmpty(e.path("lastTimestamp").asText(""), e.path("eventTime").asText(""),
                        e.path("series").path("lastObservedTime").asText(""), e.path("deprecatedLastTimestamp").asText(""),
                        e.path("metadata").path("creationTimestamp").asText(""));
                String first = firstNonEmpty(e.path("firstTimestamp").asText(""), e.path("eventTime").asText(""),
                        e.path("deprecatedFirstTimestamp").asText(""), e.path("metadata").path("creationTimestamp").asText(""));
                String source = e.path("source").path("component").asText(e.path("reportingController").asText(""));
                String host = e.path("source").path("host").asText("");
                if (!host.isEmpty()) {
                    source += ", " + host;
                }
                long count = e.path("count").asLong(e.path("series").path("count").asLong(1));
                return List.of(HumanDuration.since(last), e.path("type").asText(""), e.path("reason").asText(""),
                        obj.path("kind").asText("").toLowerCase() + "/" + obj.path("name").asText(),
                        obj.path("fieldPath").asText(""), source,
                        e.has("message") ? e.path("message").asText() : e.path("note").asText(""),
                        HumanDuration.since(first), Long.toString(count), TablePrinter.name(e));
            }
        };
    }

    private static String firstNonEmpty(String... values) {
        for (String v : values) {
            if (!v.isEmpty()) {
                return v;
            }
        }
        return "";
    }
}
