package io.skiff.apiserver.table.printers;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.skiff.apiserver.table.Column;
import io.skiff.apiserver.table.TablePrinter;

import java.util.List;

/** ReplicaSets and ReplicationControllers print alike; an RC's selector is a plain map. */
public final class ReplicaSetPrinter implements TablePrinter {
    private final boolean mapSelector;

    public ReplicaSetPrinter(boolean mapSelector) {
        this.mapSelector = mapSelector;
    }

    @Override
    public List<Column> columns() {
        return List.of(Column.NAME,
                Column.integer("Desired", "Replicas is the number of desired replicas."),
                Column.integer("Current", "Replicas is the most recently observed number of replicas."),
                Column.integer("Ready", "The number of ready replicas for this replica set."),
                Column.AGE,
                Column.wide("Containers", "Names of each container in the template."),
                Column.wide("Images", "Images referenced by each container in the template."),
                Column.wide("Selector", "Selector is a label query over pods that should match the replica count."));
    }

    @Override
    public List<Object> cells(ObjectNode rs) {
        JsonNode spec = rs.path("spec");
        JsonNode status = rs.path("status");
        JsonNode podSpec = spec.path("template").path("spec");
        String selector = mapSelector ? Cells.labels(spec.get("selector")) : Cells.selector(spec.get("selector"));
        return List.of(TablePrinter.name(rs), Cells.integer(spec.get("replicas")), Cells.integer(status.get("replicas")),
                Cells.integer(status.get("readyReplicas")), TablePrinter.age(rs),
                Cells.containerNames(podSpec), Cells.containerImages(podSpec), selector);
    }
}
