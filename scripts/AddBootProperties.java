import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Adds system properties to a Payara Micro uber jar's {@code MICRO-INF/payara-boot.properties},
 * which Payara sets before anything else starts. Some settings only work there: the JSON-P API
 * inside Payara reads {@code jakarta.json.provider} once, at boot, long before the application
 * could set it, and {@code --systemProperties} given while building the uber jar is not kept.
 *
 * <p>Run by the build with Java's single-file launcher:
 * {@code java scripts/AddBootProperties.java target/credit-scoring.jar key=value ...}. A key that is
 * already in the file is replaced, so running it twice changes nothing.
 */
public class AddBootProperties {

  private static final String ENTRY = "MICRO-INF/payara-boot.properties";

  public static void main(String[] args) throws IOException {
    if (args.length < 2) {
      throw new IllegalArgumentException("usage: AddBootProperties <uber jar> key=value ...");
    }
    URI jar = URI.create("jar:" + Path.of(args[0]).toAbsolutePath().toUri());
    try (var zip = FileSystems.newFileSystem(jar, Map.of())) {
      Path entry = zip.getPath(ENTRY);
      List<String> lines = new ArrayList<>(Files.readAllLines(entry, StandardCharsets.ISO_8859_1));
      for (int i = 1; i < args.length; i++) {
        String property = args[i];
        int equals = property.indexOf('=');
        if (equals < 1) {
          throw new IllegalArgumentException("not key=value: " + property);
        }
        String key = property.substring(0, equals + 1);
        lines.removeIf(line -> line.startsWith(key));
        lines.add(property);
      }
      Files.write(entry, lines, StandardCharsets.ISO_8859_1);
    }
  }
}
