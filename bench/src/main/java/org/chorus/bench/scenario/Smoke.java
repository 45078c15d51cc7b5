package org.chorus.bench.scenario;

import java.util.Map;

/** The CI smoke: scenario 1 with few clients for a few seconds, so that the tool keeps working. */
public class Smoke extends FanOut {

    @Override
    public String name() {
        return "smoke";
    }

    @Override
    public String title() {
        return "Smoke: a short fan-out, same node and cross node";
    }

    @Override
    public Map<String, String> defaults() {
        return Map.of("clients", "20", "rate", "20", "duration", "3", "warmup", "1");
    }
}
