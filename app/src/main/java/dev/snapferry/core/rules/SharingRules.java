package dev.snapferry.core.rules;

import dev.snapferry.core.model.ApiFamily;
import dev.snapferry.core.model.Snapshot;
import dev.snapferry.core.model.SnapshotType;
import java.util.Collection;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Who a snapshot may be shared with: its {@code restore} attribute (ModifyDBClusterSnapshotAttribute), which holds
 * account ids, or {@code all} for a public snapshot. AWS's rules, from the Aurora User Guide ("Sharing a DB cluster
 * snapshot", "Sharing encrypted snapshots") and the RDS API reference (ModifyDBClusterSnapshotAttribute):
 * <ul>
 *   <li>only manual snapshots are shared ("To share an automated DB cluster snapshot, create a manual DB cluster
 *       snapshot by copying the automated snapshot, and then share that copy");</li>
 *   <li>"You can share a manual snapshot with up to 20 other AWS accounts";</li>
 *   <li>"You can't share encrypted snapshots as public" ({@code all} is refused for them);</li>
 *   <li>"You can't share a snapshot that has been encrypted using the default KMS key of the AWS account that shared
 *       the snapshot": it must be copied with a customer managed key first;</li>
 *   <li>DocumentDB Elastic snapshots have no such attribute: its API has no call that shares a snapshot.</li>
 * </ul>
 */
public final class SharingRules {

    /** "You can share a manual snapshot with up to 20 other AWS accounts" (Aurora User Guide). */
    public static final int MAX_ACCOUNTS = 20;
    /** The value of the {@code restore} attribute that makes a snapshot public. */
    public static final String PUBLIC = "all";
    /** The field an account id is typed into. */
    public static final String ACCOUNT_FIELD = "shareAccount";

    private static final Pattern ACCOUNT_ID = Pattern.compile("\\d{12}");
    /** The console shows account ids as {@code 1111-2222-3333}; a pasted one keeps its dashes or spaces. */
    private static final Pattern SEPARATORS = Pattern.compile("[\\s-]");

    private SharingRules() {
    }

    /** Why the snapshot cannot be shared at all, or empty when it can. */
    public static Optional<Problem> unshareable(Snapshot snapshot) {
        if (snapshot.engine().api() == ApiFamily.DOCDB_ELASTIC) {
            return Optional.of(Problem.of("snapshot", ProblemCode.SHARE_ELASTIC_UNSUPPORTED));
        }
        if (snapshot.isForeign()) {
            return Optional.of(Problem.of("snapshot", ProblemCode.SHARE_NOT_OWNER, snapshot.ownerAccountId()));
        }
        if (snapshot.type() != SnapshotType.MANUAL) {
            return Optional.of(Problem.of("snapshot", ProblemCode.SHARE_NOT_MANUAL));
        }
        return Optional.empty();
    }

    /** An account id as typed, without the dashes and spaces the console shows it with. */
    public static String normalize(String typed) {
        return SEPARATORS.matcher(typed).replaceAll("");
    }

    /**
     * What is wrong with adding the account {@code typed} to a snapshot of {@code owner} already shared with
     * {@code listed} (account ids, without {@link #PUBLIC}); empty when it can be added. An empty field is not a
     * problem: there is nothing to add yet.
     */
    public static Optional<Problem> checkAccount(String typed, String owner, Collection<String> listed) {
        String id = normalize(typed);
        if (id.isEmpty()) {
            return Optional.empty();
        }
        if (!ACCOUNT_ID.matcher(id).matches()) {
            return Optional.of(Problem.of(ACCOUNT_FIELD, ProblemCode.SHARE_ACCOUNT_NOT_TWELVE_DIGITS, typed.strip()));
        }
        if (id.equals(owner)) {
            return Optional.of(Problem.of(ACCOUNT_FIELD, ProblemCode.SHARE_ACCOUNT_IS_OWNER, id));
        }
        if (listed.contains(id)) {
            return Optional.of(Problem.of(ACCOUNT_FIELD, ProblemCode.SHARE_ACCOUNT_ALREADY_LISTED, id));
        }
        long accounts = listed.stream().filter(a -> !PUBLIC.equals(a)).count();
        if (accounts >= MAX_ACCOUNTS) {
            return Optional.of(Problem.of(ACCOUNT_FIELD, ProblemCode.SHARE_ACCOUNT_TOO_MANY, MAX_ACCOUNTS));
        }
        return Optional.empty();
    }

    /** Why {@code snapshot} cannot be made public, or empty when it can. */
    public static Optional<Problem> checkPublic(Snapshot snapshot) {
        return snapshot.storageEncrypted()
                ? Optional.of(Problem.of("public", ProblemCode.SHARE_PUBLIC_ENCRYPTED))
                : Optional.empty();
    }

    /**
     * The snapshot is encrypted with an AWS managed key, as far as Snapferry knows: AWS will refuse to share it with
     * other accounts. A warning, not a refusal: what is known of the key may be out of date, and AWS has the last
     * word (its refusal is shown verbatim).
     */
    public static Optional<Problem> awsManagedKey(Snapshot snapshot) {
        if (!snapshot.storageEncrypted() || !snapshot.awsManagedKey()) {
            return Optional.empty();
        }
        String alias = snapshot.kmsKeyAlias();
        String id = snapshot.kmsKeyId();
        String key = alias != null ? alias : id != null ? id : "aws/rds";
        return Optional.of(Problem.of("snapshot", ProblemCode.SHARE_AWS_MANAGED_KEY, snapshot.identifier(), key));
    }
}
