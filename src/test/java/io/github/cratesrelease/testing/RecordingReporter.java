package io.github.cratesrelease.testing;

import io.github.cratesrelease.output.Reporter;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Keeps every line a run prints (and echoes it, so a failing test shows the run). */
public final class RecordingReporter implements Reporter {
    public final List<String> lines = new CopyOnWriteArrayList<>();

    @Override
    public void info(String line) {
        add("[INFO] " + line);
    }

    @Override
    public void warn(String line) {
        add("[WARN] " + line);
    }

    @Override
    public void error(String line) {
        add("[ERROR] " + line);
    }

    private void add(String l) {
        lines.add(l);
        System.out.println(l);
    }

    public String text() {
        return String.join("\n", lines);
    }
}
