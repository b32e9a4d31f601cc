package io.skiff.kubectl.cmd;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/** The local terminal in raw mode for {@code exec -ti}, through stty on /dev/tty. */
final class Terminal {
    private final String saved;
    private final byte[] size;

    private Terminal(String saved, byte[] size) {
        this.saved = saved;
        this.size = size;
    }

    static Terminal raw() {
        if (System.console() == null) {
            return null;
        }
        try {
            String saved = stty("-g").trim();
            String[] rc = stty("size").trim().split("\\s+");
            stty("raw", "-echo");
            String json = "{\"Width\":" + rc[1] + ",\"Height\":" + rc[0] + "}";
            return new Terminal(saved, json.getBytes(StandardCharsets.UTF_8));
        } catch (IOException | InterruptedException | ArrayIndexOutOfBoundsException e) {
            return null;
        }
    }

    byte[] sizeJson() {
        return size;
    }

    void restore() {
        try {
            stty(saved);
        } catch (IOException | InterruptedException ignored) {
            // nothing more to do
        }
    }

    private static String stty(String... args) throws IOException, InterruptedException {
        String[] cmd = new String[args.length + 1];
        cmd[0] = "stty";
        System.arraycopy(args, 0, cmd, 1, args.length);
        Process p = new ProcessBuilder(cmd).redirectInput(new File("/dev/tty")).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor();
        return out;
    }
}
