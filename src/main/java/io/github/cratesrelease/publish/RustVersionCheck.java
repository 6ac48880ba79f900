package io.github.cratesrelease.publish;

import io.github.cratesrelease.cargo.TomlEditor;
import io.github.cratesrelease.diag.Diagnostic;
import io.github.cratesrelease.diag.Diagnostics;
import io.github.cratesrelease.diag.Location;
import io.github.cratesrelease.diag.ReleaseException;
import io.github.cratesrelease.process.CommandException;
import io.github.cratesrelease.process.ProcessRunner;
import io.github.cratesrelease.toml.Toml;
import io.github.cratesrelease.toml.TomlParseResult;
import io.github.cratesrelease.toml.TomlTable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Each released crate's {@code rust-version} against the local {@code rustc}, before anything is built: cargo
 * would otherwise refuse only after seconds of verification builds, its reason lost in its output.
 */
final class RustVersionCheck {

    private static final Pattern RUSTC = Pattern.compile("^rustc (\\d+)\\.(\\d+)\\.(\\d+)\\S*");
    private static final Pattern VERSION = Pattern.compile("^(\\d+)(?:\\.(\\d+))?(?:\\.(\\d+))?$");

    private RustVersionCheck() {
    }

    /** Throws one located error per crate that needs a newer rustc than the one cargo would use in {@code dir}. */
    static void check(PublishRun run, Collection<PublishItem> items) {
        Path root = run.analysis.workspace().manifest();
        Map<PublishItem, Declared> declared = new LinkedHashMap<>();
        for (PublishItem i : items) {
            Declared rv = declared(i.planned().manifest(), root);
            if (rv != null) {
                declared.put(i, rv);
            }
        }
        if (declared.isEmpty()) {
            return;  // no crate asks for a rustc: nothing to ask rustc
        }
        int[] local = localRustc(run);
        if (local == null) {
            return;  // no rustc to ask: cargo reports that itself
        }
        String localText = local[0] + "." + local[1] + "." + local[2];
        Diagnostics d = new Diagnostics();
        for (Map.Entry<PublishItem, Declared> e : declared.entrySet()) {
            PublishItem i = e.getKey();
            Declared rv = e.getValue();
            Matcher m = VERSION.matcher(rv.value());
            if (!m.matches()) {
                continue;  // cargo reports a malformed rust-version when it reads the manifest
            }
            int[] need = {Integer.parseInt(m.group(1)), m.group(2) == null ? 0 : Integer.parseInt(m.group(2)),
                    m.group(3) == null ? 0 : Integer.parseInt(m.group(3))};
            if (compare(need, local) > 0) {
                d.add(Diagnostic.error(rv.at(), i.label() + " requires rustc " + rv.value() + " (rust-version"
                        + (rv.inherited() ? " of [workspace.package]" : "") + "), but "
                        + "the local rustc is " + localText + ": cargo cannot build it here",
                        "install that toolchain for this workspace: `cd " + run.analysis.workspace().root()
                                + " && rustup toolchain install " + rv.value() + " && rustup override set "
                                + rv.value() + "`; or lower rust-version to " + local[0] + "." + local[1]
                                + " if the crate builds with it"));
            }
        }
        if (d.hasErrors()) {
            throw new ReleaseException("cannot package: " + d.errors().size() + " crate(s) need a newer rustc than "
                    + localText + "; nothing was built or uploaded", d);
        }
    }

    /** The crate's rust-version and where it is written (its manifest, or [workspace.package] when inherited). */
    record Declared(String value, Location at, boolean inherited) {
    }

    static Declared declared(Path manifest, Path rootManifest) {
        try {
            if (!Files.readString(manifest).contains("rust-version")) {
                return null;  // neither its own nor inherited: no need to parse it
            }
        } catch (IOException | UncheckedIOException e) {
            // parse() says what is wrong
        }
        TomlParseResult toml = parse(manifest);
        TomlTable pkg = toml.getTable("package");
        if (pkg == null || !pkg.contains(List.of("rust-version"))) {
            return null;
        }
        if (pkg.isString(List.of("rust-version"))) {
            return new Declared(pkg.getString(List.of("rust-version")),
                    TomlEditor.location(manifest, pkg.inputPositionOf(List.of("rust-version"))), false);
        }
        if (Boolean.TRUE.equals(pkg.get(List.of("rust-version", "workspace")))) {
            TomlParseResult root = parse(rootManifest);
            TomlTable wp = root.getTable("workspace.package");
            if (wp != null && wp.isString(List.of("rust-version"))) {
                return new Declared(wp.getString(List.of("rust-version")),
                        TomlEditor.location(rootManifest, wp.inputPositionOf(List.of("rust-version"))), true);
            }
        }
        return null;
    }

    private static TomlParseResult parse(Path manifest) {
        try {
            return Toml.parse(manifest);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + manifest, e);
        }
    }

    /** major, minor, patch of {@code rustc --version} where cargo runs (rust-toolchain files apply), or null. */
    private static int[] localRustc(PublishRun run) {
        ProcessRunner.Result r;
        try {
            r = run.ctx.runner().run(run.workDir, run.cargoEnv, List.of("rustc", "--version"), null, null);
        } catch (CommandException notStarted) {
            return null;
        }
        if (!r.ok() || r.stdout().isEmpty()) {
            return null;
        }
        Matcher m = RUSTC.matcher(r.stdout().get(0).strip());
        return m.find() ? new int[] {Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                Integer.parseInt(m.group(3))} : null;
    }

    static int compare(int[] a, int[] b) {
        for (int k = 0; k < 3; k++) {
            if (a[k] != b[k]) {
                return Integer.compare(a[k], b[k]);
            }
        }
        return 0;
    }
}
