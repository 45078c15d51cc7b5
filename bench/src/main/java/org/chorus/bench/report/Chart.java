package org.chorus.bench.report;

import java.util.ArrayList;
import java.util.List;

/** A line chart to draw: series of (x, y) points and vertical markers (a kill, say), saved as {@code file}.png. */
public record Chart(String file, String title, String xLabel, String yLabel, List<Series> series,
        List<Marker> markers) {

    /** One line. */
    public record Series(String name, List<double[]> points) {
    }

    /** A vertical line at {@code x} with a label. */
    public record Marker(double x, String label) {
    }

    public static Chart of(String file, String title, String xLabel, String yLabel) {
        return new Chart(file, title, xLabel, yLabel, new ArrayList<>(), new ArrayList<>());
    }

    public Chart line(String name, List<double[]> points) {
        series.add(new Series(name, points));
        return this;
    }

    public Chart mark(double x, String label) {
        markers.add(new Marker(x, label));
        return this;
    }
}
