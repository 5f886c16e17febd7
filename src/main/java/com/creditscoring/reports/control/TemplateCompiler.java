package com.creditscoring.reports.control;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import net.sf.jasperreports.engine.JRException;
import net.sf.jasperreports.engine.JasperCompileManager;

/**
 * Compiles every {@code *.jrxml} of a folder to {@code *.jasper} at build time (pom.xml runs it in
 * process-classes), so that no request pays the ~2 s of compiling a template and the server needs
 * no Java compiler.
 */
public final class TemplateCompiler {

  private TemplateCompiler() {}

  /** @param args the templates' folder (reports/) and the output folder (target/classes/reports) */
  public static void main(String[] args) throws IOException, JRException {
    if (args.length != 2) {
      throw new IllegalArgumentException("usage: TemplateCompiler <templates folder> <output folder>");
    }
    Path sources = Path.of(args[0]);
    Path output = Path.of(args[1]);
    Files.createDirectories(output);
    List<Path> templates;
    try (Stream<Path> files = Files.list(sources)) {
      templates = files.filter(f -> f.getFileName().toString().endsWith(".jrxml")).sorted().toList();
    }
    for (Path template : templates) {
      String name = template.getFileName().toString().replaceFirst("\\.jrxml$", ".jasper");
      JasperCompileManager.compileReportToFile(template.toString(), output.resolve(name).toString());
    }
    System.out.println("compiled " + templates.size() + " report template(s) to " + output);
  }
}
