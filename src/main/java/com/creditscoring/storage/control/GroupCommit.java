package com.creditscoring.storage.control;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * Writes what concurrent callers hand in, in groups, each group in one call of the writer (one
 * transaction), and returns to each caller only once its items are written.
 *
 * <p>A durable commit costs about the same for one row as for twenty, so the fewer commits the
 * better. Callers queue their items; one of them at a time leads: it writes everything queued so
 * far, then hands the lead to the oldest caller still waiting, whose items were queued meanwhile.
 * The others wait for their own outcome only. Nobody waits for a timer, and under load one commit
 * carries every caller that queued while the previous one was being written.
 *
 * <p>Waiting callers do not queue up on a lock: with a lock, every caller whose items another had
 * already written still had to take and release it in turn, one thread switch each, and new
 * callers lined up behind them. On 2 cores that kept groups at about 3 rows; without it they hold
 * about 15 (bench/README.md, "Group commit without a lock convoy").
 */
public final class GroupCommit<T> {

  /** What a waiting caller is told: its items are written, or it is to write what is queued. */
  private enum Turn {
    WRITTEN,
    LEAD
  }

  private record Pending<T>(List<T> items, CompletableFuture<Turn> turn) {}

  private final String what;
  private final Consumer<List<T>> writer;
  private final ConcurrentLinkedQueue<Pending<T>> queue = new ConcurrentLinkedQueue<>();

  /** Whether a caller leads: it writes what is queued, then hands over to the next. */
  private final AtomicBoolean leading = new AtomicBoolean();

  /**
   * @param what what the items are, for the error when they could not be written ("the decisions")
   * @param writer writes a group of items, all or none (one transaction), and throws when it could
   *     not; it is called by one caller at a time
   */
  public GroupCommit(String what, Consumer<List<T>> writer) {
    this.what = what;
    this.writer = writer;
  }

  /**
   * Returns once the items are written, in a group with whatever other callers queued meanwhile.
   *
   * <p>The wait ignores interrupts (and keeps the thread's interrupt status): a write under way
   * cannot be called back, so the caller must learn its outcome, and a lead handed over must be
   * taken, or every later caller would wait forever.
   *
   * @throws IllegalStateException when the group holding the items could not be written; the cause
   *     is the writer's exception
   */
  public void write(List<T> items) {
    if (items.isEmpty()) {
      return;
    }
    Pending<T> pending = new Pending<>(items, new CompletableFuture<>());
    queue.add(pending);
    if (leading.compareAndSet(false, true) || awaitTurn(pending) == Turn.LEAD) {
      try {
        writeQueued(); // holds this caller's items: nobody else could take them from the queue
      } catch (RuntimeException e) {
        throw notWritten(e);
      } finally {
        handOver();
      }
    }
  }

  /** Callers waiting for their items to be written, not counting one being written. */
  int queued() {
    return queue.size();
  }

  private Turn awaitTurn(Pending<?> pending) {
    try {
      return pending.turn().join();
    } catch (CompletionException e) {
      throw notWritten(e.getCause());
    }
  }

  private IllegalStateException notWritten(Throwable cause) {
    return new IllegalStateException(what + " could not be stored: " + cause.getMessage(), cause);
  }

  private void writeQueued() {
    List<Pending<T>> group = new ArrayList<>();
    for (Pending<T> next; (next = queue.poll()) != null; ) {
      group.add(next);
    }
    List<T> items = new ArrayList<>();
    group.forEach(p -> items.addAll(p.items()));
    try {
      writer.accept(items);
    } catch (Throwable e) {
      // Every caller of the group learns of the failure and can answer with an error.
      group.forEach(p -> p.turn().completeExceptionally(e));
      throw e;
    }
    group.forEach(p -> p.turn().complete(Turn.WRITTEN));
  }

  /**
   * Passes the lead to the oldest caller still queued, if any. That caller may have been written
   * meanwhile by a newcomer that took the lead in between; then the next one is asked.
   */
  private void handOver() {
    while (true) {
      leading.set(false);
      Pending<T> next = queue.peek();
      if (next == null || !leading.compareAndSet(false, true)) {
        return; // nobody waits, or a newcomer leads and writes what is queued
      }
      if (next.turn().complete(Turn.LEAD)) {
        return;
      }
    }
  }
}
