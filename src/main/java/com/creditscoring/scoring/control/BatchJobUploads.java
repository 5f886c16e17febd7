package com.creditscoring.scoring.control;

import com.creditscoring.storage.control.Database;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.zip.Deflater;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * Batch jobs' uploaded files, kept in the database with their job, so that any instance can resume
 * a job whose instance died and serve its result, which repeats the input rows. A file is kept
 * gzip-compressed ({@link #compress}, before any transaction) and stored cut into parts of
 * {@link #PART_BYTES}: storing and reading it hold one part in memory, whatever the file's size,
 * and the job's transaction only copies bytes.
 */
@ApplicationScoped
public class BatchJobUploads {

  /** The largest part stored: a 200 MiB upload of CSV text compresses to about 55 of them. */
  static final int PART_BYTES = 1 << 20;

  private static final String INSERT = "INSERT INTO batch_job_upload_parts (batch_job_id, part, content) VALUES (?, ?, ?)";
  private static final String SELECT = "SELECT content FROM batch_job_upload_parts WHERE batch_job_id = ? AND part = ?";

  @Inject Database database;

  /** Writes the upload, as it arrives, gzip-compressed into the file. */
  static void compress(InputStream upload, Path file) throws IOException {
    try (OutputStream gzip = new FastGzip(Files.newOutputStream(file))) {
      upload.transferTo(gzip);
    }
  }

  /** The upload as it was sent, from a file {@link #compress} wrote. */
  static InputStream decompressed(Path file) throws IOException {
    return new GZIPInputStream(Files.newInputStream(file), 1 << 16);
  }

  /**
   * Stores a file {@link #compress} wrote as the job's upload, on the caller's connection and in the
   * caller's transaction, so that a job is never registered without its file. Returns how many
   * parts were stored.
   */
  static int store(Connection connection, long jobId, Path compressed) throws SQLException, IOException {
    try (PreparedStatement insert = connection.prepareStatement(INSERT);
        InputStream in = Files.newInputStream(compressed)) {
      byte[] buffer = new byte[PART_BYTES];
      int parts = 0;
      // Never zero parts: gzip's header alone is 10 bytes.
      for (int filled; (filled = in.readNBytes(buffer, 0, PART_BYTES)) > 0; parts++) {
        insert.setLong(1, jobId);
        insert.setInt(2, parts);
        insert.setBytes(3, Arrays.copyOf(buffer, filled)); // a copy: a driver may keep the array it is given
        insert.executeUpdate();
      }
      return parts;
    }
  }

  /** The job's upload, byte for byte as it was sent, read from the database a part at a time. */
  public InputStream open(long jobId) throws IOException {
    return read(jobId, part -> database.inJdbcTransaction(connection -> part(connection, jobId, part)));
  }

  /** Where the parts of one upload are read from: each part in a short transaction of its own. */
  @FunctionalInterface
  interface PartSource {
    /** The bytes of that part, or null past the last. */
    byte[] part(int number) throws SQLException;
  }

  static InputStream read(long jobId, PartSource parts) throws IOException {
    return new GZIPInputStream(new PartReader(jobId, parts), 1 << 16);
  }

  static byte[] part(Connection connection, long jobId, int part) throws SQLException {
    try (PreparedStatement select = connection.prepareStatement(SELECT)) {
      select.setLong(1, jobId);
      select.setInt(2, part);
      try (ResultSet rows = select.executeQuery()) {
        return rows.next() ? rows.getBytes(1) : null;
      }
    }
  }

  /**
   * gzip at its fastest level: the credit data's CSV shrinks 3.5-fold at about 100 MB/s, against
   * 4.9-fold at 26 MB/s at the default level, which would add seconds to a large upload.
   */
  private static final class FastGzip extends GZIPOutputStream {
    FastGzip(OutputStream out) throws IOException {
      super(out, 1 << 16);
      def.setLevel(Deflater.BEST_SPEED);
    }
  }

  /** Reads the parts in order, fetching the next when one is used up. */
  private static final class PartReader extends InputStream {
    private final long jobId;
    private final PartSource parts;
    private byte[] current = new byte[0];
    private int position;
    private int next;
    private boolean ended;

    PartReader(long jobId, PartSource parts) {
      this.jobId = jobId;
      this.parts = parts;
    }

    @Override
    public int read() throws IOException {
      byte[] one = new byte[1];
      return read(one, 0, 1) == -1 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] bytes, int offset, int length) throws IOException {
      if (length == 0) {
        return 0;
      }
      while (position == current.length) {
        if (ended || !fetchNext()) {
          return -1;
        }
      }
      int taken = Math.min(length, current.length - position);
      System.arraycopy(current, position, bytes, offset, taken);
      position += taken;
      return taken;
    }

    private boolean fetchNext() throws IOException {
      byte[] fetched;
      try {
        fetched = parts.part(next);
      } catch (SQLException | RuntimeException e) {
        throw new IOException("part " + next + " of batch job " + jobId + "'s upload cannot be read from the database: " + e.getMessage(), e);
      }
      if (fetched == null) {
        if (next == 0) {
          throw new IOException("batch job " + jobId + " has no upload in the database");
        }
        ended = true;
        return false;
      }
      current = fetched;
      position = 0;
      next++;
      return true;
    }
  }
}
