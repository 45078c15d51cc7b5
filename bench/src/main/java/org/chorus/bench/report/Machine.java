package org.chorus.bench.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The machine a run was made on, in one line: CPU model, cores, memory, Java. */
final class Machine {

    private Machine() {
    }

    static String describe() {
        return cpu() + ", " + Runtime.getRuntime().availableProcessors() + " cores, " + memory() + ", Java " + System
                .getProperty("java.version");
    }

    private static String cpu() {
        return line(Path.of("/proc/cpuinfo"), "model name").orElse("unknown CPU");
    }

    private static String memory() {
        return line(Path.of("/proc/meminfo"), "MemTotal").map(kb -> Math.round(Long.parseLong(kb.replaceAll("\\D",
                "")) / 1048576.0) + " GiB").orElse("? GiB");
    }

    private static java.util.Optional<String> line(Path file, String key) {
        try {
            return Files.readAllLines(file).stream().filter(l -> l.startsWith(key)).map(l -> l.substring(l.indexOf(
                    ':') + 1).trim()).findFirst();
        } catch (IOException e) {
            return java.util.Optional.empty();
        }
    }
}
