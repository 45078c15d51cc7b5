package org.chorus.bench.scenario;

import java.util.List;
import java.util.Map;

import org.chorus.bench.Options;
import org.chorus.bench.client.Client;
import org.chorus.bench.load.LoadRun;
import org.chorus.bench.load.Progress;
import org.chorus.bench.load.Verdict;
import org.chorus.bench.report.Chart;
import org.chorus.bench.report.Report;

/**
 * Scenario 5: clients through the balancer under load, and {@code kill -9} of one node mid-run; its clients reconnect
 * with their cookie and resume token. Reports lost, duplicated and reordered messages, reconnected and resumed shares,
 * kill-to-resumed times and latency over time with the kill marked; starts the node again at the end.
 */
public class Failover implements Scenario {

    @Override
    public String name() {
        return "failover";
    }

    @Override
    public String title() {
        return "Failover under load: kill -9 of a node mid-run";
    }

    @Override
    public Map<String, String> defaults() {
        return Map.of("clients", "200", "rooms", "4", "rate", "10", "duration", "40", "warmup", "5");
    }

    @Override
    public Report run(Options options, Plan plan) {
        Report report = new Report(name(), title(), options.command(), options.all());
        String node = options.text("node");
        int rooms = options.number("rooms");
        Chart chart = Chart.of(name() + "-latency", "Delivery latency per second, kill -9 of " + node, "seconds",
                "ms");
        try (LoadRun run = new LoadRun(LoadRun.CHORUS, options.text("password"))) {
            List<Client> clients = run.add(options.number("clients"), i -> options.balancer(), plan::user,
                    i -> plan.room("failover", i % rooms), true);
            List<Client> senders = run.add(Math.max(options.number("senders"), rooms), i -> options.balancer(),
                    plan::user, i -> plan.room("failover", i % rooms), false);
            long onNode = clients.stream().filter(c -> c.node().equals(node)).count();
            long sendersOnNode = senders.stream().filter(c -> c.node().equals(node)).count();
            Progress.say(onNode + " clients and " + sendersOnNode + " senders on " + node);
            run.send(senders, options.decimal("rate"), options
                    .number("size"));
            LoadRun.sleep(options.decimal("warmup"));
            double[] killedAt = new double[1];
            Thread killer = new Thread(() -> {
                LoadRun.sleep(options.decimal("kill-at"));
                Progress.say("kill -9 " + node);
                killedAt[0] = run.tally().now();
                run.reconnectFromNow();
                plan.nodes().kill(node);
            }, "bench-killer");
            killer.start();
            Map<String, Object> figures = plan.measure(run).figures();
            join(killer);
            Verdict verdict = run.finish();
            figures.putAll(verdict.figures());
            figures.put("clients_on_" + node, onNode);
            report.row("failover", figures);
            FanOut.check(report, "failover", verdict);
            if (verdict.recovery().reconnected() < onNode) {
                report.fail(verdict.recovery().reconnected() + " of " + onNode + " clients of " + node
                        + " reconnected");
            }
            chart.line("p99", FanOut.p99(run.tally()))
                    .line("max", run.tally().timeline().stream().map(s -> new double[]{
                            s.at(), s.maxMs()}).toList())
                    .mark(killedAt[0], "kill -9 " + node);
        } finally {
            if (options.flag("restart")) {
                Progress.say("starting " + node + " again (./chorus start " + node + ")");
                plan.nodes().start(node);
            }
        }
        return report.chart(chart);
    }

    static void join(Thread thread) {
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
