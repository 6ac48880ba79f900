package io.github.cratesrelease.release;

import io.github.cratesrelease.cargo.CargoConfig;
import io.github.cratesrelease.cargo.CargoWorkspace;
import io.github.cratesrelease.cargo.WorkspaceLoader;
import io.github.cratesrelease.diag.Diagnostic;
import io.github.cratesrelease.diag.Location;
import io.github.cratesrelease.diag.ReleaseException;
import io.github.cratesrelease.init.MavenJvmConfig;
import io.github.cratesrelease.init.SpecInitializer;
import io.github.cratesrelease.io.AtomicFiles;
import io.github.cratesrelease.run.RunContext;
import java.nio.file.Files;
import java.nio.file.Path;

/** crates:init — writes a starter spec for the workspace at the context's spec path. */
public final class InitGoal {

    /**
     * @param force         overwrite an existing spec
     * @param workspaceRoot the Cargo workspace root; null = the spec's directory
     * @param jvmConfig     write {@code .mvn/jvm.config} next to the spec where it changes nothing else
     *                      ({@link MavenJvmConfig})
     */
    public record Options(boolean force, Path workspaceRoot, boolean jvmConfig) {
    }

    private InitGoal() {
    }

    /** Writes the spec (or, on a dry run, prints it); returns the file written, or null on a dry run. */
    public static Path init(RunContext ctx, Options options) {
        Path target = ctx.spec();
        Path root = (options.workspaceRoot() == null ? target.getParent() : options.workspaceRoot())
                .toAbsolutePath().normalize();
        if (Files.exists(target) && !options.force() && !ctx.dryRun()) {
            throw new ReleaseException(Diagnostic.error(Location.of(target), "the spec already exists",
                    "run with -Dcrates.force=true to overwrite it, or -Dcrates.spec=<other file>"));
        }
        CargoWorkspace ws = new WorkspaceLoader().load(root);
        CargoConfig config = CargoConfig.load(root, ctx.env());
        SpecInitializer.Result spec = new SpecInitializer().initialize(ws, config, target.getParent());
        if (ctx.dryRun()) {
            ctx.out().info("Dry run: " + target + " would contain:");
            spec.text().lines().forEach(ctx.out()::info);
        } else {
            AtomicFiles.writeString(target, spec.text());
            ctx.out().info("Wrote " + Location.of(target) + " with " + ws.members().size() + " crate(s)"
                    + (spec.defects().isEmpty() ? "; check it with 'mvn crates:validate'" : ""));
        }
        if (!spec.unreleased().isEmpty()) {
            ctx.out().info(spec.unreleased().size() + " member(s) that say nothing about publishing are listed as "
                    + "publish: false (never released; the comment on each says why): "
                    + String.join(", ", spec.unreleased().keySet()));
        }
        spec.notes().forEach(n -> ctx.out().warn("Changelog: " + n));
        for (String d : spec.defects()) {
            ctx.out().warn("Only you can fix this (the spec does not validate until then): " + d);
        }
        if (options.jvmConfig()) {
            jvmConfig(ctx, target.getParent());
        }
        return ctx.dryRun() ? null : target;
    }

    /** The JVM options of the Maven runs of this workspace: written where they change nothing else, else a tip. */
    private static void jvmConfig(RunContext ctx, Path dir) {
        MavenJvmConfig.Decision d = MavenJvmConfig.decide(dir);
        String why = "crates goals are short runs, 0.3-1 s faster with the JVM's quick compiler alone";
        if (d.write() && ctx.dryRun()) {
            ctx.out().info("Dry run: " + d.file() + " would contain " + MavenJvmConfig.OPTIONS + " (" + why + ")");
        } else if (d.write()) {
            MavenJvmConfig.write(d);
            ctx.out().info("Wrote " + d.file() + " with " + MavenJvmConfig.OPTIONS + ": " + why + " (delete it to run "
                    + "Maven with the JVM's defaults; -Dcrates.jvmConfig=false writes none)");
        } else if (d.reason() != null) {
            ctx.out().info("Tip: " + why + ": add " + MavenJvmConfig.OPTIONS + " to MAVEN_OPTS or .mvn/jvm.config; "
                    + "not written to " + d.file() + " because " + d.reason());
        }
    }
}
