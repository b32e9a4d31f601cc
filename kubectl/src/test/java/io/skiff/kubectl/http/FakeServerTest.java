package io.skiff.kubectl.http;

import io.skiff.kubectl.Main;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The client's wire behaviour against a scripted server on one socket: chunked watch events
 * whose trailing CRLF only comes with the next chunk, and an exec session over WebSocket
 * ({@code v5.channel.k8s.io}) whose status carries a non-zero exit code.
 */
class FakeServerTest {
    private ServerSocket server;
    private final List<String> requests = new ArrayList<>();

    @AfterEach
    void close() throws IOException {
        if (server != null) {
            server.close();
        }
    }

    /** Serves each connection's requests in turn with the given handlers. */
    private int serve(List<Handler> handlers) throws IOException {
        server = new ServerSocket(0, 5, InetAddress.getLoopbackAddress());
        Thread t = new Thread(() -> {
            try (Socket s = server.accept()) {
                InputStream in = s.getInputStream();
                OutputStream out = s.getOutputStream();
                for (Handler h : handlers) {
                    String head = head(in);
                    synchronized (requests) {
                        requests.add(head);
                    }
                    h.handle(head, in, out);
                }
                Thread.sleep(200);
            } catch (Exception e) {
                // the test fails on what the client printed
            }
        });
        t.setDaemon(true);
        t.start();
        return server.getLocalPort();
    }

    private interface Handler {
        void handle(String head, InputStream in, OutputStream out) throws Exception;
    }

    private static String head(InputStream in) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        while (!b.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
            int c = in.read();
            if (c < 0) {
                break;
            }
            b.write(c);
        }
        return b.toString(StandardCharsets.ISO_8859_1);
    }

    private static void json(OutputStream out, String body) throws IOException {
        byte[] b = body.getBytes(StandardCharsets.UTF_8);
        out.write(("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: " + b.length + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
        out.write(b);
        out.flush();
    }

    private static final String POD = "{\"kind\":\"Pod\",\"apiVersion\":\"v1\",\"metadata\":{\"name\":\"p\",\"namespace\":\"default\"},"
            + "\"spec\":{\"containers\":[{\"name\":\"c\",\"image\":\"i\"}]},\"status\":{\"phase\":\"Running\"}}";

    private int run(int port, ByteArrayOutputStream out, ByteArrayOutputStream err, String... args) {
        List<String> all = new ArrayList<>(List.of("--server", "http://127.0.0.1:" + port));
        all.addAll(List.of(args));
        return Main.run(all.toArray(new String[0]), new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
                new ByteArrayInputStream(new byte[0]), Map.of("HOME", System.getProperty("java.io.tmpdir")));
    }

    @Test
    void watchEventsPrintAsTheyArriveEvenWhenTheChunkEndCrlfIsLate() throws Exception {
        String event = "{\"type\":\"ADDED\",\"object\":" + POD + "}\n";
        int port = serve(List.of((head, in, out) -> json(out, POD), (head, in, out) -> {
            out.write("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
            byte[] e = event.replace("ADDED", "MODIFIED").getBytes(StandardCharsets.UTF_8);
            // data without its CRLF: the CRLF and the end of the stream follow only later
            out.write((Integer.toHexString(e.length) + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
            out.write(e);
            out.flush();
            Thread.sleep(1_500);
            out.write("\r\n0\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
        }));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        // discovery from the cache, so that the script's first request is the GET
        java.nio.file.Path cache = java.nio.file.Files.createTempDirectory("kubectl-cache");
        java.nio.file.Path file = cache.resolve("discovery/127.0.0.1_" + port + "/skiff-aggregated.json");
        java.nio.file.Files.createDirectories(file.getParent());
        java.nio.file.Files.writeString(file, "[{\"metadata\":{\"name\":\"\"},\"versions\":[{\"version\":\"v1\",\"resources\":[{\"resource\":\"pods\","
                + "\"singularResource\":\"pod\",\"scope\":\"Namespaced\",\"responseKind\":{\"kind\":\"Pod\"},\"shortNames\":[\"po\"]}]}]}]");
        Thread watch = new Thread(() -> run(port, out, err, "get", "pod/p", "-w", "-o", "name", "--cache-dir", cache.toString()));
        long start = System.nanoTime();
        watch.start();
        while (out.toString(StandardCharsets.UTF_8).lines().count() < 2 && System.nanoTime() - start < 5_000_000_000L) {
            Thread.sleep(20);
        }
        long elapsedMs = (System.nanoTime() - start) / 1_000_000;
        assertEquals("pod/p\npod/p\n", out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        assertTrue(elapsedMs < 1_400, "the event printed before the late CRLF arrived (" + elapsedMs + " ms)");
        watch.join(5_000);
    }

    @Test
    void execStreamsOutputAndExitsWithTheRemoteCode() throws Exception {
        int port = serve(List.of((head, in, out) -> json(out, POD), (head, in, out) -> {
            String key = head.lines().filter(l -> l.toLowerCase().startsWith("sec-websocket-key:")).findFirst().orElseThrow().substring(18).trim();
            String accept = Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-1")
                    .digest((key + "258EAFA5-E914-47DA-95CA-C5AB0DC85B11").getBytes(StandardCharsets.ISO_8859_1)));
            out.write(("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Accept: " + accept
                    + "\r\nSec-WebSocket-Protocol: v5.channel.k8s.io\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            frame(out, 1, "hello\n");
            frame(out, 2, "warn\n");
            frame(out, 3, "{\"metadata\":{},\"status\":\"Failure\",\"message\":\"command terminated with non-zero exit code\","
                    + "\"reason\":\"NonZeroExitCode\",\"details\":{\"causes\":[{\"reason\":\"ExitCode\",\"message\":\"3\"}]}}");
            out.write(new byte[]{(byte) 0x88, 0x02, 0x03, (byte) 0xe8});
            out.flush();
        }));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = run(port, out, err, "exec", "p", "--", "ls", "/");
        assertEquals(3, code, err.toString(StandardCharsets.UTF_8));
        assertEquals("hello\n", out.toString(StandardCharsets.UTF_8));
        assertEquals("warn\ncommand terminated with exit code 3\n", err.toString(StandardCharsets.UTF_8));
        String upgrade = requests.get(1);
        assertTrue(upgrade.startsWith("GET /api/v1/namespaces/default/pods/p/exec?command=ls&command=%2F&container=c&stdout=true&stderr=true HTTP/1.1"), upgrade);
        assertTrue(upgrade.contains("Sec-WebSocket-Protocol: v5.channel.k8s.io,v4.channel.k8s.io"), upgrade);
    }

    private static void frame(OutputStream out, int channel, String text) throws IOException {
        byte[] data = text.getBytes(StandardCharsets.UTF_8);
        out.write(0x82);
        int len = data.length + 1;
        if (len < 126) {
            out.write(len);
        } else {
            out.write(126);
            out.write(len >> 8);
            out.write(len & 0xff);
        }
        out.write(channel);
        out.write(data);
    }
}
