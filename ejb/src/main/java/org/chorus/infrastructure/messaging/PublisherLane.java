package org.chorus.infrastructure.messaging;

import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSProducer;
import jakarta.jms.JMSRuntimeException;
import jakarta.jms.Topic;

import org.jboss.logging.Logger;

/**
 * One publishing thread of {@link ChatTopic}: sends what is handed to it, in order, on a JMS context it keeps open and
 * reopens after a failure; a failed send is logged once per outage and never reaches the caller.
 */
final class PublisherLane {

    private static final Logger LOG = Logger.getLogger(PublisherLane.class);

    /** One event to publish. */
    record Outgoing(String kind, String body, int deliveryMode) {
    }

    private final String name;
    private final BlockingQueue<Outgoing> backlog = new LinkedBlockingQueue<>(ChatTopic.BACKLOG);
    private volatile boolean running = true;
    /** When the send in progress started (0 when none), and whether the last one failed: what readiness reports. */
    private volatile long sendingSince;
    private volatile boolean failing;
    private Thread thread;
    private long dropped;

    PublisherLane(String name) {
        this.name = name;
    }

    void start(ManagedThreadFactory threads, ConnectionFactory factory, Topic topic) {
        thread = threads.newThread(() -> publishAll(factory, topic));
        thread.setName(name);
        thread.start();
    }

    void stop() {
        running = false;
        thread.interrupt();
        try {
            thread.join(TimeUnit.SECONDS.toMillis(5));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Queues an event; drops it (and says so, once per {@link ChatTopic#BACKLOG}) when the backlog is full. */
    void hand(Outgoing event) {
        if (!backlog.offer(event)) {
            synchronized (this) {
                if (dropped++ % ChatTopic.BACKLOG == 0) {
                    LOG.warnf("%d events waiting for the topic on %s: dropping a %s event (%d dropped so far); stored"
                            + " messages reach the nodes from history", ChatTopic.BACKLOG, name, event.kind(), dropped);
                }
            }
        }
    }

    /** Why this lane cannot publish now, if it cannot (see {@link ChatTopic#trouble}). */
    Optional<String> trouble(long stuckMs) {
        if (running && !thread.isAlive()) {
            return Optional.of(name + " has ended");
        }
        long since = sendingSince;
        long waited = System.currentTimeMillis() - since;
        if (since != 0 && waited > stuckMs) {
            return Optional.of("a publish on " + name + " has waited " + waited + " ms for the broker");
        }
        // A failure counts while events wait behind it; with none waiting, readiness's own request to the broker tells.
        return failing && !backlog.isEmpty()
                ? Optional.of("the last publish on " + name + " failed, " + backlog.size() + " events waiting")
                : Optional.empty();
    }

    private void publishAll(ConnectionFactory factory, Topic topic) {
        JMSContext context = null;
        JMSProducer producer = null;
        try {
            while (running) {
                Outgoing next = backlog.take();
                sendingSince = System.currentTimeMillis();
                try {
                    if (context == null) {
                        context = factory.createContext();
                        producer = context.createProducer().setDisableMessageID(true).setDisableMessageTimestamp(
                                true);
                    }
                    producer.setDeliveryMode(next.deliveryMode()).setProperty(TopicEvent.KIND, next.kind()).send(
                            topic, next.body());
                    if (failing) {
                        LOG.infof("Publishing to the topic works again (%s)", name);
                        failing = false;
                    }
                } catch (RuntimeException e) { // JMSRuntimeException, or the client's own (an interrupted send)
                    if (!failing) {
                        LOG.warnf("Could not publish a %s event to the topic (%s); stored messages reach the nodes"
                                + " from history", next.kind(), e.toString());
                        failing = true;
                    }
                    close(context);
                    context = null;
                } finally {
                    sendingSince = 0;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // stopping
        } finally {
            close(context);
        }
    }

    private static void close(JMSContext context) {
        if (context != null) {
            try {
                context.close();
            } catch (JMSRuntimeException e) {
                LOG.debugf("Closing a publisher's JMS context failed: %s", e.toString());
            }
        }
    }
}
