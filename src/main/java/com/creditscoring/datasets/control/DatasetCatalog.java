package com.creditscoring.datasets.control;

import com.creditscoring.datasets.entity.Dataset;
import com.creditscoring.datasets.entity.DatasetContent;
import com.creditscoring.models.entity.ScoringModel;
import com.creditscoring.ops.control.DataFolder;
import com.creditscoring.ops.control.Settings;
import com.creditscoring.problems.ProblemException;
import com.creditscoring.storage.control.Checksums;
import com.creditscoring.storage.control.Database;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.persistence.PersistenceException;
import jakarta.ws.rs.NotFoundException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.logging.Logger;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import weka.core.Attribute;
import weka.core.Instances;
import weka.core.converters.ArffLoader;

/** Registers, lists, reads back and removes datasets. */
@ApplicationScoped
public class DatasetCatalog {

  private static final Logger LOG = Logger.getLogger(DatasetCatalog.class.getName());
  static final String GERMAN_CREDIT = "weka/gui/knowledgeflow/templates/credit-g.arff";
  /** Values that mean "defaulted" when the uploader does not say which one does. */
  private static final List<String> DEFAULT_WORDS = List.of("1", "bad", "yes", "true", "y", "default", "defaulted");
  private static final Type COLUMNS = new ArrayList<ColumnSummary>() {}.getClass().getGenericSuperclass();

  /**
   * The longest column summary stored: {@code columns_json} is {@code ${text.type}}, 4,000,000
   * characters outside PostgreSQL. Names and categories are capped ({@link TableReader#MAX_NAME_LENGTH},
   * {@link TableReader#MAX_VALUE_LENGTH}) and so are categories per column, but not the number of
   * columns: a file of many wide nominal columns is refused here, by a 422, not by the database.
   */
  static final int MAX_SUMMARY_CHARS = 4_000_000;

  @Inject Database database;
  @Inject DataFolder dataFolder;
  @Inject Clock clock;

  /** Rows of the synthetic demo dataset made on first start. */
  @Inject
  @ConfigProperty(name = "demo.rows", defaultValue = "5000")
  String demoRows;

  /** A nominal column with more values than this is refused: it is an identifier or free text. */
  @Inject
  @ConfigProperty(name = "datasets.max-categories", defaultValue = "100")
  String maxCategories;

  private final Jsonb json = JsonbBuilder.create();
  private TableReader.Limits limits;
  private int demoRowCount;

  @PostConstruct
  void readSettings() {
    limits = new TableReader.Limits(Settings.positiveInt("DATASETS_MAX_CATEGORIES", maxCategories), 20);
    demoRowCount = Settings.positiveInt("DEMO_ROWS", demoRows);
  }

  /** On a new installation: the synthetic demo set and German credit, registered once. */
  public void ensureBuiltIns() {
    if (count() > 0) {
      return;
    }
    // German credit first: the newest dataset (the demo) is the one training starts from.
    registerBuiltin(
        "german-credit",
        "German credit (UCI)",
        "Statlog German credit data: 1,000 real applicants, 20 attributes, good or bad outcome.",
        germanCredit(),
        "bad");
    registerBuiltin(
        "demo",
        "Demo loans (synthetic)",
        "Synthetic applications in the seed's schema from a seeded generator, for trying the product"
            + " out. Not real data.",
        DemoData.generate(demoRowCount, 20240601L),
        DemoData.DEFAULT);
  }

  private void registerBuiltin(String key, String name, String description, Instances data, String positive) {
    try {
      Dataset.Source source = key.equals("demo") ? Dataset.Source.DEMO : Dataset.Source.BUILTIN;
      store(prepare(name, source, description, data, positive, "system").asBuiltin(key), data);
      LOG.info(() -> "Registered dataset '" + name + "' (" + data.numInstances() + " rows)");
    } catch (PersistenceException e) {
      // Another instance registered it a moment ago.
      LOG.fine(() -> "Built-in dataset " + key + " already registered: " + e.getMessage());
    }
  }

  static Instances germanCredit() {
    try (InputStream in = DatasetCatalog.class.getClassLoader().getResourceAsStream(GERMAN_CREDIT)) {
      if (in == null) {
        throw new IllegalStateException(GERMAN_CREDIT + " is missing from the Weka jar");
      }
      Instances data = new ArffLoader.ArffReader(new InputStreamReader(in, StandardCharsets.UTF_8)).getData();
      data.setClass(data.attribute("class"));
      return data;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Reads an uploaded CSV or ARFF file (already limited in size) and registers it. The body is
   * streamed to a temporary file first, so a large upload is never held in memory as text.
   */
  public Dataset upload(InputStream body, boolean arff, String name, String target, Optional<String> positive, String user) {
    Path file;
    try {
      file = Files.createTempFile(dataFolder.folder("uploads"), "upload-", arff ? ".arff" : ".csv");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    try {
      Files.copy(body, file, StandardCopyOption.REPLACE_EXISTING);
      Instances data = arff ? TableReader.readArff(file, target, limits) : TableReader.readCsv(file, target, limits);
      if (data.numAttributes() < 2) {
        // A model of the target alone would score every applicant the same: nothing to learn from.
        throw ProblemException.invalidField("file", "the file has only the target column; it needs at least one input column beside it");
      }
      String positiveClass = positiveClassOf(data.classAttribute(), positive);
      Dataset dataset = prepare(name, Dataset.Source.UPLOAD, null, data, positiveClass, user);
      return store(dataset, data);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot store the upload", e);
    } finally {
      try {
        Files.deleteIfExists(file);
      } catch (IOException e) {
        LOG.warning(() -> "Cannot delete " + file + ": " + e.getMessage());
      }
    }
  }

  /** Registers rows the product assembled itself, e.g. a dataset plus feedback for retraining. */
  public Dataset registerDerived(Dataset parent, String name, String description, Instances data, String user) {
    Dataset derived = prepare(name, Dataset.Source.DERIVED, description, data, parent.positiveClass(), user);
    return store(derived.derivedFrom(parent.rootId()), data);
  }

  /** The target value that means "defaulted": the one named, or an obvious one, or a 422. */
  static String positiveClassOf(Attribute target, Optional<String> requested) {
    List<String> values = List.of(target.value(0), target.value(1));
    if (requested.isPresent()) {
      if (!values.contains(requested.get())) {
        throw ProblemException.invalidField("positive", "must be one of the target's values " + values);
      }
      return requested.get();
    }
    for (String word : DEFAULT_WORDS) {
      for (String value : values) {
        if (value.toLowerCase(Locale.ROOT).equals(word)) {
          return value;
        }
      }
    }
    throw ProblemException.invalidField(
        "positive", "say which of the target's values " + values + " means default (?positive=…)");
  }

  public List<Dataset> all() {
    return database.inTransaction(em -> em.createNamedQuery(Dataset.ALL, Dataset.class).getResultList());
  }

  public Dataset find(long id) {
    Dataset dataset = database.inTransaction(em -> em.find(Dataset.class, id));
    if (dataset == null) {
      throw new NotFoundException("no dataset " + id);
    }
    return dataset;
  }

  /** The newest dataset, which is the one trained on when no model is active yet. */
  public Optional<Dataset> newest() {
    List<Dataset> all = all();
    return all.isEmpty() ? Optional.empty() : Optional.of(all.get(all.size() - 1));
  }

  public long count() {
    return database.inTransaction(em -> em.createNamedQuery(Dataset.COUNT, Long.class).getSingleResult());
  }

  public List<ColumnSummary> columns(Dataset dataset) {
    return json.fromJson(dataset.columnsJson(), COLUMNS);
  }

  /** The rows, with the target set as Weka's class attribute. */
  public Instances rows(Dataset dataset) {
    byte[] content =
        database.inTransaction(em -> em.find(DatasetContent.class, dataset.id())).content();
    try (var reader = new InputStreamReader(new GZIPInputStream(new ByteArrayInputStream(content)), StandardCharsets.UTF_8)) {
      Instances data = new ArffLoader.ArffReader(reader).getData();
      data.setClass(data.attribute(dataset.targetColumn()));
      return data;
    } catch (IOException e) {
      throw new UncheckedIOException("dataset " + dataset.id() + " cannot be read back", e);
    }
  }

  public void delete(long id) {
    database.inTransaction(
        em -> {
          Dataset dataset = em.find(Dataset.class, id);
          if (dataset == null) {
            throw new NotFoundException("no dataset " + id);
          }
          long trained =
              em.createNamedQuery(ScoringModel.COUNT_FOR_DATASET, Long.class).setParameter("dataset", id).getSingleResult();
          if (trained > 0) {
            // A bank must be able to show which data trained each model: lineage is never broken.
            throw ProblemException.of(409, trained + " model version(s) were trained on dataset " + id + ": it is kept as their record.");
          }
          DatasetContent content = em.find(DatasetContent.class, id);
          if (content != null) {
            em.remove(content);
          }
          em.remove(dataset);
          return null;
        });
  }

  private Dataset prepare(String name, Dataset.Source source, String description, Instances data, String positive, String user) {
    int positiveIndex = data.classAttribute().indexOfValue(positive);
    int[] counts = data.attributeStats(data.classIndex()).nominalCounts;
    double defaultRate = counts[positiveIndex] / (double) data.numInstances();
    String summary = summaryJson(data);
    return new Dataset(
        name, source, description, data.classAttribute().name(), positive, data.numInstances(),
        defaultRate, summary, 0, "pending", user, clock.instant());
  }

  /** Each column's summary as stored; a 422 when it is longer than the column that keeps it. */
  String summaryJson(Instances data) {
    String summary = json.toJson(ColumnSummary.of(data));
    if (summary.length() > MAX_SUMMARY_CHARS) {
      throw ProblemException.invalidField(
          "file",
          "the summary of its " + data.numAttributes() + " columns and their categories is " + summary.length()
              + " characters, more than the " + MAX_SUMMARY_CHARS + " kept: remove columns or categories");
    }
    return summary;
  }

  private Dataset store(Dataset dataset, Instances data) {
    byte[] content = compressedArff(data);
    Dataset stored = dataset.withContent(content.length, Checksums.sha256(content));
    return database.inTransaction(
        em -> {
          em.persist(stored);
          em.flush();
          em.persist(new DatasetContent(stored.id(), content));
          return stored;
        });
  }

  /** ARFF written row by row into gzip: compact, and readable by any Weka tool. */
  static byte[] compressedArff(Instances data) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (Writer out = new OutputStreamWriter(new GZIPOutputStream(bytes), StandardCharsets.UTF_8)) {
      out.write(new Instances(data, 0).toString());
      out.write('\n');
      for (int i = 0; i < data.numInstances(); i++) {
        out.write(data.instance(i).toString());
        out.write('\n');
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

}
