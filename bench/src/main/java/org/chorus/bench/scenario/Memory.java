package org.chorus.bench.scenario;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ForkJoinPool;

import org.chorus.bench.Options;
import org.chorus.bench.client.Client;
import org.chorus.bench.client.Login;
import org.chorus.bench.load.LoadRun;
import org.chorus.bench.load.Progress;
import org.chorus.bench.report.Report;

/**
 * Scenario 4: heap per idle connection. For each node in turn: heap after full GC on both nodes, then the clients (each
 * its own login and HTTP session) connected to that node and joined to a room, heap after full GC again; the difference
 * per connection on the node that holds the sockets and on the other (replicated sessions and state).
 */
public class Memory implements Scenario {

    @Override
    public String name() {
        return "memory";
    }

    @Override
    public String title() {
        return "Heap per idle connection";
    }

    @Override
    public Map<String, String> defaults() {
        return Map.of("clients", "10000");
    }

    @Override
    public Report run(Options options, Plan plan) {
        Report report = new Report(name(), title(), options.command(), options.all());
        List<String> names = plan.nodeNames();
        String first = options.text("node");
        for (String node : names.stream().sorted((a, b) -> a.equals(first)
                ? -1
                : b.equals(first)
                        ? 1
                        : a.compareTo(
                                b))
                .toList()) {
            String other = names.stream().filter(n -> !n.equals(node)).findFirst().orElseThrow();
            URI at = plan.nodeNamed(node);
            Progress.say(node + ": heap after GC before connecting");
            long before = plan.nodes().heapAfterGc(node);
            long otherBefore = plan.nodes().heapAfterGc(other);
            try (LoadRun run = new LoadRun(LoadRun.CHORUS, options.text("password"))) {
                List<Client> clients = run.add(options.number("clients"), i -> at, plan::user, i -> plan.room("idle",
                        0), false);
                Progress.say(node + ": heap after GC with " + clients.size() + " idle connections");
                long after = plan.nodes().heapAfterGc(node);
                long otherAfter = plan.nodes().heapAfterGc(other);
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("connections", clients.size());
                row.put("heap_before_mb", before / 1048576.0);
                row.put("heap_after_mb", after / 1048576.0);
                row.put("kb_per_connection", (after - before) / 1024.0 / Math.max(1, clients.size()));
                row.put("kb_per_connection_on_" + other, (otherAfter - otherBefore) / 1024.0 / Math.max(1, clients
                        .size()));
                report.row(node, row);
                Progress.say(node + ": " + row);
                logout(clients);
            }
        }
        report.note("each connection is a client with its own login: its HTTP session (replicated to every node), its "
                + "connection state (replicated, for failover) and its WebSocket; target <= 20 KB per idle connection");
        return report;
    }

    /** Ends the clients' HTTP sessions, so that the next measurement does not carry them. */
    private static void logout(List<Client> clients) {
        Progress.say("logging out " + clients.size() + " sessions");
        ForkJoinPool pool = new ForkJoinPool(16);
        pool.submit(() -> clients.parallelStream().forEach(c -> {
            try {
                Login.logout(c.base(), c.cookie());
            } catch (java.io.IOException e) {
                Progress.say("logout failed: " + e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        })).join();
        pool.shutdown();
    }
}
