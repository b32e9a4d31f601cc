package io.skiff.apiserver.resource;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.skiff.api.ResourceTypes;
import io.skiff.apiserver.table.printers.SimplePrinters;

/** Namespaces are Active from creation; deletion is finalized by the namespace lifecycle. */
public final class NamespaceStrategy extends GenericStrategy {

    public NamespaceStrategy() {
        super(ResourceTypes.NAMESPACES, SimplePrinters.namespaces(), false);
    }

    @Override
    public void prepareForCreate(ObjectNode ns) {
        ns.putObject("status").put("phase", "Active");
        // Kubernetes labels every namespace with its own name
        ns.with("metadata").with("labels").put("kubernetes.io/metadata.name", ns.path("metadata").path("name").asText());
    }

    @Override
    public void prepareForUpdate(ObjectNode obj, ObjectNode old) {
        ResourceStrategy.copyField(old, obj, "status");
        obj.with("metadata").with("labels").put("kubernetes.io/metadata.name", old.path("metadata").path("name").asText());
        // spec.finalizers change only through /finalize
        ResourceStrategy.copyField(old, obj, "spec");
    }

    @Override
    public boolean returnsDeletedObject() {
        return true;
    }
}
