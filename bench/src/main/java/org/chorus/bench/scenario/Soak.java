package org.chorus.bench.scenario;

import java.util.LinkedHashMap;
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
 * The soak: many clients that only read, through the balancer, and a few senders, for half an hour (or
 * {@code --minutes}). Nothing may drop, be lost, repeat or come out of order, and the servers' heap after a full GC
 * must not grow by more than 10 % between a reading early in the run and one at its end (a leak grows; a heap that
 * shrinks held the join storm's leftovers at the early reading); their resident memory is reported at the start and the
 * end.
 */
public class Soak implements Scenario {

    /** How far the heap after a full GC may grow between the early reading and the end. */
    static final double HEAP_TOLERANCE = 0.10;

    @Override
    public String name() {
        return "soak";
    }

    @Override
    public String title() {
        return "Soak: readers that never send, for --minutes";
    }

    @Override
    public Map<String, String> defaults() {
        return Map.of("clients", "2000", "rooms", "4", "rate", "5", "senders", "10", "warmup", "20");
    }

    @Override
    public Report run(Options options, Plan plan) {
        Report report = new Report(name(), title(), options.command(), options.all());
        int rooms = options.number("rooms");
        double minutes = options.decimal("minutes");
        double heapAt = Math.min(options.decimal("heap-at"), minutes / 3);
        List<String> nodes = plan.nodeNames();
        Chart chart = Chart.of(name() + "-latency", "Delivery latency per second over the soak", "seconds", "ms");
        Map<String, Object> memory = new LinkedHashMap<>();
        nodes.forEach(node -> memory.put("rss_start_mb_" + node, plan.nodes().rss(node) / 1048576.0));
        try (LoadRun run = new LoadRun(LoadRun.CHORUS, options.text("password"))) {
            run.add(options.number("clients"), i -> options.balancer(), plan::user, i -> plan.room("soak", i % rooms),
                    true);
            List<Client> senders = run.add(options.number("senders"), i -> options.balancer(), plan::user, i -> plan
                    .room("soak", i % rooms), false);
            run.reconnectFromNow(); // a client that drops comes back (and is counted): the run must not lose its data
            run.send(senders, options.decimal("rate"), options.number("size"));
            LoadRun.sleep(options.decimal("warmup"));
            Map<String, Long> early = new LinkedHashMap<>();
            Thread reading = new Thread(() -> {
                LoadRun.sleep(heapAt * 60);
                nodes.forEach(node -> early.put(node, plan.nodes().heapAfterGc(node)));
                Progress.say("heap after GC at minute " + heapAt + ": " + mb(early));
            }, "bench-heap");
            reading.start();
            Map<String, Object> figures = plan.measure(run, minutes * 60).figures();
            Failover.join(reading);
            Map<String, Long> late = new LinkedHashMap<>();
            nodes.forEach(node -> late.put(node, plan.nodes().heapAfterGc(node)));
            Progress.say("heap after GC at the end: " + mb(late));
            Verdict verdict = run.finish();
            figures.putAll(verdict.figures());
            for (String node : nodes) {
                double change = (late.get(node) - early.get(node)) / (double) early.get(node);
                figures.put("heap_mb_at_minute_" + heapAt + "_" + node, early.get(node) / 1048576.0);
                figures.put("heap_mb_at_end_" + node, late.get(node) / 1048576.0);
                figures.put("heap_change_pct_" + node, 100 * change);
                if (change > HEAP_TOLERANCE) {
                    report.fail(node + ": heap after GC grew " + Math.round(100 * change) + " % between minute "
                            + heapAt + " and the end");
                }
                memory.put("rss_end_mb_" + node, plan.nodes().rss(node) / 1048576.0);
            }
            figures.putAll(memory);
            report.row("soak", figures);
            FanOut.check(report, "soak", verdict);
            if (verdict.disconnects() > 0) {
                report.fail(verdict.disconnects() + " connections dropped during the soak");
            }
            chart.line("p99", FanOut.p99(run.tally()));
        }
        report.note("every client logs in through the balancer and joins one of the rooms; only the senders send");
        return report.chart(chart);
    }

    private static String mb(Map<String, Long> heap) {
        StringBuilder text = new StringBuilder();
        heap.forEach((node, bytes) -> text.append(node).append(' ').append(bytes / 1048576).append(" MB  "));
        return text.toString().trim();
    }
}
