package io.github.cratesrelease.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.cratesrelease.diag.Diagnostic;
import io.github.cratesrelease.diag.Location;
import io.github.cratesrelease.diag.ReleaseException;
import io.github.cratesrelease.run.RunContext;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.logging.SystemStreamLog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The last resort of every goal (issue 17 part 1): an exception or error that is no user mistake and no failure of
 * cargo or git becomes "internal error in crates:GOAL — please report it (...)", a MojoExecutionException with the
 * stack trace as its cause (Maven shows it under -e) and in the debug log (-X), never a bare RuntimeException.
 */
class InternalErrorTest {

    @TempDir
    Path tmp;

    /** A goal whose work throws what {@code fault} makes; the debug log recorded. */
    private static final class FaultyMojo extends AbstractCratesMojo {
        final Supplier<Throwable> fault;
        final List<String> debug = new ArrayList<>();
        final boolean debugEnabled;

        FaultyMojo(Path spec, boolean debugEnabled, Supplier<Throwable> fault) {
            this.fault = fault;
            this.debugEnabled = debugEnabled;
            this.spec = spec.toFile();
            setLog(new SystemStreamLog() {
                @Override
                public boolean isDebugEnabled() {
                    return FaultyMojo.this.debugEnabled;
                }

                @Override
                public void debug(CharSequence content, Throwable error) {
                    debug.add(content + " / " + error);
                }
            });
        }

        @Override
        protected void doExecute(RunContext ctx) {
            Throwable t = fault.get();
            if (t instanceof RuntimeException r) {
                throw r;
            }
            throw (Error) t;
        }
    }

    @Test
    void anUnexpectedExceptionIsAnInternalErrorWithItsTraceAsTheCause() {
        IllegalStateException bug = new IllegalStateException("a bug\nsecond line");
        FaultyMojo mojo = new FaultyMojo(tmp.resolve("release.yaml"), false, () -> bug);
        MojoExecutionException e = assertThrows(MojoExecutionException.class, mojo::execute);
        assertEquals("internal error in crates:FaultyMojo — please report it (java.lang.IllegalStateException: a bug; "
                + "run with -e or -X for the stack trace)", e.getMessage());
        assertSame(bug, e.getCause());
        assertTrue(mojo.debug.isEmpty(), "no trace in the log without -X");
    }

    @Test
    void anErrorTooAndTheTraceGoesToTheDebugLogUnderX() {
        FaultyMojo mojo = new FaultyMojo(tmp.resolve("release.yaml"), true, StackOverflowError::new);
        MojoExecutionException e = assertThrows(MojoExecutionException.class, mojo::execute);
        assertTrue(e.getMessage().startsWith("internal error in crates:FaultyMojo — please report it "
                + "(java.lang.StackOverflowError"), e.getMessage());
        assertEquals(1, mojo.debug.size());
        assertTrue(mojo.debug.get(0).endsWith("/ java.lang.StackOverflowError"), mojo.debug.get(0));
    }

    @Test
    void aUserMistakeIsStillAFailureWithoutATrace() {
        Path spec = tmp.resolve("release.yaml");
        FaultyMojo mojo = new FaultyMojo(spec, true, () -> new ReleaseException(Diagnostic.error(
                new Location(spec, 3, 7), "wrong", "fix it")));
        MojoFailureException e = assertThrows(MojoFailureException.class, mojo::execute);
        assertTrue(e.getMessage().contains("release.yaml:3:7: wrong"), e.getMessage());
        assertEquals(null, e.getCause());
        assertFalse(e.getMessage().contains("internal error"));
    }
}
