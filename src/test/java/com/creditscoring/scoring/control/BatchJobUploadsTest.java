package com.creditscoring.scoring.control;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.creditscoring.storage.control.SchemaMigration;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Batch jobs' uploads stored in parts on a migrated (embedded H2) database and read back. */
class BatchJobUploadsTest {

  @TempDir Path folder;
  private Connection connection;

  @BeforeEach
  void migratedDatabase() throws SQLException {
    connection = DriverManager.getConnection("jdbc:h2:mem:" + UUID.randomUUID(), "sa", "");
    SchemaMigration.apply(connection);
    connection.setAutoCommit(false);
  }

  @AfterEach
  void close() throws SQLException {
    connection.close();
  }

  /** Parts of jobs that have no row: the storing and reading are what is under test here. */
  private void withoutJobRows() throws SQLException {
    try (var statement = connection.createStatement()) {
      statement.execute("SET REFERENTIAL_INTEGRITY FALSE");
    }
  }

  /** The upload as submit keeps it before storing it: compressed as it arrives. */
  private Path file(byte[] content) throws IOException {
    Path compressed = Files.createTempFile(folder, "upload-", ".csv.gz");
    BatchJobUploads.compress(new ByteArrayInputStream(content), compressed);
    try (InputStream in = BatchJobUploads.decompressed(compressed)) {
      assertArrayEquals(content, in.readAllBytes());
    }
    return compressed;
  }

  private byte[] readBack(long job) throws IOException {
    try (InputStream in = BatchJobUploads.read(job, part -> BatchJobUploads.part(connection, job, part))) {
      return in.readAllBytes();
    }
  }

  @Test
  void aFileLargerThanAPartIsStoredInSeveralAndReadBackByteForByte() throws Exception {
    withoutJobRows();
    byte[] noise = new byte[3 * BatchJobUploads.PART_BYTES + 12_345]; // does not compress
    new Random(7).nextBytes(noise);

    int parts = BatchJobUploads.store(connection, 1, file(noise));

    assertEquals(4, parts);
    assertArrayEquals(noise, readBack(1));
  }

  @Test
  void csvTextIsStoredCompressed() throws Exception {
    withoutJobRows();
    StringBuilder csv = new StringBuilder("person_age,person_income,loan_grade\n");
    for (int row = 0; csv.length() < 6 * BatchJobUploads.PART_BYTES; row++) {
      csv.append(18 + row % 80).append(',').append(10_000 + row * 37 % 990_000).append(',').append((char) ('A' + row % 7)).append('\n');
    }
    byte[] text = csv.toString().getBytes(StandardCharsets.UTF_8);

    int parts = BatchJobUploads.store(connection, 2, file(text));

    assertTrue(parts <= 3, () -> "6 MiB of CSV should shrink at least twofold, but took " + parts + " parts");
    assertArrayEquals(text, readBack(2));
  }

  @Test
  void uploadsOfDifferentJobsStayApart() throws Exception {
    withoutJobRows();
    byte[] first = "a,b\n1,2\n".getBytes(StandardCharsets.UTF_8);
    byte[] second = "\uFEFFc\n3\n".getBytes(StandardCharsets.UTF_8); // a byte order mark is kept as sent
    BatchJobUploads.store(connection, 3, file(first));
    BatchJobUploads.store(connection, 4, file(second));

    assertArrayEquals(first, readBack(3));
    assertArrayEquals(second, readBack(4));
  }

  @Test
  void aJobWithoutAnUploadIsAnErrorNotAnEmptyFile() {
    IOException missing = assertThrows(IOException.class, () -> readBack(5));
    assertTrue(missing.getMessage().contains("batch job 5 has no upload"), missing::getMessage);
  }

  @Test
  void aPartThatCannotBeStoredFailsTheStore() throws Exception {
    // Referential integrity on: there is no batch job 6 for the part to belong to.
    assertThrows(SQLException.class, () -> BatchJobUploads.store(connection, 6, file("a\n1\n".getBytes(StandardCharsets.UTF_8))));
  }

  @Test
  void aPartThatCannotBeReadFailsTheRead() throws Exception {
    withoutJobRows();
    BatchJobUploads.store(connection, 7, file("a\n1\n".getBytes(StandardCharsets.UTF_8)));
    IOException failed =
        assertThrows(IOException.class, () -> BatchJobUploads.read(7, part -> { throw new SQLException("connection refused"); }).read());
    assertTrue(failed.getMessage().contains("part 0 of batch job 7's upload cannot be read from the database: connection refused"), failed::getMessage);
  }
}
