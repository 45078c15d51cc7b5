package org.chorus.interfaces.websocket;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class FrameBudgetsTest {

    private static final long SECOND = 1_000_000_000L;
    private final double[] perSecond = {2, 100};
    private final double[] burst = {3, 1000};
    private final FrameBudgets.Allowance allowance = new FrameBudgets.Allowance(burst, 0);

    @Test
    void aBurstIsAllowedThenOneFrameAtTheRate() {
        for (int i = 0; i < 3; i++) {
            assertTrue(allowance.take(0, 1, perSecond, burst, 0), "frame " + i + " of the burst");
        }
        assertFalse(allowance.take(0, 1, perSecond, burst, 0), "past the burst");
        assertFalse(allowance.take(0, 1, perSecond, burst, SECOND / 4), "half a token later");
        assertTrue(allowance.take(0, 1, perSecond, burst, SECOND / 2), "a token after 1/rate");
        assertTrue(allowance.take(1, 1, perSecond, burst, SECOND / 2), "the other kinds are untouched");
    }

    @Test
    void aChargePastTheBalanceRefusesUntilTheDebtIsRefilled() {
        allowance.charge(1, 3000, perSecond, burst, 0); // a replay of 3,000 on a budget of 1,000
        assertFalse(allowance.take(1, 1, perSecond, burst, 10 * SECOND), "still 1,000 in debt after 10 s");
        assertTrue(allowance.take(1, 1, perSecond, burst, 21 * SECOND), "refilled after 20 s at 100/s");
    }

    @Test
    void tokensNeverGoPastTheBurstAndAClockGoingBackGivesNothing() {
        assertTrue(allowance.take(0, 3, perSecond, burst, 3600 * SECOND), "full after an hour");
        assertFalse(allowance.take(0, 1, perSecond, burst, 3600 * SECOND), "but no more than the burst");
        assertFalse(allowance.take(0, 1, perSecond, burst, 0), "the clock went back");
    }
}
