package org.chorus.bench.scenario;

import java.util.Map;

import org.chorus.bench.Options;
import org.chorus.bench.load.LoadRun;
import org.chorus.bench.report.Chart;
import org.chorus.bench.report.Report;

/** Scenario 2: one room at a constant rate, clients spread over the nodes, added until p99 passes the limit. */
public class Capacity implements Scenario {

    @Override
    public String name() {
        return "capacity";
    }

    @Override
    public String title() {
        return "Capacity stepper: clients in one room until p99 passes the limit";
    }

    @Override
    public Map<String, String> defaults() {
        return Map.of("rate", "20", "duration", "10", "warmup", "3", "steps",
                "100,200,400,800,1200,1600,2000,2400,3200,4000");
    }

    @Override
    public Report run(Options options, Plan plan) {
        Report report = new Report(name(), title(), options.command(), options.all());
        Chart p99 = Chart.of(name() + "-p99", "p99 delivery latency by clients", "clients", "ms");
        Chart rate = Chart.of(name() + "-throughput", "Deliveries per second by clients", "clients", "deliveries/s");
        Stepper.Capacity best = Stepper.climb(options, plan, LoadRun.CHORUS, plan::node, "chorus", report, p99, rate);
        report.note(String.format("capacity at p99 <= %s ms: %d clients, %.0f deliveries/s (target: >= 2000 clients at"
                + " 20 messages/s)", options.text("p99-limit"), best.clients(), best.deliveriesPerSecond()));
        return report.chart(p99).chart(rate);
    }
}
