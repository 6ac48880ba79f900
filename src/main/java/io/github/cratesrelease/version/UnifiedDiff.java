package io.github.cratesrelease.version;

import com.github.difflib.DiffUtils;
import com.github.difflib.patch.AbstractDelta;
import java.util.ArrayList;
import java.util.List;

/**
 * A unified diff that {@code git apply} (and {@code patch -p1}) takes: {@code a/} and {@code b/} paths, three lines of
 * context, hunks merged when their context touches, line endings kept as they are in the file (a CRLF file's lines
 * keep their {@code \r}), and {@code \ No newline at end of file} after a last line that has no newline.
 */
final class UnifiedDiff {

    private static final int CONTEXT = 3;
    private static final String NO_NEWLINE = "\\ No newline at end of file";

    private UnifiedDiff() {
    }

    /** The diff's lines (without their {@code \n}); empty when the texts are equal. */
    static List<String> of(String name, String before, String after) {
        List<String> a = split(before);
        List<String> b = split(after);
        List<AbstractDelta<String>> deltas = DiffUtils.diff(a, b).getDeltas();
        List<String> out = new ArrayList<>();
        if (deltas.isEmpty()) {
            return out;
        }
        out.add("--- a/" + name);
        out.add("+++ b/" + name);
        boolean aEndsOpen = !before.isEmpty() && !before.endsWith("\n");
        boolean bEndsOpen = !after.isEmpty() && !after.endsWith("\n");
        int i = 0;
        while (i < deltas.size()) {
            // one hunk: deltas whose context overlaps or touches
            int j = i;
            while (j + 1 < deltas.size() && deltas.get(j + 1).getSource().getPosition()
                    - end(deltas.get(j)) <= 2 * CONTEXT) {
                j++;
            }
            int aStart = Math.max(0, deltas.get(i).getSource().getPosition() - CONTEXT);
            int aEnd = Math.min(a.size(), end(deltas.get(j)) + CONTEXT);
            int bStart = aStart + deltas.get(i).getTarget().getPosition() - deltas.get(i).getSource().getPosition();
            List<String> body = new ArrayList<>();
            int aLines = 0;
            int bLines = 0;
            int pos = aStart;
            for (int k = i; k <= j; k++) {
                AbstractDelta<String> d = deltas.get(k);
                for (; pos < d.getSource().getPosition(); pos++) {
                    line(body, ' ', a.get(pos), pos == a.size() - 1 && aEndsOpen);
                    aLines++;
                    bLines++;
                }
                List<String> removed = d.getSource().getLines();
                for (int r = 0; r < removed.size(); r++) {
                    int at = d.getSource().getPosition() + r;
                    line(body, '-', removed.get(r), at == a.size() - 1 && aEndsOpen);
                    aLines++;
                }
                List<String> added = d.getTarget().getLines();
                for (int r = 0; r < added.size(); r++) {
                    int at = d.getTarget().getPosition() + r;
                    line(body, '+', added.get(r), at == b.size() - 1 && bEndsOpen);
                    bLines++;
                }
                pos = end(d);
            }
            for (; pos < aEnd; pos++) {
                // a context line that is the last of both files: its missing newline is the same on both sides
                line(body, ' ', a.get(pos), pos == a.size() - 1 && aEndsOpen);
                aLines++;
                bLines++;
            }
            out.add("@@ -" + range(aStart, aLines) + " +" + range(bStart, bLines) + " @@");
            out.addAll(body);
            i = j + 1;
        }
        return out;
    }

    private static int end(AbstractDelta<String> d) {
        return d.getSource().getPosition() + d.getSource().size();
    }

    private static void line(List<String> body, char kind, String text, boolean lastWithoutNewline) {
        body.add(kind + text);
        if (lastWithoutNewline) {
            body.add(NO_NEWLINE);
        }
    }

    /** {@code start,count} as unified diffs write it (1-based; an empty range names the line before it). */
    private static String range(int start, int count) {
        if (count == 0) {
            return start + ",0";
        }
        return count == 1 ? String.valueOf(start + 1) : (start + 1) + "," + count;
    }

    /** The lines of a text, split at {@code \n} only: a {@code \r} before it stays part of the line. */
    private static List<String> split(String text) {
        List<String> out = new ArrayList<>();
        int from = 0;
        while (from < text.length()) {
            int nl = text.indexOf('\n', from);
            if (nl < 0) {
                out.add(text.substring(from));
                break;
            }
            out.add(text.substring(from, nl));
            from = nl + 1;
        }
        return out;
    }
}
