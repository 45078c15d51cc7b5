package org.chorus.interfaces.metrics;

import java.io.IOException;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.chorus.infrastructure.store.LocalNode;
import org.chorus.interfaces.Operators;
import org.chorus.interfaces.websocket.LocalSessions;
import org.chorus.interfaces.websocket.RoomFeeds;

/**
 * This node's metrics in Prometheus text format at {@code /chorus/metrics}, for a scraper on the same host (a request
 * from loopback that no proxy forwarded) or a user logged in with role {@code admin}; anyone else gets 403.
 */
@WebServlet("/metrics")
public class MetricsServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Inject
    transient LocalSessions sessions;

    @Inject
    transient RoomFeeds feeds;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (!Operators.mayInspect(request)) {
            response.sendError(HttpServletResponse.SC_FORBIDDEN, "metrics: from this host or as admin only");
            return;
        }
        String node = "{node=\"" + LocalNode.name() + "\"}";
        StringBuilder out = new StringBuilder();
        gauge(out, "chorus_connections", "open chat connections on this node", node, sessions.count());
        gauge(out, "chorus_rooms_followed", "rooms with a member on this node (each has a feed here)", node, feeds
                .size());
        counter(out, "chorus_messages_in_total", "messages accepted from this node's clients", node,
                Metrics.MESSAGES_IN);
        counter(out, "chorus_messages_out_total", "message frames written to this node's clients", node,
                Metrics.MESSAGES_OUT);
        counter(out, "chorus_gaps_filled_total", "messages delivered from history, not from the topic", node,
                Metrics.GAPS_FILLED);
        counter(out, "chorus_rate_limited_total",
                "frames refused with rate_limited (sends past the user's rate, other frames past the connection's budget)",
                node, Metrics.RATE_LIMITED);
        counter(out, "chorus_slow_reader_closes_total", "connections closed with 1013", node,
                Metrics.SLOW_READER_CLOSES);
        counter(out, "chorus_pings_sent_total", "WebSocket pings sent (the heartbeat)", node, Metrics.PINGS_SENT);
        counter(out, "chorus_pongs_late_total", "pongs later than chorus.pong-timeout-ms after their ping", node,
                Metrics.PONGS_LATE);
        counter(out, "chorus_dead_connections_total", "connections closed for not answering a ping", node,
                Metrics.DEAD_CONNECTIONS);
        labelled(out, "chorus_resumes_total", "connections opened, by result", "result", Metrics.resumes());
        labelled(out, "chorus_handshakes_refused_total", "WebSocket handshakes refused, by reason", "reason",
                Metrics.refused());
        labelled(out, "chorus_closes_total", "connections closed, by close code", "code", Metrics.closes());
        Metrics.FANOUT_MS.write(out, "chorus_fanout_latency_seconds",
                "from a message's acceptance to its delivery by this node");
        response.setContentType("text/plain; version=0.0.4; charset=utf-8");
        response.getWriter().write(out.toString());
    }

    private static void gauge(StringBuilder out, String name, String help, String labels, long value) {
        out.append("# HELP ").append(name).append(' ').append(help).append("\n# TYPE ").append(name).append(
                " gauge\n").append(name).append(labels).append(' ').append(value).append('\n');
    }

    private static void counter(StringBuilder out, String name, String help, String labels, LongAdder value) {
        out.append("# HELP ").append(name).append(' ').append(help).append("\n# TYPE ").append(name).append(
                " counter\n").append(name).append(labels).append(' ').append(value.sum()).append('\n');
    }

    private static void labelled(StringBuilder out, String name, String help, String label,
            Map<?, LongAdder> values) {
        out.append("# HELP ").append(name).append(' ').append(help).append("\n# TYPE ").append(name).append(
                " counter\n");
        values.forEach((key, value) -> out.append(name).append("{node=\"").append(LocalNode.name()).append("\",")
                .append(label).append("=\"").append(key).append("\"} ").append(value.sum()).append('\n'));
    }
}
