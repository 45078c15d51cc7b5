package org.chorus.interfaces.websocket;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The web tier's timer threads, made by the container's thread factory (so with the deployment's context): unlike the
 * managed scheduled executor, which refuses and logs every task once the server is suspended for a graceful shutdown,
 * they run until the deployment stops. Periodic tasks must catch their own failures, or they stop repeating.
 */
@ApplicationScoped
public class Ticker {

    @Resource
    ManagedThreadFactory threads;

    private ScheduledExecutorService executor;

    @PostConstruct
    void start() {
        executor = Executors.newScheduledThreadPool(2, threads);
    }

    @PreDestroy
    void stop() {
        executor.shutdownNow();
    }

    /** The scheduler for the web tier's timed and background work. */
    public ScheduledExecutorService executor() {
        return executor;
    }
}
