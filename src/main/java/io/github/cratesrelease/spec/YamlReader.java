package io.github.cratesrelease.spec;

import io.github.cratesrelease.io.TextFiles;
import io.github.cratesrelease.diag.Diagnostic;
import io.github.cratesrelease.diag.Diagnostics;
import io.github.cratesrelease.diag.Location;
import io.github.cratesrelease.diag.ReleaseException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Parse;
import org.snakeyaml.engine.v2.events.AliasEvent;
import org.snakeyaml.engine.v2.events.Event;
import org.snakeyaml.engine.v2.events.NodeEvent;
import org.snakeyaml.engine.v2.events.ScalarEvent;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.ReaderException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlVersionException;
import org.snakeyaml.engine.v2.nodes.Tag;
import org.snakeyaml.engine.v2.resolver.CoreScalarResolver;

/**
 * Reads one YAML document into a {@link YamlNode} tree from snakeyaml-engine's event stream, without recursion,
 * so hostile input is stopped by limits (size, depth, node count including alias expansion) and never by a
 * StackOverflowError or OutOfMemoryError. Duplicate keys are reported, all of them, with both places.
 */
public final class YamlReader {

    /** Input limits; the defaults are far above any real release spec. */
    public record Limits(long maxBytes, int maxDepth, int maxNodes, int maxAliases) {
        public static final Limits DEFAULT = new Limits(1 << 20, 64, 100_000, 200);
    }

    private final Limits limits;
    private final CoreScalarResolver resolver = new CoreScalarResolver(false);

    public YamlReader() {
        this(Limits.DEFAULT);
    }

    public YamlReader(Limits limits) {
        this.limits = limits;
    }

    /** Reads a file; every problem is reported in {@code diags}; returns null when nothing usable was read. */
    public YamlNode read(Path file, Diagnostics diags) {
        try {
            return read(file, TextFiles.read(file, (int) Math.min(Integer.MAX_VALUE - 1, limits.maxBytes())), diags);
        } catch (ReleaseException e) { // not UTF-8 or too large: located at the first bad byte or the limit's line
            diags.addAll(e.diagnostics());
            return null;
        }
    }

    private static final class Frame {
        final boolean mapping;
        final Location location;
        final Optional<String> anchor;
        final List<YamlNode> items = new ArrayList<>();
        final List<YamlNode.Entry> entries = new ArrayList<>();
        final Map<String, YamlNode.Scalar> keys = new HashMap<>();
        YamlNode pendingKey;

        Frame(boolean mapping, Location location, Optional<String> anchor) {
            this.mapping = mapping;
            this.location = location;
            this.anchor = anchor;
        }
    }

    public YamlNode read(Path file, String text, Diagnostics diags) {
        if (text.length() > limits.maxBytes()) {
            diags.error(at(file, text, (int) limits.maxBytes()), "the input has " + text.length()
                    + " characters, more than the limit of "
                    + limits.maxBytes(), "a release spec is small: check that this is the right file");
            return null;
        }
        LoadSettings settings = LoadSettings.builder().setLabel(file.toString())
                .setCodePointLimit((int) Math.min(Integer.MAX_VALUE, limits.maxBytes() + 1)).build();
        Deque<Frame> stack = new ArrayDeque<>();
        Map<String, YamlNode> anchors = new HashMap<>();
        Map<YamlNode, Integer> sizes = new java.util.IdentityHashMap<>();
        YamlNode root = null;
        int documents = 0;
        long nodes = 0;
        int aliases = 0;
        Location last = new Location(file, 1, 1);
        try {
            for (Event event : new Parse(settings).parseString(text)) {
                Location at = location(file, event.getStartMark());
                last = at.line() > 0 ? at : last;
                YamlNode done = null;
                switch (event.getEventId()) {
                    case DocumentStart -> {
                        documents++;
                        if (documents > 1) {
                            diags.error(at, "the file holds more than one YAML document",
                                    "keep one document: remove the '---' separator and what follows it");
                            return null;
                        }
                    }
                    case MappingStart, SequenceStart -> {
                        if (stack.size() >= limits.maxDepth()) {
                            diags.error(at, "nesting deeper than " + limits.maxDepth() + " levels",
                                    "a release spec needs only a few levels: check the indentation");
                            return null;
                        }
                        stack.push(new Frame(event.getEventId() == Event.ID.MappingStart, at, anchorOf(event)));
                    }
                    case MappingEnd, SequenceEnd -> {
                        Frame f = stack.pop();
                        done = f.mapping ? new YamlNode.Mapping(List.copyOf(f.entries), f.location)
                                : new YamlNode.Sequence(List.copyOf(f.items), f.location);
                        int size = 1 + (f.mapping ? f.entries.stream().mapToInt(e -> 1 + sizeOf(sizes, e.value())).sum()
                                : f.items.stream().mapToInt(n -> sizeOf(sizes, n)).sum());
                        sizes.put(done, size);
                        YamlNode collection = done;
                        f.anchor.ifPresent(a -> anchors.put(a, collection));
                    }
                    case Scalar -> {
                        ScalarEvent se = (ScalarEvent) event;
                        done = scalar(se, at, diags);
                        sizes.put(done, 1);
                        YamlNode d = done;
                        anchorOf(event).ifPresent(a -> anchors.put(a, d));
                    }
                    case Alias -> {
                        aliases++;
                        String name = ((AliasEvent) event).getAlias().getValue();
                        YamlNode target = anchors.get(name);
                        if (aliases > limits.maxAliases()) {
                            diags.error(at, "more than " + limits.maxAliases() + " aliases",
                                    "write the values out instead of using so many '*' aliases");
                            return null;
                        }
                        if (target == null) {
                            diags.error(at, "alias '*" + name + "' refers to no anchor defined before it",
                                    "define '&" + name + "' earlier in the file, or write the value out");
                            return null;
                        }
                        done = target;
                    }
                    default -> {
                    }
                }
                if (done == null) {
                    continue;
                }
                // a node read once counts once (its children were counted as they were read); an alias counts
                // its whole target again, which is what an alias bomb multiplies
                nodes += event.getEventId() == Event.ID.Alias ? sizeOf(sizes, done) : 1;
                if (nodes > limits.maxNodes()) {
                    diags.error(at, "the document expands to more than " + limits.maxNodes() + " nodes",
                            "a release spec is small: remove the aliases that multiply its content");
                    return null;
                }
                if (stack.isEmpty()) {
                    root = done;
                } else {
                    add(stack.peek(), done, diags);
                }
            }
        } catch (MarkedYamlEngineException e) {
            Location at = e.getProblemMark().or(e::getContextMark).map(m -> location(file, m)).orElse(Location.of(file));
            diags.error(at, "YAML syntax error: " + firstLine(e.getProblem() == null ? e.getMessage() : e.getProblem()),
                    "fix the YAML at this place (indentation, a missing ':' or an unclosed quote or bracket)");
            return null;
        } catch (ReaderException e) {
            diags.error(at(file, text, e.getPosition()), String.format("YAML error: character U+%04X is not allowed in "
                    + "YAML", e.getCodePoint()), "remove it, or write it escaped in a double-quoted string (\\u%04X)"
                    .formatted(e.getCodePoint()));
            return null;
        } catch (YamlVersionException e) {
            int i = text.indexOf("%YAML");
            diags.error(i < 0 ? last : at(file, text, text.codePointCount(0, i)), "unsupported YAML version "
                    + e.getSpecVersion().getRepresentation() + ": this reader reads YAML 1.x",
                    "remove the %YAML directive, or write %YAML 1.2");
            return null;
        } catch (YamlEngineException e) { // no mark of its own: the place of the last event read
            diags.error(last, "YAML error: " + firstLine(e.getMessage()), "fix the YAML at or after this place");
            return null;
        }
        return root;
    }

    private static int sizeOf(Map<YamlNode, Integer> sizes, YamlNode n) {
        return sizes.getOrDefault(n, 1);
    }

    private void add(Frame parent, YamlNode node, Diagnostics diags) {
        if (!parent.mapping) {
            parent.items.add(node);
            return;
        }
        if (parent.pendingKey == null) {
            parent.pendingKey = node;
            return;
        }
        YamlNode key = parent.pendingKey;
        parent.pendingKey = null;
        if (!(key instanceof YamlNode.Scalar sk)) {
            diags.error(key.location(), "a key must be a plain name, not " + key.kind(),
                    "write the key as a name followed by ':'");
            return;
        }
        YamlNode.Scalar first = parent.keys.putIfAbsent(sk.value(), sk);
        if (first != null) {
            diags.error(sk.location(), "duplicate key '" + sk.value() + "' (first defined at line "
                    + first.location().line() + ")", "keep one of the two entries");
            return;
        }
        parent.entries.add(new YamlNode.Entry(sk, node));
    }

    /** The line and column of the code point at {@code index} of {@code text}. */
    private static Location at(Path file, String text, int index) {
        int line = 1;
        int column = 1;
        for (int i = 0, cp = 0; i < text.length() && cp < index; i += Character.charCount(text.codePointAt(i)), cp++) {
            if (text.charAt(i) == '\n') {
                line++;
                column = 1;
            } else {
                column++;
            }
        }
        return new Location(file, line, column);
    }

    private YamlNode.Scalar scalar(ScalarEvent se, Location at, Diagnostics diags) {
        String value = se.getValue();
        Optional<String> tag = se.getTag();
        YamlNode.ScalarType type = YamlNode.ScalarType.STRING;
        if (tag.isPresent() && !"!".equals(tag.get())) {
            type = switch (tag.get()) {
                case "tag:yaml.org,2002:int" -> YamlNode.ScalarType.INTEGER;
                case "tag:yaml.org,2002:float" -> YamlNode.ScalarType.FLOAT;
                case "tag:yaml.org,2002:bool" -> YamlNode.ScalarType.BOOLEAN;
                case "tag:yaml.org,2002:null" -> YamlNode.ScalarType.NULL;
                default -> YamlNode.ScalarType.STRING;
            };
            Tag resolved = resolver.resolve(value, true);
            String wanted = switch (type) {
                case INTEGER -> Tag.INT.equals(resolved) ? null : "an integer";
                case FLOAT -> Tag.FLOAT.equals(resolved) || Tag.INT.equals(resolved) ? null : "a number";
                case BOOLEAN -> Tag.BOOL.equals(resolved) ? null : "true or false";
                case NULL -> Tag.NULL.equals(resolved) ? null : "null (~)";
                default -> null;
            };
            if (wanted != null) { // '!!int x': the tag says what the value is not
                diags.error(at, "'" + value + "' is tagged " + tag.get().replace("tag:yaml.org,2002:", "!!")
                        + " but is not " + wanted, "remove the tag, or write " + wanted);
                type = YamlNode.ScalarType.STRING;
            }
        } else if (se.isPlain() && tag.isEmpty()) {
            Tag resolved = resolver.resolve(value, true);
            if (Tag.INT.equals(resolved)) {
                type = YamlNode.ScalarType.INTEGER;
            } else if (Tag.FLOAT.equals(resolved)) {
                type = YamlNode.ScalarType.FLOAT;
            } else if (Tag.BOOL.equals(resolved)) {
                type = YamlNode.ScalarType.BOOLEAN;
            } else if (Tag.NULL.equals(resolved)) {
                type = YamlNode.ScalarType.NULL;
            }
        }
        return new YamlNode.Scalar(value, type, at);
    }

    private static Optional<String> anchorOf(Event e) {
        if (e instanceof NodeEvent ne && !(e instanceof AliasEvent)) {
            return ne.getAnchor().map(a -> a.getValue());
        }
        return Optional.empty();
    }

    static Location location(Path file, Optional<Mark> mark) {
        return mark.map(m -> location(file, m)).orElse(Location.of(file));
    }

    static Location location(Path file, Mark m) {
        return new Location(file, m.getLine() + 1, m.getColumn() + 1);
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "unknown problem";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }

    /** Reads or throws a {@link ReleaseException} with every problem found. */
    public YamlNode readOrThrow(Path file) {
        Diagnostics diags = new Diagnostics();
        YamlNode node = read(file, diags);
        if (diags.hasErrors()) {
            throw new ReleaseException(file.getFileName() + " is not valid YAML", diags);
        }
        if (node == null) {
            throw new ReleaseException(Diagnostic.error(new Location(file, 1, 1), "the file is empty",
                    "start it with 'version: 1'"));
        }
        return node;
    }
}
