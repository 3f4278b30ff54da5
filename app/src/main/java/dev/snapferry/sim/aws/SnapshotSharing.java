package dev.snapferry.sim.aws;

import dev.snapferry.sim.SimException;
import java.util.Collection;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Who a cluster snapshot may be shared with (ModifyDBClusterSnapshotAttribute, attribute {@code restore}), written
 * from AWS's documents:
 * <ul>
 * <li>only manual snapshots: rds service-2.json, ModifyDBClusterSnapshotAttribute ("Adds an attribute and values
 * to, or removes an attribute and values from, a manual DB cluster snapshot"), answered with the declared
 * InvalidDBClusterSnapshotStateFault;</li>
 * <li>the values are account ids or {@code all}: same operation ("a list of IDs of the Amazon Web Services
 * accounts", "Use the value all to make the manual DB cluster snapshot public"); an account id is 12 digits (AWS
 * Account Management Reference Guide, "Viewing AWS account identifiers");</li>
 * <li>an encrypted snapshot is never public: same operation ("If a manual DB cluster snapshot is encrypted, it can
 * be shared, but only by specifying a list of authorized Amazon Web Services account IDs [...] You can't use all as
 * a value for that parameter in this case");</li>
 * <li>at most 20 accounts: Amazon Aurora User Guide, "Sharing a DB cluster snapshot" ("You can share a manual
 * snapshot with up to 20 other AWS accounts"); more is the declared SharedSnapshotQuotaExceededFault (code
 * SharedSnapshotQuotaExceeded, 400: "You have exceeded the maximum number of accounts that you can share a manual
 * DB snapshot with");</li>
 * <li>not under the AWS managed key: Aurora User Guide, "Sharing encrypted snapshots" ("You can't share a snapshot
 * that has been encrypted using the default KMS key of the AWS account that shared the snapshot").
 * <i>Contested</i>: public reports (awslabs/aurora-snapshot-tool#26, awslabs/rds-snapshot-tool#34) describe the
 * share accepted and the other account's copy refused; the simulator refuses at sharing, as the guide says.</li>
 * </ul>
 */
public final class SnapshotSharing {

    public static final int MAX_ACCOUNTS = 20;
    public static final String PUBLIC = "all";
    private static final Pattern ACCOUNT_ID = Pattern.compile("\\d{12}");

    private SnapshotSharing() {
    }

    /** Why a value of ValuesToAdd is refused before any snapshot is looked at, or empty. */
    public static Optional<SimException> valueRefusal(String value) {
        if (value.equals(PUBLIC) || ACCOUNT_ID.matcher(value).matches()) {
            return Optional.empty();
        }
        return Optional.of(SimException.invalidParameter("Invalid account identifier: " + value));
    }

    /**
     * Why adding {@code added} to a snapshot is refused, given what AWS knows of it, or empty. {@code manual}: its
     * type; {@code awsManagedKey}: encrypted under the account's AWS managed key.
     */
    public static Optional<SimException> shareRefusal(boolean manual, boolean encrypted, boolean awsManagedKey,
                                                      Collection<String> added, Collection<String> resulting) {
        if (!manual) {
            return Optional.of(SimException.badRequest("InvalidDBClusterSnapshotStateFault",
                    "Only manual cluster snapshots can be shared."));
        }
        if (!added.isEmpty() && encrypted) {
            if (added.contains(PUBLIC)) {
                return Optional.of(SimException.invalidParameter("Encrypted cluster snapshots cannot be made "
                        + "public."));
            }
            if (awsManagedKey) {
                return Optional.of(SimException.invalidParameter("Cluster snapshots encrypted with the AWS managed "
                        + "key cannot be shared. Copy it with a customer managed key and share the copy."));
            }
        }
        if (resulting.stream().filter(a -> !a.equals(PUBLIC)).count() > MAX_ACCOUNTS) {
            return Optional.of(SimException.badRequest("SharedSnapshotQuotaExceeded", "A cluster snapshot can be "
                    + "shared with at most " + MAX_ACCOUNTS + " accounts."));
        }
        return Optional.empty();
    }
}
