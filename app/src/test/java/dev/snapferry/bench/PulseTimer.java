package dev.snapferry.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import javafx.application.Platform;
import javafx.scene.Scene;

/**
 * Times a scene's CSS and layout passes as the app's own pulses run them: from just before the CSS pass to just
 * after the layout pass. A benchmark asks, on the FX thread, for the pass that follows its work; that pass
 * restyles and lays out only what the work changed.
 *
 * <p>Calling {@code applyCss()} on the scene's root instead (as these benchmarks once did) restyles every node of
 * the scene, which the app never does: it made each timed task pay for a full restyle of the window.
 */
final class PulseTimer {

    /** One pass: its CSS and layout time, and when it ended ({@link System#nanoTime()}). */
    record Pass(double ms, long endNanos) {
    }

    private long passStart;
    /** The longest pass since {@link #resetLongest()}, in ms, and how many passes ran since. */
    private double longest;
    private int passes;
    /** The pass, counted from {@link #resetLongest()}, that took longest. */
    private int longestAt;
    private final List<CompletableFuture<Pass>> waiting = new ArrayList<>();

    /** Listens to {@code scene}'s pulses; on the FX thread. */
    PulseTimer(Scene scene) {
        scene.addPreLayoutPulseListener(() -> passStart = System.nanoTime());
        scene.addPostLayoutPulseListener(() -> {
            long end = System.nanoTime();
            Pass pass = new Pass((end - passStart) / 1e6, end);
            passes++;
            if (pass.ms() > longest) {
                longest = pass.ms();
                longestAt = passes;
            }
            if (waiting.isEmpty()) {
                return;
            }
            List<CompletableFuture<Pass>> done = new ArrayList<>(waiting);
            waiting.clear();
            done.forEach(f -> f.complete(pass));
        });
    }

    /** Starts counting passes afresh (on the FX thread). */
    void resetLongest() {
        longest = 0;
        passes = 0;
        longestAt = 0;
    }

    /** The longest pass since {@link #resetLongest()}, in ms (on the FX thread). */
    double longest() {
        return longest;
    }

    /** Which pass since {@link #resetLongest()} took longest, the first being 1 (on the FX thread). */
    int longestAt() {
        return longestAt;
    }

    /** The passes since {@link #resetLongest()} (on the FX thread). */
    int passes() {
        return passes;
    }

    /** The next CSS and layout pass (on the FX thread: the work to be laid out has just been done). */
    CompletableFuture<Pass> nextPass() {
        CompletableFuture<Pass> pass = new CompletableFuture<>();
        waiting.add(pass);
        Platform.requestNextPulse();
        return pass;
    }
}
