package org.chorus.bench.scenario;

import java.net.URI;
import java.util.Map;

import org.chorus.bench.Options;
import org.chorus.bench.load.LoadRun;
import org.chorus.bench.load.Progress;
import org.chorus.bench.report.Chart;
import org.chorus.bench.report.Report;

/**
 * Scenario 3: the capacity stepper on one node, first against Chorus, then against the bare broadcast endpoint of
 * chorus-baseline.war (deployed for the run, undeployed after): Chorus's throughput as a share of the physical limit.
 */
public class Baseline implements Scenario {

    /** Where the baseline WAR answers. */
    static final String PATH = "/chorus-baseline/chat";

    @Override
    public String name() {
        return "baseline";
    }

    @Override
    public String title() {
        return "Chorus vs a bare @ServerEndpoint broadcast, one node, same load";
    }

    @Override
    public Map<String, String> defaults() {
        return Map.of("rate", "20", "duration", "10", "warmup", "3", "steps", "100,200,400,800,1200,1600,2400,3200");
    }

    @Override
    public Report run(Options options, Plan plan) {
        Report report = new Report(name(), title(), options.command(), options.all());
        Chart p99 = Chart.of(name() + "-p99", "p99 delivery latency by clients, one node", "clients", "ms");
        Chart rate = Chart.of(name() + "-throughput", "Deliveries per second by clients, one node", "clients",
                "deliveries/s");
        URI node = options.nodes().get(0);
        String war = options.home().resolve("bench-baseline/target/chorus-baseline.war").toAbsolutePath().toString();
        Progress.say("deploying " + war + " to server group chorus");
        try {
            plan.nodes().cli("undeploy chorus-baseline.war --all-relevant-server-groups"); // left by a broken run
        } catch (IllegalStateException notDeployed) {
            // the usual case
        }
        plan.nodes().cli("deploy " + war + " --server-groups=chorus");
        try {
            Stepper.Capacity chorus = Stepper.climb(options, plan, LoadRun.CHORUS, i -> node, "chorus", report, p99,
                    rate);
            Stepper.Capacity bare = Stepper.climb(options, plan, PATH, i -> node, "baseline", report, p99, rate);
            double share = bare.deliveriesPerSecond() == 0
                    ? 0
                    : chorus.deliveriesPerSecond() / bare
                            .deliveriesPerSecond();
            report.row("chorus / baseline", Map.of("deliveries_per_s", share));
            report.note(String.format("throughput at p99 <= %s ms: Chorus %.0f/s, baseline %.0f/s, ratio %.2f (target"
                    + " >= 0.5); a baseline that reached the last step is limited by the steps, not the server",
                    options.text("p99-limit"), chorus.deliveriesPerSecond(), bare.deliveriesPerSecond(), share));
        } finally {
            Progress.say("undeploying chorus-baseline.war");
            plan.nodes().cli("undeploy chorus-baseline.war --all-relevant-server-groups");
        }
        return report.chart(p99).chart(rate);
    }
}
