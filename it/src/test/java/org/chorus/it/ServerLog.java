package org.chorus.it;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * The server log of a test server read from a mark on: what a test made the server write, also when the log was rotated
 * in between (the server's periodic handler renames {@code server.log} to {@code server.log.DATE} and starts a new one:
 * then the rest of the renamed file and the whole new one are read).
 */
public final class ServerLog {

    private final Path file;
    private final long mark;
    private final Object identity;

    private ServerLog(Path file, long mark, Object identity) {
        this.file = file;
        this.mark = mark;
        this.identity = identity;
    }

    /** Marks the current end of the log of a test server ({@link Cluster#NODE_1} or {@link Cluster#NODE_2}). */
    public static ServerLog from(String node) throws IOException {
        return at(Path.of(System.getProperty("chorus.it.dir"), node, "log", "server.log"));
    }

    /** Marks the current end of the log file {@code file}. */
    static ServerLog at(Path file) throws IOException {
        return new ServerLog(file, Files.size(file), identity(file));
    }

    /** What was written since the mark. */
    public String since() throws IOException {
        if (identity.equals(identity(file))) {
            return read(file, mark);
        }
        Path rotated = rotatedFrom().orElseThrow(() -> new IOException(file + " was replaced, and no rotated file has"
                + " the marked one's identity"));
        return read(rotated, mark) + read(file, 0);
    }

    /** The rotated file that was {@code server.log} when the mark was taken. */
    private java.util.Optional<Path> rotatedFrom() throws IOException {
        try (Stream<Path> siblings = Files.list(file.getParent())) {
            return siblings.filter(p -> p.getFileName().toString().startsWith(file.getFileName() + ".")).filter(
                    p -> {
                        try {
                            return identity.equals(identity(p));
                        } catch (IOException e) {
                            return false;
                        }
                    }).max(Comparator.comparing(p -> p.toFile().lastModified()));
        }
    }

    private static Object identity(Path file) throws IOException {
        return Files.getAttribute(file, "unix:ino");
    }

    private static String read(Path file, long from) throws IOException {
        try (RandomAccessFile log = new RandomAccessFile(file.toFile(), "r")) {
            long length = log.length();
            byte[] bytes = new byte[(int) Math.max(0, length - from)];
            log.seek(Math.min(from, length));
            log.readFully(bytes);
            return new String(bytes, StandardCharsets.UTF_8);
        }
    }
}
