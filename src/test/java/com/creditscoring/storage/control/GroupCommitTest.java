package com.creditscoring.storage.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(60)
class GroupCommitTest {

  private final ExecutorService callers = Executors.newFixedThreadPool(16);

  @AfterEach
  void stopCallers() {
    callers.shutdownNow();
  }

  /** Written groups, in order; the writer checks that it never runs twice at once. */
  private final List<List<Integer>> groups = Collections.synchronizedList(new ArrayList<>());

  private final AtomicInteger writing = new AtomicInteger();

  private void write(List<Integer> items) {
    assertEquals(1, writing.incrementAndGet(), "two groups written at once");
    try {
      Thread.sleep(1); // a commit takes time, so that callers queue behind it
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    groups.add(List.copyOf(items));
    writing.decrementAndGet();
  }

  @Test
  void everyCallersItemsAreWrittenExactlyOnceBeforeItReturnsAndConcurrentCallersShareCommits() throws Exception {
    GroupCommit<Integer> commits = new GroupCommit<>("the items", this::write);
    int calls = 4_000;
    List<Future<?>> done = new ArrayList<>();
    for (int call = 0; call < calls; call++) {
      List<Integer> items = List.of(2 * call, 2 * call + 1);
      done.add(
          callers.submit(
              () -> {
                commits.write(items);
                // Returned: the items must be in a group already written.
                assertTrue(writtenItems().containsAll(items), "returned before its items were written: " + items);
              }));
    }
    for (Future<?> call : done) {
      call.get();
    }
    List<Integer> all = groups.stream().flatMap(List::stream).toList();
    assertEquals(2 * calls, all.size(), "an item written twice or not at all");
    assertEquals(IntStream.range(0, 2 * calls).boxed().toList(), all.stream().sorted().toList());
    assertTrue(groups.size() < calls / 2, "16 callers at once should share commits, but there were " + groups.size() + " commits for " + calls + " calls");
  }

  private Set<Integer> writtenItems() {
    synchronized (groups) {
      Set<Integer> written = new HashSet<>();
      groups.forEach(written::addAll);
      return written;
    }
  }

  @Test
  void aFailedWriteFailsEveryCallerOfItsGroupAndLaterCallersAreWrittenAgain() throws Exception {
    AtomicBoolean failed = new AtomicBoolean();
    RuntimeException diskFull = new RuntimeException("disk full");
    HoldingFirstWrite writer =
        new HoldingFirstWrite(
            items -> {
              if (failed.compareAndSet(false, true)) {
                throw diskFull;
              }
              groups.add(List.copyOf(items));
            });
    GroupCommit<Integer> commits = new GroupCommit<>("the items", writer);
    Future<?> first = writer.startFirstWrite(commits);
    // Three callers queue while the first write is under way, so they form the next group: it fails.
    List<Future<?>> failing = new ArrayList<>();
    for (int item = 1; item <= 3; item++) {
      List<Integer> items = List.of(item);
      failing.add(callers.submit(() -> commits.write(items)));
    }
    while (commits.queued() < 3) {
      Thread.onSpinWait();
    }
    writer.release.countDown();
    first.get();
    for (Future<?> call : failing) {
      Exception e = assertThrows(Exception.class, call::get);
      IllegalStateException notWritten = assertInstanceOf(IllegalStateException.class, e.getCause());
      assertSame(diskFull, notWritten.getCause());
    }
    commits.write(List.of(4));
    assertEquals(List.of(List.of(0), List.of(4)), groups);
  }

  @Test
  void aCallerInterruptedWhileWaitingStillWaitsForItsOutcomeAndKeepsItsInterrupt() throws Exception {
    HoldingFirstWrite writer = new HoldingFirstWrite(items -> groups.add(List.copyOf(items)));
    GroupCommit<Integer> commits = new GroupCommit<>("the items", writer);
    Future<?> first = writer.startFirstWrite(commits);
    AtomicBoolean interruptKept = new AtomicBoolean();
    Thread waiting =
        new Thread(
            () -> {
              commits.write(List.of(1));
              interruptKept.set(Thread.currentThread().isInterrupted());
            });
    waiting.start();
    while (commits.queued() < 1) {
      Thread.onSpinWait();
    }
    waiting.interrupt();
    waiting.join(200);
    assertTrue(waiting.isAlive(), "returned before its items were written");
    writer.release.countDown();
    first.get();
    waiting.join(TimeUnit.SECONDS.toMillis(10));
    assertFalse(waiting.isAlive(), "the lead handed to the interrupted caller was not taken");
    assertEquals(List.of(List.of(0), List.of(1)), groups);
    assertTrue(interruptKept.get(), "the caller's interrupt status was cleared");
  }

  @Test
  void nothingToWriteReturnsWithoutCallingTheWriter() {
    new GroupCommit<Integer>("the items", items -> groups.add(items)).write(List.of());
    assertTrue(groups.isEmpty());
  }

  /**
   * Writes the group holding item 0 only once released, so that other callers queue behind it;
   * later groups go to {@code later}.
   */
  private final class HoldingFirstWrite implements Consumer<List<Integer>> {
    final CountDownLatch release = new CountDownLatch(1);
    private final CountDownLatch started = new CountDownLatch(1);
    private final Consumer<List<Integer>> later;

    HoldingFirstWrite(Consumer<List<Integer>> later) {
      this.later = later;
    }

    @Override
    public void accept(List<Integer> items) {
      if (items.contains(0)) {
        started.countDown();
        await(release);
        groups.add(List.copyOf(items));
      } else {
        later.accept(items);
      }
    }

    /** Item 0's caller, once its write has started. */
    Future<?> startFirstWrite(GroupCommit<Integer> commits) throws InterruptedException {
      Future<?> first = callers.submit(() -> commits.write(List.of(0)));
      started.await();
      return first;
    }
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
