package io.github.cratesrelease.publish;

import io.github.cratesrelease.credentials.Secret;
import io.github.cratesrelease.registry.client.RegistryClient;
import io.github.cratesrelease.registry.client.RegistryClient.IndexConfig;
import io.github.cratesrelease.registry.client.RegistryClient.IndexEntry;
import io.github.cratesrelease.registry.client.RegistryHttpException;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The registry client as the publish steps use it: each target's config.json read once (its API URL and whether
 * index reads need the token), and index reads that send the token only where the registry asks for it.
 */
final class RegistryAccess {

    private final RegistryClient client;
    private final Map<String, String> apis = new ConcurrentHashMap<>();
    private final Map<String, Boolean> authRequired = new ConcurrentHashMap<>();

    RegistryAccess(RegistryClient client) {
        this.client = client;
    }

    RegistryClient client() {
        return client;
    }

    /** The web API base URL of a target, or null when its config.json cannot be read. */
    String api(Target t) {
        return t.api() != null ? t.api() : apis.computeIfAbsent(t.name(), n -> {
            try {
                IndexConfig c = client.config(t.index(), t.token());
                return c.api();
            } catch (IOException | RegistryHttpException e) {
                return null;
            }
        });
    }

    /**
     * The token for index reads: only when the registry's config.json says {@code auth-required} (as cargo does), so a
     * publish token never goes to an index host (a CDN for crates.io) that does not ask for it.
     */
    Secret readToken(Target t) {
        if (t.token() == null) {
            return null;
        }
        boolean required = authRequired.computeIfAbsent(t.name(), n -> {
            try {
                return client.config(t.index(), t.token()).authRequired();
            } catch (IOException | RegistryHttpException e) {
                return false;
            }
        });
        return required ? t.token() : null;
    }

    List<IndexEntry> index(Target t, String crate) throws IOException, RegistryHttpException {
        return client.index(t.index(), crate, readToken(t));
    }

    IndexEntry find(Target t, String crate, String version) throws IOException, RegistryHttpException {
        return client.find(t.index(), crate, version, readToken(t));
    }
}
