package io.github.cratesrelease.release;

import io.github.cratesrelease.diag.Diagnostic;
import io.github.cratesrelease.diag.Location;
import io.github.cratesrelease.diag.ReleaseException;
import io.github.cratesrelease.git.GitRepo;
import io.github.cratesrelease.io.FileTrees;
import io.github.cratesrelease.process.ProcessRunner;
import io.github.cratesrelease.publish.PublishItem;
import io.github.cratesrelease.publish.PublishResult.Status;
import io.github.cratesrelease.publish.PublishRun;
import io.github.cratesrelease.release.ReleaseRun.Tag;
import io.github.cratesrelease.run.RunContext;
import io.github.cratesrelease.spec.ReleaseSpec.TagsSpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The tags of a release: which crates are released (on their registry with this commit's content), one tag per crate
 * or one for the workspace, created with the real git CLI at the released commit (in the rehearsal's copy of the
 * repository during a rehearsal) and pushed. Idempotent: a tag already at the commit is kept, a re-run creates only
 * what is missing.
 */
final class Tagger {

    private Tagger() {
    }

    /** The tag name of a crate's version. */
    static String name(TagsSpec t, String crate, String version) {
        return fill(t.name(), t.workspace() ? "" : crate, version, t.workspace() ? "" : crate + "-", "");
    }

    private static String fill(String template, String crate, String version, String prefix, String crates) {
        return template.replace("{crate}", crate).replace("{version}", version).replace("{prefix}", prefix)
                .replace("{crates}", crates);
    }

    /**
     * Settles what this release released: crates it published (now or by its interrupted run), and crates on their
     * registry from this very commit whose tag is missing (a release that stopped before tagging, on another
     * machine); crates whose tag exists were released before.
     */
    static void settle(RunContext ctx, ReleaseRun run) {
        PublishRun p = run.publish;
        TagsSpec spec = p.analysis().spec().tags();
        run.tagRepo = tagRepository(ctx, run);
        for (PublishItem i : p.items()) {
            if (!p.options().selected(i.name())) {
                continue;  // -Dcrates.crates: the others are neither released nor tagged by this run
            }
            if (i.status() == Status.PUBLISHED) {
                run.released.add(i);
            } else if (ctx.dryRun() && run.options.publish().uploads() && i.status() == Status.NOT_PUBLISHED) {
                run.released.add(i);  // what the dry run would publish
            } else if (i.builtHere()) {
                boolean tagMissing = spec.enabled() && run.tagRepo != null
                        && run.tagRepo.tagCommit(name(spec, i.name(), i.version())) == null;
                (tagMissing ? run.released : run.alreadyReleased).add(i);
            }
        }
        if (!spec.enabled() || run.tagRepo == null || run.released.isEmpty() && run.alreadyReleased.isEmpty()) {
            return;
        }
        List<PublishItem> tagged = new ArrayList<>(run.released);
        tagged.addAll(run.alreadyReleased);
        if (spec.workspace()) {
            String version = tagged.get(0).version();
            String crates = tagged.stream().map(PublishItem::label).collect(Collectors.joining(", "));
            String n = name(spec, "", version);
            run.tags.put(n, new Tag(n, tagged, fill(spec.message(), "", version, "", crates)));
        } else {
            for (PublishItem i : tagged) {
                String n = name(spec, i.name(), i.version());
                run.tags.put(n, new Tag(n, List.of(i), fill(spec.message(), i.name(), i.version(), i.name() + "-",
                        i.label())));
            }
        }
    }

    /** Creates the missing tags at the released commit. */
    static void tag(RunContext ctx, ReleaseRun run, boolean simulate) {
        TagsSpec spec = run.publish.analysis().spec().tags();
        if (!spec.enabled()) {
            ctx.out().info("Tags: disabled (tags.enabled: false)");
            return;
        }
        if (run.tagRepo == null || run.commit == null) {
            ctx.out().info("Tags: none (the workspace is not in a git repository with a commit)");
            return;
        }
        int created = 0;
        for (Tag t : run.tags.values()) {
            t.existing = run.tagRepo.tagCommit(t.name);
            String what = t.crates.size() == 1 ? t.crates.get(0).label() : t.crates.size() + " crates";
            if (t.existing == null) {
                if (simulate) {
                    ctx.out().info("Would tag " + t.name + " at " + shortId(run.commit) + " (" + what + ")");
                    continue;
                }
                run.tagRepo.tag(t.name, run.commit, t.message, spec.annotated(), spec.sign());
                t.created = true;
                created++;
                run.journal().event("tag " + t.name + " created at " + run.commit);
                ctx.out().info("Tagged " + t.name + " at " + shortId(run.commit) + " (" + what + ")"
                        + (run.rehearse() ? " in the rehearsal's copy of the repository" : ""));
            } else if (!t.existing.equals(run.commit)) {
                ctx.out().warn("Tag " + t.name + " exists at " + shortId(t.existing) + ", not at the released commit "
                        + shortId(run.commit) + "; left as it is (" + what + " was published from that commit)");
            }
        }
        long kept = run.tags.values().stream().filter(t -> t.existing != null).count();
        if (!simulate) {
            ctx.out().info("Tags: " + created + " created, " + kept + " already there" + (run.tags.isEmpty()
                    ? " (nothing was released)" : ""));
        }
    }

    /** Pushes the release's tags to {@code tags.push}; a rejected push stops with the remote's words. */
    static void push(RunContext ctx, ReleaseRun run, boolean simulate) {
        TagsSpec spec = run.publish.analysis().spec().tags();
        if (!spec.enabled() || spec.push() == null || run.tagRepo == null || run.tags.isEmpty()) {
            return;
        }
        if (!run.options.push()) {
            ctx.out().info("Push: skipped (-Dcrates.push=false); push the tags with: " + pushCommand(spec, run));
            return;
        }
        List<String> onRemote = run.tagRepo.remoteTags(spec.push());
        List<String> missing = run.tags.keySet().stream().filter(n -> onRemote == null || !onRemote.contains(n))
                .toList();
        if (missing.isEmpty()) {
            ctx.out().info("Push: the " + run.tags.size() + " tag(s) are on " + spec.push() + " already");
            return;
        }
        List<String> refs = missing.stream().map(n -> "refs/tags/" + n).toList();
        if (simulate) {
            ctx.out().info("Would push " + missing.size() + " tag(s) to " + spec.push() + ": " + String.join(", ",
                    missing));
            return;
        }
        ProcessRunner.Result r = run.tagRepo.push(spec.push(), refs);
        if (!r.ok()) {
            String remote = r.output().stream().filter(l -> !l.isBlank()).limit(12).map(String::strip)
                    .collect(Collectors.joining("\n    "));
            throw new ReleaseException(Diagnostic.error(Location.of(run.publish.analysis().spec().file()),
                    "git push " + spec.push() + " was rejected (exit " + r.exit() + "); the crates are published and "
                            + "the tags exist locally:\n    " + ctx.masker().mask(remote),
                    "fix the remote (permissions, a tag of the same name there), then push the tags with: "
                            + pushCommand(spec, run) + " — or run " + ctx.invocation().command() + " again"));
        }
        run.pushed = true;
        ctx.out().info("Pushed " + missing.size() + " tag(s) to " + spec.push() + (run.rehearse()
                ? " (the rehearsal's stand-in remote " + run.publish.runDir().resolve("remote.git") + ")" : ""));
    }

    static String pushCommand(TagsSpec spec, ReleaseRun run) {
        return (run.rehearse() ? "git -C " + run.tagRepo.dir() + " " : "git ") + "push " + spec.push() + " "
                + String.join(" ", run.tags.keySet());
    }

    /** The user's repository, or for a rehearsal a copy of it whose push remote is a bare repository of its own. */
    private static GitRepo tagRepository(RunContext ctx, ReleaseRun run) {
        if (run.commit == null) {
            return null;
        }
        Path root = run.publish.analysis().workspace().root();
        if (!run.rehearse() || ctx.dryRun()) {
            return ctx.git(root);  // a dry run only reads it
        }
        Path copy = run.publish.runDir().resolve("repo");
        Path bare = run.publish.runDir().resolve("remote.git");
        try {
            FileTrees.delete(copy);  // every rehearsal starts from a fresh copy, as from a fresh registry
            FileTrees.delete(bare);
            Files.createDirectories(copy);
            Files.createDirectories(bare);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the rehearsal's repository in " + copy, e);
        }
        GitRepo remote = ctx.git(bare);
        remote.git("git init --bare failed", "init", "--quiet", "--bare");
        GitRepo repo = ctx.git(copy);
        repo.git("git init failed", "init", "--quiet");
        Path top = ctx.git(root).topLevel();
        repo.git("git fetch of the released commit failed", "fetch", "--quiet", "--no-tags",
                (top == null ? root : top).toString(),
                "HEAD:refs/heads/released", "+refs/tags/*:refs/tags/*");
        String remoteName = run.publish.analysis().spec().tags().push();
        repo.git("git remote add failed", "remote", "add", remoteName == null ? "origin" : remoteName,
                bare.toString());
        ctx.out().info("Rehearsal tags go to a copy of your repository: " + copy + " (its remote `"
                + (remoteName == null ? "origin" : remoteName) + "` is " + bare + ")");
        return repo;
    }

    static String shortId(String commit) {
        return commit.length() > 12 ? commit.substring(0, 12) : commit;
    }
}
