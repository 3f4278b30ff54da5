package dev.snapferry.app;

import dev.snapferry.core.aws.KmsDirectory;
import dev.snapferry.core.aws.OpenSessions;
import dev.snapferry.core.aws.SnapshotWriter;
import dev.snapferry.core.jobs.CopyJobService;
import dev.snapferry.core.jobs.JobPolling;
import dev.snapferry.core.model.RegionRef;
import dev.snapferry.core.rules.CapabilityMatrix;
import dev.snapferry.core.storage.JsonStore;
import dev.snapferry.ui.common.Messages;
import dev.snapferry.ui.common.WorkerExecutor;
import java.util.List;
import java.util.concurrent.ExecutorService;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.http.SdkHttpClient;

/**
 * Every service the application runs on, built once by {@link AppStartup} before the window exists; the screens
 * are built from it and nothing else. One KMS directory and one snapshot writer serve every screen, so aliases are
 * cached once per account and region.
 *
 * @param snapshots         the browser's rows, whose first listing starts with the accounts (see
 *                          {@link LiveSnapshotSource#startEarly})
 * @param regions           the regions listed at start: the demo's, or each open account's home region
 * @param accountNotice     what to tell the user about accounts that could not be opened, when there is something
 */
public record AppServices(
        Messages messages,
        CapabilityMatrix matrix,
        JsonStore<Preferences> preferencesStore,
        JsonStore.Loaded<Preferences> preferences,
        OpenSessions sessions,
        AccountOpener accounts,
        SdkHttpClient http,
        ExecutorService workers,
        ExecutorService jobExecutor,
        CopyJobService jobs,
        JobPolling polling,
        KmsDirectory kms,
        SnapshotWriter writer,
        LiveSnapshotSource snapshots,
        List<RegionRef> regions,
        @Nullable Notice accountNotice,
        boolean smoke) implements AutoCloseable {

    /** A notice for the user: its title and text. */
    public record Notice(String title, String text) {
    }

    public AppServices {
        regions = List.copyOf(regions);
    }

    /** Stops the polling and the workers and closes the accounts and the HTTP client, in that order. */
    @Override
    public void close() {
        polling.close();
        jobExecutor.shutdownNow();
        accounts.close();
        WorkerExecutor.shutdown(workers, 2_000);
        http.close();
    }
}
