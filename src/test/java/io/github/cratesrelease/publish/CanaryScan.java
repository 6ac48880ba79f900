package io.github.cratesrelease.publish;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.cratesrelease.output.Reporter;
import io.github.cratesrelease.testing.Fixtures;
import io.github.cratesrelease.testing.Processes;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;

/**
 * Where a canary went. Every {@code cargo}, {@code git} and {@code rustc} (through {@code RUSTC_WRAPPER}) a run
 * starts, and every build script of the fixture, copies its own {@code /proc/<pid>/environ} and
 * {@code /proc/<pid>/cmdline} into a dump directory while it runs; the scan reads those, every file under the given
 * directories, and the lines a reporter was given (debug included, as with {@code -X}).
 */
public final class CanaryScan {

    /** One child process as it started: which tool, its arguments, its environment. */
    public record Child(String tool, List<String> args, Map<String, String> env) {
        /** The registry a {@code cargo <sub> --registry <name>} names, else null. */
        public String registryArg() {
            int i = args.indexOf("--registry");
            return i >= 0 && i + 1 < args.size() ? args.get(i + 1) : null;
        }

        /** {@code package} for {@code cargo package ...} (the first argument after the tool). */
        public String subcommand() {
            return args.size() > 1 ? args.get(1) : "";
        }
    }

    /** A reporter that keeps every line, debug ones included. */
    public static final class Lines implements Reporter {
        final List<String> all = new CopyOnWriteArrayList<>();

        @Override
        public void info(String line) {
            all.add("[INFO] " + line);
        }

        @Override
        public void warn(String line) {
            all.add("[WARN] " + line);
        }

        @Override
        public void error(String line) {
            all.add("[ERROR] " + line);
        }

        @Override
        public void debug(String line) {
            all.add("[DEBUG] " + line);
        }

        public String text() {
            return String.join("\n", all);
        }
    }

    final Path dumps;
    final Path wrappers;

    public CanaryScan(Path dir) {
        this.dumps = dir.resolve("dumps");
        this.wrappers = dir.resolve("wrappers");
        String dump = "n=\"$CANARY_DUMP/$(basename \"$0\")-$$\"\ncat /proc/$$/environ > \"$n.env\"\n"
                + "cat /proc/$$/cmdline > \"$n.args\"\n";
        for (String tool : List.of("cargo", "git", "rustc")) {
            script(wrappers.resolve(tool), dump + "exec " + which(tool) + " \"$@\"\n");
        }
        script(wrappers.resolve("rustc-wrapper"), dump + "exec \"$@\"\n");
        try {
            Files.createDirectories(dumps);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code env} with the wrappers first on the PATH and the dump directory set. */
    public Map<String, String> instrument(Map<String, String> env) {
        Map<String, String> e = new HashMap<>(env);
        e.put("PATH", wrappers + ":" + env.get("PATH"));
        e.put("RUSTC_WRAPPER", wrappers.resolve("rustc-wrapper").toString());
        e.put("CANARY_DUMP", dumps.toString());
        return e;
    }

    /** A build script that dumps its environment the same way (cargo runs it when it builds the crate). */
    public static String buildScript() {
        return """
                fn main() {
                    let dir = std::env::var("CANARY_DUMP").unwrap();
                    let pid = std::process::id();
                    let env = std::fs::read("/proc/self/environ").unwrap();
                    let args = std::fs::read("/proc/self/cmdline").unwrap();
                    std::fs::write(format!("{dir}/build-script-{pid}.env"), env).unwrap();
                    std::fs::write(format!("{dir}/build-script-{pid}.args"), args).unwrap();
                }
                """;
    }

    static void script(Path file, String body) {
        Fixtures.write(file, "#!/bin/sh\n" + body);
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwx------"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every child dumped so far. */
    public List<Child> children() {
        List<Child> out = new ArrayList<>();
        try (Stream<Path> s = Files.list(dumps)) {
            for (Path env : s.filter(p -> p.toString().endsWith(".env")).sorted().toList()) {
                String base = env.getFileName().toString();
                base = base.substring(0, base.length() - 4);
                String tool = base.substring(0, base.lastIndexOf('-'));
                Path argsFile = env.resolveSibling(base + ".args");
                List<String> args = Files.exists(argsFile) ? split(Files.readString(argsFile)) : List.of();
                Map<String, String> vars = new HashMap<>();
                for (String kv : split(Files.readString(env))) {
                    int eq = kv.indexOf('=');
                    if (eq > 0) {
                        vars.put(kv.substring(0, eq), kv.substring(eq + 1));
                    }
                }
                // a wrapper's command line is: sh <wrapper> <args>; RUSTC_WRAPPER's args start with rustc's path
                int drop = tool.equals("build-script") ? 0 : tool.equals("rustc-wrapper") ? 2 : 1;
                out.add(new Child(tool.equals("rustc-wrapper") ? "rustc" : tool,
                        args.subList(Math.min(drop, args.size()), args.size()), vars));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    /** No file under {@code dir} (recursively, whatever its kind) holds any of {@code secrets}. */
    public static int assertNoFileHolds(Path dir, String... secrets) {
        int files = 0;
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path f : s.filter(Files::isRegularFile).toList()) {
                files++;
                String text = new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1);
                for (String secret : secrets) {
                    assertFalse(text.contains(secret), "the file " + f + " holds a secret");
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        assertTrue(files > 0, "nothing was written under " + dir);
        return files;
    }

    private static List<String> split(String nulSeparated) {
        return Arrays.stream(nulSeparated.split("\0")).filter(x -> !x.isEmpty()).toList();
    }

    private static String which(String tool) {
        Processes.Result r = Processes.run(Path.of("."), Map.of(), List.of("sh", "-c", "command -v " + tool));
        String path = r.stdout().strip();
        assertTrue(r.exit() == 0 && !path.isEmpty(), tool + " is not on the PATH");
        return path;
    }
}
