package org.chorus.infrastructure.store;

/**
 * This server's node name ({@code jboss.node.name}), as the cluster view and the protocol's {@code node} name it.
 */
public final class LocalNode {

    private LocalNode() {
    }

    public static String name() {
        return System.getProperty("jboss.node.name", "unknown");
    }
}
