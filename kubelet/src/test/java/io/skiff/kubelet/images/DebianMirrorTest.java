package io.skiff.kubelet.images;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class DebianMirrorTest {
    @Test
    void readsTheFirstNonSecurityStanzaOfDeb822Sources() throws Exception {
        var m = DebianMirror.parseDeb822(List.of(
                "Types: deb", "URIs: http://mirror.example/debian-security", "Suites: bookworm-security", "",
                "Types: deb deb-src", "URIs: http://mirror.example/debian", "Suites: bookworm bookworm-updates", "Components: main"));
        assertEquals(new DebianMirror("http://mirror.example/debian", "bookworm"), m);
    }

    @Test
    void readsOneLineSources() throws Exception {
        var m = DebianMirror.parseOneLine(List.of("# comment", "deb [arch=amd64] http://mirror.example/debian trixie main"));
        assertEquals(new DebianMirror("http://mirror.example/debian", "trixie"), m);
    }
}
