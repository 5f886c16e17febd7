package com.creditscoring.scoring.control;

import com.creditscoring.scoring.entity.BatchJob;
import jakarta.batch.api.BatchProperty;
import jakarta.batch.api.chunk.AbstractItemReader;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Reader;
import java.io.Serializable;
import java.util.Iterator;
import java.util.Map;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads a batch job's file row by row, starting after the rows the job has already committed
 * (its {@code rows_done}, not the batch runtime's checkpoint: see {@link BatchJobs}).
 */
@Named("scoringFileReader")
@Dependent
public class ScoringFileReader extends AbstractItemReader {

  /**
   * A row of the file, numbered from 1, with its values by column.
   *
   * @param problem why the row cannot be read (a wrong number of values), or null
   */
  public record NumberedRow(long number, Map<String, String> values, String problem) implements Serializable {}

  @Inject BatchJobs jobs;

  @Inject
  @BatchProperty(name = BatchJobs.JOB_PARAMETER)
  String jobId;

  private Reader reader;
  private CSVParser parser;
  private Iterator<CSVRecord> records;
  private int columns;
  private long position;

  @Override
  public void open(Serializable checkpoint) throws Exception {
    BatchJob job = jobs.find(Long.parseLong(jobId));
    reader = jobs.upload(job);
    parser = CsvScoring.parseInput(reader);
    columns = parser.getHeaderNames().size();
    records = parser.iterator();
    for (position = 0; position < job.rowsDone() && records.hasNext(); position++) {
      records.next();
    }
  }

  @Override
  public Object readItem() {
    if (!records.hasNext()) {
      return null;
    }
    CSVRecord record = records.next();
    position++;
    return record.size() == columns
        ? new NumberedRow(position, record.toMap(), null)
        : new NumberedRow(position, Map.of(), "has " + record.size() + " values for " + columns + " columns");
  }

  @Override
  public Serializable checkpointInfo() {
    return position;
  }

  @Override
  public void close() throws Exception {
    if (parser != null) {
      parser.close();
    }
    if (reader != null) {
      reader.close();
    }
  }
}
