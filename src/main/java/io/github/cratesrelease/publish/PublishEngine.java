package io.github.cratesrelease.publish;

import io.github.cratesrelease.cargo.CargoConfig;
import io.github.cratesrelease.credentials.Secret;
import io.github.cratesrelease.credentials.TokenResolver;
import io.github.cratesrelease.diag.Diagnostic;
import io.github.cratesrelease.diag.Diagnostics;
import io.github.cratesrelease.diag.Location;
import io.github.cratesrelease.diag.ReleaseException;
import io.github.cratesrelease.git.GitRepo;
import io.github.cratesrelease.plan.PublishPlan;
import io.github.cratesrelease.plan.PublishPlan.PlannedCrate;
import io.github.cratesrelease.process.ProcessRunner;
import io.github.cratesrelease.publish.Journal.Entry;
import io.github.cratesrelease.publish.Journal.State;
import io.github.cratesrelease.publish.PublishResult.CrateOutcome;
import io.github.cratesrelease.publish.PublishResult.Status;
import io.github.cratesrelease.registry.client.RegistryClient;
import io.github.cratesrelease.registry.client.RegistryClient.IndexConfig;
import io.github.cratesrelease.registry.client.RegistryClient.IndexEntry;
import io.github.cratesrelease.registry.client.RegistryHttpException;
import io.github.cratesrelease.registry.embedded.EmbeddedRegistry;
import io.github.cratesrelease.registry.embedded.RegistryOptions;
import io.github.cratesrelease.spec.ReleaseSpec;
import io.github.cratesrelease.spec.ReleaseSpec.WaitPolicy;
import io.github.cratesrelease.workflow.Analysis;
import io.github.cratesrelease.workflow.ReleaseWorkflow;
import io.github.cratesrelease.workflow.Reporter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * crates:publish: package and verify every crate of the plan once, then upload the packaged crates wave by wave
 * (in parallel within a wave), waiting only as each registry's wait policy says, pacing to its rate limits,
 * retrying what a registry may recover from, and recording every step in a journal so a re-run resumes.
 */
public final class PublishEngine {

    /** The registry name cargo knows the rehearsal registry by. */
    public static final String REHEARSAL = "rehearsal";
    static final String CRATES_IO_SPARSE = "sparse+https://index.crates.io/";
    private static final ObjectMapper JSON = JsonMapper.builder().build();
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneId.systemDefault());

    private final Map<String, String> env;
    private final Reporter out;
    private final ProcessRunner runner;
    private final Masker masker = new Masker();

    public PublishEngine(Map<String, String> env, Reporter reporter, ProcessRunner runner) {
        this.env = env;
        this.runner = runner;
        this.out = masker.wrap(reporter);
    }

    public PublishEngine(Map<String, String> env, Reporter reporter) {
        this(env, reporter, new ProcessRunner(env));
    }

    /** A target registry as this run talks to it. */
    private record Target(String name, String cargoName, String index, String api, Secret token, WaitPolicy waitPolicy,
            boolean direct) {
    }

    /** A crate being released in this run. */
    private static final class Item {
        final PlannedCrate planned;
        final int wave;
        final Entry entry;
        CrateArchive archive;
        String metadata;
        boolean newCrate;
        Status status = Status.NOT_PUBLISHED;
        long waitMs;
        /** The checksum the index must show: ours, or the registry's for a crate published from another commit. */
        String expectedCksum;

        String expected() {
            return expectedCksum != null ? expectedCksum : archive.sha256();
        }

        Item(PlannedCrate planned, int wave, Entry entry) {
            this.planned = planned;
            this.wave = wave;
            this.entry = entry;
        }

        String label() {
            return planned.name() + " " + planned.version();
        }
    }

    /** A crate failed in a way a retry here would not fix. */
    private static final class CrateFailure extends RuntimeException {
        CrateFailure(String message) {
            super(message);
        }
    }

    public PublishResult publish(PublishRequest request) {
        Instant start = Instant.now();
        Analysis a = new ReleaseWorkflow(env, out).analyze(request.spec());
        for (Diagnostic d : a.diagnostics().sorted()) {
            if (d.severity() == io.github.cratesrelease.diag.Severity.WARNING) {
                out.warn(d.format());
            }
        }
        if (a.diagnostics().hasErrors()) {
            throw new ReleaseException("cannot publish: the release spec has " + a.diagnostics().errors().size()
                    + " error(s)", a.diagnostics());
        }
        PublishPlan plan = a.plan();
        Path outDir = request.resolvedOutputDirectory();
        Path runDir = request.rehearse() ? outDir.resolve("rehearsal") : outDir;
        String mode = request.rehearse() ? "Rehearsal" : request.dryRun() ? "Dry run" : "Release";
        out.info(mode + ": " + plan.crateCount() + " crate(s) in " + plan.waves().size() + " wave(s) from "
                + new Location(a.spec().file(), 0, 0) + (request.dryRun() ? " (package and verify only)" : ""));

        try (RegistryClient client = new RegistryClient(request.httpTimeout());
                EmbeddedRegistry rehearsal = request.rehearse() ? startRehearsal(runDir) : null) {
            Map<String, Target> targets = targets(a, request, rehearsal);
            safetyChecks(a, request, targets, outDir);
            Path workDir = a.workspace().root();
            Map<String, String> cargoEnv = new HashMap<>();
            for (Target t : targets.values()) {
                ReleaseSpec.RegistrySpec rs = a.spec().registries().get(t.name());
                if (!request.rehearse() && rs != null && rs.index() != null && !ReleaseSpec.CRATES_IO.equals(t.name())) {
                    cargoEnv.put(CargoConfig.registryVariable(t.name(), "INDEX"), rs.index());
                }
            }
            if (request.rehearse()) {
                workDir = RehearsalWorkspace.create(a.workspace(), a.releaseSet().released().values(), REHEARSAL,
                        runDir.resolve("workspace"), outDir);
                cargoEnv.put(CargoConfig.registryVariable(REHEARSAL, "INDEX"), rehearsal.indexUrl());
                out.info("Rehearsal workspace: " + workDir + " (path dependencies on released crates point at the "
                        + "rehearsal registry; your files are unchanged)");
            }
            Path journalFile = runDir.resolve("release-journal.json");
            if (request.rehearse()) {
                Files.deleteIfExists(journalFile);  // every rehearsal starts from a fresh registry
            }
            Journal journal = request.dryRun() ? null : Journal.open(journalFile, fingerprint(plan, targets, request));
            List<Item> items = new ArrayList<>();
            for (PublishPlan.Wave w : plan.waves()) {
                for (PlannedCrate pc : w.crates()) {
                    Entry e = journal == null ? new Entry(pc.name(), pc.version(), pc.registry(), w.number())
                            : journal.entry(pc.name(), pc.version(), pc.registry(), w.number());
                    items.add(new Item(pc, w.number(), e));
                }
            }
            if (journal != null && journal.resumed()) {
                out.info("Resuming the release recorded in " + journal.file() + ": "
                        + items.stream().filter(i -> i.entry.state != null).map(i -> i.planned.name() + " "
                                + i.entry.state.name().toLowerCase(Locale.ROOT)).collect(Collectors.joining(", ")));
            }
            packageAll(a, request, items, targets, workDir, cargoEnv, runDir, journal);
            for (Item i : items) {
                i.metadata = PublishMetadata.of(i.archive, indexForMetadata(targets.get(i.planned.registry())));
            }
            RateLimits limits = RateLimits.of(a.spec());
            if (request.dryRun()) {
                lookups(items, targets, client, true);
                printEstimate(limits, items, "If published now");
                List<CrateOutcome> outcomes = outcomes(items);
                PublishReport.table(outcomes).forEach(out::info);
                out.info("Dry run: " + items.size() + " crate(s) packaged" + (request.verify() ? " and verified" : "")
                        + "; nothing was uploaded");
                return new PublishResult(outcomes, Duration.between(start, Instant.now()), null, null,
                        request.rehearse(), true);
            }
            lookups(items, targets, client, false);
            printEstimate(limits, items, request.rehearse() ? "A real release would take" : "Rate limits");
            RateLimits.Pacer pacer = request.rehearse() ? null : limits.pacer();
            String failure = upload(request, items, targets, client, journal, pacer, workDir, cargoEnv);
            if (failure == null) {
                failure = verifyAll(items, targets, client, journal);
            }
            List<CrateOutcome> outcomes = outcomes(items);
            PublishReport.table(outcomes).forEach(out::info);
            Path report = PublishReport.write(runDir.resolve("publish-report.json"), outcomes,
                    Duration.between(start, Instant.now()), request.rehearse(), failure, masker);
            if (failure != null) {
                out.error("Journal: " + journal.file() + "; report: " + report);
                throw new ReleaseException(masker.mask(failure + resumeHint(request, items)), new Diagnostics());
            }
            if (request.rehearse() && request.consumerCheck()) {
                consumerCheck(items, runDir, cargoEnv, rehearsal);
            }
            out.info((request.rehearse() ? "Rehearsal" : "Release") + " done in "
                    + RateLimits.human(Duration.between(start, Instant.now())) + ": "
                    + count(items, Status.PUBLISHED) + " published, " + count(items, Status.SKIPPED)
                    + " already there. Report: " + report);
            if (rehearsal != null) {
                out.info("The rehearsal registry's data stays in " + runDir.resolve("registry")
                        + "; serve it again with: mvn crates:registry -Dcrates.registry.dir=" + runDir.resolve("registry"));
            }
            return new PublishResult(outcomes, Duration.between(start, Instant.now()), report, journal.file(),
                    request.rehearse(), false);
        } catch (IOException e) {
            throw new UncheckedIOException(masker.mask(e.getMessage()), e);
        }
    }

    private static long count(List<Item> items, Status s) {
        return items.stream().filter(i -> i.status == s).count();
    }

    // ---------------------------------------------------------------- targets and checks

    private EmbeddedRegistry startRehearsal(Path runDir) throws IOException {
        Path dir = runDir.resolve("registry");
        RehearsalWorkspace.deleteTree(dir);
        byte[] raw = new byte[24];
        new SecureRandom().nextBytes(raw);
        String token = "rehearsal-" + HexFormat.of().formatHex(raw);
        masker.add(token);
        EmbeddedRegistry r = EmbeddedRegistry.start(RegistryOptions.defaults(dir).withToken(token, false));
        out.info("Rehearsal registry (stands in for every target registry, with crates.io's upload rules): "
                + r.indexUrl());
        return r;
    }

    private Map<String, Target> targets(Analysis a, PublishRequest request, EmbeddedRegistry rehearsal) {
        Map<String, Target> targets = new LinkedHashMap<>();
        TokenResolver resolver = new TokenResolver(env, request.servers(), runner);
        Diagnostics problems = new Diagnostics();
        for (PlannedCrate pc : a.plan().crates()) {
            String name = pc.registry();
            if (targets.containsKey(name)) {
                continue;
            }
            WaitPolicy wait = a.spec().waitFor(name);
            if (request.rehearse()) {
                Secret token = new Secret(rehearsal.options().token(), "the rehearsal registry");
                targets.put(name, new Target(name, REHEARSAL, rehearsal.indexUrl(), rehearsal.apiUrl(), token, wait,
                        request.mode() != PublishRequest.Mode.CARGO));
                continue;
            }
            String index = indexOf(a, name);
            ReleaseSpec.RegistrySpec rs = a.spec().registries().get(name);
            Secret token = null;
            try {
                TokenResolver.Resolution res = resolver.resolve(name, index, rs == null ? null : rs.token());
                token = res.token();
                if (token == null && !request.dryRun()) {
                    Location at = rs != null && rs.location() != null ? rs.location() : a.spec().defaultRegistryLocation();
                    problems.error(at != null ? at : Location.of(a.spec().file()), "no publish token for registry `"
                            + name + "`; looked in: " + String.join(", ", res.looked()),
                            "export " + CargoConfig.tokenVariable(name) + ", or set registries." + name
                                    + ".token to {env: VAR}, {server: id} or {provider: ...} in the spec");
                }
            } catch (TokenResolver.CredentialException e) {
                problems.error(rs != null && rs.location() != null ? rs.location() : Location.of(a.spec().file()),
                        e.getMessage(), "fix the provider, or name the token with {env: VAR}");
            }
            if (token != null) {
                masker.add(token.reveal());
            }
            boolean sparse = index != null && RegistryClient.isSparse(index);
            boolean direct = switch (request.mode()) {
                case DIRECT -> true;
                case CARGO -> false;
                case AUTO -> sparse;
            };
            if (direct && !sparse) {
                problems.error(rs != null && rs.location() != null ? rs.location() : Location.of(a.spec().file()),
                        "direct upload to `" + name + "` needs its sparse index (sparse+https://...), found " + index,
                        "use -Dcrates.uploadMode=cargo for git-index registries");
            }
            targets.put(name, new Target(name, name, index, null, token, wait, direct));
        }
        if (problems.hasErrors()) {
            throw new ReleaseException("cannot publish: " + problems.errors().size() + " problem(s) with the target "
                    + "registries", problems);
        }
        return targets;
    }

    private static String indexOf(Analysis a, String registry) {
        ReleaseSpec.RegistrySpec rs = a.spec().registries().get(registry);
        if (rs != null && rs.index() != null) {
            return rs.index();
        }
        CargoConfig.Registry r = a.cargoConfig().registry(registry);
        if (r != null && r.index() != null) {
            return r.index();
        }
        return ReleaseSpec.CRATES_IO.equals(registry) ? CRATES_IO_SPARSE : null;
    }

    /** The index URL cargo compares dependency registries with: crates.io's is its git URL. */
    private static String indexForMetadata(Target t) {
        return ReleaseSpec.CRATES_IO.equals(t.cargoName()) ? PublishMetadata.CRATES_IO_INDEX : t.index();
    }

    private void safetyChecks(Analysis a, PublishRequest request, Map<String, Target> targets, Path outDir) {
        Path root = a.workspace().root();
        GitRepo git = new GitRepo(runner, root);
        if (!git.isRepository()) {
            out.warn("The workspace " + root + " is not in a git repository: the clean-tree check is skipped");
            return;
        }
        List<String> changes = changes(git, root, outDir);
        if (changes.isEmpty()) {
            return;
        }
        String list = changes.stream().limit(10).collect(Collectors.joining(", "))
                + (changes.size() > 10 ? " and " + (changes.size() - 10) + " more" : "");
        if (request.allowDirty() || request.rehearse() || request.dryRun()) {
            out.warn(changes.size() + " uncommitted change(s) in the workspace (" + list + ")"
                    + (request.allowDirty() ? "; publishing anyway (allowDirty)" : ""));
            return;
        }
        throw new ReleaseException(Diagnostic.error(Location.of(root.resolve("Cargo.toml")), changes.size()
                + " uncommitted change(s) in the workspace: " + list,
                "commit or stash them, or run with -Dcrates.allowDirty=true"));
    }

    private static String fingerprint(PublishPlan plan, Map<String, Target> targets, PublishRequest request) {
        StringBuilder sb = new StringBuilder(request.rehearse() ? "rehearsal;" : "release;");
        for (PlannedCrate pc : plan.crates()) {
            Target t = targets.get(pc.registry());
            sb.append(pc.name()).append('@').append(pc.version()).append("->").append(t == null ? "" : t.index())
                    .append(';');
        }
        return CrateArchive.sha256(sb.toString().getBytes(StandardCharsets.UTF_8)).substring(0, 16);
    }

    // ---------------------------------------------------------------- packaging

    private void packageAll(Analysis a, PublishRequest request, List<Item> items, Map<String, Target> targets,
            Path workDir, Map<String, String> cargoEnv, Path runDir, Journal journal) throws IOException {
        Path store = runDir.resolve("packages");
        List<Item> todo = new ArrayList<>();
        String commit = request.rehearse() || request.dryRun() ? null : cleanCommit(a.workspace().root(), runDir);
        boolean sameSources = journal != null && journal.resumed() && commit != null
                && commit.equals(journal.sourceCommit());
        if (journal != null && journal.resumed() && !sameSources) {
            out.info("The sources changed since the interrupted run (or are not committed): packaging again");
        }
        for (Item i : items) {
            Entry e = i.entry;
            if (sameSources && e.file != null && e.cksum != null
                    && Files.isRegularFile(Path.of(e.file))) {
                CrateArchive c = CrateArchive.read(Path.of(e.file));
                if (c.sha256().equals(e.cksum)) {
                    i.archive = c;
                    continue;
                }
            }
            todo.add(i);
        }
        if (todo.size() < items.size()) {
            out.info("Reusing " + (items.size() - todo.size()) + " crate(s) packaged by the interrupted run ("
                    + store + ")");
        }
        if (todo.isEmpty()) {
            return;
        }
        Path targetDir = targetDirectory(workDir);
        Map<String, List<Item>> byRegistry = todo.stream()
                .collect(Collectors.groupingBy(i -> targets.get(i.planned.registry()).cargoName(), LinkedHashMap::new,
                        Collectors.toList()));
        for (Map.Entry<String, List<Item>> g : byRegistry.entrySet()) {
            List<String> cmd = new ArrayList<>(List.of("cargo", "package", "--registry", g.getKey()));
            for (Item i : g.getValue()) {
                cmd.add("-p");
                cmd.add(i.planned.name());
            }
            if (!request.verify()) {
                cmd.add("--no-verify");
            }
            if (request.allowDirty() || request.rehearse() || request.dryRun()) {
                cmd.add("--allow-dirty");
            }
            out.info("Packaging" + (request.verify() ? " and verifying " : " ") + g.getValue().size()
                    + " crate(s) for `" + g.getKey() + "`: " + String.join(" ", cmd));
            long t0 = System.nanoTime();
            ProcessRunner.Result r = runner.run(workDir, cargoEnv, cmd, null, line -> out.info("  " + line));
            if (r.exit() != 0) {
                throw new ReleaseException(Diagnostic.error(Location.of(a.workspace().manifest()),
                        "cargo package failed (exit " + r.exit() + "); nothing was uploaded",
                        "fix the error cargo reports above, then run again" + (request.verify()
                                ? " (-Dcrates.verify=false skips the verification build)" : "")));
            }
            out.info("Packaged in " + RateLimits.human(Duration.ofNanos(System.nanoTime() - t0)));
        }
        Files.createDirectories(store);
        for (Item i : todo) {
            String fileName = i.planned.name() + "-" + i.planned.version() + ".crate";
            Path built = targetDir.resolve("package").resolve(fileName);
            if (!Files.isRegularFile(built)) {
                throw new IllegalStateException("cargo package did not produce " + built);
            }
            Path kept = store.resolve(fileName);
            Files.copy(built, kept, StandardCopyOption.REPLACE_EXISTING);
            i.archive = CrateArchive.read(kept);
            i.entry.file = kept.toString();
            i.entry.cksum = i.archive.sha256();
            if (journal != null) {
                journal.update(i.entry, i.entry.state != null && i.entry.state.mayBeUploaded() ? i.entry.state
                        : State.PACKAGED, null);
            }
        }
        if (journal != null) {
            journal.sourceCommit(commit);
        }
    }

    /** HEAD when the workspace has no uncommitted change (packages from it can be reused), else null. */
    private String cleanCommit(Path root, Path outDir) {
        GitRepo git = new GitRepo(runner, root);
        if (!git.isRepository()) {
            return null;
        }
        return changes(git, root, outDir).isEmpty() ? git.head() : null;
    }

    /** Uncommitted changes under the workspace root, build output and our output directory aside. */
    private static List<String> changes(GitRepo git, Path root, Path outDir) {
        List<String> ignored = new ArrayList<>(List.of("target/"));
        Path r = root.toAbsolutePath().normalize();
        if (outDir.startsWith(r)) {
            ignored.add(r.relativize(outDir) + "/");
        }
        return git.changes(ignored);
    }

    private final Map<Path, Path> targetDirs = new java.util.concurrent.ConcurrentHashMap<>();

    /** Cargo's target directory for a workspace (asked once per run: CARGO_TARGET_DIR and config may move it). */
    private Path targetDirectory(Path workDir) {
        return targetDirs.computeIfAbsent(workDir, this::askTargetDirectory);
    }

    private Path askTargetDirectory(Path workDir) {
        ProcessRunner.Result r = runner.run(workDir, Map.of(), List.of("cargo", "metadata", "--no-deps",
                "--format-version", "1", "--offline"), null, null);
        if (r.exit() == 0) {
            try {
                String dir = JSON.readTree(String.join("\n", r.stdout())).path("target_directory").asString(null);
                if (dir != null) {
                    return Path.of(dir);
                }
            } catch (RuntimeException ignored) {
                // fall back to the default
            }
        }
        return workDir.resolve("target");
    }

    // ---------------------------------------------------------------- lookups and estimate

    private void lookups(List<Item> items, Map<String, Target> targets, RegistryClient client, boolean dryRun) {
        List<Diagnostic> conflicts = java.util.Collections.synchronizedList(new ArrayList<>());
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(8, items.size())));
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (Item i : items) {
                futures.add(pool.submit(() -> lookup(i, targets, client, dryRun, conflicts)));
            }
            for (Future<?> f : futures) {
                try {
                    f.get();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted while looking up versions", e);
                } catch (java.util.concurrent.ExecutionException e) {
                    if (e.getCause() instanceof RuntimeException re) {
                        throw re;
                    }
                    throw new IllegalStateException(e.getCause());
                }
            }
        } finally {
            pool.shutdownNow();
        }
        if (!conflicts.isEmpty()) {
            Diagnostics d = new Diagnostics();
            conflicts.forEach(d::add);
            throw new ReleaseException("cannot publish: " + conflicts.size() + " version(s) already published with "
                    + "different content; nothing was uploaded", d);
        }
    }

    /** Looks one version up on its registry: skip it, note a conflict, or leave it to upload. */
    private void lookup(Item i, Map<String, Target> targets, RegistryClient client, boolean dryRun,
            List<Diagnostic> conflicts) {
        Target t = targets.get(i.planned.registry());
        if (dryRun && t.cargoName().equals(REHEARSAL)) {
            i.newCrate = true;
            return;
        }
        if (t.index() == null || !RegistryClient.isSparse(t.index())) {
            i.newCrate = false;
            return;
        }
        try {
            List<IndexEntry> lines = client.index(t.index(), i.planned.name(), readToken(t, client));
            i.newCrate = lines.isEmpty();
            IndexEntry found = lines.stream().filter(l -> sameVersion(l.version(), i.planned.version()))
                    .findFirst().orElse(null);
            String cksum = found == null ? null : found.cksum();
            if (found == null && i.entry.state != null && i.entry.state.mayBeUploaded() && api(t, client) != null) {
                cksum = client.apiChecksum(api(t, client), i.planned.name(), i.planned.version(), t.token());
                if (cksum != null) {
                    out.info(i.label() + ": uploaded by the interrupted run, not yet in the index");
                }
            }
            if (cksum == null) {
                return;
            }
            if (cksum.isEmpty() || cksum.equals(i.archive.sha256())) {
                boolean thisRelease = i.entry.state == State.UPLOADING || i.entry.state == State.UPLOADED;
                i.status = thisRelease ? Status.PUBLISHED : Status.SKIPPED;
                if (!dryRun && i.entry.state != State.UPLOADED && i.entry.state != State.VERIFIED) {
                    i.entry.state = i.status == Status.PUBLISHED ? State.UPLOADED : State.SKIPPED;
                }
                out.info((dryRun ? "Would skip " : "Skip ") + i.label() + ": already on `" + t.name()
                        + "` with the same checksum" + (i.status == Status.PUBLISHED ? " (uploaded by the "
                                + "interrupted run)" : ""));
            } else if (sameFiles(i, t, client, cksum)) {
                i.status = Status.SKIPPED;
                i.expectedCksum = cksum;
                if (!dryRun) {
                    i.entry.state = State.SKIPPED;
                }
                out.info((dryRun ? "Would skip " : "Skip ") + i.label() + ": already on `" + t.name()
                        + "` with the same files (packaged from another commit)");
            } else {
                conflicts.add(Diagnostic.error(Location.of(i.planned.manifest()), i.label() + " is already on `" + t.name() + "` with checksum " + cksum
                        + ", but the crate packaged now has other content (" + i.archive.sha256() + ")",
                        "a published version cannot change: bump the version (mvn crates:bump) and release again"));
            }
        } catch (IOException | RegistryHttpException e) {
            String msg = "cannot look up " + i.label() + " on `" + t.name() + "`: " + e.getMessage();
            if (dryRun) {
                out.warn(masker.mask(msg));
            } else {
                throw new ReleaseException(Diagnostic.error(Location.of(i.planned.manifest()), masker.mask(msg),
                        "check the registry's index URL and your network, then run again"));
            }
        }
    }

    /** Downloads the published crate and compares its files with ours (the commit id in vcs info aside). */
    private boolean sameFiles(Item i, Target t, RegistryClient client, String cksum) {
        try {
            byte[] published = client.download(t.index(), i.planned.name(), i.planned.version(), cksum, t.token());
            return CrateArchive.of(Path.of(i.planned.name() + "-" + i.planned.version() + ".crate"), published)
                    .sameFilesAs(i.archive);
        } catch (IOException | RegistryHttpException | UncheckedIOException e) {
            out.warn("cannot download the published " + i.label() + " to compare it: " + masker.mask(e.getMessage()));
            return false;
        }
    }

    private String api(Target t, RegistryClient client) {
        return t.api() != null ? t.api() : apiCache.computeIfAbsent(t.name(), n -> {
            try {
                IndexConfig c = client.config(t.index(), t.token());
                return c.api();
            } catch (IOException | RegistryHttpException e) {
                return null;
            }
        });
    }

    private final Map<String, String> apiCache = new java.util.concurrent.ConcurrentHashMap<>();
    private final Map<String, Boolean> authRequired = new java.util.concurrent.ConcurrentHashMap<>();

    /**
     * The token for index reads: only when the registry's config.json says {@code auth-required} (as cargo does), so a
     * publish token never goes to an index host (a CDN for crates.io) that does not ask for it.
     */
    private Secret readToken(Target t, RegistryClient client) {
        if (t.token() == null) {
            return null;
        }
        boolean required = authRequired.computeIfAbsent(t.name(), n -> {
            try {
                return client.config(t.index(), t.token()).authRequired();
            } catch (IOException | RegistryHttpException e) {
                return false;
            }
        });
        return required ? t.token() : null;
    }

    private static boolean sameVersion(String a, String b) {
        return a.split("\\+")[0].equals(b.split("\\+")[0]);
    }

    private void printEstimate(RateLimits limits, List<Item> items, String prefix) {
        List<RateLimits.Item> uploads = items.stream().filter(i -> i.status == Status.NOT_PUBLISHED)
                .map(i -> new RateLimits.Item(i.planned.name(), i.planned.version(), i.planned.registry(), i.newCrate))
                .toList();
        RateLimits.Estimate e = limits.estimate(uploads);
        long fresh = uploads.stream().filter(RateLimits.Item::newCrate).count();
        out.info(uploads.size() + " upload(s): " + fresh + " new crate(s), " + (uploads.size() - fresh)
                + " new version(s) of existing crates");
        if (e.delays().isEmpty()) {
            out.info(prefix + ": no crate waits for a registry rate limit");
            return;
        }
        out.info(prefix + ": at least " + RateLimits.human(e.total()) + " because of registry rate limits; "
                + e.delays().size() + " crate(s) wait:");
        for (RateLimits.Delay d : e.delays()) {
            out.info("  " + d.item().crate() + " " + d.item().version() + " at +" + RateLimits.human(d.at()) + " ("
                    + (d.item().newCrate() ? "new crates" : "new versions") + " limit of `" + d.item().registry() + "`)");
        }
    }

    // ---------------------------------------------------------------- upload

    private String upload(PublishRequest request, List<Item> items, Map<String, Target> targets,
            RegistryClient client, Journal journal, RateLimits.Pacer pacer, Path workDir, Map<String, String> cargoEnv) {
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, request.parallelism()), r -> {
            Thread t = new Thread(r, "crates-upload");
            t.setDaemon(true);
            return t;
        });
        long origin = System.currentTimeMillis();
        AtomicBoolean stop = new AtomicBoolean();
        try {
            int waves = items.stream().mapToInt(i -> i.wave).max().orElse(0);
            for (int w = 1; w <= waves; w++) {
                int wave = w;
                List<Item> inWave = items.stream().filter(i -> i.wave == wave).toList();
                List<Item> todo = inWave.stream().filter(i -> i.status == Status.NOT_PUBLISHED).toList();
                if (todo.isEmpty()) {
                    out.info("[wave " + wave + "] nothing to upload");
                    continue;
                }
                List<Future<?>> futures = new ArrayList<>();
                List<String> failures = java.util.Collections.synchronizedList(new ArrayList<>());
                for (Item i : todo) {
                    futures.add(pool.submit(() -> {
                        if (stop.get()) {
                            return;
                        }
                        try {
                            uploadOne(request, i, targets.get(i.planned.registry()), client, journal, pacer, origin,
                                    workDir, cargoEnv);
                        } catch (CrateFailure f) {
                            i.status = Status.FAILED;
                            journal.update(i.entry, State.FAILED, masker.mask(f.getMessage()));
                            failures.add(masker.mask(f.getMessage()));
                            out.error("[wave " + wave + "] " + i.label() + " FAILED: " + masker.mask(f.getMessage()));
                        }
                    }));
                }
                for (Future<?> f : futures) {
                    try {
                        f.get();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return "interrupted";
                    } catch (java.util.concurrent.ExecutionException e) {
                        failures.add(String.valueOf(e.getCause()));
                    }
                }
                if (!failures.isEmpty()) {
                    return "publishing stopped in wave " + wave + ": " + String.join("; ", failures);
                }
                long done = items.stream().filter(x -> x.status == Status.PUBLISHED || x.status == Status.SKIPPED)
                        .count();
                out.info("[wave " + wave + "] done: " + done + " of " + items.size() + " crate(s) published, "
                        + (items.size() - done) + " to go");
                if (wave < waves) {
                    String waitFailure = waitAfterWave(wave, inWave, targets, client);
                    if (waitFailure != null) {
                        return waitFailure;
                    }
                }
            }
            return null;
        } finally {
            pool.shutdownNow();
        }
    }

    private void uploadOne(PublishRequest request, Item i, Target t, RegistryClient client, Journal journal,
            RateLimits.Pacer pacer, long origin, Path workDir, Map<String, String> cargoEnv) {
        boolean ambiguous = i.entry.state != null && i.entry.state.mayBeUploaded();
        int failures = 0;
        int rateWaits = 0;
        Duration backoff = request.retryBackoff();
        while (true) {
            if (pacer != null) {
                long wait = pacer.reserve(t.name(), i.newCrate, System.currentTimeMillis() - origin);
                if (wait > 0) {
                    out.info("[wave " + i.wave + "] " + i.label() + ": waiting " + RateLimits.human(Duration.ofMillis(wait))
                            + " for the " + (i.newCrate ? "new-crates" : "new-versions") + " rate limit of `" + t.name()
                            + "` (until " + CLOCK.format(Instant.now().plusMillis(wait)) + ")");
                    sleepWithProgress(wait, i.label() + ": rate limit");
                    i.waitMs += wait;
                }
            }
            i.entry.attempts++;
            journal.update(i.entry, State.UPLOADING, null);
            long t0 = System.nanoTime();
            try {
                if (t.direct()) {
                    List<String> warnings = client.publish(api(t, client), t.token(),
                            i.metadata.getBytes(StandardCharsets.UTF_8), i.archive.bytes());
                    warnings.forEach(w -> out.warn(i.label() + ": registry warning: " + w));
                } else {
                    cargoPublish(i, t, workDir, cargoEnv);
                }
                long ms = (System.nanoTime() - t0) / 1_000_000;
                i.entry.uploadMs = ms;
                i.status = Status.PUBLISHED;
                journal.update(i.entry, State.UPLOADED, null);
                out.info("[wave " + i.wave + "] " + i.label() + " -> " + t.name()
                        + (t.cargoName().equals(REHEARSAL) ? " (rehearsal)" : "") + ": uploaded in " + ms + " ms, waited "
                        + String.format(Locale.ROOT, "%.1f s", i.waitMs / 1000.0)
                        + (i.entry.attempts > 1 ? " (attempt " + i.entry.attempts + ")" : ""));
                return;
            } catch (RegistryHttpException e) {
                if (e.isRateLimit()) {
                    Instant until = e.retryAfter() != null ? e.retryAfter() : Instant.now().plus(backoff);
                    long wait = Math.max(0, Duration.between(Instant.now(), until).toMillis());
                    out.warn("[wave " + i.wave + "] " + i.label() + ": `" + t.name() + "` says too many requests ("
                            + e.detail() + "); retrying at " + CLOCK.format(until) + " (in "
                            + RateLimits.human(Duration.ofMillis(wait)) + ")");
                    journal.update(i.entry, State.UPLOADING, "429 until " + until);
                    sleepWithProgress(wait, i.label() + ": registry rate limit");
                    i.waitMs += wait;
                    if (++rateWaits > 50) {
                        throw new CrateFailure("still rate limited after 50 waits: " + e.detail());
                    }
                    continue;
                }
                if (ambiguous && e.isAlreadyUploaded()) {
                    confirmEarlierUpload(i, t, client, journal, e.detail());
                    return;
                }
                if (e.isServerError()) {
                    ambiguous = true;
                    backoff = retryOrFail(i, ++failures, request.retries(), backoff, "HTTP " + e.status() + " "
                            + e.detail());
                    continue;
                }
                throw new CrateFailure("`" + t.name() + "` refused the upload (HTTP " + e.status() + "): " + e.detail());
            } catch (IOException e) {
                ambiguous = true;
                backoff = retryOrFail(i, ++failures, request.retries(), backoff, e.getClass().getSimpleName() + ": "
                        + e.getMessage());
            }
        }
    }

    private Duration retryOrFail(Item i, int failures, int retries, Duration backoff, String what) {
        if (failures > retries) {
            throw new CrateFailure("gave up after " + failures + " attempt(s): " + what);
        }
        out.warn("[wave " + i.wave + "] " + i.label() + ": " + what + "; retry " + failures + "/" + retries + " in "
                + RateLimits.human(backoff));
        sleep(backoff.toMillis());
        Duration next = backoff.multipliedBy(2);
        return next.compareTo(Duration.ofSeconds(60)) > 0 ? Duration.ofSeconds(60) : next;
    }

    /** An earlier attempt (or run) may have stored the crate: accept it only with our checksum. */
    private void confirmEarlierUpload(Item i, Target t, RegistryClient client, Journal journal, String detail) {
        String cksum = null;
        try {
            String api = api(t, client);
            cksum = api == null ? null : client.apiChecksum(api, i.planned.name(), i.planned.version(), t.token());
            if (cksum == null || cksum.isEmpty()) {
                IndexEntry e = client.find(t.index(), i.planned.name(), i.planned.version(), readToken(t, client));
                cksum = e == null ? cksum : e.cksum();
            }
        } catch (IOException | RegistryHttpException ignored) {
            // the final integrity check decides
        }
        if (cksum != null && !cksum.isEmpty() && !cksum.equals(i.archive.sha256())) {
            throw new CrateFailure("the registry holds " + i.label() + " with checksum " + cksum + ", not ours ("
                    + i.archive.sha256() + ")");
        }
        i.status = Status.PUBLISHED;
        journal.update(i.entry, State.UPLOADED, "stored by an earlier attempt (" + detail + ")");
        out.info("[wave " + i.wave + "] " + i.label() + " -> " + t.name()
                + ": already stored by an earlier attempt; not uploaded again");
    }

    private void cargoPublish(Item i, Target t, Path workDir, Map<String, String> cargoEnv) throws IOException,
            RegistryHttpException {
        Map<String, String> e = new HashMap<>(cargoEnv);
        if (t.token() != null) {
            e.put(CargoConfig.tokenVariable(t.cargoName()), t.token().reveal());
        }
        List<String> cmd = List.of("cargo", "publish", "--no-verify", "--allow-dirty", "-p", i.planned.name(),
                "--registry", t.cargoName());
        ProcessRunner.Result r = runner.run(workDir, e, cmd, null, line -> out.info("  [" + i.planned.name() + "] "
                + line));
        if (r.exit() == 0) {
            Path built = targetDirectory(workDir).resolve("package").resolve(i.planned.name() + "-"
                    + i.planned.version() + ".crate");
            if (Files.isRegularFile(built)) {
                CrateArchive c = CrateArchive.read(built);
                if (!c.sha256().equals(i.archive.sha256())) {
                    out.warn(i.label() + ": cargo re-packaged the crate with another checksum (" + c.sha256()
                            + "); the integrity check uses cargo's");
                    i.archive = c;
                    i.entry.cksum = c.sha256();
                }
            }
            return;
        }
        String text = masker.mask(String.join("\n", r.output()));
        String lower = text.toLowerCase(Locale.ROOT);
        String detail = r.tail(3);
        if (lower.contains("429") || lower.contains("too many requests")) {
            throw new RegistryHttpException(429, masker.mask(detail), null);
        }
        if (lower.contains("already exists") || lower.contains("already uploaded")) {
            throw new RegistryHttpException(400, masker.mask(detail), null);
        }
        if (lower.matches("(?s).*\\b50[0-9]\\b.*") || lower.contains("connection reset")
                || lower.contains("timed out")) {
            throw new RegistryHttpException(503, masker.mask(detail), null);
        }
        throw new CrateFailure("cargo publish failed (exit " + r.exit() + "): " + masker.mask(detail));
    }

    // ---------------------------------------------------------------- waits and integrity

    private String waitAfterWave(int wave, List<Item> inWave, Map<String, Target> targets, RegistryClient client) {
        Map<String, List<Item>> byRegistry = inWave.stream()
                .collect(Collectors.groupingBy(i -> i.planned.registry(), LinkedHashMap::new, Collectors.toList()));
        long fixed = 0;
        for (Map.Entry<String, List<Item>> g : byRegistry.entrySet()) {
            Target t = targets.get(g.getKey());
            switch (t.waitPolicy().strategy()) {
                case NONE -> {
                }
                case FIXED -> fixed = Math.max(fixed, t.waitPolicy().delay().toMillis());
                case INDEX -> {
                    if (t.index() == null || !RegistryClient.isSparse(t.index())) {
                        break;  // a git index: cargo publish waited for it already
                    }
                    for (Item i : g.getValue()) {
                        String f = awaitIndex(i, t, client, t.waitPolicy().timeout(), "[wave " + wave + "]");
                        if (f != null) {
                            return f;
                        }
                    }
                }
            }
        }
        if (fixed > 0) {
            out.info("[wave " + wave + "] waiting " + RateLimits.human(Duration.ofMillis(fixed))
                    + " (wait strategy 'fixed') before wave " + (wave + 1));
            sleepWithProgress(fixed, "fixed wait after wave " + wave);
            for (Item i : inWave) {
                i.waitMs += fixed;
            }
        }
        return null;
    }

    /** Polls the index until the version is visible; returns a failure message, or null once it is. */
    private String awaitIndex(Item i, Target t, RegistryClient client, Duration timeout, String prefix) {
        long start = System.currentTimeMillis();
        long interval = Math.max(100, t.waitPolicy().interval().toMillis());
        long lastNote = start;
        while (true) {
            try {
                IndexEntry e = client.find(t.index(), i.planned.name(), i.planned.version(), readToken(t, client));
                if (e != null) {
                    long waited = System.currentTimeMillis() - start;
                    i.waitMs += waited;
                    if (!e.cksum().equals(i.expected())) {
                        return "integrity check failed: the index of `" + t.name() + "` lists " + i.label()
                                + " with checksum " + e.cksum() + " but the crate we built has " + i.expected();
                    }
                    if (waited >= 1000) {
                        out.info(prefix + " " + i.label() + " visible in the index of `" + t.name() + "` after "
                                + RateLimits.human(Duration.ofMillis(waited)));
                    }
                    return null;
                }
            } catch (IOException | RegistryHttpException ex) {
                out.warn(prefix + " index lookup of " + i.label() + " failed: " + masker.mask(ex.getMessage())
                        + "; trying again");
            }
            long now = System.currentTimeMillis();
            if (now - start >= timeout.toMillis()) {
                return i.label() + " did not appear in the index of `" + t.name() + "` within "
                        + RateLimits.human(timeout) + " (the upload itself succeeded)";
            }
            if (now - lastNote >= 10_000) {
                out.info(prefix + " waiting for " + i.label() + " in the index of `" + t.name() + "`: "
                        + RateLimits.human(Duration.ofMillis(now - start)) + " so far (timeout "
                        + RateLimits.human(timeout) + ")");
                lastNote = now;
            }
            sleep(Math.min(interval, Math.max(1, timeout.toMillis() - (now - start))));
            if (now - start >= 10_000) {
                interval = Math.min(interval * 3 / 2, 30_000);  // steady for 10 s, then back off
            }
        }
    }

    /** After the last wave: every crate must be visible with the checksum of the crate we built. */
    private String verifyAll(List<Item> items, Map<String, Target> targets, RegistryClient client, Journal journal) {
        List<String> problems = new ArrayList<>();
        for (Item i : items) {
            if (i.status != Status.PUBLISHED && i.status != Status.SKIPPED) {
                continue;
            }
            Target t = targets.get(i.planned.registry());
            if (t.index() == null || !RegistryClient.isSparse(t.index())) {
                continue;
            }
            String f = awaitIndex(i, t, client, t.waitPolicy().timeout(), "[check]");
            if (f != null) {
                problems.add(f);
                journal.update(i.entry, State.FAILED, f);
            } else if (i.status == Status.PUBLISHED) {
                journal.update(i.entry, State.VERIFIED, null);
            }
        }
        if (problems.isEmpty()) {
            out.info("Integrity: every crate is in its index with the expected SHA-256");
            return null;
        }
        return String.join("; ", problems);
    }

    private void consumerCheck(List<Item> items, Path runDir, Map<String, String> cargoEnv, EmbeddedRegistry r)
            throws IOException {
        Path dir = runDir.resolve("consumer");
        Files.createDirectories(dir.resolve("src"));
        StringBuilder toml = new StringBuilder("""
                [package]
                name = "rehearsal-consumer"
                version = "0.0.0"
                edition = "2021"
                publish = false

                [workspace]

                [dependencies]
                """);
        for (Item i : items) {
            toml.append('"').append(i.planned.name()).append("\" = { version = \"=").append(i.planned.version())
                    .append("\", registry = \"").append(REHEARSAL).append("\" }\n");
        }
        Files.writeString(dir.resolve("Cargo.toml"), toml);
        Files.writeString(dir.resolve("src/main.rs"), "fn main() {}\n");
        Files.deleteIfExists(dir.resolve("Cargo.lock"));
        out.info("Consumer check: a scratch crate depending on all " + items.size()
                + " published crate(s) resolves and builds them from the rehearsal registry");
        ProcessRunner.Result res = runner.run(dir, cargoEnv, List.of("cargo", "check", "--quiet"), null,
                line -> out.info("  " + line));
        if (res.exit() != 0) {
            throw new ReleaseException(Diagnostic.error(Location.of(dir.resolve("Cargo.toml")),
                    "the published crates do not build from the rehearsal registry (cargo check exit " + res.exit()
                            + ")", "see cargo's output above; a real release would publish crates that do not build"));
        }
        out.info("Consumer check passed: " + dir);
    }

    // ---------------------------------------------------------------- output

    private static List<CrateOutcome> outcomes(List<Item> items) {
        List<CrateOutcome> o = new ArrayList<>();
        for (Item i : items) {
            Status s = i.status == Status.NOT_PUBLISHED && i.archive != null && i.entry.state == null
                    ? Status.PACKAGED : i.status;
            o.add(new CrateOutcome(i.wave, i.planned.name(), i.planned.version(), i.planned.registry(), s,
                    i.archive == null ? null : i.expected(), i.entry.uploadMs, i.waitMs, i.entry.attempts,
                    i.entry.detail));
        }
        return o;
    }

    private String resumeHint(PublishRequest request, List<Item> items) {
        String done = items.stream().filter(i -> i.status == Status.PUBLISHED || i.status == Status.SKIPPED)
                .map(Item::label).collect(Collectors.joining(", "));
        String notDone = items.stream().filter(i -> i.status != Status.PUBLISHED && i.status != Status.SKIPPED)
                .map(Item::label).collect(Collectors.joining(", "));
        return "\n  published: " + (done.isEmpty() ? "none" : done)
                + "\n  not published: " + (notDone.isEmpty() ? "none" : notDone)
                + "\n  resume with the same command: mvn crates:publish -Dcrates.spec=" + request.spec()
                + (request.rehearse() ? " -Dcrates.rehearse" : "")
                + " (published crates are skipped, nothing is uploaded twice)";
    }

    private void sleepWithProgress(long ms, String what) {
        long end = System.currentTimeMillis() + ms;
        long step = 30_000;
        while (true) {
            long left = end - System.currentTimeMillis();
            if (left <= 0) {
                return;
            }
            sleep(Math.min(step, left));
            left = end - System.currentTimeMillis();
            if (left > 0) {
                out.info("  " + what + ": " + RateLimits.human(Duration.ofMillis(left)) + " left");
            }
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CrateFailure("interrupted");
        }
    }
}
