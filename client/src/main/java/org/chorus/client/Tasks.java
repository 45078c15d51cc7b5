package org.chorus.client;

import java.lang.System.Logger.Level;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * A session's timed work on its timer (backoff, retries, deadlines, silence checks), each task run under the session's
 * monitor unless the client has ended by then.
 */
final class Tasks {

    private final Session session;

    Tasks(Session session) {
        this.session = session;
    }

    /** Runs {@code task} after {@code nanos}; null when the timer refuses it (a caller's timer that was shut down). */
    ScheduledFuture<?> after(long nanos, Runnable task) {
        try {
            return session.settings.timer().schedule(() -> run(task), nanos, TimeUnit.NANOSECONDS);
        } catch (RejectedExecutionException e) {
            Session.LOG.log(Level.WARNING, "the client''s timer refused a task: {0}", e.toString());
            return null;
        }
    }

    /** Runs {@code task} after the backoff of try {@code tries}: a refused send or join tried again. */
    void later(int tries, Runnable task) {
        after(session.settings.backoff().delayNanos(tries), task);
    }

    private void run(Runnable task) {
        synchronized (session) {
            if (!session.closed()) {
                task.run();
            }
        }
    }
}
