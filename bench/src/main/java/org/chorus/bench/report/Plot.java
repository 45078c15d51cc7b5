package org.chorus.bench.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;

import javax.imageio.ImageIO;

/** Draws a {@link Chart} as a PNG with Java2D (headless): axes with ticks, one coloured line per series, markers. */
final class Plot {

    private static final int W = 960;
    private static final int H = 480;
    private static final int LEFT = 80;
    private static final int RIGHT = 30;
    private static final int TOP = 50;
    private static final int BOTTOM = 60;
    private static final Color[] COLOURS = {new Color(0x1f77b4), new Color(0xff7f0e), new Color(0x2ca02c), new Color(
            0x9467bd), new Color(0x8c564b)};

    private Plot() {
    }

    static void draw(Chart chart, Path file) throws IOException {
        System.setProperty("java.awt.headless", "true");
        BufferedImage image = new BufferedImage(W, H, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, W, H);
        double maxX = 1e-9;
        double maxY = 1e-9;
        double minX = Double.MAX_VALUE;
        for (Chart.Series s : chart.series()) {
            for (double[] p : s.points()) {
                maxX = Math.max(maxX, p[0]);
                minX = Math.min(minX, p[0]);
                maxY = Math.max(maxY, p[1]);
            }
        }
        minX = minX == Double.MAX_VALUE ? 0 : Math.min(0, minX);
        maxY = nice(maxY * 1.05);
        g.setColor(Color.BLACK);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 16));
        g.drawString(chart.title(), LEFT, 30);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        int plotW = W - LEFT - RIGHT;
        int plotH = H - TOP - BOTTOM;
        g.drawRect(LEFT, TOP, plotW, plotH);
        for (int i = 0; i <= 5; i++) {
            double y = maxY * i / 5;
            int py = TOP + plotH - (int) (plotH * i / 5.0);
            g.setColor(new Color(0xdddddd));
            g.drawLine(LEFT + 1, py, LEFT + plotW - 1, py);
            g.setColor(Color.BLACK);
            g.drawString(label(y), 8, py + 4);
            double x = minX + (maxX - minX) * i / 5;
            int px = LEFT + (int) (plotW * i / 5.0);
            g.drawString(label(x), px - 10, TOP + plotH + 18);
        }
        g.drawString(chart.xLabel(), LEFT + plotW / 2 - 40, H - 18);
        g.drawString(chart.yLabel(), LEFT, TOP - 6);
        for (int s = 0; s < chart.series().size(); s++) {
            Chart.Series series = chart.series().get(s);
            g.setColor(COLOURS[s % COLOURS.length]);
            g.setStroke(new BasicStroke(2f));
            int[] last = null;
            for (double[] p : series.points()) {
                int[] at = {LEFT + (int) (plotW * (p[0] - minX) / (maxX - minX)), TOP + plotH - (int) (plotH * Math
                        .min(p[1], maxY) / maxY)};
                if (last != null) {
                    g.drawLine(last[0], last[1], at[0], at[1]);
                }
                g.fillOval(at[0] - 2, at[1] - 2, 4, 4);
                last = at;
            }
            g.fillRect(LEFT + plotW - 200, TOP + 10 + s * 18, 14, 4);
            g.drawString(series.name(), LEFT + plotW - 180, TOP + 16 + s * 18);
        }
        g.setColor(Color.RED);
        g.setStroke(new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10, new float[]{6, 4}, 0));
        for (Chart.Marker m : chart.markers()) {
            int px = LEFT + (int) (plotW * (m.x() - minX) / (maxX - minX));
            g.drawLine(px, TOP, px, TOP + plotH);
            g.drawString(m.label(), px + 4, TOP + 14);
        }
        g.dispose();
        ImageIO.write(image, "png", file.toFile());
    }

    private static double nice(double value) {
        double magnitude = Math.pow(10, Math.floor(Math.log10(value)));
        for (double step : new double[]{1, 2, 2.5, 5, 10}) {
            if (step * magnitude >= value) {
                return step * magnitude;
            }
        }
        return 10 * magnitude;
    }

    private static String label(double value) {
        return value >= 100 || value == Math.rint(value)
                ? String.format("%.0f", value)
                : String.format("%.1f",
                        value);
    }
}
