package io.github.cratesrelease.release;

import io.github.cratesrelease.cargo.CargoConfig;
import io.github.cratesrelease.cargo.CargoWorkspace;
import io.github.cratesrelease.cargo.WorkspaceLoader;
import io.github.cratesrelease.diag.Diagnostic;
import io.github.cratesrelease.diag.Location;
import io.github.cratesrelease.diag.ReleaseException;
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
     */
    public record Options(boolean force, Path workspaceRoot) {
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
        String text = new SpecInitializer().render(ws, config, target.getParent());
        if (ctx.dryRun()) {
            ctx.out().info("Dry run: " + target + " would contain:");
            text.lines().forEach(ctx.out()::info);
            return null;
        }
        AtomicFiles.writeString(target, text);
        ctx.out().info("Wrote " + Location.of(target) + " with " + ws.members().size()
                + " crate(s); check it with 'mvn crates:validate'");
        return target;
    }
}
