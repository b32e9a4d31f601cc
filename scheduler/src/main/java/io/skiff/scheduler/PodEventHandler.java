package io.skiff.scheduler;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.skiff.scheduler.cache.SchedulerCache;
import io.skiff.scheduler.plugins.InterPodAffinity;
import io.skiff.scheduler.plugins.PodTopologySpread;
import io.skiff.scheduler.queue.SchedulingQueue;

import java.util.Objects;

/**
 * Routes pod changes: bound pods go to the cache (they use node resources), unbound pods for
 * this scheduler go to the queue. A bound pod leaving frees room, so unschedulable pods get
 * another try; a bound pod arriving only helps pods waiting on pod affinity or spreading.
 */
final class PodEventHandler implements ResourceEventHandler<Pod> {
    private final SchedulerCache cache;
    private final SchedulingQueue queue;
    private final String schedulerName;

    PodEventHandler(SchedulerCache cache, SchedulingQueue queue, String schedulerName) {
        this.cache = cache;
        this.queue = queue;
        this.schedulerName = schedulerName;
    }

    @Override
    public void onAdd(Pod pod) {
        if (assigned(pod)) {
            cache.addPod(pod);
            queue.moveAllToActiveOrBackoff(q -> q.rejectors().contains(InterPodAffinity.NAME) || q.rejectors().contains(PodTopologySpread.NAME));
        } else if (responsible(pod)) {
            queue.add(pod);
        }
    }

    @Override
    public void onUpdate(Pod old, Pod pod) {
        if (assigned(pod)) {
            if (!assigned(old)) {
                queue.delete(pod); // bound, by us or by someone else
            }
            cache.updatePod(pod);
            queue.moveAllToActiveOrBackoff(q -> q.rejectors().contains(InterPodAffinity.NAME) || q.rejectors().contains(PodTopologySpread.NAME));
        } else if (responsible(pod)) {
            queue.update(pod, !Objects.equals(old.getSpec(), pod.getSpec()) || !sameMetadata(old, pod));
        } else {
            queue.delete(pod); // schedulerName changed away from us
        }
    }

    @Override
    public void onDelete(Pod pod, boolean finalStateUnknown) {
        if (assigned(pod)) {
            cache.removePod(pod);
            queue.moveAllToActiveOrBackoff(q -> true);
        } else {
            queue.delete(pod);
        }
    }

    /** Labels and annotations, which selectors and affinity look at; resourceVersion and the like do not count. */
    private static boolean sameMetadata(Pod a, Pod b) {
        return Objects.equals(a.getMetadata().getLabels(), b.getMetadata().getLabels())
                && Objects.equals(a.getMetadata().getAnnotations(), b.getMetadata().getAnnotations());
    }

    static boolean assigned(Pod pod) {
        String node = pod.getSpec() == null ? null : pod.getSpec().getNodeName();
        return node != null && !node.isEmpty();
    }

    private boolean responsible(Pod pod) {
        String name = pod.getSpec() == null ? null : pod.getSpec().getSchedulerName();
        boolean ours = schedulerName.equals(name == null || name.isEmpty() ? "default-scheduler" : name);
        return ours && pod.getMetadata().getDeletionTimestamp() == null;
    }
}
