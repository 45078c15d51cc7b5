package org.chorus.infrastructure.messaging;

import java.util.Enumeration;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.JMSProducer;
import jakarta.jms.Message;
import jakarta.jms.Queue;

import org.jboss.logging.Logger;

/**
 * Puts an inbound message that is not posted on {@code java:/jms/queue/chorus-inbound-dlq}: its body and properties,
 * with {@code chorus_reason} (a short code) and {@code chorus_detail} (what to fix) added. Sent in the caller's
 * transaction, so the message leaves the inbound queue only if its copy is in the dead-letter queue.
 */
@ApplicationScoped
public class DeadLetters {

    /** Property with the reason code, e.g. {@code sender_not_allowed}. */
    public static final String REASON = "chorus_reason";
    /** Property with the explanation. */
    public static final String DETAIL = "chorus_detail";
    /** Property with the JMS message id the message had on the inbound queue. */
    public static final String ORIGINAL_ID = "chorus_original_id";
    /** Property with the user the message's sender logged in as, when the broker named one. */
    public static final String CREDENTIAL = "chorus_credential";

    private static final Logger LOG = Logger.getLogger(DeadLetters.class);

    @Resource(lookup = InboundMessages.DEAD_LETTERS)
    Queue queue;

    @Inject
    JMSContext context;

    public void send(Message original, String reason, String detail) throws JMSException {
        JMSProducer producer = context.createProducer().setProperty(REASON, reason).setProperty(DETAIL, detail)
                .setProperty(ORIGINAL_ID, original.getJMSMessageID());
        for (Enumeration<?> names = original.getPropertyNames(); names.hasMoreElements();) {
            String name = (String) names.nextElement();
            if (!name.startsWith("JMSX") && !name.startsWith("_")) {
                producer.setProperty(name, original.getObjectProperty(name));
            }
        }
        String credential = original.getStringProperty(InboundMessages.VALIDATED_USER);
        if (credential != null) {
            producer.setProperty(CREDENTIAL, credential);
        }
        producer.send(queue, InboundMessages.body(original));
        LOG.infof("Inbound message %s from %s to the dead-letter queue: %s (%s)", original.getJMSMessageID(),
                credential, reason, detail);
    }
}
