package com.creditscoring.storage.control;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Ids for rows written with plain JDBC, from a database sequence that steps by a block size.
 *
 * <p>They are handed out the way EclipseLink hands out a {@code @SequenceGenerator} with the same
 * allocation size: a {@code nextval} of V owns the ids V − size + 1 … V. So this process, other
 * replicas and any JPA writer of the same table draw disjoint blocks and never collide, and one
 * round trip buys a whole block.
 */
public final class IdBlocks {

  private final String nextValue;
  private final int size;
  private long next = 1;
  private long last = 0;

  public IdBlocks(DatabaseUrl.Product product, String sequence, int size) {
    if (!sequence.matches("[a-z_]+")) {
      throw new IllegalArgumentException("not a sequence name: " + sequence);
    }
    this.nextValue = switch (product) {
      case H2 -> "SELECT NEXT VALUE FOR " + sequence;
      case POSTGRESQL -> "SELECT nextval('" + sequence + "')";
    };
    this.size = size;
  }

  /** The next id, taking a new block on {@code connection} when this one is used up. */
  public synchronized long next(Connection connection) throws SQLException {
    if (next > last) {
      try (PreparedStatement statement = connection.prepareStatement(nextValue);
          ResultSet value = statement.executeQuery()) {
        value.next();
        last = value.getLong(1);
        next = last - size + 1;
      }
    }
    return next++;
  }
}
