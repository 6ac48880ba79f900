package io.github.cratesrelease.publish;

import io.github.cratesrelease.registry.client.RegistryHttpException;
import java.io.IOException;

/**
 * How one packaged crate reaches its registry. A 429, an "already uploaded" answer or a 5xx comes back as a
 * {@link RegistryHttpException} (the uploader waits, confirms or retries), a reset or timeout as an
 * {@link IOException}; a failure no retry would fix as a {@link CrateFailure}.
 */
interface Transport {

    void upload(PublishItem item, Target target) throws IOException, RegistryHttpException;

    /** The transport for a target: the direct upload of the crate we packaged, or {@code cargo publish}. */
    static Transport of(PublishRun run, Target target) {
        return target.direct() ? new DirectTransport(run) : new CargoTransport(run);
    }
}
