package org.chorus.infrastructure.messaging;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.jms.JMSContext;
import jakarta.jms.Topic;

import org.chorus.domain.ChatMessage;

/**
 * Publishes chat messages to the clustered Artemis topic {@code java:/jms/topic/chorus}.
 */
@ApplicationScoped
public class ChatTopic {

    /** JNDI name of the topic, created by {@code config/chorus-profile.cli}. */
    public static final String LOOKUP = "java:/jms/topic/chorus";

    @Resource(lookup = LOOKUP)
    Topic topic;

    @Inject
    JMSContext context;

    /** Sends the message to the topic; every node's {@link ChatTopicListener} receives it. */
    public void publish(ChatMessage message) {
        context.createProducer().send(topic, MessageJson.write(message));
    }
}
