package org.chorus.bench.load;

import java.util.LinkedHashMap;
import java.util.Map;

import org.HdrHistogram.Histogram;

/** The measured part of a run: delivery and ack latencies (microseconds) and how many deliveries in how long. */
public record Window(Histogram delivery, Histogram ack, long deliveries, double seconds) {

    public double deliveriesPerSecond() {
        return deliveries / seconds;
    }

    public double deliveryMs(double percentile) {
        return Tally.ms(delivery, percentile);
    }

    public double ackMs(double percentile) {
        return Tally.ms(ack, percentile);
    }

    /** The usual figures, in milliseconds, for a report. */
    public Map<String, Object> figures() {
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("deliveries_per_s", Math.round(deliveriesPerSecond()));
        figures.put("p50_ms", deliveryMs(50));
        figures.put("p90_ms", deliveryMs(90));
        figures.put("p99_ms", deliveryMs(99));
        figures.put("p99_9_ms", deliveryMs(99.9));
        figures.put("max_ms", delivery.getTotalCount() == 0 ? 0 : delivery.getMaxValue() / 1000.0);
        figures.put("ack_p50_ms", ackMs(50));
        figures.put("ack_p99_ms", ackMs(99));
        return figures;
    }
}
