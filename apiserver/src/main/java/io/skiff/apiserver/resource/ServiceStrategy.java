package io.skiff.apiserver.resource;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.skiff.api.ResourceTypes;
import io.skiff.apiserver.table.printers.ServicePrinter;

/** Services: an empty load-balancer status on create; IPs and node ports come from the allocators. */
public final class ServiceStrategy extends GenericStrategy {

    public ServiceStrategy() {
        super(ResourceTypes.SERVICES, new ServicePrinter(), false);
    }

    @Override
    public void prepareForCreate(ObjectNode svc) {
        svc.putObject("status").putObject("loadBalancer");
    }

    @Override
    public void prepareForUpdate(ObjectNode obj, ObjectNode old) {
        ResourceStrategy.copyField(old, obj, "status");
    }
}
