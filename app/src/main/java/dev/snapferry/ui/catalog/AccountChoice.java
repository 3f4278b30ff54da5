package dev.snapferry.ui.catalog;

/**
 * Something the user can open in the browser: the demo (two simulated accounts) or one AWS profile.
 *
 * @param id     the profile name, or {@link AccountCatalog#DEMO}
 * @param detail how it signs in ("SSO", "assume role", "static keys"...), shown beside the name
 */
public record AccountChoice(String id, String detail) {

    public boolean demo() {
        return AccountCatalog.DEMO.equals(id);
    }
}
