package io.github.cratesrelease.changelog;

import io.github.cratesrelease.semver.Version;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The compare links of a promotion, written as the file writes them: the label form ({@code [0.5.0]} or
 * {@code [v0.5.0]}), the order (newest or oldest first) and, where the spec has no template, the URL learned from
 * the newest release's link ({@code .../compare/v0.3.0...v0.4.0} gives {@code .../compare/v{previous}...v{version}}).
 */
final class LinkForms {

    private LinkForms() {
    }

    /** The URL of the link in a new release heading ({@code ## [0.5.0](url) - date}), or null when none can be made. */
    static String headingCompare(Changelog log, Changelog.Section previous, Version version, String configured) {
        if (previous == null) {
            return null;
        }
        if (configured != null) {
            return fill(configured, previous.version(), version);
        }
        String url = previous.match() == null ? null : previous.match().compare();
        Changelog.Section older = log.previousOf(previous.version());
        String template = url == null ? null : template(url, previous.version(), older == null ? null
                : older.version());
        return template == null ? null : fill(template, previous.version(), version);
    }

    /**
     * Adds the release's link and moves the unreleased link on, as edits on the file's lines (0-based indexes):
     * lines inserted before an index, lines replaced, lines added at the end.
     */
    static void update(Changelog log, Changelog.Section unreleased, Changelog.Section previous, Version version,
            Promotion.Links links, Map<Integer, List<String>> before, Map<Integer, String> replace, List<String> end) {
        List<Changelog.Link> versionLinks = log.links().stream().filter(l -> versionOf(l.label()) != null)
                .sorted(Comparator.comparingInt(Changelog.Link::line)).toList();
        Changelog.Link latest = previous == null ? null : versionLinks.stream()
                .filter(l -> previous.version().equals(versionOf(l.label()))).findFirst().orElse(null);
        Changelog.Section older = previous == null ? null : log.previousOf(previous.version());
        String compare = links.compareLink();
        if (compare == null && latest != null) {
            compare = template(latest.url(), previous.version(), older == null ? null : older.version());
        }
        String label = unreleased.version() != null ? null : Changelog.linkLabel(unreleased.heading());
        Changelog.Link unreleasedRef = label == null ? null : log.links().stream()
                .filter(l -> l.label().equalsIgnoreCase(label)).findFirst().orElse(null);
        String unreleasedTemplate = links.unreleasedLink();
        if (unreleasedTemplate == null && unreleasedRef != null && previous != null) {
            String t = replaceVersion(unreleasedRef.url(), previous.version(), "{previous}");
            unreleasedTemplate = t.equals(unreleasedRef.url()) ? null : t;
        }
        String unreleasedUrl = label == null || unreleasedTemplate == null ? null
                : unreleasedTemplate.replace("{previous}", version.toString());
        if (unreleasedUrl != null && unreleasedRef != null) {
            replace.put(unreleasedRef.line() - 1, "[" + unreleasedRef.label() + "]: " + unreleasedUrl);
        }
        List<String> add = new ArrayList<>();
        if (unreleasedUrl != null && unreleasedRef == null) {
            add.add("[" + label + "]: " + unreleasedUrl);
        }
        if (compare != null && previous != null) {
            add.add("[" + labelForm(log, latest, versionLinks, previous).replace("{version}", version.toString())
                    + "]: " + fill(compare, previous.version(), version));
        }
        if (add.isEmpty()) {
            return;
        }
        boolean oldestFirst = versionLinks.size() > 1 && versionOf(versionLinks.get(0).label())
                .compareTo(versionOf(versionLinks.get(versionLinks.size() - 1).label())) < 0;
        int at;
        if (oldestFirst) {
            java.util.Collections.reverse(add);
            at = versionLinks.get(versionLinks.size() - 1).line();  // after the newest
        } else if (unreleasedRef != null && (versionLinks.isEmpty() || unreleasedRef.line() < versionLinks.get(0).line())) {
            at = unreleasedRef.line();  // right after the unreleased link
        } else if (!versionLinks.isEmpty()) {
            at = versionLinks.get(0).line() - 1;
        } else {
            end.addAll(add);
            return;
        }
        before.computeIfAbsent(at, k -> new ArrayList<>()).addAll(add);
    }

    /** The label of a version's link with {@code {version}}: as the newest release's, else as the headings show. */
    private static String labelForm(Changelog log, Changelog.Link latest, List<Changelog.Link> versionLinks,
            Changelog.Section previous) {
        Changelog.Link sample = latest != null ? latest : versionLinks.isEmpty() ? null : versionLinks.get(0);
        if (sample != null) {
            Version v = versionOf(sample.label());
            return sample.label().replace(v.toString(), "{version}");
        }
        return log.style().text().contains("[v{version}]") ? "v{version}" : "{version}";
    }

    /** A link label's version ({@code 0.5.0}, {@code v0.5.0}), or null. */
    static Version versionOf(String label) {
        String s = label.startsWith("v") || label.startsWith("V") ? label.substring(1) : label;
        if (!s.matches(HeadingStyle.VERSION)) {
            return null;
        }
        try {
            return Version.parse(s);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** A link of {@code version} made a template: null when the URL does not name the version. */
    private static String template(String url, Version version, Version older) {
        String t = replaceVersion(url, version, "{version}");
        if (t.equals(url)) {
            return null;
        }
        return older == null ? t : replaceVersion(t, older, "{previous}");
    }

    private static String replaceVersion(String text, Version v, String with) {
        return text.replaceAll("(?<!\\d)(?<!\\d\\.)" + Pattern.quote(v.toString()) + "(?![\\d])", Matcher.quoteReplacement(with));
    }

    private static String fill(String template, Version previous, Version version) {
        return template.replace("{previous}", previous.toString()).replace("{version}", version.toString());
    }
}
