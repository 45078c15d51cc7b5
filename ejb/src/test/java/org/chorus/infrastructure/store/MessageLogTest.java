package org.chorus.infrastructure.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.util.List;

import org.chorus.cache.StoredMessage;
import org.chorus.domain.ChatMessage;
import org.chorus.infrastructure.messaging.MessageJson;
import org.infinispan.Cache;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Messages stored at gapless seqs and read back as they were sent, also from a history written as JSON. */
class MessageLogTest {

    private final LocalCaches caches = new LocalCaches();
    private final Cache<String, StoredMessage> history = caches.history();
    private MessageLog log;

    @BeforeEach
    void log() {
        log = new MessageLog();
        log.caches = caches;
        log.retain = 10_000;
    }

    @AfterEach
    void stop() {
        caches.close();
    }

    @Test
    void aMessageReadsBackAsSentToTheNanosecondAtItsSeq() {
        Instant ts = Instant.parse("2026-12-02T02:40:18.490950480Z");
        ChatMessage first = log.append(ChatMessage.draft("general", "m-1", "alice", "hello \ud83d\ude00", ts));
        ChatMessage letter = log.append(new ChatMessage("general", 0, "m-2", "alice", "bob", "", ts.plusNanos(1)));
        assertEquals(List.of(1L, 2L), List.of(first.seq(), letter.seq()));
        assertEquals(List.of(first, letter), log.range("general", 1, 2));
        assertEquals(2, log.latest("general"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void aHistoryWrittenAsJsonIsReadAndADamagedEntryFails() {
        ChatMessage old = new ChatMessage("general", 1, "m-1", "alice", null, "from before the upgrade", Instant.parse(
                "2026-11-30T10:15:30.123456789Z"));
        Cache<String, Object> raw = (Cache<String, Object>) (Cache<?, ?>) history;
        raw.put(MessageLog.key("general", 1), MessageJson.write(old));
        assertEquals(List.of(old), log.range("general", 1, 1));
        assertEquals(2, log.append(ChatMessage.draft("general", "m-2", "alice", "after it", Instant.now())).seq());

        raw.put(MessageLog.key("general", 3), "damaged");
        assertThrows(RuntimeException.class, () -> log.range("general", 3, 3));
    }
}
