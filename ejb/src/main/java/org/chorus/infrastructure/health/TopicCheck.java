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
 * the broker answers a request (a temporary queue made and deleted) within the check's time limit.
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

    @Override
    public HealthCheckResponse call() {
        Optional<String> trouble = publisher.trouble(stuckMs);
        if (trouble.isPresent()) {
            return new HealthCheckResponse("chorus-topic", HealthCheckResponse.Status.DOWN, Optional.of(Map.of(
                    "topic", ChatTopic.LOOKUP, "error", trouble.get())));
        }
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
