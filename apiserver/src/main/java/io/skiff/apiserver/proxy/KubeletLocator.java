package io.skiff.apiserver.proxy;

import com.fasterxml.jackson.databind.JsonNode;
import io.skiff.api.ResourceTypes;
import io.skiff.api.errors.ApiException;
import io.skiff.apiserver.storage.ObjectStorage;

import java.net.InetAddress;
import java.net.NetworkInterface;

/**
 * Where a node's kubelet API answers: the node's InternalIP and its advertised kubelet port.
 * A kubelet on this very machine is reached on loopback, where it listens by default.
 */
final class KubeletLocator {
    private final ObjectStorage storage;

    KubeletLocator(ObjectStorage storage) {
        this.storage = storage;
    }

    String baseUrl(String nodeName) {
        JsonNode node = storage.find(ResourceTypes.NODES, null, nodeName)
                .orElseThrow(() -> ApiException.notFound("", "nodes", nodeName));
        int port = node.path("status").path("daemonEndpoints").path("kubeletEndpoint").path("Port").asInt(10250);
        String address = null;
        for (JsonNode a : node.path("status").path("addresses")) {
            if ("InternalIP".equals(a.path("type").asText())) {
                address = a.path("address").asText();
                break;
            }
        }
        if (address == null || isLocal(address)) {
            address = "127.0.0.1";
        }
        return "http://" + (address.contains(":") ? "[" + address + "]" : address) + ":" + port;
    }

    private static boolean isLocal(String address) {
        try {
            InetAddress a = InetAddress.getByName(address);
            return a.isLoopbackAddress() || NetworkInterface.getByInetAddress(a) != null;
        } catch (Exception e) {
            return false;
        }
    }
}
