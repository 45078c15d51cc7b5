package org.chorus.client;

import java.util.List;

/** The server's first frame on a connection: who, which node, and whether an earlier connection's state was found. */
public record Welcome(String user, String node, boolean resumed, List<String> rooms) {
}
