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
 * Scenario 6: every client of one node loses its connection at the same moment (dropped without a close frame) and
 * reconnects at once through the balancer; reports how fast and how completely they resumed, under load.
 */
public class Storm implements Scenario {

    @Override
    public String name() {
        return "storm";
    }

    @Override
    public String title() {
        return "Reconnect storm: every client of one node reconnects at once";
    }

    @Override
    public Map<String, String> defaults() {
        return Map.of("clients", "1000", "rooms", "4", "rate", "5", "duration", "20", "warmup", "3", "kill-at", "5");
    }

    @Override
    public Report run(Options options, Plan plan) {
        Report report = new Report(name(), title(), options.command(), options.all());
        String node = options.text("node");
        int rooms = options.number("rooms");
        Chart chart = Chart.of(name() + "-latency", "Delivery latency per second, storm on " + node, "seconds", "ms");
        try (LoadRun run = new LoadRun(LoadRun.CHORUS, options.text("password"))) {
            List<Client> clients = run.add(options.number("clients"), i -> options.balancer(), plan::user,
                    i -> plan.room("storm", i % rooms), true);
            List<Client> senders = run.add(Math.max(options.number("senders"), rooms), i -> options.balancer(),
                    plan::user, i -> plan.room("storm", i % rooms), false);
            List<Client> stormed = clients.stream().filter(c -> c.node().equals(node)).toList();
            run.send(senders, options.decimal("rate"), options.number(
                    "size"));
            LoadRun.sleep(options.decimal("warmup"));
            double[] at = new double[1];
            Thread storm = new Thread(() -> {
                LoadRun.sleep(options.decimal("kill-at"));
                Progress.say("dropping the " + stormed.size() + " connections on " + node);
                at[0] = run.tally().now();
                run.reconnectFromNow();
                stormed.forEach(Client::drop);
            }, "bench-storm");
            storm.start();
            Map<String, Object> figures = plan.measure(run).figures();
            Failover.join(storm);
            Verdict verdict = run.finish();
            figures.putAll(verdict.figures());
            report.row("storm", figures);
            FanOut.check(report, "storm", verdict);
            if (verdict.recovery().reconnected() < stormed.size()) {
                report.fail(verdict.recovery().reconnected() + " of " + stormed.size() + " reconnected");
            }
            chart.line("p99", FanOut.p99(run.tally())).mark(at[0], stormed.size() + " drop");
        }
        return report.chart(chart);
    }
}
