package dev.snapferry.ui.common;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.Objects;
import java.util.ResourceBundle;

/**
 * The application's one resource bundle. Every user-facing text comes from here, keyed with dotted,
 * feature-prefixed keys ({@code copy.target.invalidFirstChar}); FXML reaches the same bundle through {@code %key}.
 */
public final class Messages {

    public static final String BUNDLE = "dev.snapferry.ui.messages";

    private final ResourceBundle bundle;

    public Messages(ResourceBundle bundle) {
        this.bundle = Objects.requireNonNull(bundle, "bundle");
    }

    public static Messages load(Locale locale) {
        return new Messages(ResourceBundle.getBundle(BUNDLE, locale, Messages.class.getModule()));
    }

    public ResourceBundle bundle() {
        return bundle;
    }

    public boolean has(String key) {
        return bundle.containsKey(key);
    }

    /**
     * The text for {@code key} with its {@code {0}} placeholders filled in. A missing key shows as the key
     * itself in brackets, so a gap in the bundle is visible without crashing the screen.
     */
    public String get(String key, Object... args) {
        String pattern;
        try {
            pattern = bundle.getString(key);
        } catch (MissingResourceException e) {
            return "[" + key + "]";
        }
        if (args.length == 0) {
            return pattern;
        }
        return new MessageFormat(pattern, bundle.getLocale()).format(args);
    }
}
