package io.github.cratesrelease.toml;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * The TOML values that are neither strings nor arrays nor tables: booleans; integers (decimal, {@code 0x}, {@code 0o},
 * {@code 0b}, underscores between digits, 64 bits) as Long; floats (also {@code inf} and {@code nan}) as Double;
 * dates and times (seconds optional, as TOML 1.1 allows) as OffsetDateTime, LocalDateTime, LocalDate or LocalTime.
 */
final class TomlScalars {

    private TomlScalars() {
    }

    /** The value at the cursor; the char after it must end a value (a blank, {@code , ] } #} or a line end). */
    static Object read(TomlCursor c) {
        int line = c.line;
        int column = c.column();
        Object v;
        if (c.startsWith("true")) {
            c.i += 4;
            v = Boolean.TRUE;
        } else if (c.startsWith("false")) {
            c.i += 5;
            v = Boolean.FALSE;
        } else if (digits(c, 0, 4) && c.peek(4) == '-') {
            v = date(c);
        } else if (digits(c, 0, 2) && c.peek(2) == ':') {
            v = time(c);
        } else {
            v = number(c, line, column);
        }
        int next = c.peek();
        if (!(next < 0 || next == ' ' || next == '\t' || next == ',' || next == ']' || next == '}' || next == '#'
                || c.atNewline())) {
            throw c.error("unexpected " + c.describe() + " in a value (a string must be quoted: \"...\")");
        }
        return v;
    }

    private static boolean digits(TomlCursor c, int from, int count) {
        for (int k = from; k < from + count; k++) {
            int d = c.peek(k);
            if (d < '0' || d > '9') {
                return false;
            }
        }
        return true;
    }

    private static Object number(TomlCursor c, int line, int column) {
        int start = c.i;
        while (c.i < c.n) {
            char ch = c.s.charAt(c.i);
            if (!(TomlCursor.isBareChar(ch) || ch == '+' || ch == '.')) {
                break;
            }
            c.i++;
        }
        String t = c.s.substring(start, c.i);
        if (t.isEmpty()) {
            throw c.error("expected a value, found " + c.describe() + " (a string must be quoted: \"...\")");
        }
        switch (t) {
            case "inf", "+inf" -> {
                return Double.POSITIVE_INFINITY;
            }
            case "-inf" -> {
                return Double.NEGATIVE_INFINITY;
            }
            case "nan", "+nan", "-nan" -> {
                return Double.NaN;
            }
            default -> {
            }
        }
        String why = "";
        try {
            Object v = t.length() > 2 && t.charAt(0) == '0' && "xob".indexOf(t.charAt(1)) >= 0 ? radix(t) : decimal(t);
            if (v != null) {
                return v;
            }
        } catch (NumberFormatException e) {
            why = isFloat(t) ? ": out of range (a float's magnitude must stay below about 1.8e308)"
                    : ": out of range (integers are 64-bit: -9223372036854775808 to 9223372036854775807)";
        }
        throw c.errorAt(line, column, "invalid value '" + t + "'" + (why.isEmpty() ? " (a string must be quoted: "
                + "\"...\"; a number has digits with single underscores between them, no leading zero, and 0x, 0o "
                + "or 0b before hex, octal or binary digits)" : why));
    }

    private static boolean isFloat(String t) {
        return !t.startsWith("0x") && (t.indexOf('.') >= 0 || t.indexOf('e') >= 0 || t.indexOf('E') >= 0);
    }

    private static Long radix(String t) {
        int radix = t.charAt(1) == 'x' ? 16 : t.charAt(1) == 'o' ? 8 : 2;
        int end = digitsEnd(t, 2, radix);
        return end == t.length() ? Long.parseLong(t.substring(2).replace("_", ""), radix) : null;
    }

    /** A decimal integer or float; null when {@code t} is none. */
    private static Object decimal(String t) {
        int k = t.charAt(0) == '+' || t.charAt(0) == '-' ? 1 : 0;
        int end = digitsEnd(t, k, 10);
        if (end < 0 || t.charAt(k) == '0' && end > k + 1) {
            return null;
        }
        boolean isFloat = false;
        if (end < t.length() && t.charAt(end) == '.') {
            end = digitsEnd(t, end + 1, 10);
            isFloat = true;
        }
        if (end >= 0 && end < t.length() && (t.charAt(end) == 'e' || t.charAt(end) == 'E')) {
            end++;
            if (end < t.length() && (t.charAt(end) == '+' || t.charAt(end) == '-')) {
                end++;
            }
            end = digitsEnd(t, end, 10);
            isFloat = true;
        }
        if (end != t.length()) {
            return null;
        }
        String clean = t.indexOf('_') < 0 ? t : t.replace("_", "");
        if (!isFloat) {
            return Long.parseLong(clean);
        }
        double d = Double.parseDouble(clean);
        if (Double.isInfinite(d)) {
            throw new NumberFormatException();
        }
        return d;
    }

    /** The end of a run of digits of {@code radix} with single underscores between them from {@code k}, or -1. */
    private static int digitsEnd(String t, int k, int radix) {
        if (k < 0 || k >= t.length() || Character.digit(t.charAt(k), radix) < 0 || t.charAt(k) > 'f') {
            return -1;
        }
        int i = k + 1;
        while (i < t.length()) {
            char ch = t.charAt(i);
            if (ch == '_') {
                if (i + 1 >= t.length() || Character.digit(t.charAt(i + 1), radix) < 0 || t.charAt(i + 1) > 'f') {
                    return -1;
                }
                i += 2;
            } else if (Character.digit(ch, radix) >= 0 && ch <= 'f') {
                i++;
            } else {
                break;
            }
        }
        return i;
    }

    private static Object date(TomlCursor c) {
        int line = c.line;
        int column = c.column();
        int year = field(c, 4, -1, "the year");
        int month = field(c, 2, '-', "the month");
        int day = field(c, 2, '-', "the day");
        LocalDate date;
        try {
            date = LocalDate.of(year, month, day);
        } catch (DateTimeException e) {
            throw c.errorAt(line, column, "no such date: " + c.s.substring(c.i - 10, c.i) + " (write YYYY-MM-DD)");
        }
        int sep = c.peek();
        if (!(sep == 'T' || sep == 't' || sep == ' ' && digits(c, 1, 2) && c.peek(3) == ':')) {
            return date;
        }
        c.i++;
        LocalDateTime at = LocalDateTime.of(date, time(c));
        int o = c.peek();
        if (o == 'Z' || o == 'z') {
            c.i++;
            return OffsetDateTime.of(at, ZoneOffset.UTC);
        }
        if (o != '+' && o != '-') {
            return at;
        }
        c.i++;
        int hours = field(c, 2, -1, "the offset's hours");
        int minutes = field(c, 2, ':', "the offset's minutes");
        if (hours > 23 || minutes > 59) {
            throw c.error("invalid offset " + c.s.substring(c.i - 6, c.i) + " (write +HH:MM, e.g. +01:00)");
        }
        if (hours * 60 + minutes > 18 * 60) {
            throw c.error("the offset " + c.s.substring(c.i - 6, c.i) + " is beyond the -18:00 to +18:00 this reader "
                    + "supports (Java's limit)");
        }
        int seconds = (hours * 3600 + minutes * 60) * (o == '-' ? -1 : 1);
        return OffsetDateTime.of(at, ZoneOffset.ofTotalSeconds(seconds));
    }

    private static LocalTime time(TomlCursor c) {
        int line = c.line;
        int column = c.column();
        int hour = field(c, 2, -1, "the hour");
        int minute = field(c, 2, ':', "the minute");
        int second = 0;
        int nanos = 0;
        if (c.peek() == ':') {
            second = field(c, 2, ':', "the second");
            if (c.peek() == '.') {
                c.i++;
                if (!digits(c, 0, 1)) {
                    throw c.error("expected digits after the '.' of a time (write HH:MM:SS.fraction)");
                }
                int k = 0;
                while (digits(c, 0, 1)) {
                    if (k++ < 9) {
                        nanos = nanos * 10 + c.peek() - '0';
                    }
                    c.i++;
                }
                for (; k < 9; k++) {
                    nanos *= 10;
                }
            }
        }
        if (hour > 23 || minute > 59 || second > 59) {
            throw c.errorAt(line, column, "no such time: " + c.s.substring(column - 1 + c.lineStart, c.i)
                    + " (write HH:MM:SS with hours 00-23, minutes and seconds 00-59)");
        }
        return LocalTime.of(hour, minute, second, nanos);
    }

    /** {@code count} digits after the separator {@code sep} (none when -1). */
    private static int field(TomlCursor c, int count, int sep, String what) {
        if (sep >= 0) {
            if (c.peek() != sep) {
                throw c.error("expected '" + (char) sep + "' before " + what + " of a date-time (write YYYY-MM-DD, "
                        + "HH:MM:SS or YYYY-MM-DDTHH:MM:SSZ)");
            }
            c.i++;
        }
        if (!digits(c, 0, count)) {
            throw c.error("expected " + count + " digits for " + what + " of a date-time (write YYYY-MM-DD, "
                    + "HH:MM:SS or YYYY-MM-DDTHH:MM:SSZ)");
        }
        int v = 0;
        for (int k = 0; k < count; k++) {
            v = v * 10 + c.s.charAt(c.i++) - '0';
        }
        return v;
    }
}
