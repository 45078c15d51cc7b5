package org.chorus.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading a server log from a mark, also across a rotation, which used to read nothing. */
class ServerLogTest {

    @TempDir
    Path dir;

    @Test
    void readsWhatWasWrittenSinceTheMark() throws Exception {
        Path log = Files.writeString(dir.resolve("server.log"), "before\n");
        ServerLog mark = ServerLog.at(log);
        Files.writeString(log, "after\n", StandardOpenOption.APPEND);
        assertEquals("after\n", mark.since());
    }

    @Test
    void readsTheRestOfTheRotatedFileAndAllOfTheNewOne() throws Exception {
        Path log = Files.writeString(dir.resolve("server.log"), "x".repeat(1000) + "\n");
        ServerLog mark = ServerLog.at(log);
        Files.writeString(log, "ERROR before the rotation\n", StandardOpenOption.APPEND);
        Files.move(log, dir.resolve("server.log.2026-11-30"));
        // The new file grows past the mark: its length alone would not show the rotation.
        Files.writeString(log, "ERROR after the rotation " + "y".repeat(2000) + "\n");
        assertEquals("ERROR before the rotation\nERROR after the rotation " + "y".repeat(2000) + "\n", mark.since());
    }
}
