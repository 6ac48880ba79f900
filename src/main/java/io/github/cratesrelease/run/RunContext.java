package io.github.cratesrelease.run;

import io.github.cratesrelease.cargo.CargoWorkspace;
import io.github.cratesrelease.credentials.TokenVariables;
import io.github.cratesrelease.git.GitRepo;
import io.github.cratesrelease.io.Clock;
import io.github.cratesrelease.io.Tasks;
import io.github.cratesrelease.output.Masker;
import io.github.cratesrelease.output.Reporter;
import io.github.cratesrelease.process.ProcessRunner;
import io.github.cratesrelease.registry.client.RegistryClient;
import io.github.cratesrelease.spec.ReleaseSpec;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.function.BiConsumer;

/**
 * Everything one goal run shares, built once per goal: the analysis of the spec (read on first use), the
 * environment, a reporter that masks every secret the run has learnt (whichever step learnt it), the process
 * runner, git, the registry client, the clock, the dry-run flag, the output directory and how the goal was invoked.
 */
public final class RunContext implements AutoCloseable {

    private final Map<String, String> env;
    private final Masker masker;
    private final Reporter out;
    private final ProcessRunner runner;
    private final Clock clock;
    private final boolean dryRun;
    private final Path spec;
    private final Path outputDirectory;
    private final Invocation invocation;
    private final Duration httpTimeout;
    private final String sharedWithin;
    private Analysis analysis;
    private ReleaseSpec withheldFor;
    private RegistryClient client;
    private final Object clientLock = new Object();

    private RunContext(Builder b) {
        this.env = b.env;
        this.masker = new Masker();
        this.out = masker.wrap(b.reporter);
        this.runner = b.runner != null ? b.runner : new ProcessRunner(b.env);
        TokenVariables.withholdCargoTokens(runner);  // children start without token variables (see analysis())
        this.clock = b.clock;
        this.dryRun = b.dryRun;
        this.spec = b.spec == null ? null : b.spec.toAbsolutePath().normalize();
        this.outputDirectory = outputDirectory(this.spec, b.outputDirectory);
        this.invocation = b.invocation != null ? b.invocation : Invocation.of("?", this.spec);
        this.httpTimeout = b.httpTimeout;
        this.sharedWithin = b.sharedWithin;
        if (sharedWithin == null) {
            SharedAnalysis.forget();  // this goal may change files: the next goal reads them again
        }
    }

    /**
     * The one rule for the output directory: the given one, else {@code target/crates} next to the spec (or in the
     * working directory when there is no spec).
     */
    public static Path outputDirectory(Path spec, Path given) {
        if (given != null) {
            return given.toAbsolutePath().normalize();
        }
        Path base = spec == null ? Path.of("").toAbsolutePath() : spec.toAbsolutePath().normalize().getParent();
        return base.resolve("target").resolve("crates");
    }

    /**
     * A context for another spec in the same run (crates:redist publishes each source through a spec it generates):
     * the same environment, runner, clock, dry run, command and timeout; its output goes through this context's
     * masking reporter and its own, so secrets of either never show.
     */
    public RunContext forSpec(Path otherSpec, Path otherOutput) {
        return builder(env, out).runner(runner).clock(clock).dryRun(dryRun).spec(otherSpec)
                .outputDirectory(otherOutput).invocation(invocation).httpTimeout(httpTimeout).build();
    }

    public static Builder builder(Map<String, String> env, Reporter reporter) {
        return new Builder(env, reporter);
    }

    /** The spec read with its workspace (once per run); throws when the spec cannot be read. */
    public Analysis analysis() {
        return analysis((read, ws) -> { });
    }

    /**
     * As {@link #analysis()}; {@code whenRead} gets the spec and the workspace model as soon as they are read, while
     * reconciliation and plan go on (or at once, when the analysis was made before), for work that needs only them.
     */
    public synchronized Analysis analysis(BiConsumer<ReleaseSpec, CargoWorkspace> whenRead) {
        if (analysis != null) {
            whenRead.accept(analysis.spec(), analysis.workspace());
            return analysis;
        }
        long start = System.nanoTime();
        Objects.requireNonNull(spec, "this goal has no spec");
        analysis = sharedWithin == null ? null : SharedAnalysis.find(sharedWithin, spec, env);
        boolean shared = analysis != null;
        if (shared) {
            withholdTokensOf(analysis.spec());
            whenRead.accept(analysis.spec(), analysis.workspace());
        } else {
            Analyzer analyzer = new Analyzer(env);
            List<CompletableFuture<List<SharedAnalysis.Stamp>>> stamped = new ArrayList<>(1);
            analyzer.whenWorkspaceRead((read, ws) -> {
                withholdTokensOf(read);  // before any child starts: work on the workspace may start one
                if (sharedWithin != null) {  // its files are stamped while the analysis goes on with them
                    stamped.add(SharedAnalysis.stampAhead(spec, env, ws));
                }
                whenRead.accept(read, ws);
            });
            analysis = analyzer.analyze(spec);
            if (sharedWithin != null) {
                SharedAnalysis.keep(sharedWithin, spec, env, analysis, stamped.isEmpty() ? null : stamped.get(0));
            }
            withholdTokensOf(analysis.spec());
        }
        out.debug("analysis (spec, " + analysis.workspace().members().size() + " manifests, plan): "
                + (System.nanoTime() - start) / 1_000_000 + " ms" + (shared
                        ? ", the one an earlier goal of this Maven run made (no file of it changed since)" : ""));
        return analysis;
    }

    /** Children start without the variables a spec names as secrets: as soon as it is read, once for each spec read. */
    private void withholdTokensOf(ReleaseSpec read) {
        if (read != null && withheldFor != read) {
            TokenVariables.withhold(runner, read);
            withheldFor = read;
        }
    }

    /**
     * The real environment, where the plugin reads tokens from. Children never start from it: the runner withholds
     * every token variable (cargo's, and those the spec names) and gives one only to the child that needs it.
     */
    public Map<String, String> env() {
        return env;
    }

    /** The reporter every step writes to; known secrets are masked in every line. */
    public Reporter out() {
        return out;
    }

    /** The secrets this run knows; add every token as soon as it is resolved. */
    public Masker masker() {
        return masker;
    }

    public ProcessRunner runner() {
        return runner;
    }

    public GitRepo git(Path dir) {
        return new GitRepo(runner, dir);
    }

    /** The HTTP client for registries (one per run, closed with the context). */
    public RegistryClient registryClient() {
        synchronized (clientLock) {
            if (client == null) {
                client = new RegistryClient(httpTimeout);
            }
            return client;
        }
    }

    /**
     * Builds the registry client on a thread of its own while the caller goes on (loading the HTTP and JSON
     * libraries takes a few hundred milliseconds in a fresh JVM), for a goal that reads the spec and its workspace
     * first and talks to registries after.
     */
    public void prepareRegistryClient() {
        Tasks.background("crates-http-client", this::registryClient);
    }

    /**
     * Sets the registry client's TLS up on a thread of its own (the JDK's trusted certificates read and parsed: about
     * 130 ms of CPU in a fresh JVM), for a goal that will talk to a registry over https; a goal that talks only to
     * registries over http never pays it.
     */
    public void prepareTls() {
        Tasks.background("crates-tls", () -> {
            registryClient().prepareTls();
            return null;
        });
    }

    public Clock clock() {
        return clock;
    }

    public boolean dryRun() {
        return dryRun;
    }

    /** The spec file (absolute), or null for a goal without one. */
    public Path spec() {
        return spec;
    }

    public Path outputDirectory() {
        return outputDirectory;
    }

    public Invocation invocation() {
        return invocation;
    }

    @Override
    public synchronized void close() {
        if (client != null) {
            client.close();
            client = null;
        }
    }

    public static final class Builder {
        private final Map<String, String> env;
        private final Reporter reporter;
        private ProcessRunner runner;
        private Clock clock = Clock.SYSTEM;
        private boolean dryRun;
        private Path spec;
        private Path outputDirectory;
        private Invocation invocation;
        private Duration httpTimeout = Duration.ofSeconds(60);
        private String sharedWithin;

        private Builder(Map<String, String> env, Reporter reporter) {
            this.env = Collections.unmodifiableMap(new HashMap<>(env));
            this.reporter = reporter;
        }

        public Builder runner(ProcessRunner r) {
            this.runner = r;
            return this;
        }

        public Builder clock(Clock c) {
            this.clock = c;
            return this;
        }

        public Builder dryRun(boolean d) {
            this.dryRun = d;
            return this;
        }

        public Builder spec(Path s) {
            this.spec = s;
            return this;
        }

        public Builder outputDirectory(Path d) {
            this.outputDirectory = d;
            return this;
        }

        public Builder invocation(Invocation i) {
            this.invocation = i;
            return this;
        }

        public Builder httpTimeout(Duration t) {
            this.httpTimeout = t;
            return this;
        }

        /**
         * For a goal that only reads: its analysis is the one an earlier such goal of the same Maven run ({@code
         * run}, an identity of that run) made, when none of the files it was made from changed since, and it keeps
         * its own for the next. Without it, a goal forgets any kept analysis.
         */
        public Builder shareAnalysisWithin(String run) {
            this.sharedWithin = run;
            return this;
        }

        public RunContext build() {
            return new RunContext(this);
        }
    }
}
