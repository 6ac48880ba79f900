package io.github.cratesrelease.bench;

import io.github.cratesrelease.bench.SyntheticWorkspace.Shape;
import io.github.cratesrelease.init.MavenJvmConfig;
import io.github.cratesrelease.publish.PublishFixtures;
import io.github.cratesrelease.registry.embedded.EmbeddedRegistry;
import io.github.cratesrelease.registry.embedded.RegistryOptions;
import io.github.cratesrelease.testing.Processes;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

/** What the cases share: the tools, a scratch directory, fresh copies of generated workspaces, registries, logs. */
final class Measures {

    final BenchTools tools;
    final Path base;
    final Path logs;
    final int runs;
    final Figure helpLoad = new Figure();
    /** Shared by every view of these measures: two scratch directories never get the same name. */
    private final AtomicInteger serial;

    Measures(BenchTools tools, Path base, Path logs, int runs) {
        this(tools, base, logs, runs, new AtomicInteger());
    }

    private Measures(BenchTools tools, Path base, Path logs, int runs, AtomicInteger serial) {
        this.tools = tools;
        this.base = base;
        this.logs = logs;
        this.runs = runs;
        this.serial = serial;
    }

    /** The same, with another number of runs per figure (sharing the scratch directory and help's figures). */
    Measures withRuns(int n) {
        Measures m = new Measures(tools, base, logs, n, serial);
        m.helpLoad.addAll(helpLoad);
        return m;
    }

    /**
     * A fresh scratch directory; it must not exist yet (a reused CARGO_HOME would serve cargo a cached crate of
     * another workspace published under the same name to a registry that got the same port).
     */
    Path scratch(String what) {
        Path p = base.resolve(what + "-" + serial.incrementAndGet());
        try {
            return Files.createDirectory(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Generates a workspace once, as a template to copy for each run. */
    Path template(Shape s) {
        long t0 = System.nanoTime();
        Path p = SyntheticWorkspace.generate(base.resolve("template-" + s.crates() + "-" + s.levels()), s,
                BenchTools.REGISTRY);
        System.out.printf("[bench] generated %s in %.1f s%n", s, (System.nanoTime() - t0) / 1e9);
        return p;
    }

    /** A fresh copy of a template, git history included (so every run starts from a clean, never built tree). */
    Path copy(Path template) {
        Path dest = scratch("ws");
        Processes.ok(base, "cp", "-a", template.toString() + "/.", dest.toString());
        return dest;
    }

    /**
     * A copy of a template with the {@code .mvn/jvm.config} crates:init writes into a workspace of this kind, committed
     * as a user would: mvn reads it in every run from that directory.
     */
    Path withInitJvmConfig(Path template) {
        Path dest = copy(template);
        MavenJvmConfig.Decision d = MavenJvmConfig.decide(dest);
        if (!d.write()) {
            throw new IllegalStateException("crates:init would not write " + d.file() + ": " + d.reason());
        }
        MavenJvmConfig.write(d);
        PublishFixtures.gitCommit(dest);
        return dest;
    }

    /** A fresh embedded registry with this index lag and per-response latency. */
    EmbeddedRegistry registry(Duration lag, Duration latency) {
        return EmbeddedRegistry.start(RegistryOptions.defaults(scratch("registry")).withToken(BenchTools.TOKEN, false)
                .withIndexLag(lag).withLatency(latency));
    }

    /** The environment for cargo and mvn: an isolated CARGO_HOME naming this registry (null: a dead address). */
    Map<String, String> env(EmbeddedRegistry registry) {
        return BenchTools.env(scratch("cargo-home"), registry, BenchTools.rustupHome());
    }

    /** One unmeasured {@code crates:help}: Maven resolves the plugin and its dependencies before anything counts. */
    void warmUp() {
        WholeProcess.ok(base, env(null), tools.goal("help"), false, null);
    }

    /**
     * {@code mvn crates:help}, {@code runs} times: Maven's and the plugin's start-up; {@link #helpLoad} gets the time
     * from the goal's header to its first line (the plugin's classes loaded, its descriptor read).
     */
    Figure help() {
        Figure f = new Figure();
        for (int i = 0; i < runs; i++) {
            WholeProcess.Run run = WholeProcess.ok(base, env(null), tools.goal("help"), false, null);
            f.add(run.millis());
            PublishTimeline.Stamped header = null;
            for (PublishTimeline.Stamped s : PublishTimeline.stamped(run)) {
                if (PublishTimeline.isGoalHeader(s.text())) {
                    header = s;
                } else if (header != null && !s.text().isBlank()) {
                    helpLoad.add(Duration.between(header.time(), s.time()).toMillis());
                    break;
                }
            }
        }
        System.out.println("[bench] mvn crates:help: " + f + ", goal header to first line " + helpLoad);
        return f;
    }

    /**
     * One {@code mvn crates:help}, timed: a case runs it between its own runs, so that its figures compare with the
     * start-up of the same minutes (this machine's speed drifts by half over an hour).
     */
    long helpOnce() {
        return helpOnce(base);
    }

    /** {@code mvn crates:help} once, run in {@code dir} (with the {@code .mvn/jvm.config} there, if any). */
    long helpOnce(Path dir) {
        return WholeProcess.ok(dir, env(null), tools.goal("help"), false, null).millis();
    }

    /** Keeps a run's output under target/bench/logs/{name}.log. */
    void keep(String name, WholeProcess.Run run) {
        try {
            Files.writeString(logs.resolve(name + ".log"), run.lines().stream().map(WholeProcess.Line::text)
                    .collect(Collectors.joining("\n", "", "\n")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void check(boolean ok, String what, WholeProcess.Run run) {
        if (!ok) {
            throw new IllegalStateException(what + "\n" + run.tail());
        }
    }

    /** {@code cargo args...} */
    static List<String> cargo(String... args) {
        List<String> l = new ArrayList<>(List.of("cargo"));
        l.addAll(List.of(args));
        return l;
    }
}
