package dev.snapferry.core.rules;

import dev.snapferry.core.model.KmsKey;
import dev.snapferry.core.model.Snapshot;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * KMS rules for a copy. An encrypted source gives an encrypted copy; a cross-region copy of it needs a key of
 * the destination region, and so does a copy of an encrypted snapshot shared from another account. Whether an
 * unencrypted source may take a key is the engine's matrix entry. A key must be enabled and in the destination
 * region. Problems are reported on {@value #FIELD}.
 */
public final class KmsRules {

    public static final String FIELD = "kmsKey";

    private KmsRules() {
    }

    public static KmsRequirement requirement(EngineCapabilities caps, CopyContext ctx) {
        if (!ctx.source().storageEncrypted()) {
            return caps.kmsKeyWithUnencryptedSource() == UnencryptedKeyRule.ERROR
                    ? new KmsRequirement(KmsRequirement.Need.FORBIDDEN, KmsRequirement.Reason.UNENCRYPTED_ERROR)
                    : new KmsRequirement(KmsRequirement.Need.OPTIONAL, KmsRequirement.Reason.UNENCRYPTED_ENCRYPTS);
        }
        if (ctx.crossRegion() && caps.crossRegionEncryptedRequiresKey()) {
            return new KmsRequirement(KmsRequirement.Need.REQUIRED, KmsRequirement.Reason.CROSS_REGION_ENCRYPTED);
        }
        if (ctx.sharedSource() && caps.sharedEncryptedRequiresKey()) {
            return new KmsRequirement(KmsRequirement.Need.REQUIRED, ctx.source().isForeign()
                    ? KmsRequirement.Reason.SHARED_ENCRYPTED : KmsRequirement.Reason.OTHER_ACCOUNT_ENCRYPTED);
        }
        return new KmsRequirement(KmsRequirement.Need.OPTIONAL, KmsRequirement.Reason.SAME_REGION_ENCRYPTED);
    }

    /** Every KMS problem of the planned copy. */
    public static List<Problem> validate(EngineCapabilities caps, CopyContext ctx) {
        List<Problem> problems = new ArrayList<>();
        KmsRequirement requirement = requirement(caps, ctx);
        String keyId = ctx.chosenKeyId();
        if (keyId == null || !ctx.keyChosen()) {
            if (requirement.need() == KmsRequirement.Need.REQUIRED) {
                problems.add(Problem.of(FIELD, ProblemCode.KMS_KEY_REQUIRED, ctx.destinationRegion().code()));
            }
            return problems;
        }
        if (requirement.need() == KmsRequirement.Need.FORBIDDEN) {
            problems.add(Problem.of(FIELD, ProblemCode.KMS_KEY_FORBIDDEN));
            return problems;
        }
        Optional<KmsKeyReference> reference = KmsKeyReference.parse(keyId);
        if (reference.isEmpty()) {
            problems.add(Problem.of(FIELD, ProblemCode.KMS_KEY_MALFORMED, keyId));
            return problems;
        }
        var arn = reference.get().arn();
        String destination = ctx.destinationRegion().code();
        if (arn != null && !arn.partition().equals(ctx.destinationRegion().partition())) {
            problems.add(Problem.of(FIELD, ProblemCode.KMS_KEY_WRONG_PARTITION, arn.partition(),
                    ctx.destinationRegion().partition()));
        } else if (arn != null && !arn.region().equals(destination)) {
            problems.add(Problem.of(FIELD, ProblemCode.KMS_KEY_WRONG_REGION, arn.region(), destination));
        }
        KmsKey key = ctx.chosenKey();
        if (key != null) {
            if (!key.region().equals(ctx.destinationRegion()) && problems.isEmpty()) {
                problems.add(Problem.of(FIELD, ProblemCode.KMS_KEY_WRONG_REGION, key.region().code(), destination));
            }
            if (!key.state().isUsable()) {
                problems.add(Problem.of(FIELD, ProblemCode.KMS_KEY_NOT_USABLE, key.displayName(), key.state()));
            }
            if (key.awsManaged()) {
                problems.add(Problem.of(FIELD, ProblemCode.KMS_KEY_AWS_MANAGED_NOT_SHAREABLE, key.displayName()));
            }
        }
        return problems;
    }

    /**
     * A snapshot encrypted with an AWS-managed key ({@code aws/rds}) cannot be shared with other accounts.
     *
     * @param snapshotKey the key the snapshot is encrypted with, when it is known
     */
    public static Optional<Problem> checkShareable(String field, Snapshot snapshot, @Nullable KmsKey snapshotKey) {
        if (snapshot.storageEncrypted() && snapshotKey != null && snapshotKey.awsManaged()) {
            return Optional.of(Problem.of(field, ProblemCode.SHARE_AWS_MANAGED_KEY, snapshot.identifier(),
                    snapshotKey.displayName()));
        }
        return Optional.empty();
    }
}
