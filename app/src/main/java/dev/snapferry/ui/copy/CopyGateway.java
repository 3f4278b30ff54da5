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
}
