package org.chorus.infrastructure.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.concurrent.atomic.AtomicInteger;

import org.infinispan.commons.CacheException;
import org.infinispan.commons.TimeoutException;
import org.infinispan.remoting.transport.jgroups.SuspectException;
import org.junit.jupiter.api.Test;

class ClusterRetryTest {

    @Test
    void aCacheOperationThatMeetsAViewChangeIsRepeatedUntilItWorks() {
        AtomicInteger calls = new AtomicInteger();
        String result = ClusterRetry.call("test", () -> {
            if (calls.incrementAndGet() < 3) {
                throw new SuspectException("node1 left");
            }
            return "done";
        });
        assertEquals("done", result);
        assertEquals(3, calls.get());
    }

    @Test
    void aTimeoutWrappedInAnotherCacheExceptionCountsAsAClusterChange() {
        AtomicInteger calls = new AtomicInteger();
        ClusterRetry.run("test", () -> {
            if (calls.incrementAndGet() == 1) {
                throw new CacheException("remote call failed", new TimeoutException("frozen owner"));
            }
        });
        assertEquals(2, calls.get());
    }

    @Test
    void anyOtherFailureIsNotRepeated() {
        AtomicInteger calls = new AtomicInteger();
        CacheException wrong = new CacheException("cannot marshal");
        assertSame(wrong, assertThrows(CacheException.class, () -> ClusterRetry.run("test", () -> {
            calls.incrementAndGet();
            throw wrong;
        })));
        assertEquals(1, calls.get());
    }

    @Test
    void aClusterThatStaysBrokenFailsAfterTheLastAttempt() {
        AtomicInteger calls = new AtomicInteger();
        assertThrows(SuspectException.class, () -> ClusterRetry.run("test", () -> {
            calls.incrementAndGet();
            throw new SuspectException("still gone");
        }));
        assertEquals(ClusterRetry.ATTEMPTS, calls.get());
    }
}
