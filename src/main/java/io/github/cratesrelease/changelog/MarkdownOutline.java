package io.github.cratesrelease.changelog;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The parts of a Markdown file a changelog needs: its headings (ATX {@code ## x} and setext {@code x} underlined
 * with {@code ===} or {@code ---}), its link reference definitions, and which lines are inside fenced code blocks
 * (headings there are text). Lines are given without their line breaks.
 */
final class MarkdownOutline {

    /**
     * A heading: 1-based line of its text, its level (setext: 1 for {@code ===}, 2 for {@code ---}), its text and
     * the column where the text starts; {@code underline} is the setext underline line (0 for ATX).
     */
    record Heading(int line, int level, boolean setext, String text, int column, int underline) {
        /** The last line of the heading (the underline of a setext heading). */
        int lastLine() {
            return setext ? underline : line;
        }
    }

    /** A link reference definition {@code [label]: url}. */
    record Link(int line, String label, String url) {
    }

    private static final Pattern ATX = Pattern.compile("^ {0,3}(#{1,6})(?:[ \\t]+(.*?))?(?:[ \\t]+#+)?[ \\t]*$");
    private static final Pattern UNDERLINE = Pattern.compile("^ {0,3}(=+|-+)[ \\t]*$");
    private static final Pattern LINK = Pattern.compile("^ {0,3}\\[([^\\]]+)\\]:\\s*(\\S+)(?:\\s+.*)?$");
    private static final Pattern FENCE = Pattern.compile("^\\s*(```|~~~)");
    private static final Pattern NOT_SETEXT_TEXT = Pattern.compile("^\\s*(?:[-*+>|#]|\\d+[.)]\\s|<!--|\\[[^\\]]+\\]:)");

    final List<Heading> headings = new ArrayList<>();
    final List<Link> links = new ArrayList<>();
    /** 1-based: true where the line is inside a fenced block (fences included). */
    final boolean[] fenced;
    /** 1-based: true where the line is part of a heading (a setext heading's text and underline). */
    final boolean[] heading;

    MarkdownOutline(List<String> lines) {
        fenced = new boolean[lines.size() + 2];
        heading = new boolean[lines.size() + 2];
        boolean inFence = false;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            boolean fence = FENCE.matcher(line).find();
            if (fence || inFence) {
                fenced[i + 1] = true;
                inFence ^= fence;
                continue;
            }
            Matcher link = LINK.matcher(line);
            if (link.matches()) {
                links.add(new Link(i + 1, link.group(1), link.group(2)));
                continue;
            }
            Matcher atx = ATX.matcher(line);
            if (atx.matches()) {
                String text = atx.group(2) == null ? "" : atx.group(2);
                headings.add(new Heading(i + 1, atx.group(1).length(), false, text,
                        text.isEmpty() ? line.length() + 1 : atx.start(2) + 1, 0));
                continue;
            }
            if (i + 1 < lines.size() && !line.isBlank() && (i == 0 || lines.get(i - 1).isBlank())
                    && !NOT_SETEXT_TEXT.matcher(line).find() && !line.startsWith("    ")) {
                Matcher u = UNDERLINE.matcher(lines.get(i + 1));
                if (u.matches() && !(u.group(1).startsWith("-") && u.group(1).length() < 2)) {
                    String text = line.strip();
                    headings.add(new Heading(i + 1, u.group(1).startsWith("=") ? 1 : 2, true, text,
                            line.indexOf(text) + 1, i + 2));
                    heading[i + 1] = true;
                    heading[i + 2] = true;
                    i++;
                }
            }
        }
    }

    /** Whether a line is text that counts as an entry: not blank, no heading, link definition, comment or fence. */
    static boolean isEntry(String line) {
        String s = line.strip();
        return !s.isEmpty() && !s.startsWith("#") && !s.matches("(=+|-{3,})") && !LINK.matcher(line).matches()
                && !s.matches("<!--.*-->");
    }
}
