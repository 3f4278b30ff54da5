package dev.snapferry.ui.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The production runner against a real pool, with a queue standing in for the FX thread; and the same-thread
 * double the ViewModel tests use, held to the same contract. Every wait is bounded.
 */
@Timeout(30)
class ExecutorTaskRunnerTest {

    private final ExecutorService workers = WorkerExecutor.create("test-worker", 2);
    /** Stands in for the FX thread: outcomes queue here and the test runs them, as the FX thread would. */
    private final LinkedBlockingQueue<Runnable> uiQueue = new LinkedBlockingQueue<>();
    private final ExecutorTaskRunner runner = new ExecutorTaskRunner(workers, uiQueue::add);

    @AfterEach
    void stop() {
        WorkerExecutor.shutdown(workers, 1_000);
    }

    @Test
    void workRunsOnAWorkerAndTheResultArrivesOnTheUiThread() throws InterruptedException {
        List<String> seen = new CopyOnWriteArrayList<>();
        runner.run("name", () -> Thread.currentThread().getName(), seen::add, e -> seen.add("failed"));

        uiQueue.poll(5, TimeUnit.SECONDS).run();
        assertThat(seen).singleElement().asString().startsWith("test-worker-");
    }

    @Test
    void partsRunAtOnceOnAFreeWorkerAndComeBackInOrder() throws Exception {
        // Both parts wait for each other: they end only if they run at the same time.
        CyclicBarrier together = new CyclicBarrier(2);
        String caller = Thread.currentThread().getName();
        List<String> results = runner.inParallel(List.<Callable<String>>of(
                () -> {
                    together.await(5, TimeUnit.SECONDS);
                    return "first on " + Thread.currentThread().getName();
                },
                () -> {
                    together.await(5, TimeUnit.SECONDS);
                    return "second on " + Thread.currentThread().getName();
                }));

        assertThat(results).hasSize(2);
        assertThat(results.get(0)).isEqualTo("first on " + caller);
        assertThat(results.get(1)).startsWith("second on test-worker-");
    }

    @Test
    void aPartNoWorkerTookUpIsDoneByTheCallerInsteadOfWaitedFor() throws Exception {
        // Both workers busy until the test ends: the second part would wait for ever in the pool's queue.
        CountDownLatch release = new CountDownLatch(1);
        for (int i = 0; i < 2; i++) {
            workers.execute(() -> {
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
        }
        try {
            String caller = Thread.currentThread().getName();
            List<String> results = runner.inParallel(List.<Callable<String>>of(
                    () -> "first", () -> "second on " + Thread.currentThread().getName()));

            assertThat(results).containsExactly("first", "second on " + caller);
        } finally {
            release.countDown();
        }
    }

    @Test
    void aPartThatThrowsFailsTheCallWithItsException() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> runner.inParallel(List.<Callable<String>>of(
                () -> "first", () -> {
                    throw new IOException("disk gone");
                }))).isInstanceOf(IOException.class).hasMessage("disk gone");
    }

    @Test
    void aFailureIsDeliveredToTheFailureCallbackOnly() throws InterruptedException {
        List<Object> seen = new CopyOnWriteArrayList<>();
        runner.run("boom", () -> {
            throw new IOException("disk gone");
        }, seen::add, seen::add);

        uiQueue.poll(5, TimeUnit.SECONDS).run();
        assertThat(seen).singleElement().isInstanceOf(IOException.class);
    }

    @Test
    void aCancelledTaskNeverCallsBack() throws InterruptedException {
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        List<Object> seen = new CopyOnWriteArrayList<>();
        TaskHandle handle = runner.run("slow", () -> {
            started.countDown();
            // Runs to its end even when cancelling interrupts it, so an answer is always on its way.
            boolean released = false;
            while (!released) {
                try {
                    released = release.await(5, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    // cancelled: carry on as a task that ignores interruption would
                }
            }
            return "late";
        }, seen::add, seen::add);

        assertThat(started.await(5, TimeUnit.SECONDS)).isTrue();
        handle.cancel();
        release.countDown();
        // Once the pool has run everything it was given, whatever the task hands the UI thread is in the queue: no
        // waiting for a non-event.
        workers.shutdown();
        assertThat(workers.awaitTermination(5, TimeUnit.SECONDS)).isTrue();
        List<Runnable> deliveries = new ArrayList<>();
        uiQueue.drainTo(deliveries);
        assertThat(deliveries).as("the late answer reaches the UI thread").hasSize(1);
        deliveries.forEach(Runnable::run);
        assertThat(handle.isCancelled()).isTrue();
        assertThat(seen).as("and is dropped there").isEmpty();
    }

    @Test
    void aTaskGivenAfterShutdownFailsOnTheUiThreadInsteadOfThrowing() throws InterruptedException {
        WorkerExecutor.shutdown(workers, 1_000);
        List<Object> seen = new CopyOnWriteArrayList<>();
        runner.run("late", () -> "never", seen::add, seen::add);
        uiQueue.poll(5, TimeUnit.SECONDS).run();
        assertThat(seen).singleElement().isInstanceOf(java.util.concurrent.RejectedExecutionException.class);
    }

    @Test
    void sameThreadRunnerCallsBackBeforeReturning() {
        List<Object> seen = new CopyOnWriteArrayList<>();
        new SameThreadTaskRunner().run("now", () -> 42, seen::add, seen::add);
        new SameThreadTaskRunner().run("fails", () -> {
            throw new IllegalStateException("no");
        }, seen::add, seen::add);
        assertThat(seen).hasSize(2);
        assertThat(seen.get(0)).isEqualTo(42);
        assertThat(seen.get(1)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aBoundedRunNeverWorksOnMoreItemsAtOnceThanAskedAndReachesThatMany() throws Exception {
        // A pool wider than the bound, so that the bound is the runner's doing and not the pool's.
        ExecutorService wide = WorkerExecutor.create("wide-worker", 8);
        try {
            ExecutorTaskRunner wideRunner = new ExecutorTaskRunner(wide, uiQueue::add);
            AtomicInteger inFlight = new AtomicInteger();
            AtomicInteger peak = new AtomicInteger();
            // Items wait for each other in threes: a runner that worked on fewer at once would leave them waiting
            // (and fail them at the barrier's timeout); one that worked on more would show a higher peak.
            CyclicBarrier threes = new CyclicBarrier(3);
            List<Integer> items = IntStream.range(0, 12).boxed().toList();
            List<Object> outcomes = new ArrayList<>();
            AtomicInteger done = new AtomicInteger();
            wideRunner.runEach("bounded", items, 3, item -> {
                peak.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
                try {
                    threes.await(5, TimeUnit.SECONDS);
                    return item;
                } finally {
                    inFlight.decrementAndGet();
                }
            }, (item, outcome) -> outcomes.add(outcome), done::incrementAndGet);

            drainUntil(() -> done.get() == 1);
            assertThat(outcomes).hasSize(12).allMatch(o -> o instanceof TaskRunner.Outcome.Done<?>);
            assertThat(peak.get()).isEqualTo(3);
        } finally {
            WorkerExecutor.shutdown(wide, 1_000);
        }
    }

    @Test
    void everyItemIsReportedOnceOnTheUiThreadFailuresTooAndThenTheRunIsDoneOnce() throws InterruptedException {
        Thread uiThread = Thread.currentThread();
        List<Integer> items = IntStream.range(0, 20).boxed().toList();
        List<Integer> reported = new ArrayList<>();
        List<Integer> failed = new ArrayList<>();
        List<String> events = new ArrayList<>();
        runner.runEach("each", items, 4, item -> {
            if (item % 5 == 0) {
                throw new IOException("item " + item);
            }
            return item * 10;
        }, (item, outcome) -> {
            assertThat(Thread.currentThread()).isSameAs(uiThread);
            reported.add(item);
            switch (outcome) {
                case TaskRunner.Outcome.Done<Integer> d -> assertThat(d.value()).isEqualTo(item * 10);
                case TaskRunner.Outcome.Failed<Integer> f -> {
                    assertThat(f.error()).isInstanceOf(IOException.class).hasMessage("item " + item);
                    failed.add(item);
                }
            }
            events.add("item");
        }, () -> events.add("done"));

        drainUntil(() -> events.contains("done"));
        assertThat(reported).containsExactlyInAnyOrderElementsOf(items);
        assertThat(failed).containsExactlyInAnyOrder(0, 5, 10, 15);
        assertThat(events).hasSize(21).endsWith("done").containsOnlyOnce("done");
    }

    @Test
    void cancellingABoundedRunInterruptsItsItemsAndStartsNoMore() throws InterruptedException {
        ExecutorService wide = WorkerExecutor.create("wide-worker", 8);
        try {
            cancelAfterTwoStarted(wide);
        } finally {
            wide.shutdownNow();
        }
    }

    private void cancelAfterTwoStarted(ExecutorService wide) throws InterruptedException {
        ExecutorTaskRunner wideRunner = new ExecutorTaskRunner(wide, uiQueue::add);
        CountDownLatch twoStarted = new CountDownLatch(2);
        CountDownLatch twoEnded = new CountDownLatch(2);
        AtomicInteger started = new AtomicInteger();
        AtomicInteger interrupted = new AtomicInteger();
        List<Object> seen = new CopyOnWriteArrayList<>();
        TaskHandle handle = wideRunner.runEach("cancelled", IntStream.range(0, 10).boxed().toList(), 2, item -> {
            started.incrementAndGet();
            twoStarted.countDown();
            try {
                new CountDownLatch(1).await(10, TimeUnit.SECONDS);
                return item;
            } catch (InterruptedException e) {
                interrupted.incrementAndGet();
                throw e;
            } finally {
                twoEnded.countDown();
            }
        }, (item, outcome) -> seen.add(outcome), () -> seen.add("done"));

        assertThat(twoStarted.await(5, TimeUnit.SECONDS)).isTrue();
        handle.cancel();
        assertThat(twoEnded.await(5, TimeUnit.SECONDS)).as("running items interrupted").isTrue();
        // Once the pool has run everything it was given, nothing more can start: no waiting for a non-event.
        wide.shutdown();
        assertThat(wide.awaitTermination(5, TimeUnit.SECONDS)).isTrue();
        for (Runnable delivery = uiQueue.poll(); delivery != null; delivery = uiQueue.poll()) {
            delivery.run();
        }
        assertThat(handle.isCancelled()).isTrue();
        assertThat(interrupted.get()).isEqualTo(2);
        assertThat(started.get()).isEqualTo(2);
        assertThat(seen).isEmpty();
    }

    @Test
    void aBoundedRunGivenAfterShutdownFailsEachItemOnTheUiThread() throws InterruptedException {
        WorkerExecutor.shutdown(workers, 1_000);
        List<Object> seen = new ArrayList<>();
        runner.runEach("late", List.of("a", "b", "c"), 2, item -> item, (item, outcome) -> {
            assertThat(outcome).isInstanceOfSatisfying(TaskRunner.Outcome.Failed.class,
                    f -> assertThat(f.error()).isInstanceOf(RejectedExecutionException.class));
            seen.add(item);
        }, () -> seen.add("done"));
        drainUntil(() -> seen.contains("done"));
        assertThat(seen).containsExactly("a", "b", "c", "done");
    }

    @Test
    void anEmptyBoundedRunIsDoneAtOnce() throws InterruptedException {
        List<Object> seen = new ArrayList<>();
        runner.runEach("nothing", List.<String>of(), 3, item -> item, (item, outcome) -> seen.add(item),
                () -> seen.add("done"));
        drainUntil(() -> !seen.isEmpty());
        assertThat(seen).containsExactly("done");
    }

    @Test
    void aBoundedRunRefusesABoundBelowOne() {
        org.assertj.core.api.Assertions.assertThatIllegalArgumentException().isThrownBy(() -> runner.runEach("none",
                List.of(1), 0, item -> item, (item, outcome) -> { }, () -> { }));
    }

    @Test
    void sameThreadRunnerReportsEachItemBeforeTheNextStarts() {
        List<String> events = new ArrayList<>();
        new SameThreadTaskRunner().runEach("now", List.of(1, 2, 3), 8, item -> {
            events.add("work " + item);
            if (item == 2) {
                throw new IllegalStateException("two");
            }
            return item;
        }, (item, outcome) -> events.add((outcome instanceof TaskRunner.Outcome.Done<Integer> ? "done " : "failed ")
                + item), () -> events.add("all"));
        assertThat(events).containsExactly("work 1", "done 1", "work 2", "failed 2", "work 3", "done 3", "all");
    }

    @Test
    void aRunnerThatOnlyKnowsRunStillReportsEveryItemOnceThenIsDone() {
        // The interface's default, as a runner written before runEach existed (the wizard's tests have one) gets.
        TaskRunner onlyRun = new TaskRunner() {
            @Override
            public <T> TaskHandle run(String name, Callable<T> work, Consumer<? super T> onSuccess,
                                      Consumer<? super Throwable> onFailure) {
                return new SameThreadTaskRunner().run(name, work, onSuccess, onFailure);
            }
        };
        List<String> events = new ArrayList<>();
        onlyRun.runEach("default", List.of(1, 2, 3), 2, item -> {
            if (item == 3) {
                throw new IOException("three");
            }
            return item;
        }, (item, outcome) -> events.add((outcome instanceof TaskRunner.Outcome.Done<Integer> ? "done " : "failed ")
                + item), () -> events.add("all"));
        assertThat(events).containsExactly("done 1", "done 2", "failed 3", "all");
    }

    /** Runs what reaches the UI queue until {@code reached}, for at most five seconds. */
    private void drainUntil(BooleanSupplier reached) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (!reached.getAsBoolean()) {
            assertThat(System.nanoTime()).as("reached in time").isLessThan(deadline);
            Runnable next = uiQueue.poll(50, TimeUnit.MILLISECONDS);
            if (next != null) {
                next.run();
            }
        }
    }
}
