package io.skiff.kubelet.runtime.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.ConflictException;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.Network;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Map;

/**
 * The Docker bridge network {@code skiff} that holds every pod sandbox on this engine. It spans
 * the whole pod network (10.244.0.0/16); each kubelet places its pods in its own /24 by giving
 * the sandbox an explicit address, so several nodes can share one engine and still reach each other.
 */
final class PodNetwork {
    static final String NAME = "skiff";
    private static final Logger log = LoggerFactory.getLogger(PodNetwork.class);

    private PodNetwork() {
    }

    static void ensure(DockerClient docker, String clusterCidr, String gateway) {
        try {
            docker.inspectNetworkCmd().withNetworkId(NAME).exec();
            return;
        } catch (NotFoundException e) {
            // create below
        }
        try {
            docker.createNetworkCmd().withName(NAME).withDriver("bridge").withCheckDuplicate(true)
                    .withLabels(Map.of("io.skiff.managed", "true"))
                    .withIpam(new Network.Ipam().withConfig(new Network.Ipam.Config().withSubnet(clusterCidr).withGateway(gateway)))
                    .exec();
            log.info("created Docker network {} ({})", NAME, clusterCidr);
        } catch (ConflictException e) {
            // another kubelet on this engine created it first
        }
    }
}
