package io.github.cratesrelease.spec;

import io.github.cratesrelease.diag.Location;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a JSON document into the tree {@link YamlReader} makes of it (JSON is YAML: the same nodes, scalar types and
 * places), in one pass and without snakeyaml's machinery: for the schema packaged in the jar, which every goal reads
 * in a fresh JVM (about 50 ms through snakeyaml, a few through this). {@code JsonTreeTest} holds both readers to the
 * same tree on every schema of the project and on generated documents. Malformed JSON is a bug of the packaging:
 * an {@link IllegalStateException} with the place.
 */
final class JsonTree {

    private final Path file;
    private final String text;
    private int pos;
    private int line = 1;
    private int lineStart;
    /** Code points before {@link #pos} on its line that take two chars (columns count code points, as snakeyaml's). */
    private int pairsOnLine;

    private JsonTree(Path file, String text) {
        this.file = file;
        this.text = text;
    }

    static YamlNode read(Path file, String text) {
        JsonTree t = new JsonTree(file, text);
        t.skipSpace();
        YamlNode root = t.value();
        t.skipSpace();
        if (t.pos < text.length()) {
            throw t.error("text after the document");
        }
        return root;
    }

    private YamlNode value() {
        if (pos >= text.length()) {
            throw error("a value expected, found the end");
        }
        Location at = here();
        char c = text.charAt(pos);
        if (c == '{') {
            pos++;
            List<YamlNode.Entry> entries = new ArrayList<>();
            skipSpace();
            if (peek() == '}') {
                pos++;
                return new YamlNode.Mapping(List.of(), at);
            }
            while (true) {
                skipSpace();
                if (peek() != '"') {
                    throw error("a key in quotes expected");
                }
                YamlNode.Scalar key = (YamlNode.Scalar) value();
                skipSpace();
                expect(':');
                skipSpace();
                entries.add(new YamlNode.Entry(key, value()));
                skipSpace();
                if (peek() == ',') {
                    pos++;
                    continue;
                }
                expect('}');
                return new YamlNode.Mapping(List.copyOf(entries), at);
            }
        }
        if (c == '[') {
            pos++;
            List<YamlNode> items = new ArrayList<>();
            skipSpace();
            if (peek() == ']') {
                pos++;
                return new YamlNode.Sequence(List.of(), at);
            }
            while (true) {
                skipSpace();
                items.add(value());
                skipSpace();
                if (peek() == ',') {
                    pos++;
                    continue;
                }
                expect(']');
                return new YamlNode.Sequence(List.copyOf(items), at);
            }
        }
        if (c == '"') {
            return new YamlNode.Scalar(string(), YamlNode.ScalarType.STRING, at);
        }
        int start = pos;
        while (pos < text.length() && "{}[],: \t\r\n".indexOf(text.charAt(pos)) < 0) {
            pos++;
        }
        String word = text.substring(start, pos);
        YamlNode.ScalarType type = switch (word) {
            case "true", "false" -> YamlNode.ScalarType.BOOLEAN;
            case "null" -> YamlNode.ScalarType.NULL;
            default -> {
                if (isInteger(word)) {
                    yield YamlNode.ScalarType.INTEGER;
                }
                if (word.matches("-?(0|[1-9][0-9]*)(\\.[0-9]+)?([eE][-+]?[0-9]+)?")) {
                    yield YamlNode.ScalarType.FLOAT;
                }
                pos = start;
                throw error("a value expected");
            }
        };
        return new YamlNode.Scalar(word, type, at);
    }

    private static boolean isInteger(String w) {
        int i = w.startsWith("-") ? 1 : 0;
        if (i >= w.length() || w.charAt(i) == '0' && w.length() > i + 1) {
            return false;
        }
        for (; i < w.length(); i++) {
            if (w.charAt(i) < '0' || w.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

    private String string() {
        pos++;  // the opening quote
        StringBuilder sb = new StringBuilder();
        while (true) {
            if (pos >= text.length()) {
                throw error("a string without its closing quote");
            }
            char c = text.charAt(pos++);
            if (c == '"') {
                return sb.toString();
            }
            if (Character.isHighSurrogate(c)) {
                pairsOnLine++;
            }
            if (c != '\\') {
                sb.append(c);
                continue;
            }
            char e = pos < text.length() ? text.charAt(pos++) : 0;
            switch (e) {
                case '"', '\\', '/' -> sb.append(e);
                case 'b' -> sb.append('\b');
                case 'f' -> sb.append('\f');
                case 'n' -> sb.append('\n');
                case 'r' -> sb.append('\r');
                case 't' -> sb.append('\t');
                case 'u' -> {
                    if (pos + 4 > text.length()) {
                        throw error("\\u without four hex digits");
                    }
                    sb.append((char) Integer.parseInt(text.substring(pos, pos + 4), 16));
                    pos += 4;
                }
                default -> throw error("an unknown escape \\" + e);
            }
        }
    }

    private void skipSpace() {
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (c == '\n') {
                line++;
                lineStart = pos + 1;
                pairsOnLine = 0;
            } else if (c != ' ' && c != '\t' && c != '\r') {
                return;
            }
            pos++;
        }
    }

    private char peek() {
        return pos < text.length() ? text.charAt(pos) : 0;
    }

    private void expect(char c) {
        if (peek() != c) {
            throw error("'" + c + "' expected");
        }
        pos++;
    }

    private Location here() {
        return new Location(file, line, pos - lineStart - pairsOnLine + 1);
    }

    private IllegalStateException error(String what) {
        return new IllegalStateException(here() + ": not valid JSON: " + what);
    }
}
