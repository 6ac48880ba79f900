package io.github.cratesrelease.publish;

import io.github.cratesrelease.diag.Diagnostic;
import io.github.cratesrelease.diag.Diagnostics;
import io.github.cratesrelease.diag.Location;
import io.github.cratesrelease.diag.ReleaseException;
import io.github.cratesrelease.output.Durations;
import io.github.cratesrelease.plan.PublishPlan;
import io.github.cratesrelease.plan.PublishPlan.PlannedCrate;
import io.github.cratesrelease.publish.PublishResult.CrateOutcome;
import io.github.cratesrelease.publish.PublishResult.Status;
import io.github.cratesrelease.run.Analyzer;
import io.github.cratesrelease.run.Findings;
import io.github.cratesrelease.run.Journal;
import io.github.cratesrelease.run.RunContext;
import io.github.cratesrelease.run.Step;
import io.github.cratesrelease.run.Step.Action;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The publish goal as data: validate → targets → clean tree → prepare → package → lookup → upload → verify → report
 * → consumer check → summary. Each step is one job done by one class of this package; on a dry run each is
 * simulated (package and verify only, lookups read-only, nothing uploaded).
 */
public final class PublishSteps {

    private PublishSteps() {
    }

    /** The spec and the workspace (crates:release checks the changelogs in a step of its own). */
    public static final Step<PublishRun> VALIDATE = Step.of("validate", (c, r) -> validate(c, r, false),
            (c, r) -> validate(c, r, false));
    /** As crates:validate: the spec and the workspace, and the changelogs' findings as warnings. */
    private static final Step<PublishRun> VALIDATE_WITH_CHANGELOG = Step.of("validate", (c, r) -> validate(c, r, true),
            (c, r) -> validate(c, r, true));
    public static final Step<PublishRun> TARGETS = Step.of("targets", PublishSteps::targets, PublishSteps::targets);
    public static final Step<PublishRun> CLEAN_TREE = Step.of("clean-tree", PublishSteps::cleanTree,
            PublishSteps::cleanTree);
    public static final Step<PublishRun> PREPARE = Step.of("prepare", PublishSteps::prepare, PublishSteps::prepare);
    public static final Step<PublishRun> PACKAGE = Step.of("package", PublishSteps::packageCrates,
            PublishSteps::packageCrates);
    public static final Step<PublishRun> LOOKUP = Step.of("lookup", PublishSteps::lookup, PublishSteps::lookup);
    public static final Step<PublishRun> UPLOAD = Step.of("upload", PublishSteps::upload, Action.none());
    public static final Step<PublishRun> VERIFY = Step.of("verify", PublishSteps::verify, Action.none());
    public static final Step<PublishRun> REPORT = Step.of("report", PublishSteps::report, PublishSteps::dryRunReport);
    public static final Step<PublishRun> CONSUMER_CHECK = Step.of("consumer-check", PublishSteps::consumerCheck,
            Action.none());
    public static final Step<PublishRun> SUMMARY = Step.of("summary", PublishSteps::summary, Action.none());

    /** Every step of crates:publish, in order. */
    public static final List<Step<PublishRun>> ALL = List.of(VALIDATE_WITH_CHANGELOG, TARGETS, CLEAN_TREE, PREPARE,
            PACKAGE, LOOKUP, UPLOAD, VERIFY, REPORT, CONSUMER_CHECK, SUMMARY);

    private static void validate(RunContext ctx, PublishRun run, boolean changelogs) {
        ctx.prepareRegistryClient();
        run.analysis = ctx.analysis((spec, ws) -> {
            run.readTreeAhead(ws.root());
            if (!run.rehearse() && TargetResolver.mayNeedTls(spec, ctx.env())) {
                ctx.prepareTls();  // while the analysis goes on: the token checks and lookups start after it
            }
        });
        Diagnostics d = new Diagnostics();
        d.addAll(run.analysis.diagnostics());
        if (changelogs) {
            for (Diagnostic c : Analyzer.changelogFindings(run.analysis, false).all()) {
                d.add(Diagnostic.warning(c.location(), "changelog: " + c.message(), c.hint()));
            }
        }
        Findings.report(ctx.out(), d);
        if (d.hasErrors()) {
            throw new ReleaseException("cannot publish: the release spec has " + d.errors().size() + " error(s)", d);
        }
        run.plan = run.analysis.plan();
        run.runDir = run.rehearse() ? ctx.outputDirectory().resolve("rehearsal") : ctx.outputDirectory();
        String mode = run.rehearse() ? "Rehearsal" : ctx.dryRun() ? "Dry run"
                : "tag".equals(ctx.invocation().goal()) ? "Tagging" : "Release";
        ctx.out().info(mode + ": " + run.plan.crateCount() + " crate(s) in " + run.plan.waves().size()
                + " wave(s) from " + Location.of(run.analysis.spec().file())
                + (ctx.dryRun() ? " (package and verify only)" : ""));
    }

    private static void targets(RunContext ctx, PublishRun run) {
        if (run.rehearse()) {
            run.rehearsal = Rehearsal.start(ctx, run.runDir);
        }
        run.targets = TargetResolver.resolve(ctx, run.analysis, run.options, run.rehearsal);
        run.access = new RegistryAccess(ctx::registryClient);  // the token checks wait for it, not this step
        run.tokenCheck = TokenCheck.start(run.analysis, run.targets, run.access, ctx.masker(), run.rehearse());
    }

    private static void cleanTree(RunContext ctx, PublishRun run) {
        CleanTree.check(ctx, run.tree(), run.analysis.workspace().root(), run.options.allowDirty(), run.rehearse());
    }

    private static void prepare(RunContext ctx, PublishRun run) {
        run.cargoEnv.putAll(TargetResolver.cargoEnv(run.analysis, run.targets, run.rehearsal));
        run.workDir = run.rehearse() ? Rehearsal.workspace(run) : run.analysis.workspace().root();
        Path journalFile = run.runDir.resolve("release-journal.json");
        if (ctx.dryRun()) {
            run.journal = Journal.inMemory(ctx.clock());
        } else {
            if (run.rehearse()) {
                deleteIfExists(journalFile);  // every rehearsal starts from a fresh registry
            }
            run.journal = Journal.open(journalFile, fingerprint(run), ctx.clock());
            if (run.journal.unreadableWarning() != null) {
                ctx.out().warn(run.journal.unreadableWarning());
            }
        }
        for (PublishPlan.Wave w : run.plan.waves()) {
            for (PlannedCrate pc : w.crates()) {
                run.items.add(new PublishItem(pc, w.number(), run.journal.entry(pc.name(), pc.version(),
                        pc.registry(), w.number())));
            }
        }
        List<String> unknown = run.options.crates().stream()
                .filter(n -> run.items.stream().noneMatch(i -> i.name().equals(n))).toList();
        if (!unknown.isEmpty()) {
            throw new ReleaseException(Diagnostic.error(Location.of(run.analysis.spec().file()), "-Dcrates.crates names "
                    + String.join(", ", unknown) + ", not crate(s) of the plan", "choose among: " + run.items.stream()
                            .map(PublishItem::name).collect(Collectors.joining(", "))));
        }
        if (run.journal.resumed()) {
            ctx.out().info("Resuming the release recorded in " + run.journal.file() + ": " + run.items.stream()
                    .filter(i -> i.entry().state() != null)
                    .map(i -> i.name() + " " + i.entry().state().name().toLowerCase(Locale.ROOT))
                    .collect(Collectors.joining(", ")));
        }
    }

    private static void packageCrates(RunContext ctx, PublishRun run) {
        run.askedAhead = VersionLookup.askAhead(run);  // the registries answer while cargo packages
        TokenCheck.during(run.tokenCheck, run, () -> Packager.packageAll(run));  // so do the token checks
        for (PublishItem i : run.items) {
            i.metadata(PublishMetadata.of(i.archive(), run.target(i).indexForMetadata()));
        }
    }

    private static void lookup(RunContext ctx, PublishRun run) {
        VersionLookup.lookupAll(run);
        List<RateLimits.Item> uploads = run.items.stream().filter(i -> i.status() == Status.NOT_PUBLISHED)
                .map(i -> new RateLimits.Item(i.name(), i.version(), i.registry(), i.newCrate())).toList();
        long fresh = uploads.stream().filter(RateLimits.Item::newCrate).count();
        ctx.out().info(uploads.size() + " upload(s): " + fresh + " new crate(s), " + (uploads.size() - fresh)
                + " new version(s) of existing crates");
        String prefix = ctx.dryRun() ? "If published now" : run.rehearse() ? "A real release would take"
                : "Rate limits";
        RateLimits.of(run.analysis.spec()).describe(uploads, prefix, true).forEach(ctx.out()::info);
    }

    private static void upload(RunContext ctx, PublishRun run) {
        RateLimits.Pacer pacer = run.rehearse() ? null : RateLimits.of(run.analysis.spec()).pacer();
        run.failure = new WaveUploader(run, pacer, new IndexWaiter(run)).uploadAll();
    }

    private static void verify(RunContext ctx, PublishRun run) {
        if (run.failure == null) {
            run.failure = new IndexWaiter(run).verifyAll();
            if (run.failure != null && run.failure.contains("did not appear in the index")) {
                run.failure += "; " + WaitHint.of(run, run.items.stream().filter(i -> i.done()).toList());
            }
        }
    }

    private static void report(RunContext ctx, PublishRun run) {
        List<CrateOutcome> outcomes = PublishReport.outcomes(run.items, ctx.dryRun());
        PublishReport.table(outcomes).forEach(ctx.out()::info);
        run.report = PublishReport.write(run.runDir.resolve("publish-report.json"), outcomes, elapsed(run),
                ctx.clock().now(), run.rehearse(), run.failure, ctx.masker());
        run.result = new PublishResult(outcomes, elapsed(run), run.report, run.journal.file(), run.rehearse(), false);
        if (run.failure != null) {
            ctx.out().error("Journal: " + run.journal.file() + "; report: " + run.report);
            throw new ReleaseException(ctx.masker().mask(run.failure
                    + PublishReport.resumeHint(run.items, ctx.invocation(), run.failureHint)), new Diagnostics());
        }
    }

    private static void dryRunReport(RunContext ctx, PublishRun run) {
        List<CrateOutcome> outcomes = PublishReport.outcomes(run.items, ctx.dryRun());
        PublishReport.table(outcomes).forEach(ctx.out()::info);
        ctx.out().info("Dry run: " + run.items.size() + " crate(s) packaged" + (run.options.verify() ? " and verified"
                : "") + "; nothing was uploaded");
        run.result = new PublishResult(outcomes, elapsed(run), null, null, run.rehearse(), true);
    }

    private static void consumerCheck(RunContext ctx, PublishRun run) {
        if (run.rehearse() && run.options.consumerCheck()) {
            Rehearsal.consumerCheck(run);
        }
    }

    private static void summary(RunContext ctx, PublishRun run) {
        ctx.out().info((run.rehearse() ? "Rehearsal" : "Release") + " done in " + Durations.human(elapsed(run)) + ": "
                + run.count(Status.PUBLISHED) + " published, " + run.count(Status.SKIPPED) + " already there"
                + (run.count(Status.CONFLICT) > 0 ? ", " + run.count(Status.CONFLICT) + " changed without a version "
                        + "bump (left out)" : "")
                + (run.count(Status.NOT_SELECTED) > 0 ? ", " + run.count(Status.NOT_SELECTED) + " not selected" : "")
                + ". Report: " + run.report);
        run.journal.finish();
        if (run.rehearsal != null) {
            Path data = run.runDir.resolve("registry");
            ctx.out().info("The rehearsal registry's data stays in " + data
                    + "; serve it again with: " + ctx.invocation().other("registry", "-Dcrates.registry.dir=" + data));
        }
        run.result = new PublishResult(run.result.crates(), elapsed(run), run.report, run.journal.file(),
                run.rehearse(), false);
    }

    private static Duration elapsed(PublishRun run) {
        return Duration.ofMillis(run.ctx.clock().since(run.startMs));
    }

    /** Which plan the journal belongs to: the crates, versions and target indexes, rehearsal or not. */
    private static String fingerprint(PublishRun run) {
        StringBuilder sb = new StringBuilder(run.rehearse() ? "rehearsal;" : "release;");
        for (PlannedCrate pc : run.plan.crates()) {
            Target t = run.targets.get(pc.registry());
            sb.append(pc.name()).append('@').append(pc.version()).append("->").append(t == null ? "" : t.index())
                    .append(';');
        }
        return CrateArchive.sha256(sb.toString().getBytes(StandardCharsets.UTF_8)).substring(0, 16);
    }

    private static void deleteIfExists(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove " + file, e);
        }
    }
}
