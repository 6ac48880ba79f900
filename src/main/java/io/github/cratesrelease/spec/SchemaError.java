package io.github.cratesrelease.spec;

import java.util.List;

/**
 * One way a spec value breaks the schema, before it is put in the user's words ({@link SchemaValidator}).
 *
 * @param path the value's place in the spec: keys (strings) and list indexes (integers)
 * @param keyword the schema keyword that failed ("type", "required", "additionalProperties"...)
 * @param property the key a "required", "additionalProperties" or "propertyNames" error is about, else null
 * @param branch the anyOf branch the error comes from (the outermost anyOf), else null
 * @param message what failed, for the keywords without a message of their own ("must have at least 1 items...")
 */
record SchemaError(List<Object> path, String keyword, String property, Integer branch, String message) {
}
