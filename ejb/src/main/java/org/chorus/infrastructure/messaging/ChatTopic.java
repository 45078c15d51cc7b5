package org.chorus.infrastructure.messaging;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.inject.Inject;
import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSContext;
import jakarta.jms.Topic;

import org.chorus.domain.ChatMessage;
import org.chorus.domain.NodeStats;
import org.chorus.domain.Presence;
import org.chorus.domain.SessionEnded;
import org.chorus.domain.Typing;
import org.jboss.logging.Logger;

/**
 * Publishes to the clustered Artemis topic {@code java:/jms/topic/chorus}: stored chat messages, and the events every
 * node must see (presence, typing, the end of an HTTP session).
 */
@ApplicationScoped
@ActivateRequestContext // the injected JMSContext is request-scoped; callers include WebSocket and executor threads
public class ChatTopic {

    private static final Logger LOG = Logger.getLogger(ChatTopic.class);

    /** JNDI name of the topic, created by {@code config/chorus-profile.cli}. */
    public static final String LOOKUP = "java:/jms/topic/chorus";

    @Resource(lookup = LOOKUP)
    Topic topic;

    @Inject
    JMSContext context;

    /**
     * Sends a stored message to the topic; every node's {@link ChatTopicListener} receives it. Non-persistent: the
     * history is the durable copy, and a node fills any gap from it, so the broker need not write (and sync) a journal
     * record per message for the cluster bridge's store-and-forward queue.
     */
    public void publish(ChatMessage message) {
        send(TopicEvent.MESSAGE, MessageJson.write(message), DeliveryMode.NON_PERSISTENT);
    }

    /** Tells every node that an HTTP session ended, so that each closes the sockets opened with it. */
    public void publish(SessionEnded ended) {
        send(TopicEvent.SESSION_ENDED, ended.httpSession(), DeliveryMode.PERSISTENT);
    }

    public void publish(Presence presence) {
        send(TopicEvent.PRESENCE, TopicEvent.write(presence), DeliveryMode.PERSISTENT);
    }

    /** Typing is momentary: not worth a journal write. */
    public void publish(Typing typing) {
        send(TopicEvent.TYPING, TopicEvent.write(typing), DeliveryMode.NON_PERSISTENT);
    }

    /** A node's figures for the admin page: momentary, sent every few seconds. */
    public void publish(NodeStats stats) {
        send(TopicEvent.STATS, TopicEvent.write(stats), DeliveryMode.NON_PERSISTENT);
    }

    /**
     * Sends, or logs why not when the broker cannot take it (restarting, unreachable, reconnecting): a stored message
     * is delivered from history by every node's once-a-second sweep, and the other events are momentary or repeated
     * (the presence janitor reconciles), so the caller carries on. Failing the caller instead would fail a send that is
     * already stored, and the client's retry would store it twice.
     */
    private void send(String kind, String body, int deliveryMode) {
        try {
            context.createProducer().setDeliveryMode(deliveryMode).setProperty(TopicEvent.KIND, kind).send(topic,
                    body);
        } catch (RuntimeException e) {
            LOG.warnf("Could not publish a %s event to the topic (%s); stored messages reach the nodes from history",
                    kind, e.toString());
        }
    }
}
