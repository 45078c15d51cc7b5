package org.chorus.it;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import jakarta.json.Json;
import jakarta.json.JsonObject;

/**
 * Runs {@code ./chorus VERB} from the project root as a user would, and keeps its output for the failure message.
 */
public final class RunCommand {

    private static final Path ROOT = Path.of(System.getProperty("chorus.root", ".."));
    private static final Path LOGS = ROOT.resolve("it/target/run-command");

    /** What one run printed and how it ended. */
    public record Result(int exitCode, String output) {

        public Result orFail(String what) {
            if (exitCode != 0) {
                throw new AssertionError(what + " exited " + exitCode + ":\n" + output);
            }
            return this;
        }
    }

    /** Set once a test class has brought the domain up: only then is it that class's to take down. */
    private static boolean ours;

    private RunCommand() {
    }

    /**
     * {@code ./chorus up} with {@code options} for a test class; refuses (rather than stop someone's domain) when a
     * domain of this checkout already runs. Pair it with {@link #downIfOurs()} in {@code @AfterAll}.
     */
    public static Result upForTest(String... options) throws IOException, InterruptedException {
        Result status = chorus(Duration.ofMinutes(1), "status");
        if (status.exitCode() == 0) {
            throw new AssertionError("A Chorus domain from this checkout is already running; this test would stop it."
                    + " Run ./chorus down first.\n" + status.output());
        }
        ours = true;
        List<String> up = new ArrayList<>(List.of("up"));
        up.addAll(List.of(options));
        return chorus(Duration.ofMinutes(15), up.toArray(String[]::new)).orFail("./chorus " + String.join(" ", up));
    }

    /** {@code ./chorus down}, if {@link #upForTest} brought the domain up (also after a failed start). */
    public static void downIfOurs() throws IOException, InterruptedException {
        if (ours) {
            ours = false;
            chorus(Duration.ofMinutes(3), "down").orFail("./chorus down");
        }
    }

    /** Runs {@code ./chorus ARGS} and prints how long it took (the README's figures for the verbs come from here). */
    public static Result chorus(Duration limit, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("bash", ROOT.resolve("chorus").toString()));
        command.addAll(List.of(args));
        long start = System.nanoTime();
        Result result = run(limit, ".", String.join("-", args).replaceAll("[^A-Za-z0-9._-]", "_"), command.toArray(
                String[]::new));
        System.out.printf("./chorus %s: exit %d after %d ms%n", String.join(" ", args), result.exitCode(),
                (System.nanoTime() - start) / 1_000_000);
        return result;
    }

    /** The rows, by run name, of what {@code ./chorus bench SCENARIO --out OUT} wrote to {@code OUT/SCENARIO.json}. */
    public static JsonObject benchRows(Path out, String scenario) throws IOException {
        return Json.createReader(new StringReader(Files.readString(out.resolve(scenario + ".json")))).readObject()
                .getJsonObject("rows");
    }

    /** Runs a command in a directory of the project (relative to its root); output in it/target/run-command. */
    public static Result run(Duration limit, String dir, String logName, String... command) throws IOException,
            InterruptedException {
        Files.createDirectories(LOGS);
        Path log = LOGS.resolve(logName + ".log");
        // Owner only: the first ./chorus up shows the passwords it made.
        Files.deleteIfExists(log);
        Files.createFile(log, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Process process = new ProcessBuilder(command).directory(ROOT.resolve(dir).toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                .start();
        if (!process.waitFor(limit.toSeconds(), TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
            return new Result(-1, Files.readString(log) + "\n(killed after " + limit + ")");
        }
        return new Result(process.exitValue(), Files.readString(log));
    }
}
