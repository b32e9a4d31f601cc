package io.skiff.kubectl.http;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * Reads a watch stream line by line without read-ahead: a Reader's decoder may wait for more
 * bytes than the event it already holds, which would print each event one event late.
 */
public final class Lines {
    private final InputStream in;

    public Lines(InputStream in) {
        this.in = in;
    }

    /** The next line without its newline, or null at the end of the stream. */
    public String next() throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream(1024);
        int c;
        while ((c = in.read()) != -1) {
            if (c == '\n') {
                return b.toString(StandardCharsets.UTF_8);
            }
            b.write(c);
        }
        return b.size() == 0 ? null : b.toString(StandardCharsets.UTF_8);
    }
}
