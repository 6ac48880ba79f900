package io.github.cratesrelease.toml;

import java.util.ArrayList;
import java.util.List;

/**
 * Our reader against tomlj 2.2.0 (the TOML 1.0 reader the plugin used before): both read a text, and the trees
 * are compared as lines of {@code path @line:column = type value}, so a value, a type, a key order or a position
 * that differs shows as the first line that differs.
 */
final class TomlOracle {

    /** What both readers made of one text. */
    record Reading(List<String> ours, List<String> tomlj, String oursError, String tomljError) {

        boolean bothAccept() {
            return oursError == null && tomljError == null;
        }

        boolean bothReject() {
            return oursError != null && tomljError != null;
        }

        /** The first difference; null when both reject, or both accept with equal trees. */
        String difference() {
            if (bothReject()) {
                return null;
            }
            if (oursError != null || tomljError != null) {
                return "ours: " + (oursError == null ? "accepted" : oursError) + "; tomlj: "
                        + (tomljError == null ? "accepted" : tomljError);
            }
            for (int k = 0; k < Math.max(ours.size(), tomlj.size()); k++) {
                String a = k < ours.size() ? ours.get(k) : "(nothing)";
                String b = k < tomlj.size() ? tomlj.get(k) : "(nothing)";
                if (!a.equals(b)) {
                    return "ours: " + a + "; tomlj: " + b;
                }
            }
            return null;
        }
    }

    private TomlOracle() {
    }

    static Reading read(String text) {
        TomlParseResult ours = Toml.parse(text);
        List<String> a = new ArrayList<>();
        List<String> b = new ArrayList<>();
        if (!ours.hasErrors()) {
            ours(ours, "", a);
        }
        String tomljError;
        try {
            org.tomlj.TomlParseResult theirs = org.tomlj.Toml.parse(text);
            tomljError = theirs.hasErrors() ? theirs.errors().get(0).toString() : null;
            if (tomljError == null) {
                tomlj(theirs, "", b, text.split("\n", -1));
            }
        } catch (AssertionError e) {
            tomljError = "tomlj failed its own assertion: " + e.getMessage(); // on a few broken headers
        }
        return new Reading(a, b, ours.hasErrors() ? ours.errors().get(0).toString() : null, tomljError);
    }

    private static void ours(TomlTable t, String path, List<String> out) {
        for (String k : t.keySet()) {
            String p = path + "." + TomlCursor.quoted(k);
            TomlPosition at = t.inputPositionOf(List.of(k));
            ours(t.get(List.of(k)), p, at.line(), at.column(), out);
        }
    }

    private static void ours(Object v, String p, int line, int column, List<String> out) {
        out.add(p + " @" + line + ":" + column + " = " + shown(v));
        if (v instanceof TomlTable x) {
            ours(x, p, out);
        } else if (v instanceof TomlArray a) {
            for (int i = 0; i < a.size(); i++) {
                TomlPosition at = a.inputPositionOf(i);
                ours(a.get(i), p + "[" + i + "]", at.line(), at.column(), out);
            }
        }
    }

    private static void tomlj(org.tomlj.TomlTable t, String path, List<String> out, String[] lines) {
        for (String k : t.keySet()) {
            String p = path + "." + TomlCursor.quoted(k);
            org.tomlj.TomlPosition at = t.inputPositionOf(List.of(k));
            tomlj(t.get(List.of(k)), p, at.line(), at.column(), out, lines);
        }
    }

    private static void tomlj(Object v, String p, int line, int column, List<String> out, String[] lines) {
        out.add(p + " @" + line + ":" + chars(lines[line - 1], column) + " = " + shown(v));
        if (v instanceof org.tomlj.TomlTable x) {
            tomlj(x, p, out, lines);
        } else if (v instanceof org.tomlj.TomlArray a) {
            for (int i = 0; i < a.size(); i++) {
                org.tomlj.TomlPosition at = a.inputPositionOf(i);
                tomlj(a.get(i), p + "[" + i + "]", at.line(), at.column(), out, lines);
            }
        }
    }

    /**
     * tomlj's column (it counts code points) as ours (UTF-16 chars, as {@code TomlEditor} takes a column as an
     * offset in the line): the two differ after a character outside the BMP, such as an emoji, on the same line.
     */
    private static int chars(String line, int codePointColumn) {
        return codePointColumn - 1 > line.codePointCount(0, line.length()) ? codePointColumn
                : line.offsetByCodePoints(0, codePointColumn - 1) + 1;
    }

    private static String shown(Object v) {
        if (v instanceof TomlTable || v instanceof org.tomlj.TomlTable) {
            return "table";
        }
        if (v instanceof TomlArray || v instanceof org.tomlj.TomlArray) {
            return "array";
        }
        return v.getClass().getSimpleName() + " " + (v instanceof String s ? TomlCursor.quoted(s) : v);
    }
}
