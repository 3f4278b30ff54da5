package dev.snapferry.ui.copy;

import dev.snapferry.core.aws.AwsCallException;
import dev.snapferry.core.aws.AwsErrors;
import dev.snapferry.core.jobs.CopyJobService;
import dev.snapferry.core.model.AccountRef;
import dev.snapferry.core.model.CopyJob;
import dev.snapferry.core.model.CopyRequest;
import dev.snapferry.core.model.JobState;
import dev.snapferry.core.model.KmsKey;
import dev.snapferry.core.model.RegionRef;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The wizard's copies become copy jobs: each is recorded and queued by {@link CopyJobService}, and the wizard waits
 * only for its first answer. A copy AWS refuses at once is taken back from the jobs and thrown to the wizard, which
 * shows it at its field; a copy queued for a free slot counts as started.
 */
public final class JobsCopyGateway implements CopyGateway {

    private final CopyGateway lookups;
    private final CopyJobService jobs;

    /** @param lookups answers the wizard's questions (accounts, regions, names, keys) */
    public JobsCopyGateway(CopyGateway lookups, CopyJobService jobs) {
        this.lookups = Objects.requireNonNull(lookups, "lookups");
        this.jobs = Objects.requireNonNull(jobs, "jobs");
    }

    @Override
    public List<AccountRef> accounts() {
        return lookups.accounts();
    }

    @Override
    public List<RegionRef> regions() {
        return lookups.regions();
    }

    @Override
    public Set<String> takenIdentifiers(AccountRef account, RegionRef region, boolean elastic) {
        return lookups.takenIdentifiers(account, region, elastic);
    }

    @Override
    public List<KmsKey> keys(AccountRef account, RegionRef region) {
        return lookups.keys(account, region);
    }

    @Override
    public Set<String> sharedWith(AccountRef owner, dev.snapferry.core.model.Snapshot snapshot) {
        return lookups.sharedWith(owner, snapshot);
    }

    @Override
    public String keyPolicy(AccountRef owner, RegionRef region, String keyId) {
        return lookups.keyPolicy(owner, region, keyId);
    }

    @Override
    public void putKeyPolicy(AccountRef owner, RegionRef region, String keyId, String policy) {
        lookups.putKeyPolicy(owner, region, keyId, policy);
    }

    @Override
    public void start(CopyRequest request) {
        awaitFirstOutcome(jobs.submit(List.of(request)).getFirst());
    }

    /**
     * The plan becomes one copy job; the wizard waits for its first stage's answer only, as for a copy. A refusal
     * of that stage comes back to the wizard; a later stage's shows in the jobs panel, where Retry resumes it.
     */
    @Override
    public void startPlan(CopyRequest request, dev.snapferry.core.model.JobPlan plan) {
        awaitFirstOutcome(jobs.submitPlan(request, plan));
    }

    private void awaitFirstOutcome(UUID id) {
        CopyJob outcome;
        try {
            outcome = jobs.firstOutcome(id).get(3, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        } catch (ExecutionException | TimeoutException e) {
            // Still being sent: the job goes on and shows in the jobs panel.
            return;
        }
        if (outcome.state() == JobState.FAILED && outcome.failure() != null) {
            jobs.discard(id);
            throw new AwsCallException(AwsErrors.fromCode(outcome.failure().awsCode(),
                    outcome.failure().awsMessage()), null);
        }
    }
}
