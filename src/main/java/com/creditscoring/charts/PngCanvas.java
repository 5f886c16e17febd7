package com.creditscoring.charts;

import java.awt.Color;
import java.awt.Font;
import java.awt.FontFormatException;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.function.Consumer;
import javax.imageio.ImageIO;

/**
 * A white, antialiased canvas that becomes a PNG, with the one font every chart uses: DejaVu Sans
 * from jasperreports-fonts (already in the WAR for the PDFs). A logical font such as SansSerif
 * depends on the server's installed fonts, and without a Cyrillic one Russian labels come out as
 * empty boxes.
 */
public final class PngCanvas {

  private static final String FONTS = "net/sf/jasperreports/fonts/dejavu/";
  private static final Font REGULAR = load("DejaVuSans.ttf");
  private static final Font BOLD = load("DejaVuSans-Bold.ttf");

  private PngCanvas() {}

  /** Paints {@code painter} on a white canvas of this size and encodes it as PNG. */
  public static byte[] draw(int width, int height, Consumer<Graphics2D> painter) {
    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    try {
      g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
      g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
      g.setColor(Color.WHITE);
      g.fillRect(0, 0, width, height);
      g.setFont(font(false, 13));
      painter.accept(g);
    } finally {
      g.dispose();
    }
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try {
      ImageIO.write(image, "png", bytes);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot encode the chart", e);
    }
    return bytes.toByteArray();
  }

  public static Font font(boolean bold, float size) {
    return (bold ? BOLD : REGULAR).deriveFont(size);
  }

  private static Font load(String file) {
    try (InputStream in = PngCanvas.class.getClassLoader().getResourceAsStream(FONTS + file)) {
      if (in == null) {
        throw new IllegalStateException(FONTS + file + " is not on the classpath: it comes with jasperreports-fonts");
      }
      return Font.createFont(Font.TRUETYPE_FONT, in);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the font " + file, e);
    } catch (FontFormatException e) {
      throw new IllegalStateException("cannot read the font " + file, e);
    }
  }
}
