package io.github.cratesrelease.io;

import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * The one JSON mapper of the plugin (journal, reports, registry answers, credential providers). Loading Jackson takes
 * about 0.3 s in a fresh JVM, so a goal that only writes a small file at its end does without it ({@link JsonText#pretty}
 * for {@code plan.json}); publish builds its registry client, and with it this mapper, while it reads the spec.
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
}
