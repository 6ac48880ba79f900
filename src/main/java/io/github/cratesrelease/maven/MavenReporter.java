package io.github.cratesrelease.maven;

import io.github.cratesrelease.output.Reporter;
import org.apache.maven.plugin.logging.Log;

/** Sends engine output to the Maven log. */
final class MavenReporter implements Reporter {
    private final Log log;

    MavenReporter(Log log) {
        this.log = log;
    }

    @Override
    public void info(String line) {
        log.info(line);
    }

    @Override
    public void warn(String line) {
        log.warn(line);
    }

    @Override
    public void error(String line) {
        log.error(line);
    }

    @Override
    public void debug(String line) {
        if (log.isDebugEnabled()) {
            log.debug(line);
        }
    }
}
