package org.chorus.infrastructure.messaging;

import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.MessageDriven;
import jakarta.inject.Inject;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;

import org.chorus.application.InboundService;
import org.chorus.domain.InboundRefusal;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Posts each message of the inbound queue into its room. A message that cannot be posted goes to the dead-letter queue
 * with the reason; one that fails for another cause is redelivered, and on its last attempt goes there too.
 * <p>
 * In a JTA transaction (the default): the message is taken from the queue when its post or its dead-letter copy is
 * done. A post that succeeded and is delivered again (its commit lost) is found by its (sender, id): posted once.
 */
@MessageDriven(activationConfig = {
        @ActivationConfigProperty(propertyName = "destinationLookup", propertyValue = InboundMessages.QUEUE),
        @ActivationConfigProperty(propertyName = "destinationType", propertyValue = "jakarta.jms.Queue")})
public class InboundListener implements MessageListener {

    private static final Logger LOG = Logger.getLogger(InboundListener.class);

    @Inject
    InboundService inbound;

    @Inject
    DeadLetters deadLetters;

    /** Deliveries of one message before it goes to the dead-letter queue; the queue's max-delivery-attempts matches. */
    @Inject
    @ConfigProperty(name = "chorus.inbound.max-attempts", defaultValue = "5")
    int maxAttempts;

    @Override
    public void onMessage(Message message) {
        try {
            try {
                inbound.post(InboundMessages.read(message));
            } catch (InboundRefusal e) {
                deadLetters.send(message, e.reason(), e.getMessage());
            } catch (RuntimeException e) {
                int attempt = message.getIntProperty("JMSXDeliveryCount");
                if (attempt < maxAttempts) {
                    LOG.warnf("Inbound message %s failed (attempt %d of %d, will be redelivered): %s", message
                            .getJMSMessageID(), attempt, maxAttempts, e.toString());
                    throw e;
                }
                deadLetters.send(message, "failed", "failed " + attempt + " times, last: " + e);
            }
        } catch (JMSException e) {
            throw new IllegalStateException("cannot read inbound message or write its dead letter", e);
        }
    }
}
