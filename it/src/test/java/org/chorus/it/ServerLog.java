package org.chorus.it;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * The server log of a test server read from a mark on: what a test made the server write.
 */
public final class ServerLog {

    private final Path file;
    private final long mark;

    private ServerLog(Path file, long mark) {
        this.file = file;
        this.mark = mark;
    }

    /** Marks the current end of the log of a test server ({@link Cluster#NODE_1} or {@link Cluster#NODE_2}). */
    public static ServerLog from(String node) {
        Path file = Path.of(System.getProperty("chorus.it.dir"), node, "log", "server.log");
        return new ServerLog(file, file.toFile().length());
    }

    /** What was written since the mark. */
    public String since() throws IOException {
        try (RandomAccessFile log = new RandomAccessFile(file.toFile(), "r")) {
            long length = log.length();
            byte[] bytes = new byte[(int) Math.max(0, length - mark)];
            log.seek(Math.min(mark, length));
            log.readFully(bytes);
            return new String(bytes, StandardCharsets.UTF_8);
        }
    }
}
