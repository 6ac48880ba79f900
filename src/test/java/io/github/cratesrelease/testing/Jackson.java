package io.github.cratesrelease.testing;

import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * Jackson, for tests only: the oracle {@code io.JsonValue}, {@code io.JsonText} and the schema check are held to, and
 * a convenient reader of the JSON files goals write. The plugin itself reads and writes JSON without it.
 */
public final class Jackson {

    private static final ObjectMapper MAPPER = JsonMapper.builder().build();

    private Jackson() {
    }

    public static ObjectMapper mapper() {
        return MAPPER;
    }
}
