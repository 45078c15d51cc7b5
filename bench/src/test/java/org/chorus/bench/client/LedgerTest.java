package org.chorus.bench.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class LedgerTest {

    @Test
    void messagesInOrderAfterTheJoinAreFreshAndNothingIsMissing() {
        Ledger ledger = new Ledger(10);
        assertFalse(ledger.record(9), "a replay from before the join");
        assertTrue(ledger.record(11));
        assertTrue(ledger.record(12));
        assertEquals(12, ledger.contiguous());
        assertEquals(0, ledger.missing(12));
        assertEquals(0, ledger.duplicates() + ledger.reordered());
    }

    @Test
    void countsRepeatsLateArrivalsAndWhatNeverCame() {
        Ledger ledger = new Ledger(0);
        ledger.record(1);
        ledger.record(3);
        assertEquals(1, ledger.contiguous(), "a resume joins since the last seq without a gap");
        assertFalse(ledger.record(3));
        assertEquals(1, ledger.duplicates());
        assertFalse(ledger.record(2), "2 after 3 is late");
        assertEquals(1, ledger.reordered());
        assertEquals(3, ledger.contiguous());
        assertEquals(2, ledger.missing(5), "4 and 5 never came");
    }
}
