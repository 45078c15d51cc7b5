package org.chorus.interfaces.websocket;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ConnectionBudgetTest {

    @Test
    void partsMakeTheMessageAndALimitPassedMidwayThrowsBeforeKeepingMore() throws Exception {
        ConnectionBudget budget = new ConnectionBudget(10, 100);
        assertNull(budget.assemble("abc", false));
        assertEquals("abcdef", budget.assemble("def", true));
        assertEquals("0123456789", budget.assemble("0123456789", true), "exactly the limit is allowed");
        assertNull(budget.assemble("012345", false));
        assertThrows(ConnectionBudget.TooBig.class, () -> budget.assemble("67890", false));
        assertEquals("ok", budget.assemble("ok", true), "the next message starts from nothing");
    }

    @Test
    void theLimitCountsUtf8Bytes() {
        assertEquals(1 + 2 + 3 + 4, Utf8.length("a\u00e9\u20ac\ud83d\ude00"));
        ConnectionBudget budget = new ConnectionBudget(7, 100);
        assertThrows(ConnectionBudget.TooBig.class, () -> budget.assemble("\u20ac\u20ac\u20ac", true));
    }

    @Test
    void unsentBytesPastTheLimitAreRefusedAndTheOverrunIsReportedOnce() {
        ConnectionBudget budget = new ConnectionBudget(10, 100);
        assertTrue(budget.reserve(60));
        assertFalse(budget.reserve(60), "120 unsent bytes would pass 100");
        assertTrue(budget.overrun());
        assertFalse(budget.overrun(), "only one caller closes the connection");
        assertFalse(budget.reserve(1), "nothing more is queued for it");
    }

    @Test
    void writtenBytesMakeRoomAgain() {
        ConnectionBudget budget = new ConnectionBudget(10, 100);
        assertTrue(budget.reserve(90));
        budget.written(90);
        assertTrue(budget.reserve(90));
    }

    @Test
    void aPingsPongClockStartsOnlyOnceWhatWasQueuedBeforeItIsWritten() {
        ConnectionBudget budget = new ConnectionBudget(10, 1000);
        long t = System.currentTimeMillis() + 1_000; // after the connection opened
        assertTrue(budget.reserve(100));
        budget.written(50);
        budget.pinged(t, t + 26_000);
        assertEquals(0, budget.pingOut(t + 2_000), "50 bytes queued before the ping are not written yet");
        assertFalse(budget.answered());
        budget.written(50);
        assertEquals(t + 3_000, budget.pingOut(t + 3_000), "on its way once they are");
        assertEquals(t + 3_000, budget.pingOut(t + 9_000), "and the clock does not move again");
        budget.heard(t + 9_500);
        assertTrue(budget.answered(), "a pong after the ping answers it");
    }

    @Test
    void aPingOnAnIdleConnectionIsOnItsWayAtOnce() {
        ConnectionBudget budget = new ConnectionBudget(10, 1000);
        long t = System.currentTimeMillis() + 1_000; // after the connection opened
        budget.pinged(t, t + 26_000);
        assertEquals(t, budget.pingOut(t));
        assertFalse(budget.answered(), "nothing heard since");
    }
}
