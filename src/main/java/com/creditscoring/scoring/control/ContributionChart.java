package com.creditscoring.scoring.control;

import com.creditscoring.charts.PngCanvas;
import com.creditscoring.scoring.control.Contributions.Contribution;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.util.List;

/**
 * A horizontal bar chart of contributions to the log-odds of default: red bars raise the risk,
 * green bars lower it, largest first, as a PNG.
 */
public final class ContributionChart {

  static final int WIDTH = 720;
  static final int ROW = 30;
  static final int LABEL_WIDTH = 260;
  static final Color RAISES = new Color(0xC0392B);
  static final Color LOWERS = new Color(0x27AE60);

  private ContributionChart() {}

  public static byte[] png(List<Contribution> largestFirst, Language language) {
    int height = 50 + ROW * Math.max(1, largestFirst.size());
    return PngCanvas.draw(WIDTH, height, g -> paint(g, largestFirst, language, height));
  }

  private static void paint(Graphics2D g, List<Contribution> largestFirst, Language language, int height) {
    FontMetrics metrics = g.getFontMetrics();
    g.setColor(Color.DARK_GRAY);
    g.drawString(language.pick("Contribution to the log-odds of default", "Вклад в логарифм шансов дефолта"), 10, 20);
    double largest = largestFirst.stream().mapToDouble(c -> Math.abs(c.contribution())).max().orElse(1);
    int plotLeft = LABEL_WIDTH + 10;
    int plotWidth = WIDTH - plotLeft - 70;
    int zero = plotLeft + plotWidth / 2;
    for (int i = 0; i < largestFirst.size(); i++) {
      Contribution c = largestFirst.get(i);
      int y = 40 + i * ROW;
      String label = ReasonCodes.label(c.field(), language);
      g.setColor(Color.DARK_GRAY);
      g.drawString(label, LABEL_WIDTH - metrics.stringWidth(label), y + 15);
      int length = (int) Math.round(Math.abs(c.contribution()) / (largest == 0 ? 1 : largest) * (plotWidth / 2.0));
      g.setColor(c.contribution() > 0 ? RAISES : LOWERS);
      g.fillRect(c.contribution() > 0 ? zero : zero - length, y + 3, Math.max(length, 1), ROW - 10);
      g.setColor(Color.DARK_GRAY);
      String value = String.format(java.util.Locale.ROOT, "%+.2f", c.contribution());
      g.drawString(value, c.contribution() > 0 ? zero + length + 4 : zero - length - 4 - metrics.stringWidth(value), y + 15);
    }
    g.setColor(Color.GRAY);
    g.setStroke(new BasicStroke(1));
    g.drawLine(zero, 30, zero, height - 5);
  }
}
