package io.skiff.scheduler;

import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.skiff.scheduler.cache.SchedulerCache;
import io.skiff.scheduler.queue.SchedulingQueue;

import java.util.Objects;

/**
 * Keeps the cache's nodes current. A new node, or a change that can make pods fit (labels,
 * taints, cordoning, allocatable), gives unschedulable pods another try; heartbeats do not.
 */
final class NodeEventHandler implements ResourceEventHandler<Node> {
    private final SchedulerCache cache;
    private final SchedulingQueue queue;

    NodeEventHandler(SchedulerCache cache, SchedulingQueue queue) {
        this.cache = cache;
        this.queue = queue;
    }

    @Override
    public void onAdd(Node node) {
        cache.addNode(node);
        queue.moveAllToActiveOrBackoff(q -> true);
    }

    @Override
    public void onUpdate(Node old, Node node) {
        cache.updateNode(node);
        if (schedulingRelevantChange(old, node)) {
            queue.moveAllToActiveOrBackoff(q -> true);
        }
    }

    @Override
    public void onDelete(Node node, boolean finalStateUnknown) {
        cache.removeNode(node.getMetadata().getName());
    }

    static boolean schedulingRelevantChange(Node old, Node node) {
        return !Objects.equals(old.getMetadata().getLabels(), node.getMetadata().getLabels())
                || !Objects.equals(old.getSpec(), node.getSpec())
                || !Objects.equals(old.getStatus() == null ? null : old.getStatus().getAllocatable(),
                        node.getStatus() == null ? null : node.getStatus().getAllocatable());
    }
}
