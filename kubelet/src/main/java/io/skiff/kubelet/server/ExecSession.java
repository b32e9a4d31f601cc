package io.skiff.kubelet.server;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.model.Frame;
import com.github.dockerjava.api.model.StreamType;
import io.javalin.websocket.WsContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * One {@code kubectl exec} over the channel.k8s.io WebSocket protocol, on a Docker exec:
 * binary messages whose first byte is the channel — 0 stdin, 1 stdout, 2 stderr, 3 the final
 * status (a meta/v1 Status), 4 terminal resize; v5 adds 255 to close a stream (stdin).
 */
final class ExecSession {
    private static final Logger log = LoggerFactory.getLogger(ExecSession.class);

    private final DockerClient docker;
    private final WsContext ws;
    private final PipedOutputStream stdin = new PipedOutputStream();
    private String execId;

    ExecSession(DockerClient docker, WsContext ws) {
        this.docker = docker;
        this.ws = ws;
    }

    void start(String containerId, List<String> command, boolean withStdin, boolean tty) throws IOException {
        execId = docker.execCreateCmd(containerId).withCmd(command.toArray(String[]::new)).withAttachStdin(withStdin)
                .withAttachStdout(true).withAttachStderr(!tty).withTty(tty).exec().getId();
        var start = docker.execStartCmd(execId).withTty(tty).withDetach(false);
        if (withStdin) {
            start.withStdIn(new PipedInputStream(stdin, 64 * 1024));
        }
        start.exec(new ResultCallback.Adapter<Frame>() {
            @Override
            public void onNext(Frame frame) {
                send(frame.getStreamType() == StreamType.STDERR ? 2 : 1, frame.getPayload());
            }

            @Override
            public void onComplete() {
                finish(null);
            }

            @Override
            public void onError(Throwable t) {
                finish(t);
            }
        });
    }

    /** A message from kubectl: stdin data, a resize, or (v5) the end of stdin. */
    void receive(byte[] data, int offset, int length) {
        if (length == 0) {
            return;
        }
        int channel = data[offset] & 0xff;
        try {
            if (channel == 0) {
                stdin.write(data, offset + 1, length - 1);
                stdin.flush();
            } else if (channel == 4) {
                var size = io.fabric8.kubernetes.client.utils.Serialization.unmarshal(
                        new String(data, offset + 1, length - 1, StandardCharsets.UTF_8), java.util.Map.class);
                docker.resizeExecCmd(execId).withSize(((Number) size.get("Height")).intValue(), ((Number) size.get("Width")).intValue()).exec();
            } else if (channel == 255 && length > 1 && data[offset + 1] == 0) {
                stdin.close();
            }
        } catch (IOException | RuntimeException e) {
            log.debug("exec input failed: {}", e.toString());
        }
    }

    void closeInput() {
        try {
            stdin.close();
        } catch (IOException e) {
            // already closed
        }
    }

    private synchronized void send(int channel, byte[] payload) {
        ByteBuffer b = ByteBuffer.allocate(payload.length + 1);
        b.put((byte) channel).put(payload).flip();
        ws.send(b);
    }

    private void finish(Throwable error) {
        String status;
        if (error != null) {
            status = "{\"metadata\":{},\"status\":\"Failure\",\"message\":" + quote(error.getMessage()) + ",\"reason\":\"InternalError\"}";
        } else {
            Long code = docker.inspectExecCmd(execId).exec().getExitCodeLong();
            status = code != null && code == 0 ? "{\"metadata\":{},\"status\":\"Success\"}"
                    : "{\"metadata\":{},\"status\":\"Failure\",\"message\":\"command terminated with non-zero exit code: exit status " + code
                    + "\",\"reason\":\"NonZeroExitCode\",\"details\":{\"causes\":[{\"reason\":\"ExitCode\",\"message\":\"" + code + "\"}]}}";
        }
        try {
            send(3, status.getBytes(StandardCharsets.UTF_8));
            ws.closeSession(1000, "");
        } catch (RuntimeException e) {
            log.debug("exec session already closed: {}", e.toString());
        }
        closeInput();
    }

    private static String quote(String s) {
        return io.fabric8.kubernetes.client.utils.Serialization.asJson(s == null ? "" : s);
    }
}
