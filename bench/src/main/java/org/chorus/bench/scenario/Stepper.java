package org.chorus.bench.scenario;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;

import org.chorus.bench.Options;
import org.chorus.bench.client.Client;
import org.chorus.bench.load.LoadRun;
import org.chorus.bench.load.Progress;
import org.chorus.bench.load.Verdict;
import org.chorus.bench.load.Window;
import org.chorus.bench.report.Chart;
import org.chorus.bench.report.Report;

/**
 * Adds clients step by step under a constant send rate until p99 passes the limit, one measured window per step (a step
 * over the limit is measured once more, so that a passing disturbance does not end the climb); the last step within the
 * limit is the capacity.
 */
final class Stepper {

    /** The largest step within the limit: clients and deliveries per second (zero when none was). */
    record Capacity(int clients, double deliveriesPerSecond, double p99Ms) {
    }

    private Stepper() {
    }

    /** Climbs with clients at {@code at(i)} speaking on {@code path}; rows and chart lines are named {@code label}. */
    static Capacity climb(Options options, Plan plan, String path, IntFunction<URI> at, String label, Report report,
            Chart p99, Chart throughput) {
        String tag = label.replaceAll("[^a-z0-9]", "");
        int rooms = options.number("rooms");
        double limit = options.decimal("p99-limit");
        Capacity best = new Capacity(0, 0, 0);
        List<double[]> latency = new ArrayList<>();
        List<double[]> rate = new ArrayList<>();
        try (LoadRun run = new LoadRun(path, options.text("password"))) {
            List<Client> senders = run.add(Math.max(options.number("senders"), rooms), at, plan::user,
                    i -> plan.room(tag, i % rooms), false);
            run.send(senders, options.decimal("rate"), options.number(
                    "size"));
            int have = 0;
            for (String step : options.list("steps")) {
                int target = Integer.parseInt(step.trim());
                final int from = have;
                Progress.say(label + ": " + target + " clients");
                int added = run.add(target - from, i -> at.apply(from + i), i -> plan.user(from + i), i -> plan.room(
                        tag, (from + i) % rooms), true).size();
                have += added;
                LoadRun.sleep(options.decimal("warmup"));
                Plan.Measured measured = plan.measure(run);
                if (measured.window().deliveryMs(99) > limit) {
                    Progress.say(label + ": p99 " + measured.window().deliveryMs(99) + " ms at " + have
                            + " clients; measuring once more (a passing disturbance should not end the climb)");
                    measured = plan.measure(run);
                }
                Window window = measured.window();
                Map<String, Object> figures = measured.figures();
                figures.put("clients", have);
                report.row(label + " " + have, figures);
                latency.add(new double[]{have, window.deliveryMs(99)});
                rate.add(new double[]{have, window.deliveriesPerSecond()});
                if (added < target - from) {
                    report.note(label + ": only " + added + " of " + (target - from) + " new clients connected at "
                            + target + "; stopped");
                    break;
                }
                if (window.deliveryMs(99) > limit) {
                    break;
                }
                best = new Capacity(have, window.deliveriesPerSecond(), window.deliveryMs(99));
            }
            Verdict verdict = run.finish();
            if (path.equals(LoadRun.CHORUS)) {
                FanOut.check(report, label, verdict);
            } else {
                report.note(label + " (promises no order): lost " + verdict.lost() + ", duplicated " + verdict
                        .duplicated() + ", reordered " + verdict.reordered());
            }
        }
        p99.line(label, latency);
        throughput.line(label, rate);
        report.row(label + " capacity", Map.of("clients", best.clients(), "deliveries_per_s", Math.round(best
                .deliveriesPerSecond()), "p99_ms", best.p99Ms()));
        return best;
    }
}
