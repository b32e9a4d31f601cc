package io.skiff.api.validation;

import io.fabric8.kubernetes.api.model.Quantity;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Resource quantities: parsing, comparison and Kubernetes' canonical printing
 * ({@code 0.5} prints as {@code 500m}, {@code 1024Mi} as {@code 1Gi}), which error messages use.
 */
public final class Quantities {
    /** Kubernetes' message for a string that is not a quantity at all. */
    static final String FORMAT_ERROR = "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'";
    private static final Pattern SYNTAX = Pattern.compile("[+-]?([0-9]+(\\.[0-9]*)?|\\.[0-9]+)(Ki|Mi|Gi|Ti|Pi|Ei|n|u|m|k|M|G|T|P|E|[eE][+-]?[0-9]+)?");
    private static final Map<Integer, String> DECIMAL_SUFFIXES = Map.of(-9, "n", -6, "u", -3, "m", 0, "",
            3, "k", 6, "M", 9, "G", 12, "T", 15, "P", 18, "E");
    private static final String[] BINARY_SUFFIXES = {"", "Ki", "Mi", "Gi", "Ti", "Pi", "Ei"};
    private static final BigInteger K1024 = BigInteger.valueOf(1024);

    private Quantities() {
    }

    /** The quantity's value, or null when it is not a valid quantity. */
    public static BigDecimal value(Quantity q) {
        if (q == null) {
            return null;
        }
        String text = text(q);
        if (!SYNTAX.matcher(text).matches()) {
            return null;
        }
        try {
            // Kubernetes keeps at most nanounit precision and rounds up beyond it.
            return q.getNumericalAmount().setScale(9, RoundingMode.CEILING).stripTrailingZeros();
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** The quantity as the user wrote it. */
    public static String text(Quantity q) {
        return (q.getAmount() == null ? "" : q.getAmount()) + (q.getFormat() == null ? "" : q.getFormat());
    }

    public static int compare(Quantity a, Quantity b) {
        return value(a).compareTo(value(b));
    }

    /** Kubernetes' {@code Quantity.String()}: canonical mantissa and suffix in the quantity's own format family. */
    public static String canonical(Quantity q) {
        BigDecimal v = value(q);
        if (v == null) {
            return text(q);
        }
        if (v.signum() == 0) {
            return "0";
        }
        String format = q.getFormat() == null ? "" : q.getFormat();
        boolean binary = format.length() == 2 && format.endsWith("i");
        boolean exponent = format.startsWith("e") || format.startsWith("E") && format.length() > 1;
        if (binary) {
            boolean small = v.abs().compareTo(BigDecimal.valueOf(1024)) < 0;
            boolean integral = v.stripTrailingZeros().scale() <= 0;
            if (!small && integral) {
                BigInteger n = v.toBigIntegerExact();
                int exp = 0;
                while (exp < BINARY_SUFFIXES.length - 1 && n.mod(K1024).signum() == 0) {
                    n = n.divide(K1024);
                    exp++;
                }
                return n + BINARY_SUFFIXES[exp];
            }
        }
        BigDecimal stripped = v.stripTrailingZeros();
        BigInteger mantissa = stripped.unscaledValue();
        int exp = -stripped.scale();
        int rem = exp % 3;
        if (rem == 1 || rem == -2) {
            mantissa = mantissa.multiply(BigInteger.TEN);
            exp -= 1;
        } else if (rem == 2 || rem == -1) {
            mantissa = mantissa.multiply(BigInteger.valueOf(100));
            exp -= 2;
        }
        if (exponent) {
            return mantissa + (exp == 0 ? "" : "e" + exp);
        }
        String suffix = DECIMAL_SUFFIXES.get(exp);
        return suffix != null ? mantissa + suffix : mantissa + "e" + exp;
    }
}
