package io.github.cratesrelease.publish;

import io.github.cratesrelease.registry.client.RegistryHttpException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** PUTs the packaged {@code .crate} with its metadata to the registry's web API, as cargo would. */
final class DirectTransport implements Transport {

    private final PublishRun run;

    DirectTransport(PublishRun run) {
        this.run = run;
    }

    @Override
    public void upload(PublishItem i, Target t) throws IOException, RegistryHttpException {
        List<String> warnings = run.access.client().publish(run.access.api(t), t.token(),
                i.metadata().getBytes(StandardCharsets.UTF_8), i.archive().bytes());
        warnings.forEach(w -> run.ctx.out().warn(i.label() + ": registry warning: " + w));
    }
}
