package io.github.cratesrelease.release;

import io.github.cratesrelease.diag.ReleaseException;
import io.github.cratesrelease.output.Reporter;
import io.github.cratesrelease.publish.PublishOptions;
import io.github.cratesrelease.run.Invocation;
import io.github.cratesrelease.run.RunContext;
import java.nio.file.Path;

/** Runs crates:release in its own JVM (for the kill-and-resume test): args = spec. Prints the output as it goes. */
public final class ReleaseMain {
    private ReleaseMain() {
    }

    public static void main(String[] args) {
        Reporter out = new Reporter() {
            @Override
            public void info(String line) {
                System.out.println("[INFO] " + line);
            }

            @Override
            public void warn(String line) {
                System.out.println("[WARN] " + line);
            }

            @Override
            public void error(String line) {
                System.out.println("[ERROR] " + line);
            }
        };
        Path spec = Path.of(args[0]);
        try (RunContext ctx = RunContext.builder(System.getenv(), out).spec(spec)
                .invocation(Invocation.of("release", spec)).build()) {
            ReleaseGoal.release(ctx, ReleaseOptions.of(PublishOptions.builder(spec).verify(false).build()));
        } catch (ReleaseException e) {
            System.out.println("FAILED: " + e.fullMessage());
            System.exit(1);
        }
    }
}
