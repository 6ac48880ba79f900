package io.github.cratesrelease.testing;

import io.github.cratesrelease.output.Reporter;
import io.github.cratesrelease.run.RunContext;
import java.nio.file.Path;
import java.util.Map;

/** Run contexts for tests that call a goal directly. */
public final class Contexts {

    private Contexts() {
    }

    public static RunContext of(Map<String, String> env, Reporter out, Path spec) {
        return of(env, out, spec, false);
    }

    public static RunContext of(Map<String, String> env, Reporter out, Path spec, boolean dryRun) {
        return RunContext.builder(env, out).spec(spec).dryRun(dryRun).build();
    }
}
