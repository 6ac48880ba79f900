package io.github.cratesrelease.publish;

import io.github.cratesrelease.credentials.Secret;
import io.github.cratesrelease.registry.RegistryNames;
import io.github.cratesrelease.registry.client.RegistryClient;
import io.github.cratesrelease.spec.ReleaseSpec.WaitPolicy;

/**
 * A target registry as this run talks to it.
 *
 * @param name       the registry's name in the spec
 * @param cargoName  the name cargo knows it by in this run (the rehearsal registry's during a rehearsal)
 * @param index      its index URL ({@code sparse+https://...} or a git URL), or null when unknown
 * @param api        its web API base URL when known up front (else read from config.json)
 * @param token      the publish token, or null (dry runs)
 * @param waitPolicy how to wait between waves
 * @param direct     upload the packaged crate ourselves (else {@code cargo publish})
 */
public record Target(String name, String cargoName, String index, String api, Secret token, WaitPolicy waitPolicy,
        boolean direct) {

    /** Whether its index is a sparse one, which we can read (and poll) over HTTP. */
    public boolean sparse() {
        return index != null && RegistryClient.isSparse(index);
    }

    /** The index URL cargo compares dependency registries with: crates.io's is its git URL. */
    public String indexForMetadata() {
        return RegistryNames.CRATES_IO.equals(cargoName) ? PublishMetadata.CRATES_IO_INDEX : index;
    }
}
