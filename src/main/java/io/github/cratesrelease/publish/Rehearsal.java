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
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

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

    /**
     * What a user of the published crates does, against the rehearsal registry: a scratch crate depending on every
     * published library builds, and every published binary installs ({@code cargo install} into a scratch root;
     * cargo ignores a dependency on a crate without a library, so that would prove nothing).
     */
    static void consumerCheck(PublishRun run) {
        Path dir = run.runDir.resolve("consumer");
        List<PublishItem> libs = run.items.stream().filter(i -> i.archive().hasLibrary()).toList();
        List<PublishItem> bins = run.items.stream().filter(i -> i.archive().hasBinary()).toList();
        List<String> how = new ArrayList<>();
        if (!libs.isEmpty()) {
            buildAsDependencies(run, dir, libs);
            how.add(libs.size() + " librar" + (libs.size() == 1 ? "y" : "ies") + " built as dependencies ("
                    + names(libs) + ")");
        }
        for (PublishItem i : bins) {
            install(run, dir, i);
        }
        if (!bins.isEmpty()) {
            how.add(bins.size() + " binary crate(s) installed (" + names(bins) + ")");
        }
        List<PublishItem> neither = run.items.stream().filter(i -> !libs.contains(i) && !bins.contains(i)).toList();
        if (!neither.isEmpty()) {
            how.add(neither.size() + " crate(s) with neither a library nor a binary, not checked (" + names(neither)
                    + ")");
        }
        run.ctx.out().info("Consumer check passed from the rehearsal registry: " + String.join("; ", how));
    }

    private static void buildAsDependencies(PublishRun run, Path dir, List<PublishItem> libs) {
        StringBuilder toml = new StringBuilder("""
                [package]
                name = "rehearsal-consumer"
                version = "0.0.0"
                edition = "2021"
                publish = false

                [workspace]

                [dependencies]
                """);
        for (PublishItem i : libs) {
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
        ProcessRunner.Result res = run.cargoLog().run(dir, run.cargoEnv, List.of("cargo", "check"), "consumer",
                false);
        if (!res.ok()) {
            throw new ReleaseException(Diagnostic.error(Location.of(dir.resolve("Cargo.toml")),
                    "the published libraries do not build from the rehearsal registry (cargo check exit " + res.exit()
                            + "). Cargo says:\n" + run.cargoLog().errorBlock(res).indent(4).stripTrailing() + "\n",
                    "a real release would publish crates that do not build; its whole output is in "
                            + run.cargoLog().file()));
        }
    }

    private static void install(PublishRun run, Path dir, PublishItem i) {
        Path root = dir.resolve("installed");
        ProcessRunner.Result res = run.cargoLog().run(dir.getParent(), run.cargoEnv, List.of("cargo", "install",
                "--registry", PublishRun.REHEARSAL, "--root", root.toString(), "--version", "=" + i.version(),
                "--force", i.name()), i.name(), false);
        if (!res.ok()) {
            throw new ReleaseException(Diagnostic.error(Location.of(i.planned().manifest()),
                    "the published " + i.label() + " does not install from the rehearsal registry (cargo install exit "
                            + res.exit() + "). Cargo says:\n" + run.cargoLog().errorBlock(res).indent(4)
                                    .stripTrailing() + "\n",
                    "a real release would publish a binary that does not install; cargo's whole output is in "
                            + run.cargoLog().file()));
        }
    }

    private static String names(List<PublishItem> items) {
        return items.stream().map(PublishItem::name).collect(Collectors.joining(", "));
    }
}
