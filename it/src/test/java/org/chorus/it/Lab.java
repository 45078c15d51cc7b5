package org.chorus.it;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The hosts of {@code ./chorus lab} (network namespaces with a host controller and a server each), as its status prints
 * them: the balancer's address and each host's node; and its fault verbs.
 */
final class Lab {

    static final String HOST1 = "host1";
    static final String HOST2 = "host2";
    static final String HOST3 = "host3";
    private static final Pattern LINE = Pattern.compile("^(balancer|host\\d+) (http://\\S+?)(/chorus)?( \\(.*)?$",
            Pattern.MULTILINE);

    private final Map<String, URI> addresses = new LinkedHashMap<>();

    private Lab(String status) {
        Matcher m = LINE.matcher(status);
        while (m.find()) {
            addresses.put(m.group(1), URI.create(m.group(2) + "/"));
        }
        assertTrue(addresses.containsKey("balancer") && addresses.containsKey(HOST3), "lab status: " + status);
    }

    /** {@code ./chorus lab up --hosts N}, then what its status prints. */
    static Lab up(int hosts) throws Exception {
        RunCommand.chorus(Duration.ofMinutes(15), "lab", "up", "--hosts", String.valueOf(hosts)).orFail(
                "./chorus lab up");
        return new Lab(RunCommand.chorus(Duration.ofMinutes(1), "lab", "status").orFail("./chorus lab status")
                .output());
    }

    static void down() throws Exception {
        RunCommand.chorus(Duration.ofMinutes(3), "lab", "down").orFail("./chorus lab down");
    }

    /** The balancer's root, e.g. {@code http://10.77.0.1:8080/}. */
    URI balancer() {
        return addresses.get("balancer");
    }

    /** The root of a host's node, e.g. {@code http://10.77.0.3:8180/}. */
    URI node(String host) {
        return addresses.get(host);
    }

    /** The chat application on a host's node. */
    URI chorus(String host) {
        return node(host).resolve("/chorus/");
    }

    /**
     * Polls {@code ./chorus lab health HOST} (the node's readiness, asked from inside the host) until it says
     * {@code status}; returns the ms from {@code since} (System.nanoTime) to that answer.
     */
    static long awaitHealth(String host, String status, Duration limit, long since) throws Exception {
        long deadline = System.nanoTime() + limit.toNanos();
        String last;
        do {
            last = RunCommand.chorus(Duration.ofSeconds(30), "lab", "health", host).output();
            if (last.contains("\"status\":\"" + status + "\"")) {
                return Duration.ofNanos(System.nanoTime() - since).toMillis();
            }
            TimeUnit.MILLISECONDS.sleep(500);
        } while (System.nanoTime() < deadline);
        throw new AssertionError(host + " did not report " + status + " within " + limit + ": " + last);
    }

    /**
     * Runs a fault or repair verb ({@code crash}, {@code start}, {@code cut}, {@code heal}) on a host, with its options
     * (such as {@code --cluster} for {@code cut}).
     */
    static RunCommand.Result verb(String verb, String host, String... options) throws Exception {
        String[] args = new String[3 + options.length];
        args[0] = "lab";
        args[1] = verb;
        args[2] = host;
        System.arraycopy(options, 0, args, 3, options.length);
        return RunCommand.chorus(Duration.ofMinutes(6), args).orFail("./chorus " + String.join(" ", args));
    }
}
