package dev.snapferry.ui.copy;

import dev.snapferry.core.model.AccountRef;
import dev.snapferry.core.model.EngineFamily;
import dev.snapferry.core.rules.CrossAccountPlanner.Step;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * The AWS CLI commands equivalent to each step of a cross-account plan, as a DBA would type them, each with the
 * profile of the account it runs in: what the plan shows before anything is sent.
 */
final class PlanCommands {

    private PlanCommands() {
    }

    /**
     * @param accounts     the open account of an account id (for its profile), empty when it is not open
     * @param demoEndpoint the demo simulator's endpoint, for demo accounts
     */
    static List<String> cli(Step step, EngineFamily family, Function<String, Optional<AccountRef>> accounts,
                            @Nullable String demoEndpoint) {
        String service = switch (family) {
            case DOCUMENTDB -> "docdb";
            case NEPTUNE -> "neptune";
            default -> "rds";
        };
        List<String> commands = new ArrayList<>();
        switch (step) {
            case Step.CopyInOwner copy -> commands.add("aws " + service + " copy-db-cluster-snapshot"
                    + " --source-db-cluster-snapshot-identifier " + copy.sourceIdentifier()
                    + " --target-db-cluster-snapshot-identifier " + copy.target()
                    + (copy.kmsKeyId() == null ? "" : " --kms-key-id " + copy.kmsKeyId()) + " --copy-tags");
            case Step.Share share -> commands.add("aws " + service + " modify-db-cluster-snapshot-attribute"
                    + " --db-cluster-snapshot-identifier " + share.snapshotIdentifier()
                    + " --attribute-name restore --values-to-add " + share.withAccount());
            case Step.CheckKeyPolicy check -> commands.add("aws kms get-key-policy --key-id " + check.keyId()
                    + " --policy-name default --output text");
            case Step.CopyInDestination copy -> commands.add("aws " + service + " copy-db-cluster-snapshot"
                    + " --source-db-cluster-snapshot-identifier " + copy.sourceArn()
                    + " --target-db-cluster-snapshot-identifier " + copy.target()
                    + (copy.kmsKeyId() == null ? "" : " --kms-key-id " + copy.kmsKeyId())
                    + (copy.sourceArn().contains(":" + copy.region().code() + ":") ? ""
                    : " --source-region " + regionOf(copy.sourceArn())));
            case Step.CleanUp clean -> {
                commands.add("aws " + service + " modify-db-cluster-snapshot-attribute"
                        + " --db-cluster-snapshot-identifier " + clean.snapshotIdentifier()
                        + " --attribute-name restore --values-to-remove " + clean.sharedWith());
                if (clean.deleteSnapshot()) {
                    commands.add("aws " + service + " delete-db-cluster-snapshot --db-cluster-snapshot-identifier "
                            + clean.snapshotIdentifier());
                }
            }
        }
        String where = " --region " + step.region().code() + account(accounts.apply(step.accountId()), demoEndpoint);
        return commands.stream().map(c -> c + where).toList();
    }

    private static String account(Optional<AccountRef> account, @Nullable String demoEndpoint) {
        if (account.isEmpty()) {
            return "";
        }
        if (account.get().demo()) {
            return demoEndpoint == null ? "" : " --endpoint-url " + demoEndpoint;
        }
        return " --profile " + account.get().profileName();
    }

    /** The region of an ARN ({@code arn:partition:service:region:account:...}). */
    private static String regionOf(String arn) {
        String[] parts = arn.split(":", 6);
        return parts.length > 3 ? parts[3] : "";
    }
}
