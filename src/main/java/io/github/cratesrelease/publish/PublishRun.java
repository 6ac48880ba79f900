package io.github.cratesrelease.publish;

import io.github.cratesrelease.credentials.TokenVariables;
import io.github.cratesrelease.diag.Diagnostics;
import io.github.cratesrelease.io.JsonValue;
import io.github.cratesrelease.io.Tasks;
import io.github.cratesrelease.plan.PublishPlan;
import io.github.cratesrelease.publish.PublishResult.Status;
import io.github.cratesrelease.registry.embedded.EmbeddedRegistry;
import io.github.cratesrelease.run.Analysis;
import io.github.cratesrelease.run.Journal;
import io.github.cratesrelease.run.RunContext;
import io.github.cratesrelease.registry.client.RegistryHttpException;
import io.github.cratesrelease.semver.Version;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The state the publish steps share (as maven-release's release descriptor): the analysis, the targets, the
 * crates with their journal records, and what went wrong. Built empty; each step fills in its part.
 */
public final class PublishRun implements AutoCloseable {

    /** The registry name cargo knows the rehearsal registry by. */
    public static final String REHEARSAL = "rehearsal";

    final RunContext ctx;
    final PublishOptions options;
    final long startMs;
    Analysis analysis;
    PublishPlan plan;
    /** Where the journal, report and packaged crates go: the output directory, or its rehearsal/ for a rehearsal. */
    Path runDir;
    EmbeddedRegistry rehearsal;
    Map<String, Target> targets = Map.of();
    /** Variables for the cargo children: index URLs of spec-only registries, the rehearsal registry; no token. */
    final Map<String, String> cargoEnv = new HashMap<>();
    /** The token checks, answered while cargo packages (see {@link TokenCheck}). */
    CompletableFuture<TokenCheck.Outcome> tokenCheck = CompletableFuture.completedFuture(TokenCheck.Outcome.NONE);
    /** Where cargo runs: the workspace, or the rehearsal's copy of it. */
    Path workDir;
    Journal journal;
    final List<PublishItem> items = new ArrayList<>();
    RegistryAccess access;
    /** What each crate's registry said, asked while cargo packages (see {@link VersionLookup#askAhead}). */
    CompletableFuture<Map<PublishItem, VersionLookup.Answer>> askedAhead;
    /** Why the run stopped (upload or integrity), or null. */
    String failure;
    /** What to do about {@link #failure} when it is not "run the same command" (an index wait timed out), or null. */
    String failureHint;
    Path report;
    PublishResult result;
    private final Map<Path, Path> targetDirs = new ConcurrentHashMap<>();
    private CargoLog cargoLog;
    private CleanTree.State tree;
    private CompletableFuture<CleanTree.State> treeAhead;

    public PublishRun(RunContext ctx, PublishOptions options) {
        this.ctx = ctx;
        this.options = options;
        this.startMs = ctx.clock().millis();
    }

    public Journal journal() {
        return journal;
    }

    public RunContext ctx() {
        return ctx;
    }

    public PublishOptions options() {
        return options;
    }

    public Analysis analysis() {
        return analysis;
    }

    public PublishPlan plan() {
        return plan;
    }

    /** Where the journal, report and packaged crates go. */
    public Path runDir() {
        return runDir;
    }

    /** Where cargo runs: the workspace or the rehearsal's copy. */
    public Path workDir() {
        return workDir;
    }

    /** The rehearsal registry, or null. */
    public EmbeddedRegistry rehearsal() {
        return rehearsal;
    }

    public boolean rehearsing() {
        return options.rehearse();
    }

    public Map<String, Target> targets() {
        return targets;
    }

    /** Variables for cargo children (index URLs of spec-only registries, the rehearsal registry). */
    public Map<String, String> cargoEnv() {
        return Map.copyOf(cargoEnv);
    }

    /**
     * Variables for a cargo child that reads the index of {@code cargoName}: {@link #cargoEnv()}, and that one
     * registry's token when its index cannot be read without it ({@code auth-required}).
     */
    public Map<String, String> cargoEnv(String cargoName) {
        Map<String, String> e = new HashMap<>(cargoEnv);
        for (Target t : targets.values()) {
            // a feed that needs the token even to read its index: cargo reads it, so it gets that one token
            if (t.cargoName().equals(cargoName) && !rehearsing() && t.sparse() && access != null
                    && access.readToken(t) != null) {
                e.putAll(TokenVariables.forCargo(t.cargoName(), t.token()));
            }
        }
        return e;
    }

    /**
     * Why a target's config.json could not be read (an {@code IOException} or a {@code RegistryHttpException}), or
     * null when it was: the one answer the token check, the read token and the API URL share (asked now if not yet).
     */
    public Exception configFailure(Target t) {
        return Tasks.join(access.configAhead(t)).failure();
    }

    /**
     * The token checks' findings for a pre-flight that reports every problem at once: waits for them, prints their
     * warnings and adds a refused token as an error (nothing is packaged yet). Packaging then does not repeat them.
     */
    public void tokenFindings(Diagnostics into) {
        TokenCheck.Outcome o = Tasks.join(tokenCheck);
        tokenCheck = CompletableFuture.completedFuture(TokenCheck.Outcome.NONE);
        o.warnings().forEach(ctx.out()::warn);
        if (o.refused()) {
            into.addAll(o.failure("nothing was packaged").diagnostics());
        }
    }

    /** Why the publish stopped, or null. */
    public String failure() {
        return failure;
    }

    public Path report() {
        return report;
    }

    public long startMillis() {
        return startMs;
    }

    /**
     * Every crate of the release visible in its index with the checksum built here, each within {@code timeout};
     * returns what failed, or null.
     */
    public String verifyIndex(Duration timeout) {
        return new IndexWaiter(this).verifyAll(timeout);
    }

    /**
     * Whether {@code crate} {@code version} is in the index of {@code registry} (read with the token only where the
     * registry requires it); null when that cannot be told (no sparse index, an error).
     */
    public Boolean published(String registry, String crate, String version) {
        Target t = targets.get(registry);
        if (t == null || !t.sparse() || access == null) {
            return null;
        }
        try {
            return access.find(t, crate, version) != null;
        } catch (IOException | RegistryHttpException e) {
            return null;
        }
    }

    /** The newest version of {@code crate} on its registry below {@code version}, or null. */
    public String previousVersion(PublishItem i) {
        Target t = target(i);
        if (t == null || !t.sparse() || access == null) {
            return null;
        }
        try {
            Version current = Version.parse(i.version());
            return access.index(t, i.name()).stream().filter(e -> !e.yanked())
                    .map(e -> Version.parse(e.version()))
                    .filter(v -> v.comparePrecedence(current) < 0).max(Comparable::compareTo).map(Object::toString)
                    .orElse(null);
        } catch (IOException | RegistryHttpException
                | RuntimeException e) {
            return null;
        }
    }

    /** The API base URL of a target registry (config.json), or null when it cannot be read. */
    public String apiOf(Target t) {
        return access == null ? t.api() : access.api(t);
    }

    public List<PublishItem> items() {
        return items;
    }

    public PublishResult result() {
        return result;
    }

    /** The published-or-skipped crates, for the steps after a publish (tags, actions). */
    public List<PublishItem> done() {
        return items.stream().filter(PublishItem::done).toList();
    }

    public Target target(PublishItem i) {
        return targets.get(i.registry());
    }

    public long count(Status s) {
        return items.stream().filter(i -> i.status() == s).count();
    }

    boolean rehearse() {
        return options.rehearse();
    }

    /**
     * Starts reading the git state of the analysis's workspace on a thread of its own (two git processes) as soon as
     * the workspace is read, while reconciliation and plan go on; {@link #tree()} waits for it.
     */
    synchronized void readTreeAhead(Path root) {
        if (tree == null && treeAhead == null) {
            treeAhead = Tasks.background("crates-git-state", () -> CleanTree.read(ctx, root));
        }
    }

    /** The workspace's git state, read once: the clean-tree check and the packaging both need it. */
    synchronized CleanTree.State tree() {
        if (tree == null) {
            tree = treeAhead != null ? Tasks.join(treeAhead) : CleanTree.read(ctx, analysis.workspace().root());
        }
        return tree;
    }

    /** Where cargo's output goes: {@code cargo.log} in the run directory, one per run. */
    synchronized CargoLog cargoLog() {
        if (cargoLog == null) {
            cargoLog = new CargoLog(ctx, (runDir == null ? ctx.outputDirectory() : runDir).resolve("cargo.log"));
        }
        return cargoLog;
    }

    /** Cargo's target directory for a workspace (asked once per run: CARGO_TARGET_DIR and config may move it). */
    Path targetDirectory(Path dir) {
        return targetDirs.computeIfAbsent(dir, d -> {
            var r = cargoLog().run(d, cargoEnv(), List.of("cargo", "metadata", "--no-deps", "--format-version", "1",
                    "--offline"), "", true);
            if (r.ok()) {
                try {
                    String t = JsonValue.parse(String.join("\n", r.stdout())).path("target_directory").text(null);
                    if (t != null) {
                        return Path.of(t);
                    }
                } catch (JsonValue.Malformed | RuntimeException ignored) {
                    // fall back to the default
                }
            }
            return d.resolve("target");
        });
    }

    @Override
    public void close() {
        if (rehearsal != null) {
            rehearsal.close();
        }
    }
}
