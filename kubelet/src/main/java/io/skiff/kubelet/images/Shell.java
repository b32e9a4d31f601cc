package io.skiff.kubelet.images;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

/** Runs one host command, failing with its output when it exits non-zero. */
final class Shell {
    private Shell() {
    }

    static String run(Path dir, String... command) throws IOException {
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        if (dir != null) {
            pb.directory(dir.toFile());
        }
        pb.environment().put("DEBIAN_FRONTEND", "noninteractive");
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        try {
            if (p.waitFor() != 0) {
                throw new IOException(String.join(" ", command) + " failed (exit " + p.exitValue() + "):\n" + tail(out));
            }
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted: " + String.join(" ", command), e);
        }
        return out;
    }

    static String bash(String script) throws IOException {
        return run(null, "bash", "-euo", "pipefail", "-c", script);
    }

    static boolean succeeds(String... command) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            return p.waitFor() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    static String quote(String s) {
        return "'" + s.replace("'", "'\\''") + "'";
    }

    static String quote(Path p) {
        return quote(p.toString());
    }

    static String join(List<String> words) {
        return String.join(" ", words.stream().map(Shell::quote).toList());
    }

    private static String tail(String out) {
        return out.length() > 4000 ? "…" + out.substring(out.length() - 4000) : out;
    }
}
