package io.skiff.api.validation;

import io.skiff.api.errors.FieldError;

import java.util.ArrayList;
import java.util.List;

/**
 * IP address and CIDR syntax as Kubernetes accepts it (Go's "sloppy" parser: IPv4 octets may carry
 * leading zeros). Parsed by hand so that nothing ever triggers a DNS lookup.
 */
public final class IpAddresses {
    private IpAddresses() {
    }

    /** The 4 or 16 address bytes, or null when {@code s} is not an IP address. */
    public static byte[] parse(String s) {
        if (s == null || s.isEmpty()) {
            return null;
        }
        return s.indexOf(':') >= 0 ? parseV6(s) : parseV4(s);
    }

    public static boolean isValid(String s) {
        return parse(s) != null;
    }

    public static boolean isV6(String s) {
        byte[] b = parse(s);
        return b != null && b.length == 16 && !isV4Mapped(b);
    }

    public static boolean isV4(String s) {
        byte[] b = parse(s);
        return b != null && (b.length == 4 || isV4Mapped(b));
    }

    private static byte[] parseV4(String s) {
        String[] parts = s.split("\\.", -1);
        if (parts.length != 4) {
            return null;
        }
        byte[] out = new byte[4];
        for (int i = 0; i < 4; i++) {
            String p = parts[i];
            if (p.isEmpty() || p.length() > 3 || !p.chars().allMatch(Character::isDigit)) {
                return null;
            }
            int v = Integer.parseInt(p);
            if (v > 255) {
                return null;
            }
            out[i] = (byte) v;
        }
        return out;
    }

    private static byte[] parseV6(String s) {
        int ellipsis = -1;
        byte[] out = new byte[16];
        int pos = 0;
        String rest = s;
        if (rest.startsWith("::")) {
            ellipsis = 0;
            rest = rest.substring(2);
            if (rest.isEmpty()) {
                return out;
            }
        }
        while (!rest.isEmpty()) {
            int colon = rest.indexOf(':');
            String group = colon < 0 ? rest : rest.substring(0, colon);
            if (group.contains(".")) {
                // An embedded IPv4 address may only end the address.
                if (colon >= 0 || pos > 12) {
                    return null;
                }
                byte[] v4 = parseV4(group);
                if (v4 == null) {
                    return null;
                }
                System.arraycopy(v4, 0, out, pos, 4);
                pos += 4;
                break;
            }
            if (group.isEmpty() || group.length() > 4 || !group.chars().allMatch(c -> Character.digit(c, 16) >= 0)) {
                return null;
            }
            if (pos > 14) {
                return null;
            }
            int v = Integer.parseInt(group, 16);
            out[pos++] = (byte) (v >> 8);
            out[pos++] = (byte) v;
            if (colon < 0) {
                break;
            }
            rest = rest.substring(colon + 1);
            if (rest.startsWith(":")) {
                if (ellipsis >= 0) {
                    return null;
                }
                ellipsis = pos;
                rest = rest.substring(1);
                if (rest.isEmpty()) {
                    break;
                }
            } else if (rest.isEmpty()) {
                return null;
            }
        }
        if (pos < 16) {
            if (ellipsis < 0) {
                return null;
            }
            int n = pos - ellipsis;
            System.arraycopy(out, ellipsis, out, 16 - n, n);
            for (int i = ellipsis; i < 16 - n; i++) {
                out[i] = 0;
            }
        } else if (ellipsis >= 0) {
            return null;
        }
        return out;
    }

    private static boolean isV4Mapped(byte[] b) {
        if (b.length != 16) {
            return false;
        }
        for (int i = 0; i < 10; i++) {
            if (b[i] != 0) {
                return false;
            }
        }
        return b[10] == (byte) 0xff && b[11] == (byte) 0xff;
    }

    public static boolean isValidCidr(String s) {
        if (s == null) {
            return false;
        }
        int slash = s.indexOf('/');
        if (slash < 0) {
            return false;
        }
        byte[] ip = parse(s.substring(0, slash));
        String bits = s.substring(slash + 1);
        if (ip == null || bits.isEmpty() || bits.length() > 3 || !bits.chars().allMatch(Character::isDigit)) {
            return false;
        }
        return Integer.parseInt(bits) <= ip.length * 8;
    }

    /** Kubernetes' IsValidIP. */
    public static List<FieldError> validateIp(FieldPath path, String value) {
        return isValid(value) ? List.of()
                : List.of(Errs.invalid(path, value, "must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)"));
    }

    public static List<FieldError> validateIpv4(FieldPath path, String value) {
        return isV4(value) ? List.of() : List.of(Errs.invalid(path, value, "must be a valid IPv4 address"));
    }

    public static List<FieldError> validateIpv6(FieldPath path, String value) {
        return isV6(value) ? List.of() : List.of(Errs.invalid(path, value, "must be a valid IPv6 address"));
    }

    public static List<FieldError> validateCidr(FieldPath path, String value) {
        return isValidCidr(value) ? List.of()
                : List.of(Errs.invalid(path, value, "must be a valid CIDR value, (e.g. 10.9.8.0/24 or 2001:db8::/64)"));
    }

    /**
     * Addresses an endpoint may not have: unspecified, loopback and link-local ones point at the
     * node itself rather than at a backend.
     */
    public static List<FieldError> validateNonSpecial(FieldPath path, String value) {
        List<FieldError> errs = new ArrayList<>();
        byte[] b = parse(value);
        if (b == null) {
            errs.add(Errs.invalid(path, value, "must be a valid IP address"));
            return errs;
        }
        if (isV4Mapped(b)) {
            b = new byte[]{b[12], b[13], b[14], b[15]};
        }
        boolean allZero = true;
        for (byte x : b) {
            allZero &= x == 0;
        }
        if (allZero) {
            errs.add(Errs.invalid(path, value, "may not be unspecified (" + value + ")"));
        }
        boolean loopback = b.length == 4 ? (b[0] & 0xff) == 127 : isV6Loopback(b);
        if (loopback) {
            errs.add(Errs.invalid(path, value, "may not be in the loopback range (127.0.0.0/8, ::1/128)"));
        }
        boolean linkLocalUnicast = b.length == 4 ? (b[0] & 0xff) == 169 && (b[1] & 0xff) == 254
                : (b[0] & 0xff) == 0xfe && (b[1] & 0xc0) == 0x80;
        if (linkLocalUnicast) {
            errs.add(Errs.invalid(path, value, "may not be in the link-local range (169.254.0.0/16, fe80::/10)"));
        }
        boolean linkLocalMulticast = b.length == 4 ? (b[0] & 0xff) == 224 && b[1] == 0 && b[2] == 0
                : (b[0] & 0xff) == 0xff && (b[1] & 0x0f) == 0x02;
        if (linkLocalMulticast) {
            errs.add(Errs.invalid(path, value, "may not be in the link-local multicast range (224.0.0.0/24, ff02::/10)"));
        }
        return errs;
    }

    private static boolean isV6Loopback(byte[] b) {
        for (int i = 0; i < 15; i++) {
            if (b[i] != 0) {
                return false;
            }
        }
        return b[15] == 1;
    }
}
