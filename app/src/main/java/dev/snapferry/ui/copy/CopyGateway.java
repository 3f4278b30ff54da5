package dev.snapferry.ui.copy;

import dev.snapferry.core.model.AccountRef;
import dev.snapferry.core.model.KmsKey;
import dev.snapferry.core.model.RegionRef;
import java.util.List;
import java.util.Set;

/**
 * What the copy wizard asks AWS. Every call blocks (the ViewModel runs it off the UI thread) and throws
 * {@code AwsCallException} when AWS refuses.
 */
public interface CopyGateway {

    /** The accounts a copy can be made in: the open ones. */
    List<AccountRef> accounts();

    /** The regions offered as destinations. */
    List<RegionRef> regions();

    /**
     * The snapshot identifiers already taken in an account and region, lower-cased, for one API family: the RDS
     * family's cluster snapshots share one namespace, DocumentDB Elastic's snapshots another.
     */
    Set<String> takenIdentifiers(AccountRef account, RegionRef region, boolean elastic);

    /** The KMS keys of an account and region. */
    List<KmsKey> keys(AccountRef account, RegionRef region);

    /**
     * Starts one copy (or queues it for a free slot). Throws {@code AwsCallException} when AWS refuses it, so that
     * the wizard can show the refusal at its field.
     */
    void start(dev.snapferry.core.model.CopyRequest request);

    /**
     * Who may restore an RDS-family manual snapshot besides its owner (its {@code restore} attribute), asked of
     * the owner's account.
     */
    Set<String> sharedWith(AccountRef owner, dev.snapferry.core.model.Snapshot snapshot);

    /**
     * The key's policy (KMS GetKeyPolicy, policy name {@code default}), asked of the key's account. Throws
     * {@code AwsCallException} when the user may not read it.
     */
    String keyPolicy(AccountRef owner, RegionRef region, String keyId);

    /** Replaces the key's policy (KMS PutKeyPolicy); only on the user's explicit confirmation. */
    void putKeyPolicy(AccountRef owner, RegionRef region, String keyId, String policy);

    /**
     * Starts a copy into another account as one job of {@code plan}'s stages. Throws {@code AwsCallException} when
     * AWS refuses its first stage at once.
     */
    void startPlan(dev.snapferry.core.model.CopyRequest request, dev.snapferry.core.model.JobPlan plan);
}
