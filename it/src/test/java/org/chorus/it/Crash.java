package org.chorus.it;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real crash of an Arquillian test server: SIGKILL (kill -9) to its JVM, found by the base directory on its command
 * line, no shutdown hook, nothing flushed.
 */
public final class Crash {

    private Crash() {
    }

    /** Kills the JVM of a test server ({@link Cluster#NODE_1} or {@link Cluster#NODE_2}) and waits until it is gone. */
    public static void kill(String node) throws Exception {
        String marker = "-Djboss.server.base.dir=" + System.getProperty("chorus.it.dir") + "/" + node + " ";
        List<ProcessHandle> servers = ProcessHandle.allProcesses().filter(p -> p.info().commandLine().map(c -> c
                .contains(marker)).orElse(false)).toList();
        if (servers.size() != 1) {
            throw new AssertionError("expected one JVM of " + node + ", found " + servers.size());
        }
        ProcessHandle server = servers.get(0);
        if (!server.destroyForcibly()) { // SIGKILL on Linux
            throw new AssertionError("could not kill " + node + " (pid " + server.pid() + ")");
        }
        server.onExit().get(Duration.ofSeconds(30).toSeconds(), TimeUnit.SECONDS);
    }
}
