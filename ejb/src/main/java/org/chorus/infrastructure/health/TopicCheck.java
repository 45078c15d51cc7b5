package org.chorus.infrastructure.health;

import java.util.Map;
import java.util.Optional;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSRuntimeException;
import jakarta.jms.Topic;

import org.chorus.infrastructure.messaging.ChatTopic;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready when this node can open a connection to its broker and a producer for the chat topic: it can publish.
 */
@Readiness
@ApplicationScoped
public class TopicCheck implements HealthCheck {

    @Resource(lookup = "java:/ConnectionFactory")
    ConnectionFactory factory;

    @Resource(lookup = ChatTopic.LOOKUP)
    Topic topic;

    @Override
    public HealthCheckResponse call() {
        try (JMSContext context = factory.createContext()) {
            context.createProducer();
            return new HealthCheckResponse("chorus-topic", HealthCheckResponse.Status.UP, Optional.of(Map.of(
                    "topic", ChatTopic.LOOKUP)));
        } catch (JMSRuntimeException e) {
            return new HealthCheckResponse("chorus-topic", HealthCheckResponse.Status.DOWN, Optional.of(Map.of(
                    "topic", ChatTopic.LOOKUP, "error", String.valueOf(e.getMessage()))));
        }
    }
}
