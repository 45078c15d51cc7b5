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
            run.tally().keepSeconds();
            List<Client> senders = run.add(options.number("senders"), i -> plan.nodeNamed(other), plan::user,
                    i -> room, false);
            run.send(senders, options.decimal("rate"), options.number("size"));
            LoadRun.sleep(options.decimal("warmup"));
            boolean restart = options.flag("restart");
            double started = run.tally().now();
            if (restart) {
                Progress.say("kill -9 " + node + ", then ./chorus start " + node + " while " + other
                        + " carries the chat");
                plan.nodes().kill(node);
                started = run.tally().now();
                plan.nodes().start(node);
            }
            double back = run.tally().now();
            run.add(options.number("clients"), i -> plan.nodeNamed(node), plan::user, i -> room, true);
            double joined = run.tally().now();
            // The restarted node's figures count from ./chorus start, the warm node's from its readers' join.
            double origin = restart ? started : joined;
            Map<String, Object> figures = plan.measure(run).figures();
            Verdict verdict = run.finish();
            figures.putAll(verdict.figures());
            double settled = settled(run.tally().timeline(), run.tally()::p99Ms, joined, limit);
            figures.put("start_command_s", back - started);
            figures.put("readers_joined_s_after_start", joined - origin);
            figures.put("p99_within_limit_s_after_start", settled < 0 ? -1 : settled - origin);
            report.row("restart", figures);
            FanOut.check(report, "restart", verdict);
            String since = restart
                    ? String.format("./chorus start %s (the command took %.1f s)", node, back - started)
                    : "its readers joined (no restart)";
            report.note(settled < 0
                    ? "the p99 of " + node + "'s readers over " + STEADY + " s was not within " + limit
                            + " ms by the end of the run"
                    : String.format("the p99 of %s's readers over %d s was within %.0f ms from %.1f s after %s",
                            node, STEADY, limit, settled - origin, since));
            chart.line("p99", FanOut.p99(run.tally())).mark(joined, "readers joined");
            if (restart) {
                chart.mark(started, "./chorus start " + node);
            }
        }
        return report.chart(chart);
    }

    /** The p99 in milliseconds of the timeline's entries {@code from} (an index) to {@code from + count}. */
    interface Percentile {

        double p99Ms(int from, int count);
    }

    /**
     * The start of the first {@link #STEADY} seconds after {@code from} (on the timeline's clock), each with
     * deliveries, whose deliveries together have their p99 within {@code limitMs}; -1 when there is none. The
     * timeline's entries are about a second each (the measured window adds shorter ones at its ends), so a stretch is
     * counted in time.
     */
    static double settled(List<Tally.Second> timeline, Percentile percentile, double from, double limitMs) {
        for (int i = 1; i < timeline.size(); i++) {
            double start = timeline.get(i - 1).at();
            if (start < from) {
                continue;
            }
            int end = i;
            while (end < timeline.size() && timeline.get(end).deliveries() > 0 && timeline.get(end).at()
                    - start < STEADY) {
                end++;
            }
            if (end == timeline.size() || timeline.get(end).deliveries() == 0) {
                continue; // the run ended first, or a second without deliveries: nothing to judge by
            }
            if (percentile.p99Ms(i, end - i + 1) <= limitMs) {
                return start;
            }
        }
        return -1;
    }
}
