package io.skiff.api.proto;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.Map;

/**
 * Go's {@code time.Duration} text form, which meta/v1 Duration uses in JSON: "1h2m3.5s", "1.5ms", "0s".
 * Whole hours and minutes lead once the value reaches a second; below a second the largest of ms, µs,
 * ns that fits is used. Fractions drop trailing zeros.
 */
final class GoDuration {
    private static final long MICRO = 1_000L;
    private static final long MILLI = 1_000_000L;
    private static final long SECOND = 1_000_000_000L;

    private static final Map<String, Long> UNITS = Map.of(
            "ns", 1L,
            "us", MICRO,
            "\u00b5s", MICRO, // micro sign
            "\u03bcs", MICRO, // Greek mu
            "ms", MILLI,
            "s", SECOND,
            "m", 60 * SECOND,
            "h", 3600 * SECOND);

    private static final BigInteger MAX_MAGNITUDE = BigInteger.ONE.shiftLeft(63); // |Long.MIN_VALUE|

    private GoDuration() {
    }

    static String format(long nanos) {
        if (nanos == 0) {
            return "0s";
        }
        // Work on the unsigned magnitude so Long.MIN_VALUE is not lost to overflow.
        long magnitude = nanos < 0 ? -nanos : nanos;
        StringBuilder out = new StringBuilder(nanos < 0 ? "-" : "");
        if (Long.compareUnsigned(magnitude, SECOND) < 0) {
            if (magnitude < MICRO) {
                out.append(magnitude).append("ns");
            } else if (magnitude < MILLI) {
                out.append(decimal(magnitude, MICRO)).append("\u00b5s");
            } else {
                out.append(decimal(magnitude, MILLI)).append("ms");
            }
            return out.toString();
        }
        long totalSeconds = Long.divideUnsigned(magnitude, SECOND);
        long fraction = Long.remainderUnsigned(magnitude, SECOND);
        long hours = totalSeconds / 3600;
        long minutes = totalSeconds / 60 % 60;
        if (hours > 0) {
            out.append(hours).append('h');
        }
        if (hours > 0 || minutes > 0) {
            out.append(minutes).append('m');
        }
        out.append(totalSeconds % 60).append(fractionDigits(fraction, SECOND)).append('s');
        return out.toString();
    }

    /** {@code value / unit} with its fraction, trailing zeros dropped. */
    private static String decimal(long value, long unit) {
        return (value / unit) + fractionDigits(value % unit, unit);
    }

    private static String fractionDigits(long remainder, long unit) {
        if (remainder == 0) {
            return "";
        }
        int width = Long.toString(unit).length() - 1;
        String digits = String.format("%0" + width + "d", remainder).replaceAll("0+$", "");
        return "." + digits;
    }

    /** Parses Go's syntax: an optional sign, then one or more decimal-with-unit terms ("1h30m", "-1.5s"); "0" alone is allowed. */
    static long parse(String text) {
        String rest = text;
        boolean negative = false;
        if (!rest.isEmpty() && (rest.charAt(0) == '-' || rest.charAt(0) == '+')) {
            negative = rest.charAt(0) == '-';
            rest = rest.substring(1);
        }
        if (rest.equals("0")) {
            return 0;
        }
        if (rest.isEmpty()) {
            throw new IllegalArgumentException("invalid duration \"" + text + "\"");
        }
        BigInteger total = BigInteger.ZERO;
        int i = 0;
        while (i < rest.length()) {
            int start = i;
            while (i < rest.length() && (Character.isDigit(rest.charAt(i)) && rest.charAt(i) < 128 || rest.charAt(i) == '.')) {
                i++;
            }
            String number = rest.substring(start, i);
            int unitStart = i;
            while (i < rest.length() && !(rest.charAt(i) >= '0' && rest.charAt(i) <= '9') && rest.charAt(i) != '.') {
                i++;
            }
            String unit = rest.substring(unitStart, i);
            if (number.isEmpty() || number.equals(".") || number.indexOf('.') != number.lastIndexOf('.')) {
                throw new IllegalArgumentException("invalid duration \"" + text + "\"");
            }
            Long unitNanos = UNITS.get(unit);
            if (unitNanos == null) {
                throw new IllegalArgumentException((unit.isEmpty() ? "missing unit" : "unknown unit \"" + unit + "\"")
                        + " in duration \"" + text + "\"");
            }
            // Go truncates sub-nanosecond fractions of each term.
            total = total.add(new BigDecimal(number.startsWith(".") ? "0" + number : number)
                    .multiply(BigDecimal.valueOf(unitNanos)).setScale(0, RoundingMode.DOWN).toBigInteger());
            if (total.compareTo(MAX_MAGNITUDE) > 0) {
                throw new IllegalArgumentException("invalid duration \"" + text + "\": out of range");
            }
        }
        if (!negative && total.equals(MAX_MAGNITUDE)) {
            throw new IllegalArgumentException("invalid duration \"" + text + "\": out of range");
        }
        return negative ? total.negate().longValue() : total.longValue();
    }
}
