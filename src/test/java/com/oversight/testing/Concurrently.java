package com.oversight.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** Clients working at the same time, as concurrent users or nodes would. */
public final class Concurrently {

  private Concurrently() {}

  /**
   * Runs {@code clients} threads that start together, each calling {@code call} {@code each}
   * times one after the other; returns each client's results in the order it got them. A failed
   * call fails the test (its exception is rethrown).
   */
  public static <T> List<List<T>> clients(int clients, int each, Callable<T> call)
      throws Exception {
    CountDownLatch start = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(clients);
    try {
      List<Future<List<T>>> running = new ArrayList<>();
      for (int c = 0; c < clients; c++) {
        running.add(pool.submit(() -> {
          start.await();
          List<T> results = new ArrayList<>();
          for (int i = 0; i < each; i++) {
            results.add(call.call());
          }
          return results;
        }));
      }
      start.countDown();
      List<List<T>> results = new ArrayList<>();
      for (Future<List<T>> client : running) {
        results.add(client.get());
      }
      return results;
    } finally {
      pool.shutdownNow();
    }
  }
}
