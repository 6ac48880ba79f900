package io.github.cratesrelease.registry.embedded;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/** Starts embedded registries for a test and stops them after it ({@code @RegisterExtension}). */
final class Registries implements AfterEachCallback {
    private final List<EmbeddedRegistry> started = new ArrayList<>();

    EmbeddedRegistry start(RegistryOptions options) {
        EmbeddedRegistry r = EmbeddedRegistry.start(options);
        started.add(r);
        return r;
    }

    @Override
    public void afterEach(ExtensionContext context) {
        started.forEach(EmbeddedRegistry::close);
        started.clear();
    }
}
