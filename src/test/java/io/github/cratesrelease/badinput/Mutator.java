package io.github.cratesrelease.badinput;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Bad input made from good: one file of the example workspace mutated by a seeded generator — wrong types at keys,
 * deleted, duplicated and swapped lines, broken syntax, truncation, bit flips, invalid UTF-8, BOMs, NULs, huge
 * numbers, deep nesting, huge files, globs and paths outside the workspace. The same seed gives the same bytes.
 */
final class Mutator {

    /** The kinds of file mutated; each has its own value pool and key syntax. */
    enum Kind {
        YAML, TOML, MARKDOWN
    }

    /** A mutated file: its bytes and the operations applied, for the report of a failure. */
    record Mutation(byte[] bytes, List<String> ops) {
    }

    private static final String DEEP_TOML = "[".repeat(3000) + "]".repeat(3000);
    private static final String DEEP_YAML = "[".repeat(3000) + "]".repeat(3000);
    private static final String DEEP_YAML_MAP = "{a: ".repeat(500) + "1" + "}".repeat(500);
    private static final String LONG = "x".repeat(200_000);

    private static final List<String> TOML_VALUES = List.of("1", "-1", "0", "99999999999999999999",
            "-9223372036854775809", "9223372036854775807", "1.5", "nan", "-inf", "1e400", "true", "false", "\"x\"",
            "\"\"", "[]", "[1, 2]", "[\"a\", 1]", "[[]]", "[{}]", "{}", "{ a = 1 }", "{ workspace = true }",
            "{ workspace = false }", "{ path = \"/\" }", "{ path = \"../../..\", version = \"1\" }",
            "{ version = 1 }", "{ features = \"x\" }", "{ optional = \"yes\" }", "1979-05-27T07:32:00Z", "07:32:00",
            "\"crates/[a-\"", "\"crates/\\u0000\"", "\"/\"", "\"../..\"", "\"**\"", "\"/*\"", "\"crates/**/..\"",
            "\"1.2.3-\"", "\"99999999999999999999.0.0\"", "\"18446744073709551615.0.0\"", "\"^1.2.3-\u03b1\"",
            "\"*\"", "\">=1, <\"", "\"\u0661.\u0662.\u0663\"", "\" 1.2.3\"", "\"1.2.3\\n\"", "\"\\u0000\"",
            "'literal'", "\"\"\"multi\nline\"\"\"", DEEP_TOML, "\"" + LONG + "\"", "[" + "\"a\", ".repeat(2000) + "]");

    private static final List<String> YAML_VALUES = List.of("1", "-1", "0", "99999999999999999999", "1e400",
            "0x7fffffffffffffffffff", "0o777", ".nan", "-.inf", "true", "no", "~", "x", "\"\"", "[]", "[1, 2]",
            "[[1]]", "{}", "{a: 1}", "{strategy: 1}", "/", "..", "../../..", "/dev/null", "/dev/zero", "/proc",
            "\"\\0\"", "\"a\\0b\"", "\"crates/[a-\"", "\"**\"", "\"*\"", "!!binary AAAA", "!!int x", "!!float y",
            "!!str 1", "!custom x", "&a x", "*a", "*undefined", "|\n  multi\n  line", ">-\n  folded",
            "99999999999999999999h", "-1s", "0ms", "1ms", "2562047788015216h", "1h1h", "10m30", "P1D",
            "\"{crate}-v{version}\"", "\"{\"", "\"{nope}\"", "\"\\uD800\"", "\"\u0661.\u0662.\u0663\"", "1.2.3-",
            "\"99999999999999999999.0.0\"", "crates-io", "nonexistent-registry", "llmo-cli", "[llmo-cli, llmo-cli]",
            "[nope]", "auto", "shared", "independent", "upgrade", "keep", "https://", "http://[::1", "ftp://x",
            "\"$(rm -rf /)\"", DEEP_YAML, DEEP_YAML_MAP, "\"" + LONG + "\"", "[" + "a, ".repeat(2000) + "]");

    private static final List<String> HEADINGS = List.of("## [Unreleased]", "## Unreleased", "## [0.4.0] - 2026-10-02",
            "## [0.4.0] - 2026-02-30", "## [0.4.0] - 99999-01-01", "## [0.4.0] - 2026-1-1", "## [0.4.0]",
            "## 0.4.0 - 2026-10-02", "## [99999999999999999999.0.0] - 2026-10-02", "## [0.4.0-] - 2026-10-02",
            "## [0.4.0] - 2026-10-02 [YANKED]", "## []", "## [", "##", "# [0.4.0] - 2026-10-02",
            "### [0.4.0] - 2026-10-02", "## [\u0661.\u0662.\u0663] - 2026-10-02", "## [0.4.0] - \0",
            "## [0.5.0] - 2026-10-02", "## [v0.4.0] - 2026-10-02", "[0.4.0]: ", "[Unreleased]: javascript:alert(1)",
            "- ", "> > > > > > > > > > >", "```", "<!-- ", "## [0.4.0] - 2026-10-02\n## [0.4.0] - 2026-10-02");

    private static final Pattern TOML_PAIR = Pattern.compile("([A-Za-z0-9_.\"'-]+)\\s*=\\s*(\"[^\"]*\"|[^,}\\]\\n]+)");
    private static final Pattern YAML_PAIR = Pattern.compile("([A-Za-z0-9_-]+):[ \\t]*([^,}\\]\\n#]*)");
    private static final Pattern TOML_HEADER = Pattern.compile("(?m)^\\[+([^\\]]+)\\]+[ \\t]*$");

    private final Random random;

    Mutator(long seed) {
        this.random = new Random(seed);
    }

    /** Applies one to three mutations to {@code original} (a file of {@code kind}). */
    Mutation mutate(byte[] original, Kind kind) {
        byte[] bytes = original;
        List<String> ops = new ArrayList<>();
        int n = random.nextInt(10) < 6 ? 1 : 2 + random.nextInt(2);
        for (int i = 0; i < n; i++) {
            int op = random.nextInt(100);
            String name;
            if (bytes.length > 100_000 && op < 93) {
                name = "truncate"; // a text operation on a huge file costs more than the goals: cut it instead
                bytes = java.util.Arrays.copyOf(bytes, random.nextInt(bytes.length + 1));
            } else if (op < 30) {
                name = "wrong value";
                bytes = text(wrongValue(str(bytes), kind));
            } else if (op < 38) {
                name = "delete line";
                bytes = text(lineOp(str(bytes), 0));
            } else if (op < 46) {
                name = "duplicate line";
                bytes = text(lineOp(str(bytes), 1));
            } else if (op < 50) {
                name = "swap lines";
                bytes = text(lineOp(str(bytes), 2));
            } else if (op < 55) {
                name = "truncate";
                bytes = java.util.Arrays.copyOf(bytes, random.nextInt(bytes.length + 1));
            } else if (op < 61) {
                name = "bit flip";
                bytes = bitFlips(bytes);
            } else if (op < 66) {
                name = "invalid UTF-8";
                bytes = insert(bytes, pick(List.of(new byte[] {(byte) 0xff}, new byte[] {(byte) 0xc3},
                        new byte[] {(byte) 0xc0, (byte) 0x80}, new byte[] {(byte) 0xed, (byte) 0xa0, (byte) 0x80},
                        new byte[] {(byte) 0xf4, (byte) 0x90, (byte) 0x80, (byte) 0x80}, new byte[] {(byte) 0x80})));
            } else if (op < 70) {
                name = "BOM";
                byte[] bom = pick(List.of(new byte[] {(byte) 0xef, (byte) 0xbb, (byte) 0xbf},
                        new byte[] {(byte) 0xff, (byte) 0xfe}, new byte[] {(byte) 0xfe, (byte) 0xff}));
                bytes = random.nextBoolean() ? concat(bom, bytes) : insert(bytes, bom);
            } else if (op < 74) {
                name = "NUL";
                bytes = insert(bytes, new byte[] {0});
            } else if (op < 78) {
                name = "huge number";
                bytes = text(str(bytes).replaceFirst("(?<=[^0-9])[0-9]+(?=[^0-9])",
                        pick(List.of("99999999999999999999", "18446744073709551616", "2147483648", "-0", "00"))));
            } else if (op < 80) {
                name = "deep nesting";
                bytes = text(insertAtLine(str(bytes), kind == Kind.TOML ? "x = " + DEEP_TOML
                        : kind == Kind.YAML ? "x: " + DEEP_YAML : "> ".repeat(5000) + "deep"));
            } else if (op < 81) {
                name = "huge file";
                bytes = hugeFile(bytes, kind);
            } else if (op < 86) {
                name = "line endings";
                bytes = text(random.nextBoolean() ? str(bytes).replace("\n", "\r\n") : str(bytes).replace("\n", "\r"));
            } else if (op < 89) {
                name = "new section";
                bytes = concat(bytes, text(section(kind)));
            } else if (op < 93 && kind == Kind.TOML) {
                name = "table header";
                bytes = text(header(str(bytes)));
            } else if (op < 93 && kind == Kind.MARKDOWN) {
                name = "heading";
                bytes = text(heading(str(bytes)));
            } else if (op < 93) {
                name = "indentation";
                bytes = text(indentation(str(bytes)));
            } else {
                name = "random bytes";
                byte[] junk = new byte[1 + random.nextInt(16)];
                random.nextBytes(junk);
                bytes = insert(bytes, junk);
            }
            ops.add(name);
        }
        return new Mutation(bytes, ops);
    }

    private static final List<String> YAML_SECTIONS = List.of(
            "registries:\n  corp:\n    index: %s\n    token: { env: %s }\n",
            "registries:\n  corp:\n    index: sparse+https://x.example/index/\n    token: %s\n    wait: %s\n",
            "rate-limits:\n  crates-io:\n    new-crates: { burst: %s, interval: %s }\n",
            "rate-limits:\n  %s:\n    new-versions: %s\n",
            "redist:\n  - name: %s\n    git: %s\n    rev: 0123456789abcdef0123456789abcdef01234567\n    crates: [%s]\n",
            "redist:\n  - name: x\n    git: https://github.com/example/x\n    rev: %s\n    crates: [x]\n"
                    + "    patches:\n      x:\n        package: { %s: %s }\n",
            "release:\n  branches: %s\n", "release: { branches: [%s] }\n",
            "x-unknown: %s\n", "%s: %s\n");

    private static final List<String> TOML_SECTIONS = List.of(
            "[dependencies]\nx = { path = %s, version = %s }\n", "[dev-dependencies]\nllmo-core = %s\n",
            "[build-dependencies]\ny = { workspace = true, features = %s }\n",
            "[target.'cfg(unix)'.dependencies]\nz = %s\n", "[target.%s]\n",
            "[patch.crates-io]\nllmo-core = { path = %s }\n", "[patch.%s]\nllmo-sdk = %s\n",
            "[features]\ndefault = %s\n", "[package.metadata]\nx = %s\n", "[workspace.metadata]\nx = %s\n",
            "[[bin]]\nname = %s\npath = %s\n", "[lib]\ncrate-type = %s\n", "[badges]\nx = %s\n");

    /** A section the example does not have, with values from the pools. */
    private String section(Kind kind) {
        if (kind == Kind.MARKDOWN) {
            return "\n" + pick(HEADINGS) + "\n\n- " + pick(YAML_VALUES) + "\n";
        }
        String template = pick(kind == Kind.YAML ? YAML_SECTIONS : TOML_SECTIONS);
        List<String> pool = kind == Kind.YAML ? YAML_VALUES : TOML_VALUES;
        Object[] values = new Object[4];
        for (int i = 0; i < values.length; i++) {
            values[i] = pick(pool);
        }
        return "\n" + String.format(template, values);
    }

    private String wrongValue(String s, Kind kind) {
        if (kind == Kind.MARKDOWN) {
            return heading(s);
        }
        Matcher m = (kind == Kind.TOML ? TOML_PAIR : YAML_PAIR).matcher(s);
        List<int[]> spans = new ArrayList<>();
        while (m.find()) {
            spans.add(new int[] {m.start(2), m.end(2)});
        }
        if (spans.isEmpty()) {
            return s;
        }
        int[] span = pick(spans);
        String value = pick(kind == Kind.TOML ? TOML_VALUES : YAML_VALUES);
        return s.substring(0, span[0]) + value + s.substring(span[1]);
    }

    /** 0: delete, 1: duplicate, 2: swap two lines. */
    private String lineOp(String s, int op) {
        List<String> lines = new ArrayList<>(List.of(s.split("\n", -1)));
        if (lines.isEmpty()) {
            return s;
        }
        int i = random.nextInt(lines.size());
        switch (op) {
            case 0 -> lines.remove(i);
            case 1 -> lines.add(i, lines.get(i));
            default -> java.util.Collections.swap(lines, i, random.nextInt(lines.size()));
        }
        return String.join("\n", lines);
    }

    private String insertAtLine(String s, String line) {
        List<String> lines = new ArrayList<>(List.of(s.split("\n", -1)));
        lines.add(random.nextInt(lines.size() + 1), line);
        return String.join("\n", lines);
    }

    private String header(String s) {
        Matcher m = TOML_HEADER.matcher(s);
        List<int[]> spans = new ArrayList<>();
        List<String> names = new ArrayList<>();
        while (m.find()) {
            spans.add(new int[] {m.start(), m.end()});
            names.add(m.group(1));
        }
        if (spans.isEmpty()) {
            return s;
        }
        int k = random.nextInt(spans.size());
        String name = names.get(k);
        String replaced = switch (random.nextInt(5)) {
            case 0 -> "[[" + name + "]]";
            case 1 -> "[" + name + "]";
            case 2 -> name + " = " + pick(TOML_VALUES);
            case 3 -> "[" + name + ".x]";
            default -> "[" + pick(List.of("package", "workspace", "workspace.package", "workspace.dependencies",
                    "dependencies", "dev-dependencies", "target.'cfg(unix)'.dependencies", "patch.crates-io",
                    "features", "lib", "[bin]", "[package]", "[[package]]")) + "]";
        };
        return s.substring(0, spans.get(k)[0]) + replaced + s.substring(spans.get(k)[1]);
    }

    private String heading(String s) {
        List<String> lines = new ArrayList<>(List.of(s.split("\n", -1)));
        List<Integer> marked = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith("#") || lines.get(i).startsWith("[")) {
                marked.add(i);
            }
        }
        int i = marked.isEmpty() || random.nextInt(4) == 0 ? random.nextInt(lines.size()) : pick(marked);
        lines.set(i, pick(HEADINGS));
        return String.join("\n", lines);
    }

    private String indentation(String s) {
        List<String> lines = new ArrayList<>(List.of(s.split("\n", -1)));
        int i = random.nextInt(lines.size());
        String l = lines.get(i);
        lines.set(i, random.nextBoolean() ? " ".repeat(1 + random.nextInt(5)) + l : "\t" + l.stripLeading());
        return String.join("\n", lines);
    }

    /**
     * A file past the readers' limits (8 MiB; 1 MiB for the spec), a long run of blank or comment lines, or a large
     * file within the limits.
     */
    private byte[] hugeFile(byte[] bytes, Kind kind) {
        String unit;
        int size;
        switch (random.nextInt(3)) {
            case 0 -> {
                unit = kind == Kind.MARKDOWN ? "- an entry of a huge changelog\n" : "# a comment line of a huge file\n";
                size = (kind == Kind.YAML ? 1 << 20 : 8 << 20) + random.nextInt(4096);
            }
            case 1 -> {
                unit = random.nextBoolean() ? "\n" : "# c\n";
                size = 301 * unit.length() + random.nextInt(2000);
            }
            default -> {
                unit = switch (kind) {
                    case YAML -> "# a comment line\nx-long: 1\n";
                    case TOML -> "[[package]]\nname = \"x\"\nversion = \"1.0.0\"\n";
                    case MARKDOWN -> "- an entry of a long changelog\n";
                };
                size = 20_000 + random.nextInt(20_000);
            }
        }
        return random.nextBoolean() ? concat(bytes, text(unit.repeat(size / unit.length())))
                : insert(bytes, text(unit.repeat(size / unit.length())));
    }

    private byte[] bitFlips(byte[] bytes) {
        byte[] out = bytes.clone();
        for (int k = 0; out.length > 0 && k < 1 + random.nextInt(3); k++) {
            int i = random.nextInt(out.length);
            out[i] ^= (byte) (1 << random.nextInt(8));
        }
        return out;
    }

    private byte[] insert(byte[] bytes, byte[] what) {
        int at = random.nextInt(bytes.length + 1);
        ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length + what.length);
        out.write(bytes, 0, at);
        out.write(what, 0, what.length);
        out.write(bytes, at, bytes.length - at);
        return out.toByteArray();
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    private <T> T pick(List<T> from) {
        return from.get(random.nextInt(from.size()));
    }

    /** Bytes as text: undecodable bytes become U+FFFD, as the mutation works on text from then on. */
    private static String str(byte[] b) {
        return new String(b, StandardCharsets.UTF_8);
    }

    private static byte[] text(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
