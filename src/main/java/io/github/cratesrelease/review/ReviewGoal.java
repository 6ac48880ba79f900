package io.github.cratesrelease.review;

import io.github.cratesrelease.diag.Diagnostic;
import io.github.cratesrelease.diag.Diagnostics;
import io.github.cratesrelease.diag.Location;
import io.github.cratesrelease.diag.ReleaseException;
import io.github.cratesrelease.git.GitRepo;
import io.github.cratesrelease.io.AtomicFiles;
import io.github.cratesrelease.io.FileTrees;
import io.github.cratesrelease.run.Analysis;
import io.github.cratesrelease.run.Analyzer;
import io.github.cratesrelease.run.RunContext;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * crates:review — what the next release will do and what is wrong with it, for a pull request: the spec and the
 * workspace at a base revision (extracted with {@code git archive}, the user's tree and index untouched) against the
 * working tree, rendered as Markdown, JSON and, in GitHub Actions, annotations and a step summary.
 */
public final class ReviewGoal {

    private ReviewGoal() {
    }

    public static ReviewReport review(RunContext ctx, ReviewOptions options) {
        Path spec = ctx.spec();
        GitRepo git = ctx.git(spec.getParent());
        Path top = git.isRepository() ? git.topLevel() : null;
        if (top == null) {
            throw new ReleaseException(Diagnostic.error(Location.of(spec), "crates:review compares two revisions, but "
                    + spec.getParent() + " is not in a git repository", "run it in the repository's checkout"));
        }
        top = top.toAbsolutePath().normalize();
        git = ctx.git(top);  // archive the whole tree at base, whatever directory the spec is in
        String[] base = resolveBase(git, options.base(), spec);
        String headCommit = git.head();
        Analysis head = new Analyzer(ctx.env()).analyze(spec);  // an unreadable head spec stops the review here
        Path baseDir = ctx.outputDirectory().resolve("review-base");
        Analysis baseAnalysis = null;
        Diagnostics baseFindings = new Diagnostics();
        try {
            extract(ctx, git, base[1], baseDir);
            Path baseSpec = baseDir.resolve(top.relativize(spec.toAbsolutePath().normalize()).toString());
            if (Files.isRegularFile(baseSpec)) {
                try {
                    baseAnalysis = new Analyzer(ctx.env()).analyze(baseSpec);
                } catch (ReleaseException unreadable) {
                    baseFindings = unreadable.diagnostics();
                }
            }
            ReviewReport report = new ReviewBuilder(top, baseDir.toAbsolutePath().normalize(), git,
                    ctx.invocation()).build(base[0], base[1], headCommit, spec, baseAnalysis, baseFindings, head);
            publish(ctx, options, report);
            return report;
        } finally {
            try {
                FileTrees.delete(baseDir);
            } catch (IOException ignored) {
                // a leftover under target/ is harmless
            }
        }
    }

    /** {ref as named, commit}: the given base, else the merge base with origin/main, else with main. */
    private static String[] resolveBase(GitRepo git, String given, Path spec) {
        if (given != null && !given.isBlank()) {
            String c = git.commit(given.strip());
            if (c == null) {
                String fetch = given.strip().startsWith("origin/") ? given.strip().substring("origin/".length())
                        : given.strip();
                throw new ReleaseException(Diagnostic.error(Location.of(spec), "-Dcrates.base=" + given + " names no "
                        + "commit of this repository", "fetch it first (git fetch origin " + fetch + "), or name "
                                + "a commit, branch or tag"));
            }
            return new String[] {given.strip(), c};
        }
        for (String candidate : List.of("origin/main", "main")) {
            if (git.commit(candidate) != null) {
                String mb = git.mergeBase(candidate, "HEAD");
                if (mb != null) {
                    return new String[] {candidate, mb};  // the commit is the merge base with HEAD
                }
            }
        }
        throw new ReleaseException(Diagnostic.error(Location.of(spec), "no base to review against: neither origin/main "
                + "nor main shares history with HEAD", "pass -Dcrates.base=<ref> (in CI, check out with enough "
                        + "history: actions/checkout with fetch-depth: 0)"));
    }

    /** The base revision's tree under {@code dir}, through git archive and tar (nothing of the user's changes). */
    private static void extract(RunContext ctx, GitRepo git, String commit, Path dir) {
        try {
            FileTrees.delete(dir);
            Files.createDirectories(dir);
            Path tar = dir.resolveSibling("review-base.tar");
            git.archive(commit, tar);
            ctx.runner().run(dir, java.util.Map.of(), List.of("tar", "-xf", tar.toString()), null, null)
                    .orThrow("extracting the base revision failed");
            Files.deleteIfExists(tar);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot extract the base revision into " + dir, e);
        }
    }

    /** Prints, writes the outputs (not on a dry run), annotates in GitHub Actions, and fails as failOn says. */
    private static void publish(RunContext ctx, ReviewOptions options, ReviewReport r) {
        String shortBase = r.baseCommit().substring(0, Math.min(12, r.baseCommit().length()));
        if (!r.relevant()) {
            ctx.out().info("No release-relevant change between " + r.base() + " (" + shortBase + ") and the head");
        } else {
            ctx.out().info("Review against " + r.base() + " (" + shortBase + "): " + r.versions().size()
                    + " version change(s), " + r.newCrates().size() + " new crate(s), " + r.specChanges().size()
                    + " spec change(s), " + r.errors() + " error(s), " + r.warnings() + " warning(s)");
            for (ReviewReport.Finding f : r.findings()) {
                String line = (f.file() == null ? "" : f.file() + (f.line() > 0 ? ":" + f.line() + ":" + f.column()
                        : "") + ": ") + f.message() + (f.hint() == null ? "" : " (" + f.hint() + ")");
                switch (f.severity()) {
                    case ERROR -> ctx.out().error(line);
                    case WARNING -> ctx.out().warn(line);
                    default -> ctx.out().info(line);
                }
            }
        }
        String markdown = ReviewMarkdown.render(r);
        if (ctx.dryRun()) {
            ctx.out().info("Dry run: review.md and review.json not written");
        } else {
            Path md = ctx.outputDirectory().resolve("review.md");
            AtomicFiles.writeString(md, markdown);
            ReviewJson.write(ctx.outputDirectory().resolve("review.json"), r);
            ctx.out().info("Review written to " + md + " and review.json");
        }
        if ("true".equals(ctx.env().get("GITHUB_ACTIONS")) && options.console() != null) {
            GithubAnnotations.lines(r).forEach(options.console());
            String summary = ctx.env().get("GITHUB_STEP_SUMMARY");
            if (summary != null && !summary.isBlank() && !ctx.dryRun()) {
                GithubAnnotations.stepSummary(Path.of(summary), markdown);
            }
        }
        String failOn = options.failOn() == null ? "error" : options.failOn().toLowerCase(Locale.ROOT);
        boolean fail = switch (failOn) {
            case "never" -> false;
            case "warning" -> r.errors() + r.warnings() > 0;
            default -> r.errors() > 0;
        };
        if (fail) {
            Diagnostics d = new Diagnostics();
            throw new ReleaseException("crates:review found " + r.errors() + " error(s) and " + r.warnings()
                    + " warning(s) (failOn=" + failOn + "); see the lines above" + (ctx.dryRun() ? ""
                            : " and " + ctx.outputDirectory().resolve("review.md")), d);
        }
    }
}
