import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordingFile;

/**
 * Where a JFR recording's CPU samples fall: the hottest methods by self time and by inclusive time, and the share of
 * samples under each component (JGroups, Infinispan, Artemis, Undertow, Weld, Chorus ...). A profiling aid:
 * {@code java bench/Hot.java node1.jfr [TOP [THREAD-NAME-REGEX]]} after {@code jcmd PID JFR.start duration=60s filename=node1.jfr}.
 */
public final class Hot {

    private static final List<String[]> COMPONENTS = List.of(new String[]{"org.jgroups.", "JGroups"}, new String[]{
            "org.infinispan.", "Infinispan"}, new String[]{"org.apache.activemq.", "Artemis"}, new String[]{
                    "org.wildfly.clustering.", "WildFly clustering"}, new String[]{"io.undertow.", "Undertow"},
            new String[]{"org.xnio.", "XNIO"}, new String[]{"org.jboss.weld.", "Weld (CDI)"}, new String[]{
                    "org.jboss.as.ejb3.", "EJB"}, new String[]{"org.jboss.jca.", "JCA"}, new String[]{
                            "org.eclipse.parsson.", "JSON-P"}, new String[]{"org.chorus.", "Chorus"}, new String[]{
                                    "org.jboss.resteasy.", "RESTEasy"}, new String[]{"org.wildfly.security.",
                                            "Elytron"}, new String[]{"io.netty.", "Netty"});

    public static void main(String[] args) throws Exception {
        int top = args.length > 1 ? Integer.parseInt(args[1]) : 30;
        String threads = args.length > 2 ? args[2] : ".*";
        Map<String, Integer> self = new HashMap<>();
        Map<String, Integer> inclusive = new HashMap<>();
        Map<String, Integer> components = new HashMap<>();
        int samples = 0;
        for (RecordedEvent event : RecordingFile.readAllEvents(Path.of(args[0]))) {
            if (!event.getEventType().getName().equals("jdk.ExecutionSample") || event.getStackTrace() == null
                    || !event.getThread("sampledThread").getJavaName().matches(threads)) {
                continue;
            }
            samples++;
            List<RecordedFrame> frames = event.getStackTrace().getFrames();
            if (!frames.isEmpty()) {
                self.merge(name(frames.get(0)), 1, Integer::sum);
            }
            Set<String> seen = new HashSet<>();
            Set<String> parts = new HashSet<>();
            for (RecordedFrame frame : frames) {
                String name = name(frame);
                if (seen.add(name)) {
                    inclusive.merge(name, 1, Integer::sum);
                }
                for (String[] c : COMPONENTS) {
                    if (name.startsWith(c[0])) {
                        parts.add(c[1]);
                    }
                }
            }
            parts.forEach(p -> components.merge(p, 1, Integer::sum));
        }
        System.out.printf("%d execution samples%n%n== components (share of samples with a frame in it)%n", samples);
        print(components, samples, top);
        System.out.printf("%n== self%n");
        print(self, samples, top);
        System.out.printf("%n== inclusive%n");
        print(inclusive, samples, top);
    }

    private static String name(RecordedFrame frame) {
        return frame.getMethod().getType().getName() + "." + frame.getMethod().getName();
    }

    private static void print(Map<String, Integer> counts, int samples, int top) {
        counts.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(top)
                .forEach(e -> System.out.printf("%6.1f %%  %s%n", 100.0 * e.getValue() / Math.max(1, samples), e
                        .getKey()));
    }
}
