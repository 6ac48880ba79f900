package io.github.cratesrelease.publish;

import io.github.cratesrelease.diag.Diagnostic;
import io.github.cratesrelease.diag.Location;
import io.github.cratesrelease.diag.ReleaseException;
import io.github.cratesrelease.io.FileTrees;
import io.github.cratesrelease.process.ProcessRunner;
import io.github.cratesrelease.registry.embedded.EmbeddedRegistry;
import io.github.cratesrelease.registry.embedded.RegistryOptions;
import io.github.cratesrelease.run.RunContext;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;

/**
 * The rehearsal: a fresh embedded registry standing in for every target registry (with crates.io's upload rules
 * and a throwaway token), a copy of the workspace pointed at it, and afterwards a scratch crate that must build
 * against everything published.
 */
final class Rehearsal {

    private Rehearsal() {
    }

    /** Starts a fresh registry whose data lives in {@code runDir/registry}; its token is masked in all output. */
    static EmbeddedRegistry start(RunContext ctx, Path runDir) {
        Path dir = runDir.resolve("registry");
        try {
            FileTrees.delete(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot clear the rehearsal registry in " + dir, e);
        }
        byte[] raw = new byte[24];
        new SecureRandom().nextBytes(raw);
        String token = "rehearsal-" + HexFormat.of().formatHex(raw);
        ctx.masker().add(token);
        EmbeddedRegistry r = EmbeddedRegistry.start(RegistryOptions.defaults(dir).withToken(token, false));
        ctx.out().info("Rehearsal registry (stands in for every target registry, with crates.io's upload rules): "
                + r.indexUrl());
        return r;
    }

    /** The workspace copy cargo packages and publishes from during a rehearsal. */
    static Path workspace(PublishRun run) {
        Path dir = RehearsalWorkspace.create(run.analysis.workspace(), run.analysis.releaseSet().released().values(),
                PublishRun.REHEARSAL, run.runDir.resolve("workspace"), run.ctx.outputDirectory());
        run.ctx.out().info("Rehearsal workspace: " + dir + " (path dependencies on released crates point at the "
                + "rehearsal registry; your files are unchanged)");
        return dir;
    }

    /** A scratch crate depending on every published crate resolves and builds them from the rehearsal registry. */
    static void consumerCheck(PublishRun run) {
        Path dir = run.runDir.resolve("consumer");
        StringBuilder toml = new StringBuilder("""
                [package]
                name = "rehearsal-consumer"
                version = "0.0.0"
                edition = "2021"
                publish = false

                [workspace]

                [dependencies]
                """);
        for (PublishItem i : run.items) {
            toml.append('"').append(i.name()).append("\" = { version = \"=").append(i.version())
                    .append("\", registry = \"").append(PublishRun.REHEARSAL).append("\" }\n");
        }
        try {
            Files.createDirectories(dir.resolve("src"));
            Files.writeString(dir.resolve("Cargo.toml"), toml);
            Files.writeString(dir.resolve("src/main.rs"), "fn main() {}\n");
            Files.deleteIfExists(dir.resolve("Cargo.lock"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the consumer crate in " + dir, e);
        }
        run.ctx.out().info("Consumer check: a scratch crate depending on all " + run.items.size()
                + " published crate(s) resolves and builds them from the rehearsal registry");
        ProcessRunner.Result res = run.ctx.runner().run(dir, run.cargoEnv, List.of("cargo", "check", "--quiet"), null,
                line -> run.ctx.out().info("  " + line));
        if (!res.ok()) {
            throw new ReleaseException(Diagnostic.error(Location.of(dir.resolve("Cargo.toml")),
                    "the published crates do not build from the rehearsal registry (cargo check exit " + res.exit()
                            + ")", "see cargo's output above; a real release would publish crates that do not build"));
        }
        run.ctx.out().info("Consumer check passed: " + dir);
    }
}
