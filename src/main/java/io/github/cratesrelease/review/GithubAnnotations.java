package io.github.cratesrelease.review;

import io.github.cratesrelease.review.ReviewReport.Finding;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * The review for GitHub Actions: one workflow command per new finding ({@code ::error}, {@code ::warning},
 * {@code ::notice}), which GitHub shows on the pull request's files, and the Markdown appended to the job summary
 * ({@code $GITHUB_STEP_SUMMARY}).
 */
public final class GithubAnnotations {

    /** The title of every annotation, followed by the finding's category. */
    public static final String TITLE = "crates:review";

    private GithubAnnotations() {
    }

    /**
     * One line per finding of {@code r.findings()} (those base already had are not annotated), in GitHub's format:
     * {@code ::error file=F,line=L,col=C,title=T::message — hint}; {@code file}, {@code line} and {@code col} are
     * left out when unknown.
     */
    public static List<String> lines(ReviewReport r) {
        List<String> out = new ArrayList<>();
        for (Finding f : r.findings() == null ? List.<Finding>of() : r.findings()) {
            out.add(line(f));
        }
        return out;
    }

    static String line(Finding f) {
        String command = switch (f.severity()) {
            case ERROR -> "error";
            case WARNING -> "warning";
            case NOTE -> "notice";
        };
        List<String> props = new ArrayList<>();
        boolean hasFile = f.file() != null && !f.file().isBlank();
        if (hasFile) {
            props.add("file=" + property(f.file()));
            if (f.line() > 0) {
                props.add("line=" + f.line());
                if (f.column() > 0) {
                    props.add("col=" + f.column());
                }
            }
        }
        String category = f.category() == null || f.category().isBlank() ? "" : " " + f.category();
        props.add("title=" + property(TITLE + category));
        String text = (f.message() == null ? "" : f.message())
                + (f.hint() == null || f.hint().isBlank() ? "" : " — " + f.hint());
        return "::" + command + " " + String.join(",", props) + "::" + message(text);
    }

    /** A command's message: {@code %}, CR and LF escaped. */
    static String message(String s) {
        return s.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A");
    }

    /** A command's property value: as a message, and {@code :} and {@code ,} escaped too. */
    static String property(String s) {
        return message(s).replace(":", "%3A").replace(",", "%2C");
    }

    /**
     * Appends {@code markdown} (ending with a newline) to the job summary file, creating it when missing. Nothing
     * happens when {@code summaryFile} is null (not running in GitHub Actions).
     */
    public static void stepSummary(Path summaryFile, String markdown) {
        if (summaryFile == null) {
            return;
        }
        String text = markdown.endsWith("\n") ? markdown : markdown + "\n";
        try {
            Path dir = summaryFile.toAbsolutePath().getParent();
            if (dir != null && !Files.isDirectory(dir)) {
                Files.createDirectories(dir);
            }
            Files.writeString(summaryFile, text, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND, StandardOpenOption.WRITE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot append to the job summary " + summaryFile + ": " + e.getMessage(), e);
        }
    }
}
