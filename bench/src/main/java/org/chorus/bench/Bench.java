package org.chorus.bench;

import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

import org.chorus.bench.load.Progress;
import org.chorus.bench.report.Report;
import org.chorus.bench.scenario.Baseline;
import org.chorus.bench.scenario.Capacity;
import org.chorus.bench.scenario.Failover;
import org.chorus.bench.scenario.FanOut;
import org.chorus.bench.scenario.JoinStorm;
import org.chorus.bench.scenario.Joins;
import org.chorus.bench.scenario.Memory;
import org.chorus.bench.scenario.Plan;
import org.chorus.bench.scenario.Restart;
import org.chorus.bench.scenario.Scenario;
import org.chorus.bench.scenario.Smoke;
import org.chorus.bench.scenario.Soak;
import org.chorus.bench.scenario.Storm;

/**
 * The benchmark's command line: {@code chorus-bench SCENARIO [--option value]...}; prints progress and the results, and
 * writes them under {@code --out}. Exits with 1 when a check failed (a lost, duplicated or reordered message), 2 on a
 * usage error.
 */
public final class Bench {

    private static final List<Scenario> SCENARIOS = List.of(new FanOut(), new Capacity(), new Baseline(), new Memory(),
            new Failover(), new Storm(), new Soak(), new Smoke(), new Joins(), new JoinStorm(), new Restart());

    private Bench() {
    }

    public static void main(String[] args) {
        if (args.length == 0 || args[0].equals("--help") || args[0].equals("help")) {
            System.out.println(usage());
            return;
        }
        Scenario scenario = SCENARIOS.stream().filter(s -> s.name().equals(args[0])).findFirst().orElse(null);
        Options options;
        try {
            if (scenario == null) {
                throw new IllegalArgumentException("unknown scenario: " + args[0]);
            }
            options = Options.parse(args, scenario.defaults());
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.println(usage());
            System.exit(2);
            return;
        }
        Progress.say(scenario.title() + " (" + options.command() + ")");
        Report report = scenario.run(options, new Plan(options));
        System.out.println();
        System.out.println(report.markdown()); // first: a report that cannot be written is not lost
        try {
            report.write(options.out());
        } catch (UncheckedIOException e) {
            System.err.println(e.getMessage() + ": " + e.getCause());
            System.exit(1);
        }
        Progress.say("written to " + options.out().toAbsolutePath().normalize() + "/" + scenario.name() + ".{json,md}");
        System.exit(report.failures().isEmpty() ? 0 : 1);
    }

    private static String usage() {
        StringBuilder usage = new StringBuilder("usage: ./chorus bench SCENARIO [--option value]...\n\nscenarios:\n");
        for (Scenario s : SCENARIOS) {
            usage.append(String.format("  %-10s %s%n", s.name(), s.title()));
            Map<String, String> d = s.defaults();
            usage.append(String.format("  %-10s defaults: %s%n", "", new java.util.TreeMap<>(d)));
        }
        return usage.append("\noptions:\n").append(Options.help()).toString();
    }
}
