package org.chorus.infrastructure.messaging;

import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSProducer;
import jakarta.jms.JMSRuntimeException;
import jakarta.jms.Topic;

import org.chorus.domain.ChatMessage;
import org.chorus.domain.NodeStats;
import org.chorus.domain.Presence;
import org.chorus.domain.SessionEnded;
import org.chorus.domain.Typing;
import org.jboss.logging.Logger;

/**
 * Publishes to the clustered Artemis topic {@code java:/jms/topic/chorus}: stored chat messages, and the events every
 * node must see (presence, typing, the end of an HTTP session, a node's figures).
 * <p>
 * Callers hand their event over and go on: one publisher thread sends them, in the order handed over, on one JMS
 * context that it keeps open (a context per publish, as a request-scoped one is, cost a connection from the pool, a
 * session and a producer every time). Publishing never fails the caller: a stored message whose publication is lost
 * (the broker restarting or unreachable, or more than {@link #BACKLOG} events waiting) reaches every node through its
 * once-a-second catch-up with history, and the other events are momentary or reconciled. Failing the caller instead
 * would fail a send that is already stored, and the client's retry would store it twice.
 */
@ApplicationScoped
public class ChatTopic {

    private static final Logger LOG = Logger.getLogger(ChatTopic.class);

    /** JNDI name of the topic, created by {@code config/chorus-profile.cli}. */
    public static final String LOOKUP = "java:/jms/topic/chorus";
    /** Events waiting for the publisher beyond which new ones are dropped (and logged). */
    static final int BACKLOG = 10_000;

    private record Outgoing(String kind, String body, int deliveryMode) {
    }

    @Resource(lookup = LOOKUP)
    Topic topic;

    @Resource(lookup = "java:comp/DefaultJMSConnectionFactory")
    ConnectionFactory factory;

    @Resource
    ManagedThreadFactory threads;

    private final BlockingQueue<Outgoing> backlog = new LinkedBlockingQueue<>(BACKLOG);
    private volatile boolean running = true;
    /** When the send in progress started (0 when none), and whether the last one failed: what readiness reports. */
    private volatile long sendingSince;
    private volatile boolean failing;
    private Thread publisher;
    private long dropped;

    @PostConstruct
    void start() {
        publisher = threads.newThread(this::publishAll);
        publisher.setName("chorus-topic-publisher");
        publisher.start();
    }

    @PreDestroy
    void stop() {
        running = false;
        publisher.interrupt();
        try {
            publisher.join(TimeUnit.SECONDS.toMillis(5));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * A stored message for every node's {@link ChatTopicListener}. Non-persistent: the history is the durable copy, and
     * a node fills any gap from it, so the broker need not write (and sync) a journal record per message for the
     * cluster bridge's store-and-forward queue.
     */
    public void publish(ChatMessage message) {
        hand(TopicEvent.MESSAGE, MessageJson.write(message), DeliveryMode.NON_PERSISTENT);
    }

    /** Tells every node that an HTTP session ended, so that each closes the sockets opened with it. */
    public void publish(SessionEnded ended) {
        hand(TopicEvent.SESSION_ENDED, ended.httpSession(), DeliveryMode.PERSISTENT);
    }

    public void publish(Presence presence) {
        hand(TopicEvent.PRESENCE, TopicEvent.write(presence), DeliveryMode.PERSISTENT);
    }

    /** Typing is momentary: not worth a journal write. */
    public void publish(Typing typing) {
        hand(TopicEvent.TYPING, TopicEvent.write(typing), DeliveryMode.NON_PERSISTENT);
    }

    /** A node's figures for the admin page: momentary, sent every few seconds. */
    public void publish(NodeStats stats) {
        hand(TopicEvent.STATS, TopicEvent.write(stats), DeliveryMode.NON_PERSISTENT);
    }

    private void hand(String kind, String body, int deliveryMode) {
        if (!backlog.offer(new Outgoing(kind, body, deliveryMode))) {
            synchronized (this) {
                if (dropped++ % BACKLOG == 0) {
                    LOG.warnf("%d events waiting for the topic: dropping a %s event (%d dropped so far); stored"
                            + " messages reach the nodes from history", BACKLOG, kind, dropped);
                }
            }
        }
    }

    /**
     * Why this node cannot publish now, if it cannot: its last publish failed, or the one in progress has waited longer
     * than {@code stuckMs} for the broker (a broker that is away holds a send for the call timeout, 30 s).
     */
    public Optional<String> trouble(long stuckMs) {
        long since = sendingSince;
        if (since != 0 && System.currentTimeMillis() - since > stuckMs) {
            return Optional.of("a publish has waited " + (System.currentTimeMillis() - since) + " ms for the broker");
        }
        return failing ? Optional.of("the last publish failed") : Optional.empty();
    }

    /** The publisher thread: sends what is handed over, reopening its context after a failure. */
    private void publishAll() {
        JMSContext context = null;
        JMSProducer producer = null;
        while (running) {
            Outgoing next;
            try {
                next = backlog.take();
            } catch (InterruptedException e) {
                break;
            }
            sendingSince = System.currentTimeMillis();
            try {
                if (context == null) {
                    context = factory.createContext();
                    producer = context.createProducer().setDisableMessageID(true).setDisableMessageTimestamp(true);
                }
                producer.setDeliveryMode(next.deliveryMode()).setProperty(TopicEvent.KIND, next.kind()).send(topic,
                        next.body());
                if (failing) {
                    LOG.infof("Publishing to the topic works again");
                    failing = false;
                }
            } catch (JMSRuntimeException e) {
                if (!failing) {
                    LOG.warnf("Could not publish a %s event to the topic (%s); stored messages reach the nodes from"
                            + " history", next.kind(), e.toString());
                    failing = true;
                }
                close(context);
                context = null;
            } finally {
                sendingSince = 0;
            }
        }
        close(context);
    }

    private static void close(JMSContext context) {
        if (context != null) {
            try {
                context.close();
            } catch (JMSRuntimeException e) {
                LOG.debugf("Closing the publisher's JMS context failed: %s", e.toString());
            }
        }
    }
}
