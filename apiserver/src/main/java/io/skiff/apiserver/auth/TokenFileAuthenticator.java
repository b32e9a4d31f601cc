package io.skiff.apiserver.auth;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Static bearer tokens from a CSV file in Kubernetes' format: {@code token,user,uid,"group1,group2"}.
 */
public final class TokenFileAuthenticator implements Authenticator {
    private final Map<String, UserInfo> byToken = new HashMap<>();

    public TokenFileAuthenticator(Path file) throws IOException {
        for (String line : Files.readAllLines(file)) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            List<String> fields = csv(line);
            if (fields.size() < 3) {
                throw new IOException("token file " + file + ": a line needs token,user,uid[,groups]");
            }
            List<String> groups = fields.size() > 3 && !fields.get(3).isEmpty() ? List.of(fields.get(3).split(",")) : List.of();
            byToken.put(fields.get(0), UserInfo.authenticated(fields.get(1), fields.get(2), groups));
        }
    }

    @Override
    public Optional<UserInfo> authenticate(Credentials credentials) {
        String token = credentials.bearerToken();
        if (token == null) {
            return Optional.empty();
        }
        for (Map.Entry<String, UserInfo> e : byToken.entrySet()) {
            // constant-time comparison: a token is a password
            if (MessageDigest.isEqual(e.getKey().getBytes(StandardCharsets.UTF_8), token.getBytes(StandardCharsets.UTF_8))) {
                return Optional.of(e.getValue());
            }
        }
        return Optional.empty();
    }

    private static List<String> csv(String line) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean quoted = false;
        for (char c : line.toCharArray()) {
            if (c == '"') {
                quoted = !quoted;
            } else if (c == ',' && !quoted) {
                out.add(cur.toString().trim());
                cur.setLength(0);
            } else {
                cur.append(c);
            }
        }
        out.add(cur.toString().trim());
        return out;
    }

}
