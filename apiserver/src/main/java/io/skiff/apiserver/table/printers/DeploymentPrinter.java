package io.skiff.apiserver.table.printers;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.skiff.apiserver.table.Column;
import io.skiff.apiserver.table.TablePrinter;

import java.util.List;

public final class DeploymentPrinter implements TablePrinter {

    @Override
    public List<Column> columns() {
        return List.of(Column.NAME,
                Column.string("Ready", "Number of the pod with ready state"),
                Column.integer("Up-to-date", "Total number of non-terminated pods targeted by this deployment that have the desired template spec."),
                Column.integer("Available", "Total number of available pods (ready for at least minReadySeconds) targeted by this deployment."),
                Column.AGE,
                Column.wide("Containers", "Names of each container in the template."),
                Column.wide("Images", "Images referenced by each container in the template."),
                Column.wide("Selector", "Label selector for pods. Existing ReplicaSets whose pods are selected by this will be the ones affected by this deployment."));
    }

    @Override
    public List<Object> cells(ObjectNode d) {
        JsonNode spec = d.path("spec");
        JsonNode status = d.path("status");
        JsonNode podSpec = spec.path("template").path("spec");
        return List.of(TablePrinter.name(d),
                Cells.integer(status.get("readyReplicas")) + "/" + Cells.integer(spec.get("replicas")),
                Cells.integer(status.get("updatedReplicas")),
                Cells.integer(status.get("availableReplicas")),
                TablePrinter.age(d),
                Cells.containerNames(podSpec), Cells.containerImages(podSpec), Cells.selector(spec.get("selector")));
    }
}
