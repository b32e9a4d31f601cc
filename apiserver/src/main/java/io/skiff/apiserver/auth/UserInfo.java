package io.skiff.apiserver.auth;

import java.util.List;

/** Who made a request, as authenticators find it and authorizers read it. */
public record UserInfo(String name, String uid, List<String> groups) {
    public static final String AUTHENTICATED = "system:authenticated";
    public static final UserInfo ANONYMOUS = new UserInfo("system:anonymous", "", List.of("system:unauthenticated"));

    /** The user with {@code system:authenticated} added, as Kubernetes does for every authenticated request. */
    public static UserInfo authenticated(String name, String uid, List<String> groups) {
        if (groups.contains(AUTHENTICATED)) {
            return new UserInfo(name, uid, List.copyOf(groups));
        }
        java.util.ArrayList<String> all = new java.util.ArrayList<>(groups);
        all.add(AUTHENTICATED);
        return new UserInfo(name, uid, List.copyOf(all));
    }

    public boolean isAnonymous() {
        return this == ANONYMOUS;
    }
}
