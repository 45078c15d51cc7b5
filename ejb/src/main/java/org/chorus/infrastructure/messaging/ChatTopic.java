package org.chorus.infrastructure.messaging;

import java.util.Optional;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.DeliveryMode;
import jakarta.jms.Topic;

import org.chorus.domain.ChatMessage;
import org.chorus.domain.NodeStats;
import org.chorus.domain.Presence;
import org.chorus.domain.SessionEnded;
import org.chorus.domain.Typing;

/**
 * Publishes to the clustered Artemis topic {@code java:/jms/topic/chorus}: stored chat messages, and the events every
 * node must see (presence, typing, the end of an HTTP session, a node's figures).
 * <p>
 * Callers hand their event over and go on: a publisher thread sends them, in the order handed over, on a JMS context
 * that it keeps open (a context per publish, as a request-scoped one is, cost a connection from the pool, a session and
 * a producer every time). Publishing never fails the caller: a stored message whose publication is lost (the broker
 * restarting or unreachable, or more than {@link #BACKLOG} events waiting) reaches every node through its once-a-second
 * catch-up with history, and the other events are momentary or reconciled. Failing the caller instead would fail a send
 * that is already stored, and the client's retry would store it twice.
 */
@ApplicationScoped
public class ChatTopic {

    /** JNDI name of the topic, created by {@code config/chorus-profile.cli}. */
    public static final String LOOKUP = "java:/jms/topic/chorus";
    /** Events waiting in a lane beyond which new ones are dropped (and logged). */
    static final int BACKLOG = 10_000;

    @Resource(lookup = LOOKUP)
    Topic topic;

    @Resource(lookup = "java:comp/DefaultJMSConnectionFactory")
    ConnectionFactory factory;

    @Resource
    ManagedThreadFactory threads;

    /**
     * Two lanes: a persistent send waits for the broker's journal, and chat messages must not queue behind a burst of
     * them (a reconnect storm's presence events).
     */
    private final PublisherLane fast = new PublisherLane("chorus-topic-publisher");
    private final PublisherLane durable = new PublisherLane("chorus-topic-publisher-durable");

    @PostConstruct
    void start() {
        fast.start(threads, factory, topic);
        durable.start(threads, factory, topic);
    }

    @PreDestroy
    void stop() {
        fast.stop();
        durable.stop();
    }

    /**
     * A stored message for every node's {@link ChatTopicListener}. Non-persistent: the history is the durable copy, and
     * a node fills any gap from it, so the broker need not write (and sync) a journal record per message for the
     * cluster bridge's store-and-forward queue.
     */
    public void publish(ChatMessage message) {
        fast.hand(new PublisherLane.Outgoing(TopicEvent.MESSAGE, MessageJson.write(message),
                DeliveryMode.NON_PERSISTENT));
    }

    /** Tells every node that an HTTP session ended, so that each closes the sockets opened with it. */
    public void publish(SessionEnded ended) {
        durable.hand(new PublisherLane.Outgoing(TopicEvent.SESSION_ENDED, ended.httpSession(),
                DeliveryMode.PERSISTENT));
    }

    public void publish(Presence presence) {
        durable.hand(new PublisherLane.Outgoing(TopicEvent.PRESENCE, TopicEvent.write(presence),
                DeliveryMode.PERSISTENT));
    }

    /** Typing is momentary: not worth a journal write. */
    public void publish(Typing typing) {
        fast.hand(new PublisherLane.Outgoing(TopicEvent.TYPING, TopicEvent.write(typing), DeliveryMode.NON_PERSISTENT));
    }

    /** A node's figures for the admin page: momentary, sent every few seconds. */
    public void publish(NodeStats stats) {
        fast.hand(new PublisherLane.Outgoing(TopicEvent.STATS, TopicEvent.write(stats), DeliveryMode.NON_PERSISTENT));
    }

    /**
     * Why this node cannot publish now, if it cannot: a lane's last publish failed, or its send in progress has waited
     * longer than {@code stuckMs} for the broker (a broker that is away holds a send for the call timeout, 30 s).
     */
    public Optional<String> trouble(long stuckMs) {
        return fast.trouble(stuckMs).or(() -> durable.trouble(stuckMs));
    }
}
