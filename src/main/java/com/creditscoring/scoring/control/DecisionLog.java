package com.creditscoring.scoring.control;

import com.creditscoring.scoring.entity.Prediction;
import com.creditscoring.storage.control.Database;
import com.creditscoring.storage.control.DatabaseUrl;
import com.creditscoring.storage.control.GroupCommit;
import com.creditscoring.storage.control.IdBlocks;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.TypedQuery;
import jakarta.ws.rs.NotFoundException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.metrics.Histogram;
import org.eclipse.microprofile.metrics.annotation.Metric;

/**
 * The decision audit trail. A decision is answered only after its row is committed.
 *
 * <p>Committing each decision on its own would make the database's write to disk the limit on
 * throughput, so concurrent decisions are committed in groups ({@link GroupCommit}).
 *
 * <p>Rows are inserted with plain JDBC (see {@link #insert}), not through JPA: they are never changed after, so
 * JPA's unit of work (a copy of each entity, a change set, a merge at commit) bought nothing and
 * cost about as much as the insert itself, which made the audit write the largest part of a
 * prediction's CPU. Ids come in blocks from {@code predictions_seq}, as JPA would take them.
 */
@ApplicationScoped
public class DecisionLog {

  @Inject Database database;

  /**
   * How many decisions each commit stored. Under load a commit should carry many (about 15 at 32
   * connections on 2 cores; a CSV chunk, 500): a mean near 1 under load means commits have stopped
   * being shared, and each decision pays a durable write of its own.
   */
  @Inject
  @Metric(name = "audit_commit_decisions", description = "Decisions stored by each commit of the decision audit trail", absolute = true)
  Histogram decisionsPerCommit;

  private static final String INSERT =
      "INSERT INTO predictions (id, created_at, created_by, request_id, channel, model_id, input_json, probability_default,"
          + " score, decision, risk_band, reasons_json, batch_job_id, batch_row) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

  private IdBlocks ids;
  private final GroupCommit<Prediction> commits = new GroupCommit<>("the decisions", this::insertInOneTransaction);

  /** Which decisions to list; empty parts do not filter. */
  public record Filter(
      Optional<Instant> from, Optional<Instant> to, Optional<String> decision, Optional<Long> modelId, Optional<String> user) {}

  public record Page(List<Prediction> items, long total) {}

  @PostConstruct
  void prepareIds() {
    ids = new IdBlocks(database.product(), Prediction.ID_SEQUENCE, Prediction.ID_BLOCK);
  }

  /**
   * Stores the decisions durably, all or none, and returns once they are committed, with their
   * ids set.
   *
   * @throws IllegalStateException when they cannot be stored: the caller must not answer with them
   */
  public List<Prediction> record(List<Prediction> decisions) {
    commits.write(decisions);
    return decisions;
  }

  public Prediction record(Prediction decision) {
    return record(List.of(decision)).get(0);
  }

  private void insertInOneTransaction(List<Prediction> decisions) {
    database.inJdbcTransaction(
        connection -> {
          insert(connection, decisions);
          return null;
        });
    decisionsPerCommit.update(decisions.size());
  }

  /**
   * Inserts the decisions on the caller's connection, in the caller's transaction, giving each its
   * id; a decision that already has one (its earlier transaction rolled back) keeps it.
   */
  public void insert(Connection connection, List<Prediction> decisions) throws SQLException {
    insert(connection, decisions, ids, database.product());
  }

  /** {@link #insert(Connection, List)} with the ids and database given: bench/scoring.sh times it alone. */
  static void insert(Connection connection, List<Prediction> decisions, IdBlocks ids, DatabaseUrl.Product product) throws SQLException {
    // A batch saves a round trip per row to a database server. Embedded H2 has no round trip to
    // save, and its executeBatch builds an SQLException with a stack trace on every call (to gather
    // errors), which cost 8 % of a prediction's CPU: there each row is executed on its own.
    boolean batched = product != DatabaseUrl.Product.H2 && decisions.size() > 1;
    try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
      for (Prediction decision : decisions) {
        if (decision.id() == null) {
          decision.assignId(ids.next(connection));
        }
        insert.setLong(1, decision.id());
        insert.setObject(2, decision.createdAt().atOffset(ZoneOffset.UTC));
        insert.setString(3, decision.createdBy());
        insert.setString(4, decision.requestId());
        insert.setString(5, decision.channel());
        insert.setLong(6, decision.modelId());
        insert.setString(7, decision.inputJson());
        insert.setDouble(8, decision.probabilityOfDefault());
        insert.setDouble(9, decision.score());
        insert.setString(10, decision.decision());
        insert.setString(11, decision.riskBand());
        insert.setString(12, decision.reasonsJson());
        setNullable(insert, 13, decision.batchJobId());
        setNullable(insert, 14, decision.batchRow());
        if (batched) {
          insert.addBatch();
        } else {
          insert.executeUpdate();
        }
      }
      if (batched) {
        insert.executeBatch();
      }
    }
  }

  private static void setNullable(PreparedStatement statement, int index, Long value) throws SQLException {
    if (value == null) {
      statement.setNull(index, Types.BIGINT);
    } else {
      statement.setLong(index, value);
    }
  }

  public Prediction find(long id) {
    Prediction prediction = database.inTransaction(em -> em.find(Prediction.class, id));
    if (prediction == null) {
      throw new NotFoundException("no prediction " + id);
    }
    return prediction;
  }

  public Page list(Filter filter, int page, int size) {
    return database.inTransaction(
        em -> {
          String where = where(filter);
          TypedQuery<Prediction> items = em.createQuery("SELECT p FROM Prediction p" + where + " ORDER BY p.createdAt DESC, p.id DESC", Prediction.class);
          TypedQuery<Long> count = em.createQuery("SELECT COUNT(p) FROM Prediction p" + where, Long.class);
          bind(items, filter);
          bind(count, filter);
          return new Page(items.setFirstResult(page * size).setMaxResults(size).getResultList(), count.getSingleResult());
        });
  }

  private static String where(Filter filter) {
    List<String> parts = new ArrayList<>();
    filter.from().ifPresent(x -> parts.add("p.createdAt >= :from"));
    filter.to().ifPresent(x -> parts.add("p.createdAt < :to"));
    filter.decision().ifPresent(x -> parts.add("p.decision = :decision"));
    filter.modelId().ifPresent(x -> parts.add("p.modelId = :model"));
    filter.user().ifPresent(x -> parts.add("p.createdBy = :user"));
    return parts.isEmpty() ? "" : " WHERE " + String.join(" AND ", parts);
  }

  private static void bind(TypedQuery<?> query, Filter filter) {
    filter.from().ifPresent(x -> query.setParameter("from", x));
    filter.to().ifPresent(x -> query.setParameter("to", x));
    filter.decision().ifPresent(x -> query.setParameter("decision", x));
    filter.modelId().ifPresent(x -> query.setParameter("model", x));
    filter.user().ifPresent(x -> query.setParameter("user", x));
  }
}
