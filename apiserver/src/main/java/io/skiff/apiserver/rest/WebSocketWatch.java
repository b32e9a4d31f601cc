package io.skiff.apiserver.rest;

import io.javalin.websocket.WsConfig;
import io.javalin.websocket.WsConnectContext;
import io.skiff.api.errors.ApiException;
import io.skiff.apiserver.auth.Credentials;
import io.skiff.apiserver.auth.UserInfo;
import io.skiff.apiserver.request.RequestInfo;
import io.skiff.apiserver.resource.Registry;
import io.skiff.apiserver.resource.ResourceStrategy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Watches over a WebSocket (what fabric8 and client-java use): the same events as the chunked
 * stream, one per message. Each connection gets a thread that runs the watch until either side
 * closes.
 */
public final class WebSocketWatch {
    private static final Logger log = LoggerFactory.getLogger(WebSocketWatch.class);
    private final Registry registry;
    private final WatchOperations watches;
    private final Map<String, Thread> running = new ConcurrentHashMap<>();
    private final Function<Credentials, UserInfo> authenticate;

    private final Authorize authorize;

    /** The resource handler's RBAC check. */
    interface Authorize {
        void check(UserInfo user, RequestInfo info, String verb);
    }

    WebSocketWatch(Registry registry, WatchOperations watches, Function<Credentials, UserInfo> authenticate, Authorize authorize) {
        this.registry = registry;
        this.watches = watches;
        this.authenticate = authenticate;
        this.authorize = authorize;
    }

    public void configure(WsConfig ws) {
        ws.onConnect(this::connect);
        ws.onClose(ctx -> stop(ctx.sessionId()));
        ws.onError(ctx -> stop(ctx.sessionId()));
    }

    private void connect(WsConnectContext ctx) {
        ctx.session.setIdleTimeout(java.time.Duration.ZERO);
        Thread t = new Thread(() -> serve(ctx), "ws-watch");
        t.setDaemon(true);
        running.put(ctx.sessionId(), t);
        t.start();
    }

    private void serve(WsConnectContext ctx) {
        try {
            UserInfo user = authenticate.apply(credentials(ctx)); // 401 (as a Status, then close) before anything is served
            String path = ctx.session.getUpgradeRequest().getRequestURI().getPath();
            RequestInfo info = RequestInfo.parse(path);
            if (info == null || !"true".equals(ctx.queryParam("watch")) && !"1".equals(ctx.queryParam("watch"))) {
                throw ResourceHandler.notFound();
            }
            authorize.check(user, info, "watch");
            ResourceStrategy strategy = registry.find(info.group(), info.version(), info.resource())
                    .orElseThrow(ResourceHandler::notFound);
            ApiRequest r = new ApiRequest(null, new ApiRequest.Params() {
                @Override
                public String query(String name) {
                    return ctx.queryParam(name);
                }

                @Override
                public String header(String name) {
                    return ctx.header(name);
                }
            }, info, strategy, registry.legacy(info.group(), info.version(), info.resource()));
            watches.watch(r, new WatchOperations.Sink() {
                @Override
                public void open(String contentType) {
                }

                @Override
                public void line(byte[] line) throws IOException {
                    ctx.session.getRemote().sendString(new String(line, java.nio.charset.StandardCharsets.UTF_8));
                }

                @Override
                public void flush() {
                }

                @Override
                public boolean isOpen() {
                    return ctx.session.isOpen() && !Thread.currentThread().isInterrupted();
                }
            });
            ctx.closeSession(1000, "watch ended");
        } catch (ApiException e) {
            try {
                ctx.session.getRemote().sendString(io.skiff.api.Json.string(e.toStatus()));
            } catch (IOException ignored) {
                // the client is gone already
            }
            ctx.closeSession(1000, e.getMessage());
        } catch (IOException | RuntimeException e) {
            log.debug("websocket watch ended: {}", e.toString());
            ctx.closeSession();
        } finally {
            running.remove(ctx.sessionId());
        }
    }

    private static Credentials credentials(WsConnectContext ctx) {
        java.security.cert.X509Certificate[] chain = null;
        if (ctx.session.getUpgradeRequest() instanceof org.eclipse.jetty.websocket.server.JettyServerUpgradeRequest upgrade) {
            chain = upgrade.getCertificates();
        }
        return new Credentials(chain, ctx.header("Authorization"));
    }

    private void stop(String sessionId) {
        Thread t = running.remove(sessionId);
        if (t != null) {
            t.interrupt();
        }
    }
}
