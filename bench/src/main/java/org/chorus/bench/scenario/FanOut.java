package org.chorus.bench.scenario;

import java.net.URI;
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
 * Scenario 1: the same load twice, receivers on the senders' node and then on the other node; the ratio of the medians
 * is the cost of the JMS hop between nodes.
 */
public class FanOut implements Scenario {

    @Override
    public String name() {
        return "fanout";
    }

    @Override
    public String title() {
        return "Fan-out, receivers on the senders' node vs on the other node";
    }

    @Override
    public Map<String, String> defaults() {
        return Map.of("clients", "200", "rate", "50", "duration", "20", "warmup", "5");
    }

    @Override
    public Report run(Options options, Plan plan) {
        Report report = new Report(name(), title(), options.command(), options.all());
        Chart chart = Chart.of(name() + "-latency", "Delivery latency per second, p99", "seconds", "ms");
        URI senders = options.nodes().get(0);
        double[] p50 = new double[2];
        int i = 0;
        for (URI receivers : List.of(senders, options.nodes().get(1))) {
            String label = i == 0 ? "same node" : "cross node";
            Progress.say(label + ": " + options.number("clients") + " receivers on " + Plan.nameOf(receivers)
                    + ", senders on " + Plan.nameOf(senders));
            Plan.Measured measured = once(options, plan, senders, receivers, label, report, chart);
            report.row(label, measured.figures());
            p50[i++] = measured.window().deliveryMs(50);
        }
        double ratio = p50[1] / p50[0];
        report.row("cross / same", Map.of("p50_ms", ratio));
        report.note(String.format("cross-node p50 / same-node p50 = %.2f (target <= 1.3)", ratio));
        return report.chart(chart);
    }

    /** One load run: receivers at {@code receivers}, senders at {@code senders}; its figures and verdict. */
    private static Plan.Measured once(Options options, Plan plan, URI senders, URI receivers, String label,
            Report report, Chart chart) {
        String tag = label.replace(' ', '-');
        int rooms = options.number("rooms");
        int senderCount = Math.max(options.number("senders"), rooms);
        try (LoadRun run = new LoadRun(LoadRun.CHORUS, options.text("password"))) {
            run.add(options.number("clients"), i -> receivers, plan::user, i -> plan.room(tag, i % rooms), true);
            List<Client> sending = run.add(senderCount, i -> senders, plan::user, i -> plan.room(tag, i % rooms),
                    false);
            run.send(sending, options.decimal("rate"), options.number(
                    "size"));
            Progress.say("warm-up " + options.text("warmup") + " s, then " + options.text("duration") + " s measured");
            LoadRun.sleep(options.decimal("warmup"));
            Plan.Measured measured = plan.measure(run);
            Verdict verdict = run.finish();
            measured.figures().putAll(verdict.figures());
            check(report, label, verdict);
            chart.line(label, p99(run.tally()));
            return measured;
        }
    }

    /**
     * Fails the report for a message lost, duplicated or reordered, an error frame other than {@code rate_limited}, or
     * a client left without its connection at the end.
     */
    static void check(Report report, String label, Verdict verdict) {
        if (!verdict.clean()) {
            report.fail(label + ": lost " + verdict.lost() + ", duplicated " + verdict.duplicated() + ", reordered "
                    + verdict.reordered());
        }
        if (verdict.errors() > 0) {
            report.fail(label + ": " + verdict.errors() + " error frames");
        }
        if (verdict.open() < verdict.clients()) {
            report.fail(label + ": " + (verdict.clients() - verdict.open()) + " of " + verdict.clients()
                    + " clients without a connection at the end");
        }
    }

    static List<double[]> p99(Tally tally) {
        return tally.timeline().stream().map(s -> new double[]{s.at(), s.p99Ms()}).toList();
    }
}
