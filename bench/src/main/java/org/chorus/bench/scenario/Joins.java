package org.chorus.bench.scenario;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.chorus.bench.Options;
import org.chorus.bench.client.Client;
import org.chorus.bench.load.LoadRun;
import org.chorus.bench.load.Progress;
import org.chorus.bench.load.Recovery;
import org.chorus.bench.report.Report;

/**
 * Scenario 8: what a client costs the servers apart from its messages: their CPU (both server JVMs, all threads, from
 * {@code /proc}) for logging in, connecting and joining, for a resume (the connections of one node dropped without a
 * close frame, each reconnecting with its token and re-joining with {@code since}), and for leaving, with the idle cost
 * of the same seconds taken out. No messages are sent. The cycle runs {@code --rounds} times unmeasured first: the JIT
 * is still compiling the login path minutes after a start or a deploy, and that is not what a client costs.
 */
public class Joins implements Scenario {

    /** Seconds the servers' presence grace (chorus.presence.grace-ms, 5 s) needs after the last close, and some. */
    private static final double GRACE_SECONDS = 7;
    /** Readings of the idle CPU, at most, before a run gives up waiting for the servers to settle. */
    private static final int IDLE_READINGS = 6;

    @Override
    public String name() {
        return "joins";
    }

    @Override
    public String title() {
        return "Cost per client: login + connect + join + leave, and per resume";
    }

    @Override
    public Map<String, String> defaults() {
        return Map.of("clients", "1000", "rooms", "100", "duration", "5", "rounds", "1");
    }

    @Override
    public Report run(Options options, Plan plan) {
        Report report = new Report(name(), title(), options.command(), options.all());
        CpuMeter meter = new CpuMeter(plan.nodes(), plan.nodeNames());
        int warm = options.number("rounds");
        double limit = options.decimal("idle-limit");
        double idleBefore = meter.settledIdle(options.decimal("duration"), limit, IDLE_READINGS);
        for (int round = 1; round <= warm; round++) {
            Progress.say("unmeasured round " + round + " of " + warm + ": " + round(options, plan, meter, 0));
        }
        // The smaller of two readings: the JIT and the GC may still be busy with a round when one is taken.
        double idlePerSecond = Math.min(idleBefore, meter.settledIdle(options.decimal("duration"), limit,
                IDLE_READINGS));
        Map<String, Object> figures = round(options, plan, meter, idlePerSecond);
        report.row("joins", figures);
        if (idlePerSecond > limit * 1e9) {
            report.fail(String.format("the servers never got below %.2f cores between rounds (%.2f): the idle CPU"
                    + " taken out would make the figures too low", limit, idlePerSecond / 1e9));
        }
        String[] resumed = figures.get("resumed").toString().split("/");
        if (!resumed[0].equals(resumed[1])) {
            report.fail(figures.get("resumed") + " resumed");
        }
        if (warm > 0) {
            report.note("after " + warm + " unmeasured round(s) of the same cycle, which the JIT compiles");
        }
        return report;
    }

    /** One cycle: everyone logs in, connects and joins; one node's clients drop and resume; everyone leaves. */
    private Map<String, Object> round(Options options, Plan plan, CpuMeter meter, double idlePerSecond) {
        int rooms = options.number("rooms");
        Recovery.Summary resumed;
        double joinMs;
        double resumeMs;
        int clients;
        try (LoadRun run = new LoadRun(LoadRun.CHORUS, options.text("password"))) {
            meter.start();
            List<Client> joined = run.add(options.number("clients"), i -> options.balancer(), plan::user,
                    i -> plan.room("joins", i % rooms), false);
            clients = joined.size();
            joinMs = meter.stop(idlePerSecond);
            String node = options.text("node");
            List<Client> dropped = joined.stream().filter(c -> c.node().equals(node)).toList();
            meter.start();
            run.reconnectFromNow();
            dropped.forEach(Client::drop);
            resumed = waitForResumes(run, dropped.size());
            resumeMs = meter.stop(idlePerSecond);
            meter.start();
        }
        LoadRun.sleep(GRACE_SECONDS);
        double leaveMs = meter.stop(idlePerSecond);
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("clients", clients);
        figures.put("rooms", rooms);
        figures.put("idle_cores", idlePerSecond / 1e9);
        figures.put("cpu_ms_per_login_connect_join", joinMs / Math.max(1, clients));
        figures.put("cpu_ms_per_leave", leaveMs / Math.max(1, clients));
        figures.put("cpu_ms_per_client", (joinMs + leaveMs) / Math.max(1, clients));
        figures.put("resumed", resumed.resumed() + "/" + resumed.dropped());
        figures.put("cpu_ms_per_resume", resumeMs / Math.max(1, resumed.resumed()));
        figures.put("to_resumed_p50_ms", resumed.percentile(50));
        figures.put("to_resumed_p99_ms", resumed.percentile(99));
        return figures;
    }

    private static Recovery.Summary waitForResumes(LoadRun run, int dropped) {
        long deadline = System.nanoTime() + 120_000_000_000L;
        Recovery.Summary summary = run.finish().recovery();
        while (summary.resumed() < dropped && System.nanoTime() < deadline) {
            LoadRun.sleep(0.2);
            summary = run.finish().recovery();
        }
        Progress.say(summary.resumed() + " of " + dropped + " resumed");
        return summary;
    }
}
