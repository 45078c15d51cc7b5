package org.chorus.it;

import java.io.StringReader;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import jakarta.json.Json;

/**
 * Which lab nodes the balancer sends new clients to, seen from new logins through it (each login's answer names its
 * node): whether node3 is in its rotation, and until when it was.
 */
final class BalancerRotation {

    private final URI chorus;
    private final String user;
    private final String password;
    private final Duration limit;

    /** Logins of {@code user} at the balancer's {@code chorus} application; {@code limit} bounds each wait. */
    BalancerRotation(URI chorus, String user, String password, Duration limit) {
        this.chorus = chorus;
        this.user = user;
        this.password = password;
        this.limit = limit;
    }

    /**
     * Rounds of nine new logins at once through the balancer until node3 answers one of them ({@code withNode3}) or
     * none (every login answered 200 by node1 or node2); ms from {@code since} to the start of that round.
     */
    long await(boolean withNode3, long since) throws Exception {
        ExecutorService logins = Executors.newFixedThreadPool(9);
        try {
            long deadline = System.nanoTime() + limit.toNanos();
            List<String> round;
            do {
                long start = System.nanoTime();
                List<Future<String>> answers = new ArrayList<>();
                for (int i = 0; i < 9; i++) {
                    answers.add(logins.submit(this::loginNode));
                }
                round = new ArrayList<>();
                for (Future<String> answer : answers) {
                    round.add(answer.get());
                }
                boolean majorityOnly = round.stream().allMatch(node -> node.equals("node1") || node.equals("node2"));
                if (withNode3 ? round.contains("node3") : majorityOnly) {
                    return Duration.ofNanos(start - since).toMillis();
                }
            } while (System.nanoTime() < deadline && pause());
            throw new AssertionError("nodes of nine logins through the balancer: " + round);
        } finally {
            logins.shutdownNow();
        }
    }

    /**
     * New logins through the balancer, four a second for {@code window}; the ms from {@code since} to the start of the
     * last one that node1 or node2 did not answer (sent to a cut-off node, it hangs until its timeout), or -1.
     */
    long lastLoginOffMajority(long since, Duration window) throws Exception {
        ExecutorService logins = Executors.newCachedThreadPool();
        ScheduledExecutorService pace = Executors.newSingleThreadScheduledExecutor();
        try {
            Map<Long, Future<String>> started = new ConcurrentSkipListMap<>();
            pace.scheduleAtFixedRate(() -> started.put(System.nanoTime(), logins.submit(this::loginNode)), 0, 250,
                    TimeUnit.MILLISECONDS);
            // The window, as a timed wait for a termination that only its end brings.
            pace.awaitTermination(window.toMillis(), TimeUnit.MILLISECONDS);
            pace.shutdownNow();
            long last = -1;
            for (var login : started.entrySet()) {
                String node = login.getValue().get();
                if (!node.equals("node1") && !node.equals("node2")) {
                    last = Duration.ofNanos(login.getKey() - since).toMillis();
                }
            }
            return last;
        } finally {
            pace.shutdownNow();
            logins.shutdownNow();
        }
    }

    /** The node that answers a new login through the balancer, or what went wrong (a hung one times out in 10 s). */
    private String loginNode() {
        try {
            var answer = ChatClient.anonymous(chorus).postSession(user, password);
            return answer.statusCode() == 200
                    ? Json.createReader(new StringReader(answer.body())).readObject().getString("node")
                    : String.valueOf(answer.statusCode());
        } catch (Exception e) {
            return e.getClass().getSimpleName();
        }
    }

    /** A short pause between two rounds of a deadline poll; true, to continue. */
    private static boolean pause() throws InterruptedException {
        TimeUnit.MILLISECONDS.sleep(200);
        return true;
    }
}
