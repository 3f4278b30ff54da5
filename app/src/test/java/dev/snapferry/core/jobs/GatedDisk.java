package dev.snapferry.core.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.snapferry.core.model.CopyJob;
import dev.snapferry.core.storage.JsonStore;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A job history kept in memory that counts its writes and, on the test's word, holds one write until released (a
 * hung disk), takes its time over each (a slow one) or refuses every write (a full one): what the service does
 * meanwhile is then shown by the order of events, not by timing.
 */
final class GatedDisk implements JobHistory.Store {

    private final List<JobHistory.Content> written = new CopyOnWriteArrayList<>();
    private final AtomicReference<CountDownLatch> held = new AtomicReference<>();
    private final CountDownLatch release = new CountDownLatch(1);
    private final CountDownLatch entered = new CountDownLatch(1);
    private volatile JobHistory.Content loaded = new JobHistory.Content(List.of());
    private volatile boolean full;
    private volatile java.time.Duration latency = java.time.Duration.ZERO;

    @Override
    public Path file() {
        return Path.of("in-memory", "jobs.json");
    }

    @Override
    public JsonStore.Loaded<JobHistory.Content> load() {
        return new JsonStore.Loaded.Found<>(loaded);
    }

    @Override
    public void save(JobHistory.Content content) throws IOException {
        CountDownLatch gate = held.getAndSet(null);
        if (gate != null) {
            entered.countDown();
            try {
                if (!gate.await(60, TimeUnit.SECONDS)) {
                    throw new IOException("the test never released the held write");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted", e);
            }
        }
        if (!latency.isZero()) {
            // A disk that takes its time: a copy sent before its record is written would be seen sent unrecorded.
            try {
                Thread.sleep(latency);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted", e);
            }
        }
        if (full) {
            throw new IOException("No space left on device");
        }
        written.add(content);
    }

    /** What the next start finds in the file. */
    void preload(List<CopyJob> jobs) {
        loaded = new JobHistory.Content(jobs);
    }

    /** The next write waits for {@link #release()}. Once per test. */
    void holdNextWrite() {
        held.set(release);
    }

    void awaitWriteHeld() throws InterruptedException {
        assertThat(entered.await(20, TimeUnit.SECONDS)).as("a write reached the disk").isTrue();
    }

    void release() {
        release.countDown();
    }

    /** Every write takes this long. */
    void latency(java.time.Duration each) {
        latency = each;
    }

    void full(boolean on) {
        full = on;
    }

    /** Writes that completed. */
    int writes() {
        return written.size();
    }

    List<CopyJob> lastWritten() {
        return written.isEmpty() ? List.of() : written.getLast().jobs();
    }

    List<JobHistory.Content> allWritten() {
        return List.copyOf(written);
    }
}
