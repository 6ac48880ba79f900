package io.github.cratesrelease.publish;

import java.util.ArrayList;
import java.util.List;

/** A target platform key written the way cargo displays it ({@code cfg(any(unix, windows))}). */
final class Platforms {
    private Platforms() {
    }

    static String display(String key) {
        String k = key.trim();
        if (!k.startsWith("cfg(") || !k.endsWith(")")) {
            return k;
        }
        try {
            List<String> tokens = tokens(k.substring(4, k.length() - 1));
            int[] pos = {0};
            String expr = expr(tokens, pos);
            return pos[0] == tokens.size() ? "cfg(" + expr + ")" : k;
        } catch (RuntimeException e) {
            return k;
        }
    }

    private static String expr(List<String> t, int[] pos) {
        String name = t.get(pos[0]++);
        if (pos[0] < t.size() && t.get(pos[0]).equals("(")) {
            pos[0]++;
            List<String> args = new ArrayList<>();
            while (!t.get(pos[0]).equals(")")) {
                args.add(expr(t, pos));
                if (t.get(pos[0]).equals(",")) {
                    pos[0]++;
                }
            }
            pos[0]++;
            return name + "(" + String.join(", ", args) + ")";
        }
        if (pos[0] < t.size() && t.get(pos[0]).equals("=")) {
            pos[0]++;
            return name + " = " + t.get(pos[0]++);
        }
        return name;
    }

    private static List<String> tokens(String s) {
        List<String> out = new ArrayList<>();
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '(' || c == ')' || c == ',' || c == '=') {
                out.add(String.valueOf(c));
                i++;
            } else if (c == '"') {
                int end = s.indexOf('"', i + 1);
                out.add(s.substring(i, end + 1));
                i = end + 1;
            } else {
                int start = i;
                while (i < s.length() && (Character.isLetterOrDigit(s.charAt(i)) || s.charAt(i) == '_'
                        || s.charAt(i) == '#')) {
                    i++;
                }
                if (start == i) {
                    throw new IllegalArgumentException("unexpected " + c);
                }
                out.add(s.substring(start, i));
            }
        }
        return out;
    }
}
