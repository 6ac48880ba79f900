package io.github.cratesrelease.registry.client;

import java.io.IOException;

/**
 * A registry answered, but with data we cannot use: an index line that is not JSON, a body larger than we read. The
 * message names the crate, the line and the URL; callers add the registry's name.
 */
public final class RegistryDataException extends IOException {

    public RegistryDataException(String message) {
        super(message);
    }
}
