package io.github.cratesrelease.review;

import io.github.cratesrelease.review.ReviewReport.Edge;
import io.github.cratesrelease.review.ReviewReport.Finding;
import io.github.cratesrelease.review.ReviewReport.NewCrate;
import io.github.cratesrelease.review.ReviewReport.Node;
import io.github.cratesrelease.review.ReviewReport.Plan;
import io.github.cratesrelease.review.ReviewReport.Severity;
import io.github.cratesrelease.review.ReviewReport.SpecChange;
import io.github.cratesrelease.review.ReviewReport.VersionChange;
import io.github.cratesrelease.review.ReviewReport.Wave;
import java.util.List;

/** Hand-built review reports for the renderer tests. */
final class ReviewSamples {

    static final String BASE_COMMIT = "0123456789abcdef0123456789abcdef01234567";
    static final String HEAD_COMMIT = "89abcdef0123456789abcdef0123456789abcdef";

    private ReviewSamples() {
    }

    /**
     * Three waves of eight crates (llmo-secrets → llmo-auth → llmo-core), one new crate (llmo-wire), changed crates
     * (llmo-auth: a patch bump where a minor one is required; llmo-store: backwards), findings of every severity,
     * one of them with a comma, a colon, a percent sign and line breaks, one without a file.
     */
    static ReviewReport full() {
        return new ReviewReport("origin/main", BASE_COMMIT, HEAD_COMMIT, "release.yaml", specChanges(), versions(),
                List.of(new NewCrate("llmo-wire", "0.1.0", "crates-io")), findings(), inBase(), plan(),
                List.of("crates-io: at least 2m; waiting: llmo-core (+1m), llmo-cli (+2m)",
                        "  llmo-core 0.5.0 at +1m (new versions limit of `crates-io`)"));
    }

    /** Nothing release-relevant: only a finding base already had. */
    static ReviewReport quiet() {
        return new ReviewReport("origin/main", BASE_COMMIT, HEAD_COMMIT, "release.yaml", List.of(), List.of(),
                List.of(), List.of(), inBase(), plan(), List.of());
    }

    /** A spec change only, and a spec too broken for a plan. */
    static ReviewReport withoutPlan() {
        return new ReviewReport("v1.2.0", BASE_COMMIT, HEAD_COMMIT, "release.yaml",
                List.of(new SpecChange("changed", "tags", "format", "{crate}-v{version} → v{version}", 30)),
                List.of(), List.of(), List.of(), List.of(), null, List.of());
    }

    static List<SpecChange> specChanges() {
        return List.of(
                new SpecChange("added", "crates", "llmo-wire", "released to crates-io", 41),
                new SpecChange("changed", "policies", "wait.strategy", "fixed → exponential", 12),
                new SpecChange("removed", "registries", "legacy", "removed (line 20 of base's spec)", 20));
    }

    static List<VersionChange> versions() {
        return List.of(
                new VersionChange("llmo-auth", "0.4.3", "0.4.4", "patch", "minor",
                        List.of("its requirement on llmo-secrets changed from ^0.2 to ^0.3"),
                        "crates/llmo-auth/Cargo.toml", 7),
                new VersionChange("llmo-store", "0.5.0", "0.4.2", "backwards", null, List.of(),
                        "crates/llmo-store/Cargo.toml", 3),
                new VersionChange("llmo-types", "1.4.0", "1.5.0", "minor", null, List.of(),
                        "crates/llmo-types/Cargo.toml", 3));
    }

    static List<Finding> findings() {
        return List.of(
                new Finding(Severity.ERROR, "version", "crates/llmo-auth/Cargo.toml", 7, 11,
                        "llmo-auth 0.4.3 → 0.4.4 is a patch bump, but a minor one is required", "bump to 0.5.0"),
                new Finding(Severity.ERROR, "version", "crates/llmo-store/Cargo.toml", 3, 11,
                        "llmo-store goes backwards: 0.5.0 → 0.4.2", "set a version above 0.5.0"),
                new Finding(Severity.WARNING, "changelog", "crates/llmo-core/CHANGELOG,v2.md", 12, 0,
                        "Unreleased section is empty, 100% of changes undocumented:\r\nadd an entry\nper change",
                        "write what changed"),
                new Finding(Severity.WARNING, "validation", null, 0, 0, "registry internal has no token source",
                        "add 'token: { env: CARGO_REGISTRIES_INTERNAL_TOKEN }'"),
                new Finding(Severity.NOTE, "new-crate", "crates/llmo-wire/Cargo.toml", 1, 1,
                        "llmo-wire is published for the first time", null));
    }

    static List<Finding> inBase() {
        return List.of(new Finding(Severity.WARNING, "changelog", "crates/llmo-types/CHANGELOG.md", 3, 0,
                "the 1.4.0 section has no release date", "write '## [1.4.0] - YYYY-MM-DD'"));
    }

    static Plan plan() {
        return new Plan(List.of(
                new Wave(1, List.of(node("llmo-secrets", "0.3.0"), node("llmo-macros", "0.2.1"),
                        new Node("llmo-types", "1.5.0", "crates-io", false, true))),
                new Wave(2, List.of(new Node("llmo-auth", "0.4.4", "crates-io", false, true),
                        new Node("llmo-store", "0.4.2", "internal", false, true),
                        new Node("llmo-wire", "0.1.0", "crates-io", true, false))),
                new Wave(3, List.of(node("llmo-core", "0.5.0"), node("llmo-cli", "0.9.2")))),
                List.of(edge("llmo-secrets", "llmo-auth"), edge("llmo-types", "llmo-auth"),
                        edge("llmo-types", "llmo-store"), edge("llmo-macros", "llmo-wire"),
                        edge("llmo-auth", "llmo-core"), edge("llmo-store", "llmo-core"),
                        edge("llmo-wire", "llmo-core"), edge("llmo-auth", "llmo-cli")));
    }

    private static Node node(String name, String version) {
        return new Node(name, version, "crates-io", false, false);
    }

    private static Edge edge(String from, String to) {
        return new Edge(from, to);
    }
}
