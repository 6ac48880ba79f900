package io.github.cratesrelease.publish;

import io.github.cratesrelease.plan.PublishPlan;
import io.github.cratesrelease.publish.PublishResult.Status;
import io.github.cratesrelease.registry.embedded.EmbeddedRegistry;
import io.github.cratesrelease.run.Analysis;
import io.github.cratesrelease.run.Journal;
import io.github.cratesrelease.run.RunContext;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * The state the publish steps share (as maven-release's release descriptor): the analysis, the targets, the
 * crates with their journal records, and what went wrong. Built empty; each step fills in its part.
 */
public final class PublishRun implements AutoCloseable {

    /** The registry name cargo knows the rehearsal registry by. */
    public static final String REHEARSAL = "rehearsal";

    private static final ObjectMapper JSON = JsonMapper.builder().build();

    final RunContext ctx;
    final PublishOptions options;
    final long startMs;
    Analysis analysis;
    PublishPlan plan;
    /** Where the journal, report and packaged crates go: the output directory, or its rehearsal/ for a rehearsal. */
    Path runDir;
    EmbeddedRegistry rehearsal;
    Map<String, Target> targets = Map.of();
    /** Variables for the cargo children: index URLs of spec-only registries, the rehearsal registry. */
    final Map<String, String> cargoEnv = new HashMap<>();
    /** Where cargo runs: the workspace, or the rehearsal's copy of it. */
    Path workDir;
    Journal journal;
    final List<PublishItem> items = new ArrayList<>();
    RegistryAccess access;
    /** Why the run stopped (upload or integrity), or null. */
    String failure;
    Path report;
    PublishResult result;
    private final Map<Path, Path> targetDirs = new ConcurrentHashMap<>();

    PublishRun(RunContext ctx, PublishOptions options) {
        this.ctx = ctx;
        this.options = options;
        this.startMs = ctx.clock().millis();
    }

    public Journal journal() {
        return journal;
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

    Target target(PublishItem i) {
        return targets.get(i.registry());
    }

    long count(Status s) {
        return items.stream().filter(i -> i.status() == s).count();
    }

    boolean rehearse() {
        return options.rehearse();
    }

    /** Cargo's target directory for a workspace (asked once per run: CARGO_TARGET_DIR and config may move it). */
    Path targetDirectory(Path dir) {
        return targetDirs.computeIfAbsent(dir, d -> {
            var r = ctx.runner().run(d, Map.of(), List.of("cargo", "metadata", "--no-deps", "--format-version", "1",
                    "--offline"), null, null);
            if (r.ok()) {
                try {
                    String t = JSON.readTree(String.join("\n", r.stdout())).path("target_directory").asString(null);
                    if (t != null) {
                        return Path.of(t);
                    }
                } catch (RuntimeException ignored) {
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
