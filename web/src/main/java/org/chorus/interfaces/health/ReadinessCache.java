package org.chorus.interfaces.health;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.jboss.logging.Logger;

/**
 * This node's readiness, checked on a timer ({@code chorus.health.refresh-ms}) and kept: a readiness request reads the
 * last results and opens nothing (a probe every second, or a stranger's flood, used to open a JMS connection each). A
 * check that has not answered within {@code chorus.health.check-timeout-ms} counts as down until it does (a broker that
 * is away can hold a connection attempt for minutes), and is not started again while it hangs.
 */
@ApplicationScoped
public class ReadinessCache {

    private static final Logger LOG = Logger.getLogger(ReadinessCache.class);

    /** One check: its run in progress (null when none) and its last result. */
    private static final class Probe {

        volatile CompletableFuture<HealthCheckResponse> running;
        volatile long startedAt;
        volatile HealthCheckResponse last;
        volatile long lastAt;
    }

    @Inject
    @Readiness
    Instance<HealthCheck> checks;

    @Resource
    ManagedThreadFactory threads;

    @Inject
    @ConfigProperty(name = "chorus.health.refresh-ms", defaultValue = "1000")
    long refreshMs;

    @Inject
    @ConfigProperty(name = "chorus.health.check-timeout-ms", defaultValue = "2000")
    long timeoutMs;

    private final Map<HealthCheck, Probe> probes = new ConcurrentHashMap<>();
    private ExecutorService checker;
    private ScheduledExecutorService timer;

    /** Starts with the application (checked before the first probe asks), not at the first readiness request. */
    void boot(@Observes @Initialized(ApplicationScoped.class) Object started) {
        // Observing the application's start is what creates this bean, and starts its refresh, at once.
    }

    @PostConstruct
    void start() {
        checker = Executors.newCachedThreadPool(threads);
        checks.forEach(check -> probes.put(check, new Probe()));
        // Its own timer: the shared one runs work that can wait on the cluster, when readiness matters most.
        timer = Executors.newSingleThreadScheduledExecutor(threads);
        timer.scheduleWithFixedDelay(this::refresh, 0, refreshMs, TimeUnit.MILLISECONDS);
    }

    @PreDestroy
    void stop() {
        timer.shutdownNow();
        checker.shutdownNow();
    }

    /** The last result of every readiness check (down for one not yet checked, hanging, or not refreshed). */
    public List<HealthCheckResponse> results() {
        long now = System.currentTimeMillis();
        return probes.entrySet().stream().map(e -> {
            Probe probe = e.getValue();
            if (probe.last == null) {
                return down(e.getKey(), null, "not checked yet");
            }
            return now - probe.lastAt > refreshMs + timeoutMs
                    ? down(e.getKey(), probe.last, "not checked for " + (now - probe.lastAt) + " ms")
                    : probe.last;
        }).toList();
    }

    private void refresh() {
        try {
            long now = System.currentTimeMillis();
            probes.forEach((check, probe) -> {
                CompletableFuture<HealthCheckResponse> running = probe.running;
                if (running == null || running.isDone()) {
                    probe.startedAt = now;
                    probe.running = CompletableFuture.supplyAsync(() -> call(check), checker).whenComplete((r,
                            failure) -> answered(probe, r != null
                                    ? r
                                    : down(check, probe.last, String.valueOf(
                                            failure))));
                } else if (now - probe.startedAt > timeoutMs) {
                    answered(probe, down(check, probe.last, "no answer within " + timeoutMs + " ms"));
                }
            });
        } catch (RuntimeException e) { // a periodic task that throws is not run again
            LOG.warnf("Refreshing the readiness checks failed: %s", e.toString());
        }
    }

    private static void answered(Probe probe, HealthCheckResponse result) {
        probe.last = result;
        probe.lastAt = System.currentTimeMillis();
    }

    /** A check that throws is down, with the reason. */
    static HealthCheckResponse call(HealthCheck check) {
        try {
            return check.call();
        } catch (RuntimeException e) {
            return down(check, null, String.valueOf(e));
        }
    }

    /** Down, under the name the check last answered with (its class's before it ever answered). */
    private static HealthCheckResponse down(HealthCheck check, HealthCheckResponse last, String why) {
        String name = last != null ? last.getName() : check.getClass().getSimpleName().replaceAll("\\$.*", "");
        return new HealthCheckResponse(name, HealthCheckResponse.Status.DOWN, Optional.of(Map.of("error", why)));
    }
}
