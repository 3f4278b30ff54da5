package dev.snapferry.core.audit;

import java.util.Set;
import java.util.TreeSet;

/**
 * Who may restore a snapshot besides its owner: the values of its {@code restore} attribute. {@code all} there
 * makes it public.
 */
public record Exposure(Set<String> restoreAccounts) {

    public static final String ALL = "all";
    private static final Exposure PRIVATE = new Exposure(Set.of());

    public Exposure {
        restoreAccounts = java.util.Collections.unmodifiableSet(new TreeSet<>(restoreAccounts));
    }

    public static Exposure privateOnly() {
        return PRIVATE;
    }

    public boolean isPublic() {
        return restoreAccounts.contains(ALL);
    }

    /** Shared with named accounts (and perhaps public too). */
    public boolean isSharedWithAccounts() {
        return restoreAccounts.stream().anyMatch(a -> !a.equals(ALL));
    }

    public boolean isPrivate() {
        return restoreAccounts.isEmpty();
    }
}
