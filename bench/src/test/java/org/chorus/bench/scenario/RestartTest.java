package org.chorus.bench.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.chorus.bench.load.Tally;
import org.junit.jupiter.api.Test;

/** A restarted node has settled at the first ten seconds, after its readers joined, whose p99 is within the limit. */
class RestartTest {

    /** Seconds at 1, 2, 3 ... with these p99s; a stretch's p99 is the worst of its seconds (enough for the search). */
    private static double settled(double from, double... p99) {
        List<Tally.Second> timeline = new ArrayList<>();
        for (int i = 0; i < p99.length; i++) {
            timeline.add(new Tally.Second(i + 1, Double.isNaN(p99[i]) ? 0 : 100, 1, p99[i], p99[i], 10));
        }
        return Restart.settled(timeline, (start, count) -> Arrays.stream(p99, start, start + count).max()
                .orElseThrow(), from, 50);
    }

    @Test
    void settledIsTheStartOfTheFirstTenSecondsWithinTheLimitAfterTheReadersJoined() {
        double[] p99 = {300, 300, 300, 80, 40, 40, 40, 40, 40, 40, 40, 40, 40, 40, 40, 40};
        // From the end of the fourth second (at 4) on, ten seconds within 50 ms: 5 .. 14.
        assertEquals(4, settled(0, p99), 1e-9);
        assertEquals(6, settled(5.5, p99), 1e-9, "only seconds after the readers joined count");
        assertEquals(-1, settled(7, p99), 1e-9, "the run ended before ten more seconds");
    }

    @Test
    void aSecondWithoutDeliveriesIsNoProof() {
        double[] p99 = new double[30];
        Arrays.fill(p99, 10);
        p99[5] = Double.NaN; // nothing delivered in the sixth second (at 6): the readers may have stalled
        assertEquals(6, settled(0, p99), 1e-9, "the first stretch without it starts when that second ended");
    }

    @Test
    void entriesShorterThanASecondDoNotShortenTheStretch() {
        List<Tally.Second> timeline = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            timeline.add(new Tally.Second(i * 0.5, 100, 1, 10, 10, 10));
        }
        // Twenty half-second entries make ten seconds: the first stretch starts at 0 and ends with the entry at 10.
        int[] judged = new int[1];
        assertEquals(0, Restart.settled(timeline, (start, count) -> {
            judged[0] = count;
            return 10;
        }, 0, 50), 1e-9);
        assertEquals(20, judged[0]);
    }
}
