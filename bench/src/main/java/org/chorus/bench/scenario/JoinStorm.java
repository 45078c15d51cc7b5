package org.chorus.bench.scenario;

import java.util.List;
import java.util.Map;

import org.chorus.bench.Options;
import org.chorus.bench.client.Client;
import org.chorus.bench.load.LoadRun;
import org.chorus.bench.load.Progress;
import org.chorus.bench.load.Verdict;
import org.chorus.bench.load.Window;
import org.chorus.bench.report.Chart;
import org.chorus.bench.report.Report;

/**
 * Scenario 9, a join storm (issue 19, item 2): {@code --chatters} clients chat in {@code --rooms} rooms, then
 * {@code --clients} more log in and join those rooms as fast as the cluster lets them. Reported: the chatters' delivery
 * latency during the storm (each join is a {@code presence} frame to every member of its room), how long the storm
 * took, and the servers' CPU per joining client with the chat's own CPU of as many seconds taken out; run it at two
 * sizes to see whether a join costs O(clients) or O(clients²).
 */
public class JoinStorm implements Scenario {

    /** Seconds the CPU reading goes on after the last join. */
    private static final double TAIL_SECONDS = 2;

    @Override
    public String name() {
        return "joinstorm";
    }

    @Override
    public String title() {
        return "Join storm: clients logging in and joining while others chat";
    }

    @Override
    public Map<String, String> defaults() {
        return Map.of("clients", "2000", "rooms", "20", "rate", "1", "senders", "20", "duration", "10", "warmup",
                "10");
    }

    @Override
    public Report run(Options options, Plan plan) {
        Report report = new Report(name(), title(), options.command(), options.all());
        Chart chart = Chart.of(name() + "-latency", "The chatters' delivery latency per second, p99", "seconds", "ms");
        int rooms = options.number("rooms");
        int senderCount = Math.max(options.number("senders"), rooms);
        int clients = options.number("clients");
        try (LoadRun run = new LoadRun(LoadRun.CHORUS, options.text("password"))) {
            run.add(Math.max(0, options.number("chatters") - senderCount), i -> options.balancer(), plan::user,
                    i -> plan.room("storm", i % rooms), true);
            List<Client> senders = run.add(senderCount, i -> options.balancer(), plan::user, i -> plan.room("storm", i
                    % rooms), true);
            run.send(senders, options.decimal("rate"), options.number("size"));
            LoadRun.sleep(options.decimal("warmup"));
            Progress.say("the chat alone for " + options.text("duration") + " s");
            CpuMeter meter = new CpuMeter(plan.nodes(), plan.nodeNames());
            meter.start();
            Plan.Measured calm = plan.measure(run);
            double chatPerSecond = meter.perSecond();
            Progress.say("the storm: " + clients + " clients log in and join");
            int[] joined = new int[1];
            meter.start();
            Window storm = run.measure(() -> joined[0] = run.add(clients, i -> options.balancer(), plan::user,
                    i -> plan.room("storm", i % rooms), false).size());
            LoadRun.sleep(TAIL_SECONDS); // the presence of the last joins is still on its way
            double stormMs = meter.stop(chatPerSecond);
            Verdict verdict = run.finish();
            Map<String, Object> figures = storm.figures();
            figures.put("joined", joined[0] + "/" + clients);
            figures.put("storm_seconds", storm.seconds());
            figures.put("calm_p99_ms", calm.window().deliveryMs(99));
            figures.put("server_cpu_ms_per_joiner", stormMs / Math.max(1, joined[0]));
            figures.putAll(verdict.figures());
            report.row("storm", figures);
            FanOut.check(report, "storm", verdict);
            if (joined[0] < clients) {
                report.fail((clients - joined[0]) + " of " + clients + " clients did not get as far as joined");
            }
            chart.line("p99", FanOut.p99(run.tally()));
        }
        report.note("the latency columns are the chatters' during the storm; calm_p99_ms is theirs before it");
        report.note("server_cpu_ms_per_joiner: the servers' CPU from the first join to " + TAIL_SECONDS
                + " s after the last, less the chat's CPU per second before the storm; it includes the messages the"
                + " joiners receive once in their rooms");
        return report.chart(chart);
    }
}
