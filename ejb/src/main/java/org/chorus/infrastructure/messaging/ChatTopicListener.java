package org.chorus.infrastructure.messaging;

import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.MessageDriven;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;

import org.jboss.logging.Logger;

/**
 * On every node, turns each message of the chat topic into a CDI event (a stored chat message, presence, typing, a
 * session's end) that the web tier acts on locally. Instances run in parallel: the web tier orders messages by seq.
 * <p>
 * No transaction and lazy acknowledgement: a message lost or repeated here costs nothing, because the web tier drops
 * seqs it delivered and fills gaps from history, and the other events are idempotent; a JTA transaction per message
 * would cost an XA start, end and commit on the broker session for nothing.
 */
@MessageDriven(activationConfig = {
        @ActivationConfigProperty(propertyName = "destinationLookup", propertyValue = ChatTopic.LOOKUP),
        @ActivationConfigProperty(propertyName = "destinationType", propertyValue = "jakarta.jms.Topic"),
        @ActivationConfigProperty(propertyName = "acknowledgeMode", propertyValue = "Dups-ok-acknowledge")})
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class ChatTopicListener implements MessageListener {

    private static final Logger LOG = Logger.getLogger(ChatTopicListener.class);

    @Inject
    Event<Object> events;

    @Override
    public void onMessage(Message message) {
        Object event;
        try {
            event = TopicEvent.read(message.getStringProperty(TopicEvent.KIND), message.getBody(String.class));
        } catch (JMSException | RuntimeException e) {
            LOG.warnf("Dropping unreadable topic message %s: %s", messageId(message), e.toString());
            return;
        }
        events.fire(event);
    }

    private static String messageId(Message message) {
        try {
            return message.getJMSMessageID();
        } catch (JMSException e) {
            return "?";
        }
    }
}
