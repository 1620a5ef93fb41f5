package io.cloudphone.ledger.system;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.IntFunction;

/** Runs N calls at the same moment (released together by a latch) and returns their results in order. */
public final class Concurrently {

    private static final Duration TIMEOUT = Duration.ofSeconds(120);

    private Concurrently() {
    }

    public static <T> List<T> run(int calls, IntFunction<T> call) {
        CountDownLatch start = new CountDownLatch(1);
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<T>> futures = new ArrayList<>(calls);
            for (int i = 0; i < calls; i++) {
                int index = i;
                futures.add(threads.submit(() -> {
                    start.await();
                    return call.apply(index);
                }));
            }
            start.countDown();
            List<T> results = new ArrayList<>(calls);
            for (Future<T> future : futures) {
                results.add(future.get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS));
            }
            return results;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("a concurrent call failed: " + e, e);
        }
    }
}
