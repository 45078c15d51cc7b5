package org.chorus.it;

import java.lang.reflect.Method;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Runs the Autobahn|Testsuite fuzzing client (Jython, from the autobahntestsuite Maven plugin's jar) against one
 * WebSocket echo URL. Started by {@link Autobahn} in a JVM of its own whose class path holds only the fuzzer's jars and
 * this class: Undertow, Netty or Artemis classes next to Jython hide its {@code io} module. Prints one line per case
 * that is not OK and a summary; exits with 1 when a case failed.
 * <p>
 * Arguments: the URL, the cases to run (comma-separated, {@code *} for all), the cases to exclude.
 */
public final class AutobahnFuzz {

    private AutobahnFuzz() {
    }

    public static void main(String[] args) throws Exception {
        Class<?> suite = Class.forName("me.normanmaurer.maven.autobahntestsuite.AutobahnTestSuite");
        Method run = suite.getMethod("runFuzzingClient", String.class, String.class, Map.class, List.class,
                List.class);
        List<?> results = (List<?>) run.invoke(null, "Chorus", args[0], Map.of("version", 18), List.of(args[1].split(
                ",")), List.of(args[2].split(",")));
        Map<String, Integer> counts = new TreeMap<>();
        int failed = 0;
        for (Object result : results) {
            String behavior = String.valueOf(result.getClass().getMethod("behavior").invoke(result));
            String close = String.valueOf(result.getClass().getMethod("behaviorClose").invoke(result));
            counts.merge(behavior, 1, Integer::sum);
            if (!"OK".equals(behavior) || !"OK".equals(close)) {
                System.out.println("case " + result.getClass().getMethod("caseName").invoke(result) + ": " + behavior
                        + ", close " + close);
            }
            if ("FAILED".equals(behavior) || "FAILED".equals(close)) {
                failed++;
            }
        }
        System.out.println("autobahn " + args[0] + ": " + results.size() + " cases " + counts + ", " + failed
                + " failed");
        System.exit(failed == 0 && !results.isEmpty() ? 0 : 1);
    }
}
