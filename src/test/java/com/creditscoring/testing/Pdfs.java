package com.creditscoring.testing;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.text.PDFTextStripper;

/** Reads rendered reports back with PDFBox, as a reader's PDF viewer would. */
public final class Pdfs {

  private Pdfs() {}

  public static String text(byte[] pdf) throws IOException {
    try (PDDocument document = Loader.loadPDF(pdf)) {
      return new PDFTextStripper().getText(document);
    }
  }

  /**
   * Lists every missing text at once, with what the PDF does say. Line breaks count as spaces: a
   * sentence may wrap anywhere.
   */
  public static void assertShows(String text, String... expected) {
    String flowing = text.replaceAll("\\s+", " ");
    List<String> missing = Arrays.stream(expected).filter(e -> !flowing.contains(e)).toList();
    assertTrue(missing.isEmpty(), () -> "missing " + missing + " in:\n" + text);
  }

  /** Images on every page together. */
  public static int images(byte[] pdf) throws IOException {
    int images = 0;
    try (PDDocument document = Loader.loadPDF(pdf)) {
      for (PDPage page : document.getPages()) {
        for (var name : page.getResources().getXObjectNames()) {
          if (page.getResources().getXObject(name) instanceof PDImageXObject) {
            images++;
          }
        }
      }
    }
    return images;
  }

  /** Every font on every page is an embedded DejaVu Sans: with any other, Cyrillic would be blank. */
  public static void assertOnlyEmbeddedDejaVu(byte[] pdf) throws IOException {
    try (PDDocument document = Loader.loadPDF(pdf)) {
      for (PDPage page : document.getPages()) {
        for (var name : page.getResources().getFontNames()) {
          var font = page.getResources().getFont(name);
          assertTrue(font.getName().contains("DejaVuSans"), font.getName());
          assertTrue(font.isEmbedded(), font.getName());
        }
      }
    }
  }

  public static int pages(byte[] pdf) throws IOException {
    try (PDDocument document = Loader.loadPDF(pdf)) {
      return document.getNumberOfPages();
    }
  }
}
