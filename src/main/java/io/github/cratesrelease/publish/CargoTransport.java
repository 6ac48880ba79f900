package io.github.cratesrelease.publish;

import io.github.cratesrelease.process.ProcessRunner;
import io.github.cratesrelease.credentials.TokenVariables;
import io.github.cratesrelease.registry.client.RegistryHttpException;
import io.github.cratesrelease.run.RunContext;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code cargo publish --no-verify -p <crate>} (registries with a git index, or {@code -Dcrates.uploadMode=cargo}).
 * The token goes into cargo's environment only; cargo's answer is mapped to what the uploader understands.
 */
final class CargoTransport implements Transport {

    private final PublishRun run;

    CargoTransport(PublishRun run) {
        this.run = run;
    }

    @Override
    public void upload(PublishItem i, Target t) throws IOException, RegistryHttpException {
        RunContext ctx = run.ctx;
        Map<String, String> e = new HashMap<>(run.cargoEnv);
        e.putAll(TokenVariables.forCargo(t.cargoName(), t.token()));  // this registry's token, in the environment only
        List<String> cmd = List.of("cargo", "publish", "--no-verify", "--allow-dirty", "-p", i.name(),
                "--registry", t.cargoName());
        ProcessRunner.Result r = run.cargoLog().run(run.workDir, e, cmd, i.name(), false);
        if (r.ok()) {
            Path built = run.targetDirectory(run.workDir).resolve("package").resolve(i.name() + "-" + i.version()
                    + ".crate");
            if (Files.isRegularFile(built)) {
                CrateArchive c = CrateArchive.read(built);
                if (!c.sha256().equals(i.archive().sha256())) {
                    ctx.out().warn(i.label() + ": cargo re-packaged the crate with another checksum (" + c.sha256()
                            + "); the integrity check uses cargo's");
                    i.archive(c);
                    run.journal.repackaged(i.entry(), c.sha256());
                }
            }
            return;
        }
        String text = ctx.masker().mask(String.join("\n", r.output()));
        String lower = text.toLowerCase(Locale.ROOT);
        String detail = ctx.masker().mask(r.tail(3));
        if (lower.matches("(?s).*\\bstatus 429\\b.*") || lower.contains("too many requests")) {  // not a port
            throw new RegistryHttpException(429, detail, null);
        }
        if (lower.contains("already exists") || lower.contains("already uploaded")) {
            throw new RegistryHttpException(400, detail, null);
        }
        if (lower.matches("(?s).*\\b50[0-9]\\b.*") || lower.contains("connection reset")
                || lower.contains("timed out")) {
            throw new RegistryHttpException(503, detail, null);
        }
        throw new CrateFailure("cargo publish failed (exit " + r.exit() + "). Cargo says:\n"
                + run.cargoLog().errorBlock(r).indent(4).stripTrailing() + "\n(its whole output is in "
                + run.cargoLog().file() + ")");
    }
}
