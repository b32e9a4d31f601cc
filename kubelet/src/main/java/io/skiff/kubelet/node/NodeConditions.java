package io.skiff.kubelet.node;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * Memory, disk and PID pressure from real measurements, with the kubelet's default hard
 * eviction thresholds: memory.available &lt; 100Mi, nodefs.available &lt; 10%, and fewer than
 * 10% of pid_max left.
 */
public final class NodeConditions {
    public record Pressure(boolean memory, boolean disk, boolean pid) {
        public static final Pressure NONE = new Pressure(false, false, false);
    }

    private NodeConditions() {
    }

    public static Pressure measure(Path rootDir) {
        try {
            long availKi = MachineInfo.meminfo().getOrDefault("MemAvailable", Long.MAX_VALUE);
            var store = Files.getFileStore(rootDir);
            boolean disk = store.getUsableSpace() < store.getTotalSpace() / 10;
            // readAllLines, not readString: procfs reports a size of 0 and some kernels then return a short read
            long pidMax = Long.parseLong(Files.readAllLines(Path.of("/proc/sys/kernel/pid_max")).get(0).strip());
            long procs;
            try (Stream<Path> s = Files.list(Path.of("/proc"))) {
                procs = s.filter(p -> p.getFileName().toString().chars().allMatch(Character::isDigit)).count();
            }
            return new Pressure(availKi < 100 * 1024, disk, procs > pidMax * 9 / 10);
        } catch (IOException | RuntimeException e) {
            return Pressure.NONE;
        }
    }
}
