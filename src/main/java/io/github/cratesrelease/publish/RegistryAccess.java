package io.github.cratesrelease.publish;

import io.github.cratesrelease.credentials.Secret;
import io.github.cratesrelease.io.Tasks;
import io.github.cratesrelease.registry.client.RegistryClient;
import io.github.cratesrelease.registry.client.RegistryClient.IndexConfig;
import io.github.cratesrelease.registry.client.RegistryClient.IndexEntry;
import io.github.cratesrelease.registry.client.RegistryHttpException;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * The registry client as the publish steps use it: each target's config.json read once (its API URL and whether
 * index reads need the token; the token check reads the same answer), and index reads that send the token only where
 * the registry asks for it.
 */
final class RegistryAccess {

    /** A target's config.json as read once: its answer, or why it could not be read (an I/O or HTTP error). */
    record ConfigRead(IndexConfig config, Exception failure) {
    }

    /** Built on a thread of its own while the analysis ran: asked for only where a request is made. */
    private final Supplier<RegistryClient> client;
    private final Map<String, CompletableFuture<ConfigRead>> configs = new ConcurrentHashMap<>();

    RegistryAccess(Supplier<RegistryClient> client) {
        this.client = client;
    }

    RegistryClient client() {
        return client.get();
    }

    /**
     * The config.json of a target, asked once on a thread of its own (sent with the token only when the registry
     * answers 401); every caller gets the same answer.
     */
    CompletableFuture<ConfigRead> configAhead(Target t) {
        return configs.computeIfAbsent(t.name(), n -> Tasks.background("crates-config-" + n, () -> {
            try {
                return new ConfigRead(client().config(t.index(), t.token()), null);
            } catch (IOException | RegistryHttpException | RuntimeException e) {
                return new ConfigRead(null, e);
            }
        }));
    }

    private IndexConfig config(Target t) {
        return Tasks.join(configAhead(t)).config();
    }

    /**
     * The web API base URL of a target, or null when its config.json cannot be read (asked again at each need until
     * it can: an upload needs it).
     */
    String api(Target t) {
        if (t.api() != null) {
            return t.api();
        }
        IndexConfig c = config(t);
        if (c == null) {
            try {
                c = client().config(t.index(), t.token());
                configs.put(t.name(), CompletableFuture.completedFuture(new ConfigRead(c, null)));
            } catch (IOException | RegistryHttpException e) {
                return null;
            }
        }
        return c.api();
    }

    /**
     * The token for index reads: only when the registry's config.json says {@code auth-required} (as cargo does), so a
     * publish token never goes to an index host (a CDN for crates.io) that does not ask for it.
     */
    Secret readToken(Target t) {
        if (t.token() == null) {
            return null;
        }
        IndexConfig c = config(t);
        return c != null && c.authRequired() ? t.token() : null;
    }

    List<IndexEntry> index(Target t, String crate) throws IOException, RegistryHttpException {
        return client().index(t.index(), crate, readToken(t));
    }

    IndexEntry find(Target t, String crate, String version) throws IOException, RegistryHttpException {
        return client().find(t.index(), crate, version, readToken(t));
    }
}
