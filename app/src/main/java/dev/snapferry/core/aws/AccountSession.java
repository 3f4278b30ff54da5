package dev.snapferry.core.aws;

import dev.snapferry.core.model.AccountRef;
import dev.snapferry.core.model.RegionRef;
import java.util.Objects;
import software.amazon.awssdk.services.sts.model.GetCallerIdentityResponse;

/**
 * An account the user opened: who AWS says they are ({@code GetCallerIdentity}) and the clients that act as them.
 * Several can be open at once, one per profile.
 */
public record AccountSession(AccountRef account, String principalArn, RegionRef homeRegion, AwsClients clients)
        implements AutoCloseable {

    public AccountSession {
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(principalArn, "principalArn");
        Objects.requireNonNull(homeRegion, "homeRegion");
        Objects.requireNonNull(clients, "clients");
    }

    /**
     * Confirms the credentials with STS in {@code homeRegion} and returns the session.
     *
     * @throws AwsCallException with the reason when AWS refuses the credentials or cannot be reached
     */
    public static AccountSession open(String profileName, boolean demo, RegionRef homeRegion, AwsClients clients) {
        GetCallerIdentityResponse identity = AwsCallException.call(() -> clients.sts(homeRegion).getCallerIdentity());
        return new AccountSession(new AccountRef(identity.account(), profileName, demo), identity.arn(), homeRegion,
                clients);
    }

    public String accountId() {
        return account.accountId();
    }

    @Override
    public void close() {
        clients.close();
    }
}
