package com.creditscoring.charts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class ProbabilityPlotTest {

  @Test
  void theChartFontDrawsCyrillicWhateverFontsTheServerHas() {
    assertEquals(-1, PngCanvas.font(false, 12).canDisplayUpTo("Идеальная калибровка, доля дефолтов"));
    assertEquals(-1, PngCanvas.font(true, 14).canDisplayUpTo("ROC-кривые"));
  }

  @Test
  void drawsEachCurveInItsOwnColourOnTheUnitSquare() throws IOException {
    var diagonalOnly = new ProbabilityPlot("t", "x", "y", "d", List.of());
    // A curve along the top-left corner: its colour appears where the diagonal is not.
    var corner =
        new ProbabilityPlot(
            "t", "x", "y", "d",
            List.of(new ProbabilityPlot.Series("s", List.of(new ProbabilityPlot.Point(0, 0), new ProbabilityPlot.Point(0, 1), new ProbabilityPlot.Point(1, 1)), false)));

    var plain = ImageIO.read(new ByteArrayInputStream(diagonalOnly.png()));
    var drawn = ImageIO.read(new ByteArrayInputStream(corner.png()));

    assertEquals(ProbabilityPlot.WIDTH, drawn.getWidth());
    assertEquals(ProbabilityPlot.HEIGHT, drawn.getHeight());
    // Top edge of the plot, a quarter of the way in (left 70, top 40, side 420).
    int x = 70 + 105, y = 40;
    // Antialiased over the frame's grey: blue, not exactly the palette's blue.
    assertTrue(blue(drawn.getRGB(x, y)), "the first curve's colour (blue)");
    assertFalse(blue(plain.getRGB(x, y)), "the frame alone is grey");
    assertEquals(Color.WHITE.getRGB(), drawn.getRGB(70 + 300, 40 + 100), "nothing drawn inside, above the diagonal");
  }

  private static boolean blue(int rgb) {
    Color c = new Color(rgb);
    return c.getBlue() > c.getRed() + 60;
  }
}
