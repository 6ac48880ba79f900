package io.github.cratesrelease.maven;

import io.github.cratesrelease.release.InitGoal;
import io.github.cratesrelease.run.RunContext;
import io.github.cratesrelease.cargo.WorkspaceRoot;
import java.io.File;
import java.nio.file.Path;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Writes a starter release spec for an existing workspace: every member, registries inferred from
 * {@code package.publish} and {@code .cargo/config.toml}, {@code order: auto}. Refuses to overwrite without
 * {@code -Dcrates.force}; a dry run prints the spec instead.
 */
@Mojo(name = "init", requiresProject = false, threadSafe = true)
public class InitMojo extends AbstractCratesMojo {

    /** Overwrite an existing spec. */
    @Parameter(property = "crates.force", defaultValue = "false")
    private boolean force;

    /** The Cargo workspace root. Default: the spec's directory. */
    @Parameter(property = "crates.workspace")
    private File workspace;

    /**
     * Write {@code .mvn/jvm.config} next to the spec with {@code -XX:TieredStopAtLevel=1} (the JVM's quick compiler
     * alone: crates goals are short runs), when there is no pom.xml there and no {@code .mvn} there or above; an
     * existing jvm.config is never changed.
     */
    @Parameter(property = "crates.jvmConfig", defaultValue = "true")
    private boolean jvmConfig;

    /**
     * Run from a crate's directory, init writes the spec at the root of the workspace that crate belongs to (found
     * as cargo finds it), unless a spec above already exists.
     */
    @Override
    protected Path defaultSpec(Path dir) {
        Path found = findSpec(dir);
        return java.nio.file.Files.isRegularFile(found) ? found : WorkspaceRoot.of(dir).resolve("release.yaml");
    }

    @Override
    protected void doExecute(RunContext ctx) {
        InitGoal.init(ctx, new InitGoal.Options(force, workspace == null ? null
                : baseDirectory().resolve(workspace.toPath()), jvmConfig));
    }
}
