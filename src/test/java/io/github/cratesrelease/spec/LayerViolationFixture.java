package io.github.cratesrelease.spec;

import io.github.cratesrelease.publish.PublishEngine;

/** A test-only class in the spec package that reaches up into publish: LayersTest proves the rule catches it. */
public final class LayerViolationFixture {

    private LayerViolationFixture() {
    }

    static Class<?> upward() {
        return PublishEngine.class;
    }
}
