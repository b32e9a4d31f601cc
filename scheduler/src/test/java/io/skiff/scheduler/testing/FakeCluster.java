package io.skiff.scheduler.testing;

import io.skiff.scheduler.cache.NodeInfo;
import io.skiff.scheduler.framework.ClusterView;

import java.util.List;

/** A fixed set of nodes, for plugins that look at the whole cluster. */
public record FakeCluster(List<NodeInfo> nodes) implements ClusterView {
    public static FakeCluster of(NodeInfo... nodes) {
        return new FakeCluster(List.of(nodes));
    }

    @Override
    public NodeInfo node(String name) {
        return nodes.stream().filter(n -> n.name().equals(name)).findFirst().orElse(null);
    }

    @Override
    public int podsWithRequiredAntiAffinity() {
        return nodes.stream().mapToInt(NodeInfo::podsWithRequiredAntiAffinity).sum();
    }
}
