package org.chorus.infrastructure.store;

import java.util.function.Supplier;

import org.infinispan.commons.CacheException;
import org.infinispan.commons.TimeoutException;
import org.infinispan.partitionhandling.AvailabilityException;
import org.infinispan.remoting.transport.jgroups.SuspectException;
import org.infinispan.statetransfer.OutdatedTopologyException;
import org.jboss.logging.Logger;

/**
 * Repeats a cache operation that failed only because the cluster was changing under it (a member suspected or gone, a
 * topology being installed, a frozen owner timing out), so that a client's join or send never fails for a view change:
 * up to {@link #ATTEMPTS} tries, 50 ms apart at first and doubling up to a second (about 5 s in all).
 */
public final class ClusterRetry {

    static final int ATTEMPTS = 8;
    private static final Logger LOG = Logger.getLogger(ClusterRetry.class);

    private ClusterRetry() {
    }

    public static <T> T call(String what, Supplier<T> operation) {
        long pauseMs = 50;
        for (int attempt = 1;; attempt++) {
            try {
                return operation.get();
            } catch (CacheException e) {
                if (!isTransient(e) || attempt == ATTEMPTS) {
                    throw e;
                }
                LOG.debugf("%s met a cluster change (%s); attempt %d of %d in %d ms", what, e, attempt + 1, ATTEMPTS,
                        pauseMs);
                pause(pauseMs);
                pauseMs = Math.min(1_000, pauseMs * 2);
            }
        }
    }

    public static void run(String what, Runnable operation) {
        call(what, () -> {
            operation.run();
            return null;
        });
    }

    /** Whether {@code e} or one of its causes says the cluster was changing rather than that the operation is wrong. */
    static boolean isTransient(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof TimeoutException || t instanceof SuspectException || t instanceof OutdatedTopologyException
                    || t instanceof AvailabilityException) {
                return true;
            }
        }
        return false;
    }

    private static void pause(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the cluster", e);
        }
    }
}
