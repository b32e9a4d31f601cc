package io.skiff.controllers;

/** The status fields ReplicaSets and ReplicationControllers share. */
record ReplicaStatus(int replicas, int fullyLabeledReplicas, int readyReplicas, int availableReplicas,
                     long observedGeneration) {
}
