package org.chorus.bench.load;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the clients saw at the end of a run: messages lost (a seq never delivered to a client in its room, or a send
 * never acknowledged), duplicated and reordered, connections that closed without the run closing them (and those the
 * clients gave up on because the server went silent), and how the clients that lost their connection came back.
 */
public record Verdict(long lost, long duplicated, long reordered, int open, int clients, long rateLimited,
        long errors, long disconnects, long silentServers, Recovery.Summary recovery) {

    public boolean clean() {
        return lost == 0 && duplicated == 0 && reordered == 0;
    }

    public Map<String, Object> figures() {
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("lost", lost);
        figures.put("duplicated", duplicated);
        figures.put("reordered", reordered);
        figures.put("clients_open_at_end", open + "/" + clients);
        figures.put("rate_limited", rateLimited);
        figures.put("error_frames", errors);
        figures.put("disconnects", disconnects);
        figures.put("silent_servers_left", silentServers);
        if (recovery.dropped() > 0) {
            figures.put("dropped", recovery.dropped());
            figures.put("reconnected_pct", 100.0 * recovery.reconnected() / recovery.dropped());
            figures.put("resumed_pct", 100.0 * recovery.resumed() / recovery.dropped());
            figures.put("to_resumed_p50_ms", recovery.percentile(50));
            figures.put("to_resumed_p99_ms", recovery.percentile(99));
            figures.put("to_resumed_max_ms", recovery.percentile(100));
        }
        return figures;
    }
}
