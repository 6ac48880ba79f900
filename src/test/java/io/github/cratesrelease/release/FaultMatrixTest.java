package io.github.cratesrelease.release;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.cratesrelease.diag.ReleaseException;
import io.github.cratesrelease.publish.CrateArchive;
import io.github.cratesrelease.publish.PublishFixtures;
import io.github.cratesrelease.publish.PublishOptions;
import io.github.cratesrelease.registry.embedded.EmbeddedRegistry;
import io.github.cratesrelease.registry.embedded.Fault;
import io.github.cratesrelease.registry.embedded.RegistryOptions;
import io.github.cratesrelease.io.FileTrees;
import io.github.cratesrelease.testing.RegistryFront;
import io.github.cratesrelease.testing.TestWorkspace;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The fault matrix of issue 17: one release of a generated workspace (8 crates in 3 levels) per row against the
 * embedded registry with a fault, then the same command again. Every row completes on the first run, or stops with a
 * clear message and completes on the re-run; after it, every crate is stored once with the checksum of a crate cargo
 * packaged here, and registry and repository agree (a tag for every published crate). Prints its table.
 */
class FaultMatrixTest {

    static final String TOKEN = "tok-matrix";
    /** level 1: a1 a2 a3; level 2: b1(a1,a2) b2(a2,a3) b3(a3); level 3: c1(b1,b2) c2(b3,a1). */
    static final Map<String, List<String>> CRATES = new TreeMap<>(Map.of("a1", List.of(), "a2", List.of(), "a3",
            List.of(), "b1", List.of("a1", "a2"), "b2", List.of("a2", "a3"), "b3", List.of("a3"), "c1",
            List.of("b1", "b2"), "c2", List.of("b3", "a1")));
    static final List<String> TAGS = CRATES.keySet().stream().map(c -> c + "-v0.1.0").sorted().toList();

    private static final List<String> TABLE = new ArrayList<>();

    /** What one row does, given its fixture; returns nothing, records into it. */
    interface Scenario {
        void run(MatrixRow m) throws Exception;
    }

    /** Uploads slowed down, the release killed while upload {@code n} of 8 is in flight, then the same command. */
    private static void killAtUpload(MatrixRow m, int n) throws Exception {
        for (int i = 0; i < CRATES.size(); i++) {
            m.registry.injectFaults(Fault.slow(Duration.ofMillis(400)));
        }
        m.killChildWhen("at upload " + n + " of " + CRATES.size(), () -> m.registry.publishRequests() >= n);
        m.registry.clearFaults();
        Thread.sleep(500);  // the upload in flight is stored under the dead client
        m.again(m.options());
    }

    static Stream<Arguments> rows() {
        return Stream.of(
                row("503 on an upload", m -> {
                    m.registry.injectFaults(Fault.unavailable(), Fault.unavailable());
                    m.first(m.options());
                }),
                row("429 with Retry-After", m -> {
                    m.registry.injectFaults(Fault.tooManyRequests(Duration.ofSeconds(1)));
                    m.first(m.options());
                }),
                row("reset before the registry stored the crate", m -> {
                    m.registry.injectFaults(Fault.reset());
                    m.first(m.options());
                }),
                row("reset after the registry stored the crate", m -> {
                    // the client gives up after 1 s, the registry stores the upload after 2 s
                    m.registry.injectFaults(Fault.slow(Duration.ofSeconds(2)));
                    m.first(m.options().httpTimeout(Duration.ofSeconds(1)).retryBackoff(Duration.ofMillis(1500)));
                }),
                row("registry down after 4 uploads, then back", m -> {
                    // the 4th upload is held until the registry goes down under it
                    m.registry.injectFaults(Fault.slow(Duration.ZERO), Fault.slow(Duration.ZERO),
                            Fault.slow(Duration.ZERO), Fault.slow(Duration.ofSeconds(3)));
                    Thread stopper = new Thread(() -> {
                        while (m.registry.publishRequests() < 4 && !Thread.currentThread().isInterrupted()) {
                            Thread.onSpinWait();
                        }
                        m.registry.close();
                    });
                    stopper.start();
                    m.first(m.options().retries(1));
                    stopper.interrupt();
                    stopper.join();
                    m.restartRegistry();
                    m.again(m.options());
                }),
                row("journal deleted while the index lags", m -> {
                    m.restartRegistry(Duration.ofSeconds(6));
                    m.spec("strategy: none\ntimeout: 30s\ninterval: 100ms");
                    m.registry.injectFaults(Fault.unavailable());
                    m.first(m.options().retries(0));
                    FileTrees.delete(m.ws.resolve("target"));
                    m.again(m.options());
                    if (m.lastLog().contains("(its web API says so), not yet in the index")) {
                        m.expect("(uploaded by an earlier run)", "the re-run skips what the web API knows");
                    }
                    m.expect("Skip a", "the re-run skips what the first run uploaded");
                }),
                row("truncated journal", m -> {
                    m.registry.injectFaults(Fault.unavailable());
                    m.first(m.options().retries(0));
                    Path j = m.ws.resolve("target/crates/release-journal.json");
                    byte[] b = Files.readAllBytes(j);
                    Files.write(j, java.util.Arrays.copyOf(b, b.length / 2));
                    m.again(m.options());
                    m.expect("could not be read", "warned about the journal");
                    m.expect("release-journal.unreadable.json", "named the copy kept");
                }),
                row("concurrent second run (lock)", m -> {
                    m.registry.injectFaults(Fault.slow(Duration.ofSeconds(3)));
                    Process other = m.child(Map.of());
                    m.awaitUploads(1, other);
                    m.first(m.options());
                    m.expect("holds " + m.ws.resolve("target/crates/release.lock"), "refused with the holder");
                    m.awaitExit(other);
                    m.again(m.options());
                }),
                row("bad index line", m -> {
                    RegistryFront proxy = m.proxy();
                    proxy.corrupt("a1");
                    m.first(m.options());
                    m.expect("registry `embedded`: the index entry of `a1` (line 1 of " + proxy.url(), "located");
                    proxy.corrupt(null);
                    m.again(m.options());
                }),
                row("index-wait timeout, then re-run", m -> {
                    m.restartRegistry(Duration.ofSeconds(5));
                    m.spec("strategy: index\ntimeout: 1s\ninterval: 100ms");
                    m.first(m.options());
                    m.expect("raise wait.timeout in " + m.ws.resolve("release.yaml") + ":", "the hint names the line");
                    m.spec("strategy: index\ntimeout: 30s\ninterval: 100ms");  // as the hint says
                    m.again(m.options());
                    if (m.lastLog().contains("not yet in the index")) {
                        m.expect("first waiting for", "the re-run waits for the lagging wave before the next one");
                    }
                }),
                row("403 on one upload", m -> {
                    m.registry.injectFaults(Fault.forbidden());  // the first upload: a1, the others of its wave wait
                    m.first(m.options().parallelism(1));
                    m.expect("not uploaded, the wave stopped after a refusal", "no upload started after the 403");
                    m.expect("not published: a1 0.1.0, a2 0.1.0, a3 0.1.0", "lists what is not published");
                    m.again(m.options());
                }),
                row("SIGKILL during packaging", m -> {
                    m.killChildWhen("during packaging", () -> Files.isDirectory(m.ws.resolve("target/package")));
                    m.again(m.options());
                }),
                row("SIGKILL at 25 % of uploads", m -> killAtUpload(m, 2)),
                row("SIGKILL at 50 % of uploads", m -> killAtUpload(m, 4)),
                row("SIGKILL at 90 % of uploads", m -> killAtUpload(m, 7)),
                row("SIGKILL during tagging", m -> {
                    m.hook(m.ws.resolve(".git/hooks/reference-transaction"), """
                            [ "$1" = prepared ] || exit 0
                            while read old new ref; do
                              case "$ref" in refs/tags/b1-v*) hold;; esac
                            done
                            exit 0
                            """);
                    m.killChildAtMark();
                    m.again(m.options());
                    m.expect("Taking over", "the stale lock is taken over");
                }),
                row("SIGKILL during push", m -> {
                    Path origin = m.origin();
                    m.hook(origin.resolve("hooks/pre-receive"), "hold\n");
                    m.killChildAtMark();
                    m.again(m.options());
                    m.expectPushed(origin);
                }),
                row("SIGKILL during a post-publish action", m -> {
                    m.appendSpec("post-publish:\n  - run: [\"sh\", \"-c\", \"[ -z \\\"$CRATES_TEST_MARK\\\" ] || "
                            + "{ echo $$ > \\\"$CRATES_TEST_MARK\\\"; exec sleep 120; }\"]\n");
                    m.killChildAtMark();
                    m.again(m.options());
                }),
                row("tag already taken", m -> {
                    String old = ReleaseFixtures.git(m.ws, "rev-parse", "HEAD");
                    m.commitFile("NOTES.md", "after the old tag\n");
                    ReleaseFixtures.git(m.ws, "tag", "b1-v0.1.0", old);
                    m.first(m.options());
                    m.expect("git tag -d b1-v0.1.0", "names the stale tag");
                    ReleaseFixtures.git(m.ws, "tag", "-d", "b1-v0.1.0");
                    m.again(m.options());
                }),
                row("push rejected", m -> {
                    Path origin = m.origin();
                    Path hook = origin.resolve("hooks/pre-receive");
                    m.hook(hook, "echo 'tags are protected' >&2\nexit 1\n");
                    m.first(m.options());
                    m.expect("tags are protected", "the remote's words");
                    Files.delete(hook);
                    m.again(m.options());
                    m.expectPushed(origin);
                }),
                row("a post-publish action fails", m -> {
                    Path flag = m.tmp.resolve("flag");
                    m.appendSpec("post-publish:\n  - run: [\"test\", \"-f\", \"" + flag + "\"]\n");
                    m.first(m.options());
                    m.expect("post-publish action(s) failed", "the action's failure");
                    Files.writeString(flag, "");
                    m.again(m.options());
                }));
    }

    private static Arguments row(String name, Scenario s) {
        return Arguments.of(name, s);
    }

    private MatrixRow current;

    @AfterEach
    void close() {
        if (current != null) {
            current.close();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void row(String name, Scenario scenario, @org.junit.jupiter.api.io.TempDir Path tmp) throws Exception {
        current = new MatrixRow(name, tmp);
        MatrixRow m = current;
        long t0 = System.nanoTime();
        try {
            scenario.run(m);
            if (m.reRun == null) {
                m.again(m.options());
            }
            m.verify();
        } finally {
            TABLE.add(m.line((System.nanoTime() - t0) / 1_000_000));
        }
        assertTrue(m.problems.isEmpty(), name + ": " + m.problems + "\n" + m.log());
    }

    @AfterAll
    static void printTable() {
        System.out.println();
        System.out.println(MatrixRow.header());
        TABLE.forEach(System.out::println);
    }

    static Set<String> hashes(Path ws) throws Exception {
        Set<String> out = new HashSet<>();
        Path dir = ws.resolve("target/crates/packages");
        if (Files.isDirectory(dir)) {
            try (Stream<Path> s = Files.list(dir)) {
                for (Path f : s.filter(p -> p.toString().endsWith(".crate")).toList()) {
                    out.add(f.getFileName() + "=" + CrateArchive.sha256(Files.readAllBytes(f)));
                }
            }
        }
        return out;
    }

    static Path workspace(Path root) {
        StringBuilder deps = new StringBuilder("\n[workspace.dependencies]\n");
        CRATES.keySet().forEach(c -> deps.append(c).append(" = { path = \"crates/").append(c)
                .append("\", version = \"0.1.0\", registry = \"embedded\" }\n"));
        TestWorkspace ws = new TestWorkspace(root).workspace(deps.toString());
        CRATES.forEach((c, on) -> {
            StringBuilder body = new StringBuilder("publish = [\"embedded\"]\n\n[dependencies]\n");
            StringBuilder lib = new StringBuilder("pub fn v() -> u32 { 1");
            for (String d : on) {
                body.append(d).append(".workspace = true\n");
                lib.append(" + ").append(d).append("::v()");
            }
            ws.crate(c, "0.1.0", body.toString());
            ws.file("crates/" + c + "/src/lib.rs", lib + " }\n");
        });
        ws.file(".gitignore", "target/\n");
        return root;
    }

    static Map<String, String> newEnv(Path tmp, EmbeddedRegistry r) {
        return new HashMap<>(ReleaseFixtures.env(tmp, r, TOKEN));
    }

    static RegistryOptions registryOptions(Path dir, int port, Duration lag) {
        return RegistryOptions.defaults(dir).withToken(TOKEN, false).withPort(port).withIndexLag(lag);
    }

    static String outcome(ReleaseException e, Path tmp) {
        String m = e.getMessage() == null ? "" : e.getMessage().lines().findFirst().orElse("");
        m = m.replace(tmp.toString() + "/", "");
        return "stopped: " + (m.length() > 90 ? m.substring(0, 90) + "..." : m);
    }

    static PublishOptions.Builder defaults(Path ws) {
        return ReleaseFixtures.options(ws).retries(3).retryBackoff(Duration.ofMillis(200));
    }
}
