package org.chorus.infrastructure.health;

import java.util.Map;
import java.util.Optional;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.JMSRuntimeException;
import jakarta.jms.TemporaryQueue;

import org.chorus.infrastructure.messaging.ChatTopic;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready when this node can publish to the chat topic: its publisher is neither failing nor held up by the broker, and
 * the broker answered a request (a temporary queue made and deleted) within the check's time limit.
 * <p>
 * The publisher is asked at every check, the broker every {@code chorus.health.broker-probe-ms} only: each temporary
 * queue is a binding that the broker announces to every other broker of the cluster and then withdraws, which at a
 * check a second was most of an idle cluster's broker work.
 */
@Readiness
@ApplicationScoped
public class TopicCheck implements HealthCheck {

    @Resource(lookup = "java:comp/DefaultJMSConnectionFactory") // the publisher's, pooled
    ConnectionFactory factory;

    @Inject
    ChatTopic publisher;

    @Inject
    @ConfigProperty(name = "chorus.health.check-timeout-ms", defaultValue = "2000")
    long stuckMs;

    @Inject
    @ConfigProperty(name = "chorus.health.broker-probe-ms", defaultValue = "5000")
    long probeMs;

    /** The broker's last answer, and when it was asked (the checks of one node run one at a time). */
    private volatile HealthCheckResponse probed;
    private volatile long probedAt;

    @Override
    public HealthCheckResponse call() {
        Optional<String> trouble = publisher.trouble(stuckMs);
        if (trouble.isPresent()) {
            probed = null; // ask the broker again as soon as the publisher recovers
            return new HealthCheckResponse("chorus-topic", HealthCheckResponse.Status.DOWN, Optional.of(Map.of(
                    "topic", ChatTopic.LOOKUP, "error", trouble.get())));
        }
        long now = System.currentTimeMillis();
        HealthCheckResponse last = probed;
        if (last == null || now - probedAt >= probeMs || last.getStatus() == HealthCheckResponse.Status.DOWN) {
            last = probe();
            probed = last;
            probedAt = now;
        }
        return last;
    }

    private HealthCheckResponse probe() {
        try (JMSContext context = factory.createContext()) {
            // A round trip to the broker: a pooled connection hands out contexts and producers while its broker is
            // away.
            TemporaryQueue probe = context.createTemporaryQueue();
            try {
                context.createProducer(); // what publishing needs besides the connection
            } finally {
                probe.delete(); // a pooled connection is not closed after use, nor then its temporary queues
            }
            return new HealthCheckResponse("chorus-topic", HealthCheckResponse.Status.UP, Optional.of(Map.of(
                    "topic", ChatTopic.LOOKUP)));
        } catch (JMSRuntimeException | JMSException e) {
            return new HealthCheckResponse("chorus-topic", HealthCheckResponse.Status.DOWN, Optional.of(Map.of(
                    "topic", ChatTopic.LOOKUP, "error", String.valueOf(e.getMessage()))));
        }
    }
}
