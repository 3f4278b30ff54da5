package dev.snapferry.ui.common;

import java.util.concurrent.Callable;
import java.util.function.Consumer;

/**
 * Runs work off the FX thread and delivers its outcome on it. ViewModels receive one by constructor and never
 * touch threads themselves: production uses {@link ExecutorTaskRunner}; tests pass a runner that works on the
 * calling thread, so a ViewModel test needs neither a toolkit nor waits.
 */
public interface TaskRunner {

    /**
     * Runs {@code work} in the background, then calls exactly one of {@code onSuccess} or {@code onFailure} on
     * the UI thread, unless the returned handle was cancelled first.
     *
     * @param name what the work does, for the log and the worker thread's name
     */
    <T> TaskHandle run(String name, Callable<T> work, Consumer<? super T> onSuccess,
                       Consumer<? super Throwable> onFailure);
}
