package org.chorus.it;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

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

    private RunCommand() {
    }

    public static Result chorus(Duration limit, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("bash", ROOT.resolve("chorus").toString()));
        command.addAll(List.of(args));
        return run(limit, ".", String.join("-", args).replaceAll("[^A-Za-z0-9._-]", "_"),
                command.toArray(String[]::new));
    }

    /** Runs a command in a directory of the project (relative to its root); output in it/target/run-command. */
    public static Result run(Duration limit, String dir, String logName, String... command) throws IOException,
            InterruptedException {
        Files.createDirectories(LOGS);
        Path log = LOGS.resolve(logName + ".log");
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
