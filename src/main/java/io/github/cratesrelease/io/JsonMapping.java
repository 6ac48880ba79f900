package io.github.cratesrelease.io;

import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * The one JSON mapper of the plugin (journal, reports, plan.json, registry answers, credential providers). Loading
 * Jackson takes about 0.3 s in a fresh JVM; a goal that will write or read JSON after reading its spec and workspace
 * can have it {@link #loadAhead() loaded meanwhile} on another core.
 */
public final class JsonMapping {

    private JsonMapping() {
    }

    private static final class Holder {
        static final ObjectMapper MAPPER = JsonMapper.builder().build();
    }

    /** The shared mapper (thread-safe once built); pretty output through {@code writerWithDefaultPrettyPrinter()}. */
    public static ObjectMapper mapper() {
        return Holder.MAPPER;
    }

    /** Builds the mapper on a thread of its own while the caller goes on. */
    public static void loadAhead() {
        Tasks.background("crates-json", JsonMapping::mapper);
    }
}
