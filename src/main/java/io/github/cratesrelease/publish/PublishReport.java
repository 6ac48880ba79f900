package io.github.cratesrelease.publish;

import io.github.cratesrelease.io.AtomicFiles;
import io.github.cratesrelease.io.JsonText;
import io.github.cratesrelease.output.Masker;
import io.github.cratesrelease.publish.PublishResult.CrateOutcome;
import io.github.cratesrelease.publish.PublishResult.Status;
import io.github.cratesrelease.run.Invocation;
import io.github.cratesrelease.run.Journal;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** The outcomes, the summary table, the resume hint and {@code publish-report.json}. */
public final class PublishReport {

    private PublishReport() {
    }

    public static List<String> table(List<CrateOutcome> crates) {
        int nw = "Crate".length();
        int vw = "Version".length();
        int rw = "Registry".length();
        for (CrateOutcome c : crates) {
            nw = Math.max(nw, c.name().length());
            vw = Math.max(vw, c.version().length());
            rw = Math.max(rw, c.registry().length());
        }
        String fmt = "%-5s %-" + nw + "s %-" + vw + "s %-" + rw + "s %-13s %9s %8s";
        List<String> lines = new ArrayList<>();
        lines.add(String.format(fmt, "Wave", "Crate", "Version", "Registry", "Result", "Upload", "Wait"));
        for (CrateOutcome c : crates) {
            lines.add(String.format(fmt, c.wave(), c.name(), c.version(), c.registry(),
                    c.status().name().toLowerCase(Locale.ROOT).replace('_', ' '),
                    c.uploadMs() < 0 ? "-" : c.uploadMs() + " ms",
                    c.waitMs() < 50 ? "-" : String.format(Locale.ROOT, "%.1f s", c.waitMs() / 1000.0)));
        }
        return lines;
    }

    /** One outcome per crate, in plan order; on a dry run, what would be uploaded shows as packaged. */
    public static List<CrateOutcome> outcomes(List<PublishItem> items, boolean dryRun) {
        List<CrateOutcome> o = new ArrayList<>();
        for (PublishItem i : items) {
            Journal.Entry e = i.entry();
            Status s = dryRun && i.status() == Status.NOT_PUBLISHED && i.archive() != null ? Status.PACKAGED
                    : i.status();
            o.add(new CrateOutcome(i.wave(), i.name(), i.version(), i.registry(), s,
                    i.archive() == null ? null : i.expected(), e.uploadMs(), i.waitMs(), e.attempts(), e.detail()));
        }
        return o;
    }

    /** What is published, what is not, and the command that resumes: the one the user ran. */
    public static String resumeHint(List<PublishItem> items, Invocation invocation) {
        return resumeHint(items, invocation, null);
    }

    /** The same; with {@code hint}, what to do before running the command again (a wait that timed out). */
    public static String resumeHint(List<PublishItem> items, Invocation invocation, String hint) {
        String done = items.stream().filter(PublishItem::done).map(PublishItem::label)
                .collect(Collectors.joining(", "));
        String notDone = items.stream().filter(i -> i.status() == Status.NOT_PUBLISHED || i.status() == Status.FAILED)
                .map(PublishItem::label)
                .collect(Collectors.joining(", "));
        return "\n  published: " + (done.isEmpty() ? "none" : done)
                + "\n  not published: " + (notDone.isEmpty() ? "none" : notDone)
                + (hint != null ? "\n  " + hint + "; then run again: " + invocation.command()
                        : "\n  resume with the same command: " + invocation.command()
                                + " (published crates are skipped, nothing is uploaded twice)");
    }

    public static Path write(Path file, List<CrateOutcome> crates, Duration elapsed, Instant finished,
            boolean rehearsal, String failure, Masker masker) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("result", failure == null ? "success" : "failure");
        root.put("rehearsal", rehearsal);
        root.put("finished", finished.toString());
        root.put("elapsedMs", elapsed.toMillis());
        root.put("failure", masker.mask(failure));
        List<Object> arr = new ArrayList<>();
        root.put("crates", arr);
        for (CrateOutcome c : crates) {
            Map<String, Object> o = new LinkedHashMap<>();
            arr.add(o);
            o.put("wave", c.wave());
            o.put("name", c.name());
            o.put("version", c.version());
            o.put("registry", c.registry());
            o.put("status", c.status().name().toLowerCase(Locale.ROOT));
            o.put("cksum", c.cksum());
            o.put("uploadMs", c.uploadMs());
            o.put("waitMs", c.waitMs());
            o.put("attempts", c.attempts());
            o.put("detail", masker.mask(c.detail()));
        }
        AtomicFiles.writeString(file, JsonText.pretty(root));
        return file;
    }
}
