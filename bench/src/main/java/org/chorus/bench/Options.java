package org.chorus.bench;

import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The command line: every option with its default, so that a scenario run with none is the documented one.
 */
public final class Options {

    /** Option name, default (empty: the scenario's own) and meaning, in the order of {@code --help}. */
    private static final String[][] KNOWN = {
            {"clients", "", "clients (WebSocket connections), each logged in with its own HTTP session"},
            {"rooms", "1", "rooms the clients are spread over (each client joins one)"},
            {"rate", "", "messages per second into each room, all senders together"},
            {"senders", "4", "clients that send (one per demo user; a user may send chorus.rate.per-second)"},
            {"size", "100", "message text size in bytes"},
            {"duration", "", "measured seconds (per step for stepping scenarios)"},
            {"warmup", "", "seconds of load before measuring"},
            {"steps", "", "client counts of the capacity stepper, comma separated"},
            {"p99-limit", "50",
                    "the stepper stops past this p99 in milliseconds; restart: the limit its clients must settle within"},
            {"kill-at", "15", "seconds into the measured run when the node is killed (failover) or its clients drop "
                    + "(storm)"},
            {"node", "node1",
                    "the node killed (failover), stormed (storm), measured first (memory) or restarted (restart)"},
            {"nodes", "http://127.0.0.1:8180,http://127.0.0.1:8280", "the nodes' base URLs, node1 first"},
            {"balancer", "http://127.0.0.1:8080", "the load balancer's base URL"},
            {"users", "alice,bob,carol,dave", "the realm users the clients log in as (round robin)"},
            {"password", "", "their password; by default the environment's CHORUS_DEMO_PASSWORD, which ./chorus bench"
                    + " sets from the credentials file (an option shows in ps)"},
            {"out", "target/bench", "where the JSON, markdown and PNG results go"},
            {"home", ".", "the Chorus checkout (for ./chorus start NODE and the domain's jboss-cli)"},
            {"restart", "true",
                    "failover: start the killed node again at the end; restart: false measures the same load on the warm node, without a restart"},
            {"minutes", "30", "soak: how long the measured run lasts"},
            {"heap-at", "5", "soak: the minute of the first heap reading (at most a third of --minutes)"},
            {"chatters", "200", "joinstorm: clients chatting in the rooms before and through the storm (senders "
                    + "included)"},
            {"rounds", "1", "joins: unmeasured rounds of the whole cycle before the measured one (the JIT compiles "
                    + "the login path for minutes after a start or a deploy)"},
            {"idle-limit", "0.3", "joins: cores above which a reading of the servers' idle CPU is taken again (up to 6 "
                    + "readings in all); a run whose servers never get below it fails, since its figures would be too low"},};

    private final String scenario;
    private final Map<String, String> values = new LinkedHashMap<>();
    private final List<String> line = new ArrayList<>();

    private Options(String scenario) {
        this.scenario = scenario;
    }

    /** Parses {@code SCENARIO [--name value]...}; throws with a message for anything unknown. */
    public static Options parse(String[] args, Map<String, String> scenarioDefaults) {
        Options options = new Options(args[0]);
        for (String[] known : KNOWN) {
            options.values.put(known[0], scenarioDefaults.getOrDefault(known[0], known[1]));
        }
        for (int i = 1; i < args.length; i++) {
            String name = args[i].startsWith("--") ? args[i].substring(2) : null;
            if (name == null || !options.values.containsKey(name) || i + 1 == args.length) {
                throw new IllegalArgumentException("unknown option or missing value: " + args[i] + " (see --help)");
            }
            options.values.put(name, args[++i]);
            options.line.add("--" + name + " " + args[i]);
        }
        if (options.values.get("password").isEmpty()) {
            options.values.put("password", System.getenv().getOrDefault("CHORUS_DEMO_PASSWORD", ""));
        }
        if (options.values.get("password").isEmpty()) {
            throw new IllegalArgumentException("no password for the users: run it as ./chorus bench, which reads the"
                    + " credentials file, or set CHORUS_DEMO_PASSWORD");
        }
        for (URI uri : options.urls()) {
            if (!loopback(uri.getHost())) {
                throw new IllegalArgumentException("the benchmark runs against loopback addresses only: " + uri);
            }
        }
        return options;
    }

    private List<URI> urls() {
        List<URI> urls = new ArrayList<>(nodes());
        urls.add(balancer());
        return urls;
    }

    private static boolean loopback(String host) {
        try {
            return host != null && java.net.InetAddress.getByName(host).isLoopbackAddress();
        } catch (java.net.UnknownHostException e) {
            return false;
        }
    }

    /** The options as {@code --help} shows them. */
    public static String help() {
        StringBuilder help = new StringBuilder();
        for (String[] known : KNOWN) {
            help.append(String.format("  --%-10s %s%s%n", known[0], known[2], known[1].isEmpty()
                    ? ""
                    : " [" + known[1]
                            + "]"));
        }
        return help.toString();
    }

    public String scenario() {
        return scenario;
    }

    /** The command as typed, for the report. */
    public String command() {
        return ("./chorus bench " + scenario + " " + String.join(" ", line)).trim();
    }

    public String text(String name) {
        return values.get(name);
    }

    public int number(String name) {
        return Integer.parseInt(values.get(name));
    }

    public double decimal(String name) {
        return Double.parseDouble(values.get(name));
    }

    public boolean flag(String name) {
        return Boolean.parseBoolean(values.get(name));
    }

    public List<String> list(String name) {
        return values.get(name).isBlank() ? List.of() : List.of(values.get(name).split(","));
    }

    public List<URI> nodes() {
        return list("nodes").stream().map(URI::create).toList();
    }

    public URI balancer() {
        return URI.create(values.get("balancer"));
    }

    public Path out() {
        return Path.of(values.get("out"));
    }

    public Path home() {
        return Path.of(values.get("home"));
    }

    /** Every option and its value, for the report. */
    public Map<String, String> all() {
        return Map.copyOf(values);
    }
}
