package org.chorus.bench.scenario;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.chorus.bench.Options;
import org.chorus.bench.cluster.Nodes;
import org.chorus.bench.load.LoadRun;
import org.chorus.bench.load.Window;

/**
 * What every scenario needs from the options: users in turn, fresh room names for this run, the nodes' URLs and names,
 * and the measured window with the servers' CPU per delivery.
 */
public final class Plan {

    private final Options options;
    private final Nodes nodes;
    private final String stamp = Long.toString(System.currentTimeMillis() / 1000 % 46_656_000L, 36);

    public Plan(Options options) {
        this.options = options;
        this.nodes = new Nodes(options.home());
    }

    public Nodes nodes() {
        return nodes;
    }

    /** The {@code k}th room of this run for {@code tag}: a name no earlier run used, so history starts empty. */
    String room(String tag, int k) {
        return "bench-" + stamp + "-" + tag + "-" + k;
    }

    String user(int i) {
        List<String> users = options.list("users");
        return users.get(i % users.size());
    }

    /** Node i's URL in turn (the clients of a spread run). */
    URI node(int i) {
        List<URI> all = options.nodes();
        return all.get(i % all.size());
    }

    URI nodeNamed(String name) {
        return options.nodes().stream().filter(u -> nameOf(u).equals(name)).findFirst().orElseThrow(
                () -> new IllegalArgumentException("no node " + name + " in --nodes"));
    }

    List<String> nodeNames() {
        return options.nodes().stream().map(Plan::nameOf).toList();
    }

    /** node N listens on 8080 + N x 100. */
    static String nameOf(URI node) {
        return "node" + (node.getPort() - 8080) / 100;
    }

    /** A measured window and its figures for the report (to which a scenario adds its own). */
    record Measured(Window window, Map<String, Object> figures) {
    }

    /** Measures the run for the duration option: the window's figures and the servers' CPU per delivery. */
    Measured measure(LoadRun run) {
        return measure(run, options.decimal("duration"));
    }

    /** Measures the run for {@code seconds}. */
    Measured measure(LoadRun run, double seconds) {
        Map<Long, Long> cpu = nodes.cpuNanos(nodeNames());
        Window window = run.measure(seconds);
        long used = Nodes.used(cpu, nodes.cpuNanos(nodeNames()));
        Map<String, Object> figures = new LinkedHashMap<>(window.figures());
        figures.put("server_cpu_us_per_delivery", used / 1000.0 / Math.max(1, window.deliveries()));
        return new Measured(window, figures);
    }
}
