package org.chorus.inbound;

import java.time.Duration;

import jakarta.jms.JMSConsumer;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.json.Json;

import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;

/**
 * A connection to Chorus's inbound queue with application credentials: posts messages into rooms and reads the
 * dead-letter queue. The queues' broker addresses are {@code jms.queue.chorus-inbound} and {@code ...-dlq}.
 */
public final class InboundClient implements AutoCloseable {

    /** The inbound queue's address on the broker (the server's JNDI name is java:/jms/queue/chorus-inbound). */
    public static final String QUEUE = "jms.queue.chorus-inbound";
    /** Where messages that cannot be posted go, with properties chorus_reason and chorus_detail. */
    public static final String DEAD_LETTERS = "jms.queue.chorus-inbound-dlq";

    private final ActiveMQConnectionFactory factory;
    private final JMSContext context;

    private InboundClient(ActiveMQConnectionFactory factory, JMSContext context) {
        this.factory = factory;
        this.context = context;
    }

    /**
     * Connects to a node: {@code url} is an Artemis URL such as {@code tcp://127.0.0.1:8180?httpUpgradeEnabled=true}
     * (the node's HTTP port, upgraded to Artemis).
     */
    public static InboundClient connect(String url, String user, String password) {
        ActiveMQConnectionFactory factory = new ActiveMQConnectionFactory(url, user, password);
        try {
            return new InboundClient(factory, factory.createContext());
        } catch (RuntimeException e) {
            factory.close();
            throw e;
        }
    }

    /** Posts {@code text} into {@code room} as {@code sender}; returns the JMS message id. */
    public String post(String room, String sender, String id, String text) {
        return send(Json.createObjectBuilder().add("room", room).add("sender", sender).add("id", id).add("text", text)
                .build().toString());
    }

    /** Sends any text as a message of the inbound queue (a well-formed post or not); returns the JMS message id. */
    public String send(String body) {
        Message message = context.createTextMessage(body);
        context.createProducer().send(context.createQueue(QUEUE), message);
        try {
            return message.getJMSMessageID();
        } catch (JMSException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Takes from the dead-letter queue the copy of the message this client sent as {@code messageId}, waiting up to
     * {@code wait}; null when none came. Its properties {@code chorus_reason} and {@code chorus_detail} say why.
     */
    public Message takeDeadLetter(String messageId, Duration wait) {
        String selector = "chorus_original_id = '" + messageId.replace("'", "''") + "'";
        try (JMSConsumer consumer = context.createConsumer(context.createQueue(DEAD_LETTERS), selector)) {
            return consumer.receive(wait.toMillis());
        }
    }

    @Override
    public void close() {
        context.close();
        factory.close();
    }
}
