package io.github.cratesrelease.registry.embedded;

import io.github.cratesrelease.registry.RegistryNames;
import io.github.cratesrelease.output.Durations;
import io.github.cratesrelease.output.Reporter;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** Serves an embedded registry in the foreground (the crates:registry goal) until Ctrl-C or a time limit. */
public final class RegistryService {

    private final Reporter reporter;

    public RegistryService(Reporter reporter) {
        this.reporter = reporter;
    }

    /**
     * Starts the registry, prints how to use it, and blocks until the JVM is interrupted (Ctrl-C) or
     * {@code stopAfter} has passed (null = no limit).
     */
    public void serve(RegistryOptions options, String name, Duration stopAfter, boolean dryRun) {
        if (dryRun) {
            reporter.info("Dry run: would serve an embedded registry named '" + name + "' on 127.0.0.1:"
                    + (options.port() == 0 ? "<free port>" : options.port()) + " with storage " + options.directory()
                    + ", index lag " + Durations.human(options.indexLag()) + ", latency "
                    + Durations.human(options.latency()) + ", token " + (options.token() == null ? "none" : "set")
                    + (options.authRequired() ? " (auth-required)" : "") + ", faults "
                    + (options.faults().isEmpty() ? "none" : faults(options.faults()))
                    + (stopAfter == null ? "" : ", stopping after " + Durations.human(stopAfter)));
            return;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        try (EmbeddedRegistry registry = EmbeddedRegistry.start(options, reporter::info)) {
            Thread hook = new Thread(() -> {
                int stored = registry.published().size();
                registry.close();
                reporter.info("Stopped (interrupted); " + stored + " version(s) stored in " + options.directory());
                stopped.countDown();
            }, "embedded-registry-shutdown");
            Runtime.getRuntime().addShutdownHook(hook);
            usage(registry, name);
            boolean byTime;
            try {
                if (stopAfter == null) {
                    stopped.await();
                    byTime = false;
                } else {
                    byTime = !stopped.await(stopAfter.toMillis(), TimeUnit.MILLISECONDS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                byTime = false;
            }
            if (byTime) {
                Runtime.getRuntime().removeShutdownHook(hook);
                reporter.info("Stopped after " + Durations.human(stopAfter) + "; " + registry.published().size()
                        + " version(s) stored in " + options.directory());
            }
        }
    }

    /** Faults as -Dcrates.registry.faults takes them: 429:5s,503,reset,slow:3s. */
    static String faults(java.util.List<Fault> faults) {
        return faults.stream().map(f -> switch (f.kind()) {
            case TOO_MANY_REQUESTS -> "429:" + Durations.human(f.duration());
            case SERVER_ERROR -> "500";
            case UNAVAILABLE -> "503";
            case FORBIDDEN -> "403";
            case RESET -> "reset";
            case SLOW -> "slow:" + Durations.human(f.duration());
        }).collect(java.util.stream.Collectors.joining(","));
    }

    private void usage(EmbeddedRegistry registry, String name) {
        reporter.info("Add to .cargo/config.toml (of your workspace, or of an isolated CARGO_HOME):");
        registry.cargoConfigSnippet(name).lines().forEach(l -> reporter.info("    " + l));
        reporter.info("or set in the environment:");
        reporter.info("    " + RegistryNames.variable(name, "INDEX") + "="
                + registry.indexUrl());
        if (registry.options().token() != null) {
            reporter.info("    " + EmbeddedRegistry.tokenVariable(name) + "=<the token this registry was started with>");
        }
        reporter.info("Path dependencies on crates published here need registry = \"" + name + "\".");
        reporter.info("Serving " + registry.indexUrl() + " ; press Ctrl-C to stop.");
    }
}
