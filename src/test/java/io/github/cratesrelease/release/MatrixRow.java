package io.github.cratesrelease.release;

import io.github.cratesrelease.diag.ReleaseException;
import io.github.cratesrelease.publish.PublishFixtures;
import io.github.cratesrelease.publish.PublishOptions;
import io.github.cratesrelease.registry.embedded.EmbeddedRegistry;
import io.github.cratesrelease.registry.embedded.RegistryStore;
import io.github.cratesrelease.testing.RecordingReporter;
import io.github.cratesrelease.testing.RegistryFront;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/** One row of {@link FaultMatrixTest}: its workspace, registry, environment, runs and what they showed. */
final class MatrixRow implements AutoCloseable {

    final String name;
    final Path tmp;
    final Path ws;
    final int port;
    EmbeddedRegistry registry;
    final Map<String, String> env;
    final List<String> problems = new ArrayList<>();
    final Set<String> cargoHashes = new HashSet<>();
    private final List<RecordingReporter> logs = new ArrayList<>();
    private RegistryFront proxy;
    String firstRun;
    String reRun;
    private Path mark;

    MatrixRow(String name, Path tmp) throws Exception {
        this.name = name;
        this.tmp = tmp;
        this.port = PublishFixtures.freePort();
        this.registry = EmbeddedRegistry.start(FaultMatrixTest.registryOptions(tmp.resolve("reg"), port,
                Duration.ZERO));
        this.ws = FaultMatrixTest.workspace(tmp.resolve("ws"));
        spec("strategy: index\ntimeout: 30s\ninterval: 100ms");
        ReleaseFixtures.commit(ws, "initial");
        this.env = FaultMatrixTest.newEnv(tmp, registry);
    }

    /** Rewrites the spec with this wait policy and commits it. */
    void spec(String wait) {
        try {
            Files.writeString(ws.resolve("release.yaml"), PublishFixtures.spec(wait));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        if (Files.isDirectory(ws.resolve(".git"))) {
            ReleaseFixtures.commit(ws, "spec");
        }
    }

    void appendSpec(String yaml) throws Exception {
        Path spec = ws.resolve("release.yaml");
        Files.writeString(spec, Files.readString(spec) + yaml);
        ReleaseFixtures.commit(ws, "spec");
    }

    void commitFile(String rel, String text) throws Exception {
        Files.writeString(ws.resolve(rel), text);
        ReleaseFixtures.commit(ws, "change " + rel);
    }

    PublishOptions.Builder options() {
        return FaultMatrixTest.defaults(ws);
    }

    /** The first run; its outcome (completed, or the first line of the message that stopped it). */
    void first(PublishOptions.Builder o) throws Exception {
        firstRun = run(o);
    }

    /** The re-run: the same command. */
    void again(PublishOptions.Builder o) throws Exception {
        reRun = run(o);
    }

    private String run(PublishOptions.Builder o) throws Exception {
        RecordingReporter log = new RecordingReporter();
        logs.add(log);
        try {
            ReleaseGoal.Result r = ReleaseFixtures.release(env, log, o.build());
            return "completed (" + r.publishedNow() + " uploaded)";
        } catch (ReleaseException e) {
            log.error("FAILED: " + e.fullMessage());
            return FaultMatrixTest.outcome(e, tmp);
        } finally {
            cargoHashes.addAll(FaultMatrixTest.hashes(ws));
        }
    }

    /** The last run's output contains {@code text}; else a problem {@code what}. */
    void expect(String text, String what) {
        String all = logs.isEmpty() ? "" : logs.get(logs.size() - 1).text();
        if (!all.contains(text)) {
            problems.add(what + ": no '" + text + "' in the output");
        }
    }

    String lastLog() {
        return logs.isEmpty() ? "" : logs.get(logs.size() - 1).text();
    }

    String log() {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < logs.size(); i++) {
            sb.append("---- run ").append(i + 1).append('\n').append(logs.get(i).text()).append('\n');
        }
        if (mark != null) {
            try {
                sb.append("---- child\n").append(Files.readString(tmp.resolve("child.log")));
            } catch (java.io.IOException ignored) {
                // no child
            }
        }
        return sb.toString();
    }

    /** Restarts the registry on the same port and storage (what it stored survives), with an index lag. */
    void restartRegistry(Duration lag) {
        requestsBefore += registry.publishRequests();
        registry.close();
        registry = EmbeddedRegistry.start(FaultMatrixTest.registryOptions(tmp.resolve("reg"), port, lag));
    }

    void restartRegistry() {
        restartRegistry(Duration.ZERO);
    }

    /** An HTTP front of the registry's index (a CDN) that can serve a broken index file; cargo and we read it. */
    RegistryFront proxy() throws Exception {
        proxy = RegistryFront.start(registry.apiUrl());
        env.put("CARGO_REGISTRIES_EMBEDDED_INDEX", "sparse+" + proxy.url());
        return proxy;
    }

    /** A bare repository {@code origin} the spec pushes the tags to. */
    Path origin() throws Exception {
        Path origin = tmp.resolve("origin.git");
        ReleaseFixtures.git(tmp, "init", "-q", "--bare", origin.toString());
        ReleaseFixtures.git(ws, "remote", "add", "origin", origin.toString());
        appendSpec("tags:\n  push: origin\n");
        return origin;
    }

    /**
     * A git hook; its {@code hold} (only with CRATES_TEST_MARK set, in the child) writes a sleeper's pid to the mark
     * file and waits for it, so the test can kill the release right there.
     */
    void hook(Path file, String body) throws Exception {
        Files.createDirectories(file.getParent());
        Files.writeString(file, "#!/bin/sh\nhold() {\n  [ -n \"$CRATES_TEST_MARK\" ] || return 0\n"
                + "  sleep 120 & echo $! > \"$CRATES_TEST_MARK\"; wait; exit 1\n}\n" + body);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    /** crates:release in a JVM of its own, with CRATES_TEST_MARK set for the hooks and actions. */
    Process child(Map<String, String> extra) throws Exception {
        mark = tmp.resolve("mark.pid");
        String java = ProcessHandle.current().info().command().orElse("java");
        ProcessBuilder pb = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                ReleaseMain.class.getName(), ws.resolve("release.yaml").toString()).redirectErrorStream(true)
                .redirectOutput(tmp.resolve("child.log").toFile());
        pb.environment().clear();
        pb.environment().putAll(env);
        pb.environment().putAll(extra);
        return pb.start();
    }

    /** Runs the release in a child until a hook or action holds at the mark, then SIGKILLs it (and the sleeper). */
    void killChildAtMark() throws Exception {
        Path m = tmp.resolve("mark.pid");
        Process child = child(Map.of("CRATES_TEST_MARK", m.toString()));
        long deadline = System.currentTimeMillis() + 120_000;
        while (!(Files.exists(m) && Files.size(m) > 0) && System.currentTimeMillis() < deadline && child.isAlive()) {
            Thread.sleep(20);
        }
        if (!Files.exists(m)) {
            child.waitFor(30, TimeUnit.SECONDS);
            firstRun = "did not reach the kill point: " + lastLine();
            problems.add(firstRun);
            return;
        }
        child.destroyForcibly();  // SIGKILL
        child.waitFor(10, TimeUnit.SECONDS);
        Thread.sleep(50);
        long sleeper = Long.parseLong(Files.readString(m).strip());
        ProcessHandle.of(sleeper).ifPresent(ProcessHandle::destroyForcibly);
        for (int i = 0; i < 100 && hasRefLocks(); i++) {
            Thread.sleep(50);  // git aborts the ref transaction once its hook ends
        }
        firstRun = "killed (SIGKILL) with " + registry.published().size() + " stored, " + tags().size() + " tag(s)";
    }

    /**
     * Runs the release in a child and SIGKILLs it with all its children (as a cancelled CI job or a killed process
     * group) once {@code when} holds.
     */
    void killChildWhen(String what, java.util.function.BooleanSupplier when) throws Exception {
        Process child = child(Map.of());
        long deadline = System.currentTimeMillis() + 120_000;
        while (!when.getAsBoolean() && child.isAlive() && System.currentTimeMillis() < deadline) {
            Thread.sleep(10);
        }
        if (!child.isAlive() || !when.getAsBoolean()) {
            child.destroyForcibly();
            firstRun = "did not reach the kill point (" + what + "): " + lastLine();
            problems.add(firstRun);
            return;
        }
        child.descendants().forEach(ProcessHandle::destroyForcibly);
        child.destroyForcibly();
        child.waitFor(10, TimeUnit.SECONDS);
        firstRun = "killed (SIGKILL) " + what + " with " + registry.published().size() + " stored";
    }

    private boolean hasRefLocks() throws Exception {
        try (var s = Files.walk(ws.resolve(".git/refs"))) {
            return s.anyMatch(p -> p.toString().endsWith(".lock"));
        } catch (java.io.UncheckedIOException vanished) {
            return true;  // a lock (or ref) went away while the walk read it: git is still at work, look again
        }
    }

    private String lastLine() {
        try {
            List<String> lines = Files.readAllLines(tmp.resolve("child.log"));
            return lines.isEmpty() ? "" : lines.get(lines.size() - 1);
        } catch (java.io.IOException e) {
            return "";
        }
    }

    void awaitUploads(int n, Process child) throws Exception {
        long deadline = System.currentTimeMillis() + 120_000;
        while (registry.publishRequests() < n && child.isAlive() && System.currentTimeMillis() < deadline) {
            Thread.sleep(20);
        }
        if (registry.publishRequests() < n) {
            problems.add("the other run uploaded nothing: " + lastLine());
        }
    }

    void awaitExit(Process child) throws Exception {
        if (!child.waitFor(120, TimeUnit.SECONDS)) {
            child.destroyForcibly();
            problems.add("the other run did not end");
        } else if (child.exitValue() != 0) {
            problems.add("the other run failed: " + lastLine());
        }
    }

    List<String> tags() {
        String out = ReleaseFixtures.git(ws, "tag", "--list");
        return out.isEmpty() ? List.of() : out.lines().sorted().toList();
    }

    void expectPushed(Path origin) {
        String remote = ReleaseFixtures.git(ws, "ls-remote", "--tags", "--refs", "origin");
        List<String> pushed = remote.lines().map(l -> l.substring(l.lastIndexOf('/') + 1)).sorted().toList();
        if (!pushed.equals(FaultMatrixTest.TAGS)) {
            problems.add("tags on origin: " + pushed);
        }
    }

    // ------------------------------------------------------------------ the invariants after the re-run

    boolean storedOnce;
    private int requestsBefore;
    private int requests;
    boolean checksumsOk;
    boolean tagsOk;

    void verify() {
        requests = requestsBefore + registry.publishRequests();
        List<RegistryStore.Entry> stored = registry.published();
        List<String> names = stored.stream().map(RegistryStore.Entry::name).sorted().toList();
        storedOnce = names.equals(List.copyOf(FaultMatrixTest.CRATES.keySet()));
        if (!storedOnce) {
            problems.add("stored: " + names);
        }
        checksumsOk = true;
        for (RegistryStore.Entry e : stored) {
            String cksum = (String) e.line().get("cksum");
            String file = e.name() + "-" + e.version() + ".crate";
            boolean bytes = cksum.equals(io.github.cratesrelease.publish.CrateArchive.sha256(
                    registry.crateFile(e.name(), e.version())));
            if (!bytes || !cargoHashes.contains(file + "=" + cksum)) {
                checksumsOk = false;
                problems.add(e.name() + ": stored with checksum " + cksum + ", not one cargo packaged here");
            }
        }
        List<String> tags = tags();
        tagsOk = tags.equals(FaultMatrixTest.TAGS);
        if (!tagsOk) {
            problems.add("tags " + tags + " for " + names);
        }
        if (reRun == null || !reRun.startsWith("completed")) {
            problems.add("the re-run did not complete: " + reRun);
        }
        if (firstRun != null && firstRun.startsWith("stopped: ") && firstRun.length() < 20) {
            problems.add("the first run stopped without a message");
        }
    }

    static String header() {
        return String.format(Locale.ROOT, "%-44s | %-70s | %-22s | %-22s | %-6s | %-5s | %s", "row", "first run",
                "re-run", "uploads", "cksum", "tags", "time");
    }

    String line(long ms) {
        String first = firstRun == null ? "-" : firstRun;
        return String.format(Locale.ROOT, "%-44s | %-70s | %-22s | %-22s | %-6s | %-5s | %.1fs%s", name,
                first.length() > 70 ? first.substring(0, 67) + "..." : first, reRun == null ? "-" : reRun,
                registry.published().size() + " stored " + (storedOnce ? "once" : "NOT once") + " (" + requests
                        + " req)", checksumsOk ? "ok" : "NO",
                tagsOk ? "ok" : "NO", ms / 1000.0, problems.isEmpty() ? "" : "  FAILED: " + problems.get(0));
    }

    @Override
    public void close() {
        if (proxy != null) {
            proxy.close();
        }
        registry.close();
    }
}
