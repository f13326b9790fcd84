package io.fssdk.runtime.component.spec;

import java.math.BigInteger;

/**
 * Number literals of the wast scripts: {@code 42}, {@code -8}, {@code 0xff_ff}, {@code 1.5}, {@code 0x1p-3},
 * {@code nan}.
 */
final class WastNumbers {
    private WastNumbers() {
    }

    /** An integer literal, decimal or {@code 0x} hex, with optional sign and {@code _} separators. */
    static BigInteger parseInteger(String text) {
        String t = text.replace("_", "");
        boolean negative = t.startsWith("-");
        if (negative || t.startsWith("+")) {
            t = t.substring(1);
        }
        BigInteger v = t.startsWith("0x") ? new BigInteger(t.substring(2), 16) : new BigInteger(t);
        return negative ? v.negate() : v;
    }

    /** {@code v} checked to fit a signed integer of {@code bits} bits. */
    static BigInteger signed(BigInteger v, int bits) {
        BigInteger limit = BigInteger.ONE.shiftLeft(bits - 1);
        if (v.compareTo(limit.negate()) < 0 || v.compareTo(limit) >= 0) {
            throw new IllegalArgumentException(v + " does not fit s" + bits);
        }
        return v;
    }

    /** {@code v} checked to fit an unsigned integer of {@code bits} bits, negative values wrapping around. */
    static BigInteger unsigned(BigInteger v, int bits) {
        BigInteger limit = BigInteger.ONE.shiftLeft(bits);
        if (v.compareTo(limit.shiftRight(1).negate()) < 0 || v.compareTo(limit) >= 0) {
            throw new IllegalArgumentException(v + " does not fit u" + bits);
        }
        return v.signum() < 0 ? v.add(limit) : v;
    }

    /**
     * A float literal: decimal, {@code 0x} hex with optional {@code p} exponent, {@code inf}, {@code nan},
     * {@code nan:0x...} (payload), {@code nan:canonical} or {@code nan:arithmetic}. {@code single} selects
     * rounding to f32 for hex literals.
     */
    static double parseFloat(String text, boolean single) {
        String t = text.replace("_", "");
        boolean negative = t.startsWith("-");
        String body = negative || t.startsWith("+") ? t.substring(1) : t;
        double v;
        if (body.equals("inf")) {
            v = Double.POSITIVE_INFINITY;
        } else if (body.startsWith("nan")) {
            v = nan(body, single);
        } else if (body.startsWith("0x")) {
            String hex = body.contains("p") || body.contains("P") ? body : body + "p0";
            v = single ? Float.parseFloat("0x" + hex.substring(2)) : Double.parseDouble("0x" + hex.substring(2));
        } else {
            v = single ? Float.parseFloat(body) : Double.parseDouble(body);
        }
        return negative ? -v : v;
    }

    private static double nan(String body, boolean single) {
        if (!body.startsWith("nan:0x")) {
            return Double.NaN;
        }
        long payload = Long.parseLong(body.substring(6), 16);
        return single ? Float.intBitsToFloat(0x7f800000 | (int) payload)
                : Double.longBitsToDouble(0x7ff0000000000000L | payload);
    }
}
