package dev.snapferry.core.rules;

import dev.snapferry.core.model.Arn;
import dev.snapferry.core.model.EngineFamily;
import dev.snapferry.core.model.RegionRef;
import dev.snapferry.core.model.Snapshot;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Plans a copy of a snapshot into another account as the steps AWS requires, in order, each in the account and
 * region it runs in. What AWS requires, with its sources (read 2026-12):
 * <ul>
 * <li>Only a manual snapshot can be shared: "You can't share an automated DB cluster snapshot. To share it, copy
 * it to a manual snapshot and share the copy" (Amazon Aurora User Guide, Sharing a DB cluster snapshot; the
 * Neptune and DocumentDB guides say the same).</li>
 * <li>A snapshot encrypted with the AWS managed key can't be shared; it must first be copied under a customer
 * managed key (same guides: "You can't share a snapshot that has been encrypted using the default AWS KMS key").
 * </li>
 * <li>The other account copies by ARN (CopyDBClusterSnapshot, SourceDBClusterSnapshotIdentifier: "the ARN of the
 * shared DB cluster snapshot") and an encrypted source needs its own KmsKeyId (rds model, $KmsKeyId: "If you copy
 * an encrypted DB cluster snapshot that is shared from another AWS account, then you must specify a value").</li>
 * <li>The other account must be allowed to use the source's key by the key's policy (AWS KMS Developer Guide,
 * Allowing users in other accounts to use a KMS key); the plan checks it as a step of its own.</li>
 * <li>DocumentDB Elastic has no sharing attribute (no ModifyClusterSnapshotAttribute in the docdb-elastic model):
 * its snapshots cannot reach another account.</li>
 * </ul>
 * Whether the other account's copy may also change region in the same step is the matrix's
 * {@code sharedCopyCrossRegion}; where it may not, the plan copies within the source region first.
 */
public final class CrossAccountPlanner {

    public static final String DESTINATION_ACCOUNT = "destinationAccount";
    public static final String INTERMEDIATE_KEY = "intermediateKey";
    public static final String LANDING_KEY = "landingKey";

    private CrossAccountPlanner() {
    }

    /** Why the owner's account makes a manual copy first. */
    public enum IntermediateReason {
        /** Automated snapshots cannot be shared. */
        AUTOMATED,
        /** Snapshots under the AWS managed key cannot be shared: the copy takes a customer managed key. */
        AWS_MANAGED_KEY
    }

    /** One step of the plan, run in {@code accountId} and {@code region}. */
    public sealed interface Step {
        String accountId();

        RegionRef region();

        /** A manual copy in the owner's account, to be shared instead of the source. */
        record CopyInOwner(String accountId, RegionRef region, String sourceIdentifier, String target,
                           @Nullable String kmsKeyId, IntermediateReason reason) implements Step {
        }

        /** Adds {@code withAccount} to the snapshot's {@code restore} attribute. */
        record Share(String accountId, RegionRef region, String snapshotIdentifier, String withAccount)
                implements Step {
        }

        /** Reads the key's policy and, on the user's confirmation only, lets {@code forAccount} use the key. */
        record CheckKeyPolicy(String accountId, RegionRef region, String keyId, String forAccount) implements Step {
        }

        /** The copy in the destination account, naming the shared snapshot by ARN. */
        record CopyInDestination(String accountId, RegionRef region, String sourceArn, String target,
                                 @Nullable String kmsKeyId) implements Step {
        }

        /** Once the copy is available, and if the user wants it: stop sharing, delete the intermediate copy. */
        record CleanUp(String accountId, RegionRef region, String snapshotIdentifier, String sharedWith,
                       boolean deleteSnapshot) implements Step {
        }
    }

    /**
     * What the user chose for the plan.
     *
     * @param intermediateKeyId a customer managed key of the owner's source region, for the intermediate copy of a
     *                          snapshot under the AWS managed key (ignored otherwise)
     * @param landingKeyId      a key of the destination account in the source's region, for an encrypted copy that
     *                          must land there before it changes region (ignored otherwise)
     * @param alreadySharedWith the accounts the shareable snapshot is already shared with, when known
     */
    public record Choices(String destinationAccountId, RegionRef destinationRegion, String target,
                          @Nullable String destinationKeyId, @Nullable String intermediateKeyId,
                          @Nullable String landingKeyId, Set<String> alreadySharedWith) {
        public Choices {
            Objects.requireNonNull(destinationAccountId, "destinationAccountId");
            Objects.requireNonNull(destinationRegion, "destinationRegion");
            Objects.requireNonNull(target, "target");
            alreadySharedWith = Set.copyOf(alreadySharedWith);
        }
    }

    /** The steps, in order, and what keeps the plan from running (empty when it can run). */
    public record Plan(List<Step> steps, List<Problem> problems) {
        public Plan {
            steps = List.copyOf(steps);
            problems = List.copyOf(problems);
        }
    }

    /** Plans copying {@code source} (listed by its owner) as {@code choices} say; no step is run here. */
    public static Plan plan(EngineCapabilities caps, Snapshot source, Choices choices) {
        List<Problem> problems = new ArrayList<>();
        String owner = source.ownerAccountId();
        if (source.engine().family() == EngineFamily.DOCUMENTDB_ELASTIC) {
            problems.add(Problem.of(DESTINATION_ACCOUNT, ProblemCode.PLAN_ENGINE_NOT_SHAREABLE));
            return new Plan(List.of(), problems);
        }
        if (owner.equals(choices.destinationAccountId())) {
            problems.add(Problem.of(DESTINATION_ACCOUNT, ProblemCode.PLAN_SAME_ACCOUNT, owner));
            return new Plan(List.of(), problems);
        }
        RegionRef home = source.region();
        if (!home.partition().equals(choices.destinationRegion().partition())) {
            problems.add(Problem.of(CopyRules.DESTINATION_REGION, ProblemCode.COPY_CROSS_PARTITION, home.code(),
                    choices.destinationRegion().code()));
        }
        List<Step> steps = new ArrayList<>();
        String shareable = source.identifier();
        String shareableArn = source.arn();
        @Nullable String sharedKey = source.kmsKeyId();
        boolean intermediate = source.isAutomated() || (source.storageEncrypted() && source.awsManagedKey());
        if (intermediate) {
            IntermediateReason reason = source.storageEncrypted() && source.awsManagedKey()
                    ? IntermediateReason.AWS_MANAGED_KEY : IntermediateReason.AUTOMATED;
            String key = null;
            if (reason == IntermediateReason.AWS_MANAGED_KEY) {
                key = choices.intermediateKeyId();
                if (key == null || blank(key)) {
                    problems.add(Problem.of(INTERMEDIATE_KEY, ProblemCode.PLAN_INTERMEDIATE_KEY_REQUIRED,
                            home.code()));
                } else if (key.startsWith("alias/aws/")) {
                    problems.add(Problem.of(INTERMEDIATE_KEY, ProblemCode.KMS_KEY_AWS_MANAGED_NOT_SHAREABLE, key));
                }
                sharedKey = key;
            }
            shareable = IdentifierRules.deriveTargetName(source.identifier(), "share");
            shareableArn = Arn.clusterSnapshot(home, owner, shareable).toString();
            steps.add(new Step.CopyInOwner(owner, home, source.identifier(), shareable, key, reason));
        }
        if (!choices.alreadySharedWith().contains(choices.destinationAccountId())) {
            steps.add(new Step.Share(owner, home, shareable, choices.destinationAccountId()));
        }
        if (source.storageEncrypted() && sharedKey != null) {
            steps.add(new Step.CheckKeyPolicy(owner, home, sharedKey, choices.destinationAccountId()));
        }
        if (source.storageEncrypted() && blank(choices.destinationKeyId())) {
            problems.add(Problem.of(KmsRules.FIELD, ProblemCode.KMS_KEY_REQUIRED, choices.destinationRegion().code()));
        }
        problems.addAll(IdentifierRules.validate(CopyRules.TARGET_IDENTIFIER, choices.target()));
        boolean crossRegion = !home.equals(choices.destinationRegion());
        if (crossRegion && !caps.sharedCopyCrossRegion().allows(source.storageEncrypted())) {
            // AWS lets the other account copy within the source region only: copy there, then across regions.
            String landing = IdentifierRules.deriveTargetName(choices.target(), home.code());
            if (source.storageEncrypted() && blank(choices.landingKeyId())) {
                problems.add(Problem.of(LANDING_KEY, ProblemCode.PLAN_LANDING_KEY_REQUIRED, home.code()));
            }
            steps.add(new Step.CopyInDestination(choices.destinationAccountId(), home, shareableArn, landing,
                    source.storageEncrypted() ? choices.landingKeyId() : null));
            steps.add(new Step.CopyInDestination(choices.destinationAccountId(), choices.destinationRegion(),
                    Arn.clusterSnapshot(home, choices.destinationAccountId(), landing).toString(), choices.target(),
                    choices.destinationKeyId()));
        } else {
            steps.add(new Step.CopyInDestination(choices.destinationAccountId(), choices.destinationRegion(),
                    shareableArn, choices.target(), choices.destinationKeyId()));
        }
        steps.add(new Step.CleanUp(owner, home, shareable, choices.destinationAccountId(), intermediate));
        return new Plan(steps, problems);
    }

    private static boolean blank(@Nullable String text) {
        return text == null || text.isBlank();
    }
}
