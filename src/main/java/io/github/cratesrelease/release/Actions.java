package io.github.cratesrelease.release;

import io.github.cratesrelease.cargo.CargoPackage;
import io.github.cratesrelease.changelog.Changelog;
import io.github.cratesrelease.changelog.Changelogs;
import io.github.cratesrelease.credentials.Secret;
import io.github.cratesrelease.credentials.TokenResolver;
import io.github.cratesrelease.notify.GithubReleases;
import io.github.cratesrelease.notify.NotifyException;
import io.github.cratesrelease.notify.ReleaseNotice;
import io.github.cratesrelease.notify.Webhook;
import io.github.cratesrelease.output.Durations;
import io.github.cratesrelease.process.ProcessRunner;
import io.github.cratesrelease.publish.CrateArchive;
import io.github.cratesrelease.publish.PublishItem;
import io.github.cratesrelease.publish.PublishRun;
import io.github.cratesrelease.publish.Target;
import io.github.cratesrelease.release.PostPublish.ActionFailure;
import io.github.cratesrelease.release.PostPublish.Job;
import io.github.cratesrelease.release.ReleaseRun.Tag;
import io.github.cratesrelease.run.RunContext;
import io.github.cratesrelease.semver.Version;
import io.github.cratesrelease.spec.ActionSpec;
import io.github.cratesrelease.spec.ReleaseSpec.TokenRef;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** The five post-publish actions: what each does ({@link #execute}) and what it would do ({@link #describe}). */
final class Actions {

    private static final Duration HTTP_TIMEOUT = Duration.ofSeconds(30);

    private final RunContext ctx;
    private final ReleaseRun run;
    private final PublishRun publish;

    Actions(RunContext ctx, ReleaseRun run) {
        this.ctx = ctx;
        this.run = run;
        this.publish = run.publish;
    }

    /** Does it; returns the line that says what was done; throws {@link ActionFailure}. */
    String execute(Job job) {
        ActionSpec a = job.spec();
        if (a instanceof ActionSpec.Verify v) {
            return verify(v);
        } else if (a instanceof ActionSpec.CargoInstall c) {
            return cargoInstall(c);
        } else if (a instanceof ActionSpec.Webhook w) {
            return webhook(w, job);
        } else if (a instanceof ActionSpec.GithubRelease g) {
            return githubRelease(g, job);
        }
        return command((ActionSpec.Run) a, job);
    }

    /** What it would do (dry runs; rehearsals for actions that reach the outside world). */
    String describe(Job job) {
        String mode = ctx.dryRun() ? "dry run" : "rehearsal";
        ActionSpec a = job.spec();
        if (a instanceof ActionSpec.Verify v) {
            return "would check that " + publish.items().stream().filter(i -> i.done()
                    || i.status() == io.github.cratesrelease.publish.PublishResult.Status.NOT_PUBLISHED).count()
                    + " crate(s) are in their index with our checksum, within " + Durations.human(v.timeout());
        } else if (a instanceof ActionSpec.CargoInstall c) {
            return "would cargo install " + c.target() + " from its registry and run it " + String.join(" ", c.args());
        } else if (a instanceof ActionSpec.Webhook w) {
            return "would POST to " + w.url() + (w.secretEnv() == null ? "" : " (signed with $" + w.secretEnv() + ")")
                    + " (" + mode + "): " + notice(job).toJson();
        } else if (a instanceof ActionSpec.GithubRelease g) {
            return "would create " + tagsOf(job).size() + " GitHub release(s) in " + g.repo() + " (" + mode + "): "
                    + tagsOf(job).stream().map(t -> t.name + " (" + firstLine(notes(t)) + ")")
                            .collect(Collectors.joining(", "));
        }
        ActionSpec.Run r = (ActionSpec.Run) a;
        return "would run " + String.join(" ", r.command()) + " (" + mode + ") with " + environment(job).entrySet()
                .stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(" "));
    }

    private String verify(ActionSpec.Verify v) {
        String f = publish.verifyIndex(v.timeout());
        if (f != null) {
            throw new ActionFailure(f);
        }
        return "ok: every crate of the release is in its index with the checksum built here";
    }

    private String cargoInstall(ActionSpec.CargoInstall c) {
        PublishItem item = publish.items().stream().filter(i -> i.name().equals(c.target())).findFirst()
                .orElseThrow(() -> new ActionFailure(c.target() + " is not a crate of this release"));
        Target t = publish.target(item);
        Path root = publish.runDir().resolve("install").resolve(item.name() + "-" + item.version());
        // its registry's token only when its index needs it to be read: cargo install builds third-party crates
        Map<String, String> env = new LinkedHashMap<>(publish.cargoEnv(t.cargoName()));
        env.put("CARGO_TARGET_DIR", root.resolve("target").toString());
        List<String> cmd = new ArrayList<>(List.of("cargo", "install", "--quiet", "--root", root.toString(),
                "--registry", t.cargoName(), item.name(), "--version", "=" + item.version()));
        if (c.bin() != null) {
            cmd.addAll(List.of("--bin", c.bin()));
        }
        ProcessRunner.Result r = ctx.runner().run(publish.workDir(), env, cmd, null, null);
        if (!r.ok()) {
            throw new ActionFailure("cargo install " + item.label() + " from `" + t.name() + "` failed (exit "
                    + r.exit() + "):\n    " + ctx.masker().mask(r.tail(15)));
        }
        Path bin = binary(root, c.bin() != null ? c.bin() : item.name());
        List<String> runCmd = new ArrayList<>(List.of(bin.toString()));
        runCmd.addAll(c.args());
        ProcessRunner.Result out = ctx.runner().run(root, Map.of(), runCmd, null, null);
        String said = out.stdout().stream().filter(l -> !l.isBlank()).findFirst().orElse("").strip();
        if (!out.ok()) {
            throw new ActionFailure("the installed " + bin.getFileName() + " " + String.join(" ", c.args())
                    + " exited with " + out.exit() + ": " + ctx.masker().mask(out.tail(5)));
        }
        return "ok: installed " + item.label() + " from " + (run.rehearse() ? "the rehearsal registry" : "`" + t.name()
                + "`") + " into " + root + "; "  + bin.getFileName() + " "
                + String.join(" ", c.args()) + " says: " + said;
    }

    /** The installed binary: the named one, else the only one. */
    private static Path binary(Path root, String name) {
        Path bins = root.resolve("bin");
        for (String n : List.of(name, name + ".exe")) {
            if (Files.isRegularFile(bins.resolve(n))) {
                return bins.resolve(n);
            }
        }
        try (var s = Files.list(bins)) {
            List<Path> all = s.toList();
            if (all.size() == 1) {
                return all.get(0);
            }
            throw new ActionFailure("cargo installed " + all.size() + " binaries (" + all.stream().map(p -> p
                    .getFileName().toString()).collect(Collectors.joining(", ")) + "); name one with bin:");
        } catch (IOException e) {
            throw new ActionFailure("cargo install left no binary in " + bins);
        }
    }

    private String webhook(ActionSpec.Webhook w, Job job) {
        String secret = null;
        if (w.secretEnv() != null) {
            secret = ctx.env().get(w.secretEnv());
            if (secret == null || secret.isEmpty()) {
                throw new ActionFailure("the webhook secret variable " + w.secretEnv() + " is not set");
            }
            ctx.masker().add(secret);
        }
        ReleaseNotice notice = notice(job);
        String delivery = CrateArchive.sha256((job.id() + notice.toJson()).getBytes(StandardCharsets.UTF_8))
                .substring(0, 32);
        try {
            Webhook.Result r = new Webhook(HTTP_TIMEOUT, ctx.clock(), 4, Duration.ofSeconds(1)).post(w.url(), secret,
                    delivery, notice);
            return "ok: POST " + w.url() + " answered " + r.status() + (r.attempts() > 1 ? " (attempt "
                    + r.attempts() + ")" : "");
        } catch (NotifyException e) {
            throw new ActionFailure(e.getMessage());
        }
    }

    private String githubRelease(ActionSpec.GithubRelease g, Job job) {
        TokenRef ref = g.token() != null ? g.token() : new TokenRef(TokenRef.Kind.ENV, "GITHUB_TOKEN");
        Secret token = new TokenResolver(ctx.env(), run.options.publish().servers(), ctx.runner())
                .resolve("github", null, ref).token();
        if (token == null) {
            throw new ActionFailure("no GitHub token: " + ref + " is not set");
        }
        ctx.masker().add(token.reveal());
        List<Tag> tags = tagsOf(job);
        if (tags.isEmpty()) {
            throw new ActionFailure("no tag to make a GitHub release of (tags are disabled or nothing was tagged)");
        }
        GithubReleases gh = new GithubReleases(g.apiUrl(), token.reveal(), HTTP_TIMEOUT, ctx.clock(), 4,
                Duration.ofSeconds(1));
        List<String> done = new ArrayList<>();
        for (Tag t : tags) {
            String version = t.crates.get(0).version();
            boolean pre = g.prerelease() != null ? g.prerelease() : !Version.parse(version).pre().isEmpty();
            try {
                GithubReleases.Result r = gh.publish(g.repo(), t.name, t.name, notes(t), pre);
                done.add(t.name + (r.created() ? " created " : " updated ") + r.htmlUrl());
            } catch (NotifyException e) {
                throw new ActionFailure((done.isEmpty() ? "" : "after " + String.join(", ", done) + ": ")
                        + "GitHub release " + t.name + ": " + e.getMessage());
            }
        }
        return "ok: " + String.join(", ", done);
    }

    private String command(ActionSpec.Run r, Job job) {
        Path root = publish.analysis().workspace().root();
        Map<String, String> env = new LinkedHashMap<>(environment(job));
        // a script has no use for the publish tokens: they are not passed on
        ctx.env().keySet().stream().filter(k -> k.equals("CARGO_REGISTRY_TOKEN")
                || k.startsWith("CARGO_REGISTRIES_") && k.endsWith("_TOKEN")).forEach(k -> env.put(k, null));
        ProcessRunner.Result res = ctx.runner().run(root, env, r.command(), null,
                line -> ctx.out().info("  " + line));
        if (!res.ok()) {
            throw new ActionFailure(String.join(" ", r.command()) + " exited with " + res.exit());
        }
        return "ok: " + String.join(" ", r.command());
    }

    /** The variables of a {@code run} action. */
    Map<String, String> environment(Job job) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("WORKSPACE_ROOT", publish.analysis().workspace().root().toString());
        env.put("DRY_RUN", String.valueOf(ctx.dryRun()));
        env.put("CRATES_RELEASED", job.crates().stream().map(i -> i.name() + "@" + i.version())
                .collect(Collectors.joining(" ")));
        Tag workspaceTag = publish.analysis().spec().tags().workspace() ? run.tags.values().stream().findFirst()
                .orElse(null) : null;
        env.put("TAG", workspaceTag == null ? "" : workspaceTag.name);
        if (job.spec().crate() != null && job.crates().size() == 1) {
            PublishItem i = job.crates().get(0);
            CargoPackage p = publish.analysis().releaseSet().released().get(i.name());
            String prev = publish.previousVersion(i);
            env.put("CRATE_NAME", i.name());
            env.put("CRATE_VERSION", i.version());
            env.put("PREV_VERSION", prev == null ? "" : prev);
            env.put("REGISTRY", i.registry());
            env.put("TAG", tagsOf(job).stream().map(t -> t.name).findFirst().orElse(""));
            env.put("CRATE_ROOT", p == null ? "" : p.dir().toString());
        }
        return env;
    }

    private ReleaseNotice notice(Job job) {
        List<ReleaseNotice.Crate> crates = job.crates().stream().map(i -> new ReleaseNotice.Crate(i.name(),
                i.version(), publish.previousVersion(i), i.registry(), tagOf(i))).toList();
        Path root = publish.analysis().workspace().root();
        return new ReleaseNotice(root.getFileName() == null ? root.toString() : root.getFileName().toString(),
                run.commit, ctx.dryRun(), run.rehearse(), crates, tagsOf(job).stream().map(t -> t.name).toList());
    }

    private String tagOf(PublishItem i) {
        return run.tags.values().stream().filter(t -> t.crates.contains(i)).map(t -> t.name).findFirst()
                .orElse(null);
    }

    private List<Tag> tagsOf(Job job) {
        return run.tags.values().stream().filter(t -> t.crates.stream().anyMatch(job.crates()::contains)).toList();
    }

    /** The changelog section of the tag's version (of its crate's changelog), or a plain line. */
    private String notes(Tag t) {
        PublishItem first = t.crates.get(0);
        var spec = publish.analysis().spec().changelog();
        CargoPackage p = publish.analysis().releaseSet().released().get(first.name());
        if (spec != null && p != null) {
            Path file = new Changelogs(spec, publish.analysis().workspace().root()).fileOf(p);
            try {
                Changelog log = new Changelog(file, Files.readString(file), spec.unreleasedHeading());
                Changelog.Section s = log.release(Version.parse(first.version()));
                if (s != null && !log.body(s).isEmpty()) {
                    return log.body(s);
                }
            } catch (IOException | UncheckedIOException | IllegalArgumentException e) {
                // no notes from the changelog: fall back
            }
        }
        return "Release of " + t.crates.stream().map(PublishItem::label).collect(Collectors.joining(", ")) + ".";
    }

    private static String firstLine(String text) {
        String l = text.lines().filter(x -> !x.isBlank()).findFirst().orElse("").strip();
        return l.length() > 60 ? l.substring(0, 57) + "..." : l;
    }
}
