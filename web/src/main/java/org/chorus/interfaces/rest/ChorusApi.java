package org.chorus.interfaces.rest;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/**
 * Mounts the JSON HTTP API at {@code /chorus/api}.
 */
@ApplicationPath("/api")
public class ChorusApi extends Application {
}
