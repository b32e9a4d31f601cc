package io.skiff.api.validation;

import java.util.List;

/**
 * Object-name rules per kind. {@code prefix} is true when checking a generateName: a random
 * suffix follows it, so a trailing '-' is allowed.
 */
@FunctionalInterface
public interface NameValidator {
    List<String> check(String name, boolean prefix);

    /** Most kinds: a DNS-1123 subdomain. */
    NameValidator DNS_SUBDOMAIN = (name, prefix) -> Formats.dns1123Subdomain(prefix ? maskTrailingDash(name) : name);
    /** Namespaces: a DNS-1123 label. */
    NameValidator DNS_LABEL = (name, prefix) -> Formats.dns1123Label(prefix ? maskTrailingDash(name) : name);
    /** Services: a DNS-1035 label, so the name can be a DNS name that starts with a letter. */
    NameValidator DNS1035_LABEL = (name, prefix) -> Formats.dns1035Label(prefix ? maskTrailingDash(name) : name);

    /** Replaces a trailing '-' with 'a', as Kubernetes does before checking a generateName. */
    static String maskTrailingDash(String name) {
        return name.length() > 1 && name.endsWith("-") ? name.substring(0, name.length() - 2) + "a" : name;
    }
}
