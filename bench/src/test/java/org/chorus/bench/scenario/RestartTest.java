package org.chorus.bench.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.chorus.bench.load.Tally;
import org.junit.jupiter.api.Test;

/** A restarted node has settled at the first ten seconds, after its readers joined, whose p99 is within the limit. */
class RestartTest {

    @Test
    void settledIsTheFirstTenSecondsWhosePercentileIsWithinTheLimit() {
        Tally tally = new Tally();
        // 100 deliveries a second at 10 ms; in each of the first five seconds 6 of them take 300 ms instead.
        for (int second = 0; second < 30; second++) {
            for (int i = 0; i < 100; i++) {
                tally.delivered(second < 5 && i < 6 ? 300_000_000L : 10_000_000L);
            }
            tally.sample(1);
        }
        List<Tally.Second> timeline = tally.timeline();
        // Ten seconds from the fourth on hold 12 slow of 1,000 (p99 300 ms); from the fifth on, 6 (p99 10 ms).
        assertEquals(timeline.get(4).at() - 1, Restart.settled(tally, 0, 50), 1e-9);
        assertEquals(timeline.get(11).at() - 1, Restart.settled(tally, timeline.get(10).at(), 50), 1e-9,
                "only the seconds after the readers joined count");
        assertEquals(-1, Restart.settled(tally, 0, 5), 1e-9, "never within 5 ms");
    }
}
