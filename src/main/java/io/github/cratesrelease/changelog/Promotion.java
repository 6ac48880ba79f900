package io.github.cratesrelease.changelog;

import io.github.cratesrelease.diag.Diagnostics;
import io.github.cratesrelease.semver.Version;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns a changelog's unreleased section into the section of a release: its heading becomes
 * {@code ## [X.Y.Z] - YYYY-MM-DD}, a fresh empty unreleased section goes on top, and with link templates the
 * release's compare link is added and the unreleased link moves on. Every other line stays as it was.
 */
public final class Promotion {

    /**
     * @param compareLink    template with {@code {previous}} and {@code {version}}, or null
     * @param unreleasedLink template with {@code {previous}}, or null
     */
    public record Links(String compareLink, String unreleasedLink) {
        public static final Links NONE = new Links(null, null);
    }

    private Promotion() {
    }

    /** The promoted text, or null with the reasons in {@code diags}. */
    public static String promote(Changelog log, Version version, LocalDate date, boolean requireEntries, Links links,
            Diagnostics diags) {
        diags.addAll(log.problems());
        Changelog.Section unreleased = checkUnreleased(log, version, requireEntries, diags);
        Changelog.Section existing = log.release(version);
        if (existing != null) {
            diags.error(log.at(existing.line(), 1), "there is already a section for " + version,
                    "bump to another version, or remove the section if it was never released");
        }
        if (diags.hasErrors()) {
            return null;
        }
        String eol = log.lineEnd();
        Changelog.Section previous = log.latestRelease();
        List<String> lines = new ArrayList<>(log.lines());
        int at = unreleased.line() - 1;
        String original = lines.get(at);
        lines.set(at, "## [" + version + "] - " + date + eol);
        lines.add(at, original);
        lines.add(at + 1, eol);
        if (links.compareLink() != null || links.unreleasedLink() != null) {
            String label = Changelog.linkLabel(unreleased.heading());
            Changelog.Link unreleasedRef = log.links().stream().filter(l -> l.label().equalsIgnoreCase(label))
                    .findFirst().orElse(null);
            Changelog.Link firstVersionRef = log.links().stream().filter(l -> isVersion(l.label())).findFirst()
                    .orElse(null);
            String unreleasedUrl = links.unreleasedLink() == null ? null
                    : links.unreleasedLink().replace("{previous}", version.toString());
            List<String> add = new ArrayList<>();
            if (unreleasedUrl != null && unreleasedRef == null) {
                add.add("[" + label + "]: " + unreleasedUrl + eol);
            }
            if (links.compareLink() != null && previous != null) {
                add.add("[" + version + "]: " + links.compareLink().replace("{previous}", previous.version().toString())
                        .replace("{version}", version.toString()) + eol);
            }
            if (unreleasedUrl != null && unreleasedRef != null) {
                lines.set(index(unreleasedRef, unreleased), "[" + unreleasedRef.label() + "]: " + unreleasedUrl + eol);
            }
            if (!add.isEmpty()) {
                int insert;
                if (unreleasedRef != null && (firstVersionRef == null || unreleasedRef.line() < firstVersionRef.line())) {
                    insert = index(unreleasedRef, unreleased) + 1; // right after the unreleased link
                } else if (firstVersionRef != null) {
                    insert = index(firstVersionRef, unreleased);
                } else {
                    insert = lines.size();
                    while (insert > 0 && lines.get(insert - 1).replace("\r", "").isBlank()) {
                        insert--;
                    }
                    lines.add(insert, eol);
                    insert++;
                }
                lines.addAll(insert, add);
            }
        }
        return String.join("\n", lines) + (log.trailingNewline() ? "\n" : "");
    }

    /**
     * Checks that the unreleased section is there to promote and, when required, has entries; returns it (or null).
     *
     * @param version the version it becomes, or null for "the next bump"
     */
    static Changelog.Section checkUnreleased(Changelog log, Version version, boolean requireEntries,
            Diagnostics diags) {
        Changelog.Section unreleased = log.unreleased();
        String heading = log.unreleasedHeading();
        if (unreleased == null) {
            diags.error(log.at(1, 1), "no '## " + heading + "' section to " + (version == null
                    ? "promote on the next bump" : "release as " + version), "add '## " + heading + "' with the "
                            + "changes of " + (version == null ? "the next version" : version)
                            + " above the newest release");
        } else if (!unreleased.hasEntries() && requireEntries) {
            diags.error(log.at(unreleased.line(), 1), "the '## " + unreleased.heading() + "' section is empty"
                    + (version == null ? "" : ", so " + version + " would be released with no entry"),
                    "list the changes under it (### Added, ### Changed, ### Fixed...), or set "
                            + "changelog.require-unreleased-entries: false");
        }
        return unreleased;
    }

    /** Index of a link line in the promoted text: lines below the unreleased heading moved down by two. */
    private static int index(Changelog.Link link, Changelog.Section unreleased) {
        return link.line() - 1 + (link.line() > unreleased.line() ? 2 : 0);
    }

    private static boolean isVersion(String label) {
        try {
            Version.parse(label);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
