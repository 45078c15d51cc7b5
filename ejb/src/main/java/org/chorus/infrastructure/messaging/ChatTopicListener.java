package org.chorus.infrastructure.messaging;

import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.MessageDriven;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;

import org.chorus.domain.ChatMessage;
import org.chorus.domain.SessionEnded;
import org.jboss.logging.Logger;

/**
 * On every node, turns each message of the chat topic into a CDI event ({@link ChatMessage} or {@link SessionEnded})
 * that the web tier acts on locally.
 */
@MessageDriven(activationConfig = {
        @ActivationConfigProperty(propertyName = "destinationLookup", propertyValue = ChatTopic.LOOKUP),
        @ActivationConfigProperty(propertyName = "destinationType", propertyValue = "jakarta.jms.Topic"),
        // One consumer per node keeps the topic's per-publisher order on the way to the sockets.
        @ActivationConfigProperty(propertyName = "maxSession", propertyValue = "1")})
public class ChatTopicListener implements MessageListener {

    private static final Logger LOG = Logger.getLogger(ChatTopicListener.class);

    @Inject
    Event<ChatMessage> delivery;

    @Inject
    Event<SessionEnded> sessionEnds;

    @Override
    public void onMessage(Message message) {
        String body;
        boolean sessionEnded;
        try {
            body = message.getBody(String.class);
            sessionEnded = ChatTopic.SESSION_ENDED.equals(message.getStringProperty(ChatTopic.KIND));
        } catch (JMSException | RuntimeException e) {
            LOG.warnf("Dropping unreadable topic message %s: %s", messageId(message), e.toString());
            return;
        }
        if (sessionEnded) {
            sessionEnds.fire(new SessionEnded(body));
            return;
        }
        ChatMessage chat;
        try {
            chat = MessageJson.read(body);
        } catch (RuntimeException e) {
            LOG.warnf("Dropping unreadable chat message %s: %s", messageId(message), e.toString());
            return;
        }
        delivery.fire(chat);
    }

    private static String messageId(Message message) {
        try {
            return message.getJMSMessageID();
        } catch (JMSException e) {
            return "?";
        }
    }
}
