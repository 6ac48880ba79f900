package io.github.cratesrelease.testing;

import io.github.cratesrelease.diag.Diagnostic;
import io.github.cratesrelease.diag.ReleaseException;
import io.github.cratesrelease.run.Analysis;
import io.github.cratesrelease.run.Analyzer;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** Builds small workspaces in a temp dir: a root manifest, members and a release.yaml. */
public final class TestWorkspace {
    private final Path root;

    public TestWorkspace(Path root) {
        this.root = root;
    }

    public Path root() {
        return root;
    }

    public TestWorkspace file(String rel, String text) {
        Fixtures.write(root.resolve(rel), text);
        return this;
    }

    /** A member under crates/NAME with a lib.rs and the given manifest body after [package] basics. */
    public TestWorkspace crate(String name, String version, String rest) {
        file("crates/" + name + "/src/lib.rs", "pub fn f() {}\n");
        return file("crates/" + name + "/Cargo.toml", """
                [package]
                name = "%s"
                version = "%s"
                edition = "2021"
                description = "test crate"
                license = "MIT"
                %s
                """.formatted(name, version, rest));
    }

    public TestWorkspace workspace(String extra) {
        return file("Cargo.toml", "[workspace]\nresolver = \"2\"\nmembers = [\"crates/*\"]\n" + extra);
    }

    public TestWorkspace spec(String text) {
        return file("release.yaml", text);
    }

    public Analysis analyze() {
        return new Analyzer(Map.of("HOME", root.resolve("home").toString())).analyze(root.resolve("release.yaml"));
    }

    /** Formatted findings ("file:L:C: message (hint)") with paths relative to the workspace, errors first. */
    public List<String> findings() {
        try {
            return analyze().diagnostics().sorted().stream().map(this::relative).toList();
        } catch (ReleaseException e) {
            return e.diagnostics().sorted().stream().map(this::relative).toList();
        }
    }

    private String relative(Diagnostic d) {
        String s = d.severity().name().toLowerCase() + ": " + d.format();
        return s.replace(root.toAbsolutePath().normalize() + "/", "");
    }
}
