package org.chorus.bench.scenario;

import java.util.Map;

import org.chorus.bench.Options;
import org.chorus.bench.report.Report;

/** One benchmark scenario: its defaults and its run, which returns the report (with any failed check in it). */
public interface Scenario {

    String name();

    /** One line for {@code --help} and the report's heading. */
    String title();

    /** Option defaults of this scenario, over the general ones. */
    Map<String, String> defaults();

    Report run(Options options, Plan plan);
}
