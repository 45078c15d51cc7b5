package org.chorus.bench.cluster;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The cluster's server JVMs on this machine, found by their {@code -D[Server:NAME]} argument: their CPU time, their
 * heap after a full GC (jcmd), a {@code kill -9}, and {@code ./chorus start} to bring one back.
 */
public final class Nodes {

    private static final Pattern USED = Pattern.compile("used (\\d+)K");

    private final Path home;

    /** Nodes of the Chorus checkout at {@code home} (its ./chorus and target/wildfly). */
    public Nodes(Path home) {
        this.home = home.toAbsolutePath().normalize();
    }

    /** The JVM of server {@code node}, if it runs. */
    public Optional<ProcessHandle> process(String node) {
        String marker = "-D[Server:" + node + "]";
        return ProcessHandle.allProcesses().filter(p -> p.info().arguments().map(args -> List.of(args).contains(
                marker)).orElse(false)).findFirst();
    }

    /** CPU time (user + system) each running JVM of {@code nodes} has used so far, in nanoseconds, by pid. */
    public Map<Long, Long> cpuNanos(List<String> nodes) {
        Map<Long, Long> cpu = new HashMap<>();
        for (String node : nodes) {
            process(node).ifPresent(p -> cpu.put(p.pid(), p.info().totalCpuDuration().map(Duration::toNanos).orElse(
                    0L)));
        }
        return cpu;
    }

    /** CPU used between two readings by the JVMs running at both (a killed or restarted node is left out). */
    public static long used(Map<Long, Long> before, Map<Long, Long> after) {
        return after.entrySet().stream().filter(e -> before.containsKey(e.getKey())).mapToLong(e -> e.getValue()
                - before.get(e.getKey())).sum();
    }

    /** Heap in use after two full collections, in bytes (jcmd GC.run, then GC.heap_info). */
    public long heapAfterGc(String node) {
        long pid = process(node).orElseThrow(() -> new IllegalStateException(node + " is not running")).pid();
        jcmd(pid, "GC.run");
        jcmd(pid, "GC.run");
        Matcher used = USED.matcher(jcmd(pid, "GC.heap_info"));
        if (!used.find()) {
            throw new IllegalStateException("no heap figure from jcmd for " + node);
        }
        return Long.parseLong(used.group(1)) * 1024;
    }

    /** The resident set size of the node's JVM in bytes (VmRSS of /proc/PID/status). */
    public long rss(String node) {
        long pid = process(node).orElseThrow(() -> new IllegalStateException(node + " is not running")).pid();
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the memory of " + node, e);
        }
        throw new IllegalStateException("no VmRSS for " + node);
    }

    /** SIGKILL to the node's JVM (a crash, not a shutdown); returns when it is gone. */
    public void kill(String node) {
        ProcessHandle process = process(node).orElseThrow(() -> new IllegalStateException(node + " is not running"));
        process.destroyForcibly();
        process.onExit().orTimeout(30, TimeUnit.SECONDS).join();
    }

    /** {@code ./chorus start NODE}: starts it and waits until it is back in the cluster and the balancer. */
    public void start(String node) {
        run(List.of(home.resolve("chorus").toString(), "start", node));
    }

    /**
     * Deploys or undeploys a deployment on server group chorus with the domain's own CLI, which authenticates as the
     * local user that owns the domain (no password).
     */
    public void cli(String command) {
        run(List.of(home.resolve("target/wildfly/bin/jboss-cli.sh").toString(), "-c", "--controller=127.0.0.1:9990",
                "--command=" + command));
    }

    private static String jcmd(long pid, String command) {
        Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        return run(List.of(jcmd.toString(), Long.toString(pid), command));
    }

    private static String run(List<String> command) {
        try {
            Process process = new ProcessBuilder(new ArrayList<>(command)).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(300, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", command.subList(0, Math.min(2, command.size())))
                        + " failed: " + output);
            }
            return output;
        } catch (IOException e) {
            throw new IllegalStateException("cannot run " + command.get(0), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
