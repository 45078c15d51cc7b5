package org.chorus.infrastructure.json;

import jakarta.json.spi.JsonProvider;

/**
 * The one JSON-P provider, looked up once. {@code jakarta.json.Json}'s static methods look the provider up with a
 * ServiceLoader on every call, which under JBoss Modules searches the deployment's jars each time: measured as the
 * largest single cost of a chat message on the server (every frame parsed and written goes through here).
 */
public final class Jsonp {

    public static final JsonProvider JSON = JsonProvider.provider();

    private Jsonp() {
    }
}
