package org.chorus.infrastructure.messaging;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.jms.JMSContext;
import jakarta.jms.Topic;

import org.chorus.domain.ChatMessage;
import org.chorus.domain.SessionEnded;

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

    /** Message property telling a chat message from a notice that an HTTP session ended. */
    static final String KIND = "chorus_kind";
    static final String SESSION_ENDED = "session-ended";

    /** Sends the message to the topic; every node's {@link ChatTopicListener} receives it. */
    public void publish(ChatMessage message) {
        context.createProducer().send(topic, MessageJson.write(message));
    }

    /** Tells every node that an HTTP session ended, so that each closes the sockets opened with it. */
    public void publish(SessionEnded ended) {
        context.createProducer().setProperty(KIND, SESSION_ENDED).send(topic, ended.httpSession());
    }
}
