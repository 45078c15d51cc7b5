package org.chorus.client.retry;

import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;

/**
 * The one daemon thread that every client of the JVM shares for its timers (backoff, retries, silence checks,
 * timeouts): thousands of clients cost no thread each.
 */
public final class Timers {

    private static final ScheduledExecutorService SHARED = create();

    private Timers() {
    }

    public static ScheduledExecutorService shared() {
        return SHARED;
    }

    private static ScheduledExecutorService create() {
        ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(1, task -> {
            Thread thread = new Thread(task, "chorus-client-timer");
            thread.setDaemon(true);
            return thread;
        });
        timer.setRemoveOnCancelPolicy(true); // a cancelled silence check or timeout leaves nothing behind
        return timer;
    }
}
