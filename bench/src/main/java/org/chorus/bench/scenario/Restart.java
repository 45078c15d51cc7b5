package org.chorus.bench.scenario;

import java.util.List;
import java.util.Map;

import org.chorus.bench.Options;
import org.chorus.bench.client.Client;
import org.chorus.bench.load.LoadRun;
import org.chorus.bench.load.Progress;
import org.chorus.bench.load.Tally;
import org.chorus.bench.load.Verdict;
import org.chorus.bench.report.Chart;
import org.chorus.bench.report.Report;

/**
 * Scenario 10 (issue 14, item 6): a node restarted under load, and how long until its clients' latency is within the
 * limit. Senders chat on the other node while {@code --node} is killed and started again ({@code ./chorus start}); then
 * {@code --clients} readers join the room on the restarted node, and the p99 of their deliveries over each
 * {@link #STEADY} seconds is followed until it is within {@code --p99-limit} (the JIT of a fresh server compiles for
 * minutes). With {@code --restart false} the node is not restarted: the same load on a warm node, to compare with.
 */
public class Restart implements Scenario {

    /** Seconds in a row within the limit that count as settled. */
    static final int STEADY = 10;

    @Override
    public String name() {
        return "restart";
    }

    @Override
    public String title() {
        return "A node restarted under load: time until its clients' p99 is within the limit";
    }

    @Override
    public Map<String, String> defaults() {
        return Map.of("clients", "100", "rate", "20", "duration", "240", "warmup", "5");
    }

    @Override
    public Report run(Options options, Plan plan) {
        Report report = new Report(name(), title(), options.command(), options.all());
        String node = options.text("node");
        String other = plan.nodeNames().stream().filter(n -> !n.equals(node)).findFirst().orElseThrow(
                () -> new IllegalArgumentException("--nodes names no node besides " + node));
        double limit = options.decimal("p99-limit");
        String room = plan.room("restart", 0);
        Chart chart = Chart.of(name() + "-latency", "Delivery latency per second on " + node + " after its restart",
                "seconds", "ms");
        try (LoadRun run = new LoadRun(LoadRun.CHORUS, options.text("password"))) {
            List<Client> senders = run.add(options.number("senders"), i -> plan.nodeNamed(other), plan::user,
                    i -> room, false);
            run.send(senders, options.decimal("rate"), options.number("size"));
            LoadRun.sleep(options.decimal("warmup"));
            double started = run.tally().now();
            if (options.flag("restart")) {
                Progress.say("kill -9 " + node + ", then ./chorus start " + node + " while " + other
                        + " carries the chat");
                plan.nodes().kill(node);
                started = run.tally().now();
                plan.nodes().start(node);
            }
            double back = run.tally().now();
            run.add(options.number("clients"), i -> plan.nodeNamed(node), plan::user, i -> room, true);
            double joined = run.tally().now();
            Map<String, Object> figures = plan.measure(run).figures();
            Verdict verdict = run.finish();
            figures.putAll(verdict.figures());
            double settled = settled(run.tally(), joined, limit);
            figures.put("start_command_s", back - started);
            figures.put("readers_joined_s_after_start", joined - started);
            figures.put("p99_within_limit_s_after_start", settled < 0 ? -1 : settled - started);
            report.row("restart", figures);
            FanOut.check(report, "restart", verdict);
            report.note(settled < 0
                    ? "the p99 of " + node + "'s readers over " + STEADY + " s was not within " + limit
                            + " ms by the end of the run"
                    : String.format("the p99 of %s's readers over %d s was within %.0f ms from %.1f s after %s",
                            node, STEADY, limit, settled - started, options.flag("restart")
                                    ? String.format("./chorus start %s (the command took %.1f s)", node, back
                                            - started)
                                    : "its readers joined (no restart)"));
            chart.line("p99", FanOut.p99(run.tally())).mark(started, "./chorus start " + node).mark(joined,
                    "readers joined");
        }
        return report.chart(chart);
    }

    /**
     * The start of the first {@link #STEADY} seconds after {@code from} (seconds on the tally's clock) whose deliveries
     * together have their p99 within {@code limitMs}, or -1.
     */
    static double settled(Tally tally, double from, double limitMs) {
        List<Tally.Second> timeline = tally.timeline();
        for (int i = 0; i + STEADY <= timeline.size(); i++) {
            if (timeline.get(i).at() > from && tally.p99Ms(i, STEADY) <= limitMs) {
                return timeline.get(i).at() - 1;
            }
        }
        return -1;
    }
}
