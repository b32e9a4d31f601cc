package io.skiff.api.validation;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.skiff.api.validation.Fixtures.texts;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class IpAddressesTest {
    @ParameterizedTest
    @ValueSource(strings = {"10.96.0.1", "0.0.0.0", "255.255.255.255", "010.001.2.3", "::", "::1", "2001:db8::ffff",
            "fe80::1:2:3:4", "1:2:3:4:5:6:7:8", "::ffff:10.0.0.1", "1::", "1:2:3:4:5:6:1.2.3.4"})
    void valid(String ip) {
        assertTrue(IpAddresses.isValid(ip), ip);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "10.96.0", "10.96.0.256", "1.2.3.4.5", "a.b.c.d", "1:2:3:4:5:6:7:8:9", "1::2::3",
            "12345::", ":1", "[::1]", "fe80::1%eth0", "localhost", "1.2.3.-4", "1:2:3:4:5:6:7::8:9"})
    void invalid(String ip) {
        assertFalse(IpAddresses.isValid(ip), ip);
    }

    @Test
    void families() {
        assertTrue(IpAddresses.isV6("2001:db8::1"));
        assertFalse(IpAddresses.isV6("10.0.0.1"));
        assertTrue(IpAddresses.isV4("::ffff:10.0.0.1"));
    }

    @Test
    void cidrs() {
        assertTrue(IpAddresses.isValidCidr("10.244.0.0/16"));
        assertTrue(IpAddresses.isValidCidr("2001:db8::/64"));
        assertFalse(IpAddresses.isValidCidr("10.244.0.0/33"));
        assertFalse(IpAddresses.isValidCidr("10.244.0.0"));
    }

    @Test
    void messages() {
        FieldPath p = FieldPath.root("ip");
        assertEquals(List.of("ip: Invalid value: \"x\": must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)"),
                texts(IpAddresses.validateIp(p, "x")));
        assertEquals(List.of("ip: Invalid value: \"127.0.0.1\": may not be in the loopback range (127.0.0.0/8, ::1/128)"),
                texts(IpAddresses.validateNonSpecial(p, "127.0.0.1")));
        assertEquals(List.of("ip: Invalid value: \"0.0.0.0\": may not be unspecified (0.0.0.0)"),
                texts(IpAddresses.validateNonSpecial(p, "0.0.0.0")));
        assertEquals(List.of("ip: Invalid value: \"169.254.1.1\": may not be in the link-local range (169.254.0.0/16, fe80::/10)"),
                texts(IpAddresses.validateNonSpecial(p, "169.254.1.1")));
        assertEquals(List.of("ip: Invalid value: \"224.0.0.5\": may not be in the link-local multicast range (224.0.0.0/24, ff02::/10)"),
                texts(IpAddresses.validateNonSpecial(p, "224.0.0.5")));
        assertEquals(List.of(), IpAddresses.validateNonSpecial(p, "10.244.1.5"));
    }
}
