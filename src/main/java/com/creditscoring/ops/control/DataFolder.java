package com.creditscoring.ops.control;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The folder that holds the embedded database, trained models and generated reports. */
@ApplicationScoped
public class DataFolder {

  static final String SETTING = "DATA_DIR";

  /** Relative paths resolve against the working directory, like the seed's ./data. */
  @Inject
  @ConfigProperty(name = "data.dir", defaultValue = "./data")
  String configured;

  private Path root;

  /** Where the data folder is, for code that runs before CDI (see auth.control.SigningKeyStore). */
  public static Path configuredIn(Config config) {
    return Path.of(config.getOptionalValue("data.dir", String.class).orElse("./data"))
        .toAbsolutePath()
        .normalize();
  }

  @PostConstruct
  void create() {
    Path path = Path.of(configured).toAbsolutePath().normalize();
    try {
      Files.createDirectories(path);
    } catch (IOException | UnsupportedOperationException e) {
      throw new InvalidSettingException(SETTING, "cannot create folder " + path + ": " + e);
    }
    if (!Files.isWritable(path)) {
      throw new InvalidSettingException(SETTING, "folder " + path + " is not writable");
    }
    root = path;
  }

  public Path root() {
    return root;
  }

  /** A sub-folder of the data folder, created on first use. */
  public Path folder(String name) {
    Path path = root.resolve(name);
    try {
      return Files.createDirectories(path);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create " + path, e);
    }
  }

  public long usableBytes() {
    try {
      return Files.getFileStore(root).getUsableSpace();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read free space of " + root, e);
    }
  }
}
