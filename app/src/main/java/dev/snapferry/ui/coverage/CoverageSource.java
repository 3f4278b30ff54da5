package dev.snapferry.ui.coverage;

import dev.snapferry.core.aws.ClusterSurvey;
import dev.snapferry.core.coverage.Deletion;
import dev.snapferry.core.model.AccountRef;
import dev.snapferry.core.model.RegionRef;
import dev.snapferry.core.model.Snapshot;
import java.io.IOException;
import java.util.List;

/**
 * What the Coverage tab asks of AWS besides the listing it shares with the other tabs. Every call blocks (the
 * ViewModels run them through the task runner) and AWS's refusals come as {@code AwsCallException}.
 */
public interface CoverageSource {

    /** Clusters, quotas and engine versions of one account and region; refusals are in the result. */
    ClusterSurvey.Result survey(AccountRef account, RegionRef region);

    /**
     * Deletes one manual snapshot, trying again after a pause when AWS throttles (beyond the SDK's own retries).
     *
     * @throws dev.snapferry.core.aws.AwsCallException when AWS refuses, with its code and reason
     */
    void delete(Snapshot snapshot);

    /** Appends a line to the deletion log in the data folder. */
    void log(Deletion deletion) throws IOException;

    /** Where the deletion log is written, to tell the user. */
    String logLocation();
}
