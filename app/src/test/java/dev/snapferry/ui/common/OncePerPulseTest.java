package dev.snapferry.ui.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/** Work reported far more often than frames are drawn reaches the FX thread in at most one batch a pulse. */
class OncePerPulseTest {

    private final AtomicInteger pulses = new AtomicInteger();
    private final AnimationTimer counter = new AnimationTimer() {
        @Override
        public void handle(long now) {
            pulses.incrementAndGet();
        }
    };

    @BeforeEach
    void start() throws Exception {
        FxToolkit.registerPrimaryStage();
        WaitForAsyncUtils.asyncFx(counter::start).get();
    }

    @AfterEach
    void stop() throws Exception {
        WaitForAsyncUtils.asyncFx(counter::stop).get();
    }

    @Test
    void everythingReportedBetweenTwoPulsesRunsInOneBatchOnTheFxThread() throws Exception {
        List<Integer> batchPulses = new CopyOnWriteArrayList<>();
        AtomicInteger ran = new AtomicInteger();
        List<Boolean> onFx = new CopyOnWriteArrayList<>();
        OncePerPulse ui = new OncePerPulse(Platform::runLater, batch -> {
            batchPulses.add(pulses.get());
            batch.run();
        });
        int reports = 2_000;
        CountDownLatch all = new CountDownLatch(reports);
        Thread.ofPlatform().start(() -> {
            for (int i = 0; i < reports; i++) {
                ui.execute(() -> {
                    onFx.add(Platform.isFxApplicationThread());
                    ran.incrementAndGet();
                    all.countDown();
                });
                if (i % 50 == 0) {
                    Thread.onSpinWait();
                    try {
                        Thread.sleep(2);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
            }
        });
        assertThat(all.await(30, TimeUnit.SECONDS)).isTrue();
        assertThat(ran.get()).isEqualTo(reports);
        assertThat(onFx).containsOnly(true);
        assertThat(batchPulses).as("batches").hasSizeLessThan(reports / 10)
                .doesNotHaveDuplicates();
    }
}
