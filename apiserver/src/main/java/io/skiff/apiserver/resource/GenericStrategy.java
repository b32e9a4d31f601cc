package io.skiff.apiserver.resource;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.skiff.api.ResourceType;
import io.skiff.apiserver.table.TablePrinter;

/** Plain resources: NAME/AGE or given columns, status cleared on create when it is a subresource. */
public class GenericStrategy implements ResourceStrategy {
    private final ResourceType type;
    private final TablePrinter printer;
    private final boolean tracksGeneration;

    public GenericStrategy(ResourceType type, TablePrinter printer) {
        this(type, printer, true);
    }

    /** @param tracksGeneration false for kinds Kubernetes gives no metadata.generation (pods, services, namespaces) */
    protected GenericStrategy(ResourceType type, TablePrinter printer, boolean tracksGeneration) {
        this.type = type;
        this.printer = printer;
        this.tracksGeneration = tracksGeneration;
    }

    @Override
    public ResourceType type() {
        return type;
    }

    @Override
    public TablePrinter printer() {
        return printer;
    }

    @Override
    public boolean tracksGeneration() {
        return tracksGeneration;
    }

    @Override
    public void prepareForCreate(ObjectNode obj) {
        if (type.hasSubresource("status")) {
            obj.remove("status");
        }
    }
}
