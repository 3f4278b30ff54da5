package dev.snapferry.ui.copy;

import dev.snapferry.core.model.AccountRef;
import dev.snapferry.core.model.RegionRef;
import dev.snapferry.core.rules.KeyPolicyCheck;

/**
 * One key of the owner's account that the destination account of a plan must be allowed to use, and what its
 * policy says about that.
 *
 * @param policy the policy as read ("" until read, or when it cannot be)
 * @param detail why it could not be read or changed ("" otherwise)
 */
public record KeyCheck(AccountRef owner, RegionRef region, String keyId, String destinationAccount, Access access,
                       String policy, String detail) {

    /** What the key's policy says about the destination account. */
    public enum Access { CHECKING, ADMITS, MISSING, UNREADABLE, CHANGING }

    /** The policy with the statement that lets the destination account use the key. */
    public String proposed() {
        return KeyPolicyCheck.withStatementFor(policy, region.partition(), destinationAccount);
    }

    public String statement() {
        return KeyPolicyCheck.statementFor(region.partition(), destinationAccount);
    }

    /** The same key, for the same account. */
    boolean sameKey(KeyCheck other) {
        return owner.accountId().equals(other.owner.accountId()) && region.equals(other.region)
                && keyId.equals(other.keyId) && destinationAccount.equals(other.destinationAccount);
    }

    KeyCheck with(Access newAccess, String newPolicy, String newDetail) {
        return new KeyCheck(owner, region, keyId, destinationAccount, newAccess, newPolicy, newDetail);
    }

    /** This check once its policy was read: admitting the destination account, or missing the statement. */
    KeyCheck judged(String readPolicy) {
        return with(KeyPolicyCheck.admits(readPolicy, destinationAccount) ? Access.ADMITS : Access.MISSING,
                KeyPolicyCheck.pretty(readPolicy), "");
    }
}
