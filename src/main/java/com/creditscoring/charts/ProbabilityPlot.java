package com.creditscoring.charts;

import static java.util.Objects.requireNonNull;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.geom.AffineTransform;
import java.awt.geom.Path2D;
import java.util.List;
import java.util.Locale;

/**
 * Curves on the unit square with its diagonal, as a PNG: ROC curves (the diagonal is a model that
 * guesses) and calibration (the diagonal is a perfectly calibrated model) are both drawn with it.
 *
 * @param diagonal the legend's name for the diagonal
 */
public record ProbabilityPlot(String title, String xAxis, String yAxis, String diagonal, List<Series> series) {

  static final int WIDTH = 720;
  static final int HEIGHT = 520;
  /** Distinguishable in print and for the common colour-vision deficiencies (Okabe-Ito). */
  static final List<Color> PALETTE =
      List.of(new Color(0x0072B2), new Color(0xD55E00), new Color(0x009E73), new Color(0xCC79A7), new Color(0xE69F00), new Color(0x56B4E9));

  public record Point(double x, double y) {}

  /** One curve; with markers each point is also drawn as a dot (few points, e.g. deciles). */
  public record Series(String name, List<Point> points, boolean markers) {
    public Series {
      requireNonNull(name);
      points = List.copyOf(points);
    }
  }

  public ProbabilityPlot {
    requireNonNull(title);
    requireNonNull(xAxis);
    requireNonNull(yAxis);
    requireNonNull(diagonal);
    series = List.copyOf(series);
  }

  public byte[] png() {
    return PngCanvas.draw(WIDTH, HEIGHT, this::paint);
  }

  private void paint(Graphics2D g) {
    int left = 70, top = 40, size = HEIGHT - top - 60;
    int legendLeft = left + size + 30;
    g.setColor(Color.DARK_GRAY);
    g.setFont(PngCanvas.font(true, 14));
    g.drawString(title, 10, 22);
    g.setFont(PngCanvas.font(false, 12));
    FontMetrics metrics = g.getFontMetrics();
    for (int tick = 0; tick <= 5; tick++) {
      double value = tick / 5.0;
      int x = left + (int) Math.round(value * size);
      int y = top + size - (int) Math.round(value * size);
      g.setColor(new Color(0xE5E8E8));
      g.drawLine(x, top, x, top + size);
      g.drawLine(left, y, left + size, y);
      g.setColor(Color.DARK_GRAY);
      String label = String.format(Locale.ROOT, "%.1f", value);
      g.drawString(label, x - metrics.stringWidth(label) / 2, top + size + 16);
      g.drawString(label, left - 6 - metrics.stringWidth(label), y + 4);
    }
    g.drawRect(left, top, size, size);
    g.drawString(xAxis, left + (size - metrics.stringWidth(xAxis)) / 2, top + size + 36);
    AffineTransform straight = g.getTransform();
    g.rotate(-Math.PI / 2);
    g.drawString(yAxis, -(top + (size + metrics.stringWidth(yAxis)) / 2), left - 40);
    g.setTransform(straight);

    g.setColor(Color.GRAY);
    g.setStroke(new BasicStroke(1.2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10, new float[] {6, 5}, 0));
    g.drawLine(left, top + size, left + size, top);
    legend(g, legendLeft, top + 10, diagonal);

    for (int s = 0; s < series.size(); s++) {
      Series curve = series.get(s);
      g.setColor(PALETTE.get(s % PALETTE.size()));
      g.setStroke(new BasicStroke(2.2f));
      Path2D.Double path = new Path2D.Double();
      for (int i = 0; i < curve.points().size(); i++) {
        Point p = curve.points().get(i);
        double x = left + clamp(p.x()) * size;
        double y = top + size - clamp(p.y()) * size;
        if (i == 0) {
          path.moveTo(x, y);
        } else {
          path.lineTo(x, y);
        }
        if (curve.markers()) {
          g.fillOval((int) Math.round(x) - 4, (int) Math.round(y) - 4, 8, 8);
        }
      }
      g.draw(path);
      g.drawLine(legendLeft, top + 36 + 24 * s, legendLeft + 24, top + 36 + 24 * s);
      g.setColor(Color.DARK_GRAY);
      g.drawString(curve.name(), legendLeft + 30, top + 40 + 24 * s);
    }
  }

  private static void legend(Graphics2D g, int x, int y, String text) {
    g.drawLine(x, y, x + 24, y);
    g.setColor(Color.DARK_GRAY);
    g.drawString(text, x + 30, y + 4);
  }

  private static double clamp(double value) {
    return Math.max(0, Math.min(1, value));
  }
}
