package dev.snapferry.ui.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

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
            release.await(5, TimeUnit.SECONDS);
            return "late";
        }, seen::add, seen::add);

        assertThat(started.await(5, TimeUnit.SECONDS)).isTrue();
        handle.cancel();
        release.countDown();
        Runnable delivery = uiQueue.poll(300, TimeUnit.MILLISECONDS);
        if (delivery != null) {
            delivery.run();
        }
        assertThat(handle.isCancelled()).isTrue();
        assertThat(seen).isEmpty();
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
}
