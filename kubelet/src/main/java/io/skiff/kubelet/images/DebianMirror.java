package io.skiff.kubelet.images;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The Debian mirror and suite this machine's apt already uses, so that image builds fetch
 * from the same place as {@code apt-get} and the project names no host of its own.
 */
public record DebianMirror(String uri, String suite) {

    public static DebianMirror fromSystem() throws IOException {
        Path deb822 = Path.of("/etc/apt/sources.list.d/debian.sources");
        if (Files.exists(deb822)) {
            return parseDeb822(Files.readAllLines(deb822));
        }
        Path legacy = Path.of("/etc/apt/sources.list");
        if (Files.exists(legacy)) {
            return parseOneLine(Files.readAllLines(legacy));
        }
        throw new IOException("no apt sources found (/etc/apt/sources.list.d/debian.sources, /etc/apt/sources.list)");
    }

    /** The first stanza of type deb whose URI is not a security archive. */
    static DebianMirror parseDeb822(List<String> lines) throws IOException {
        String uri = null;
        String suite = null;
        boolean deb = false;
        for (String raw : lines) {
            String line = raw.strip();
            if (line.isEmpty()) {
                if (deb && uri != null && suite != null && !uri.contains("security")) {
                    return new DebianMirror(uri, suite);
                }
                uri = null;
                suite = null;
                deb = false;
            } else if (line.startsWith("Types:")) {
                deb = List.of(line.substring(6).trim().split("\\s+")).contains("deb");
            } else if (line.startsWith("URIs:")) {
                uri = line.substring(5).trim().split("\\s+")[0];
            } else if (line.startsWith("Suites:")) {
                suite = line.substring(7).trim().split("\\s+")[0];
            }
        }
        if (deb && uri != null && suite != null && !uri.contains("security")) {
            return new DebianMirror(uri, suite);
        }
        throw new IOException("no Debian mirror in the apt sources");
    }

    static DebianMirror parseOneLine(List<String> lines) throws IOException {
        for (String raw : lines) {
            String[] f = raw.strip().split("\\s+");
            if (f.length >= 3 && f[0].equals("deb") && !f[1].contains("security")) {
                int i = f[1].startsWith("[") ? 2 : 1;
                while (i < f.length && !f[i].contains("://")) {
                    i++;
                }
                if (i + 1 < f.length) {
                    return new DebianMirror(f[i], f[i + 1]);
                }
            }
        }
        throw new IOException("no Debian mirror in /etc/apt/sources.list");
    }
}
