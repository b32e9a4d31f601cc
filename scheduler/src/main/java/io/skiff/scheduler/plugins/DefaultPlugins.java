package io.skiff.scheduler.plugins;

import io.skiff.scheduler.framework.Plugin;

import java.util.List;

/** The plugins of the default profile, in the order Filter runs them (cheap and decisive first). */
public final class DefaultPlugins {
    private DefaultPlugins() {
    }

    public static List<Plugin> all() {
        return List.of(new NodeUnschedulable(), new NodeName(), new TaintToleration(), new NodeAffinity(),
                new NodePorts(), new NodeResourcesFit(), new InterPodAffinity(), new PodTopologySpread(),
                new LeastAllocated(), new BalancedAllocation(), new SelectorSpread());
    }
}
