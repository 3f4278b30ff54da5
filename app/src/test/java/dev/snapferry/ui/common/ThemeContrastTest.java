package dev.snapferry.ui.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * WCAG 2.2 AA contrast (4.5:1 for text) of every text colour the themes use, on every background it is drawn on,
 * computed from the named colours of light.css and dark.css. The pairs are where base.css (and Modena under it)
 * puts them; a text colour base.css starts using that this table does not know fails the test, so a new pair
 * cannot go unchecked.
 */
class ThemeContrastTest {

    private static final double AA_TEXT = 4.5;
    private static final Pattern NAMED = Pattern.compile("(-sf-[a-z-]+)\\s*:\\s*(#[0-9a-fA-F]{6})\\b");
    private static final Pattern TEXT_FILL = Pattern.compile("-fx-(?:text-fill|prompt-text-fill)\\s*:\\s*(-sf-[a-z-]+)");

    /** Each text colour and the backgrounds base.css draws it on. */
    private static final Map<String, List<String>> TEXT_ON = Map.ofEntries(
            // Titles, the audit's axes, tag chips.
            Map.entry("-sf-text-strong", List.of("-sf-background", "-sf-surface", "-sf-header", "-sf-surface-alt")),
            // Taglines, hints, help under fields, the wizard's steps, the status bar's loading regions.
            Map.entry("-sf-text-muted", List.of("-sf-background", "-sf-surface", "-sf-surface-alt", "-sf-header",
                    "-sf-base")),
            // Failed statuses and "Not encrypted" in the table's rows, problems under fields, the settings bar.
            Map.entry("-sf-danger", List.of("-sf-background", "-sf-surface", "-sf-surface-alt")),
            // "Queued by AWS", AWS managed keys, warnings under fields.
            Map.entry("-sf-warning", List.of("-sf-background", "-sf-surface", "-sf-surface-alt")),
            Map.entry("-sf-good", List.of("-sf-background", "-sf-surface")),
            // The wizard's current step.
            Map.entry("-sf-accent", List.of("-sf-surface-alt")),
            Map.entry("-sf-demo-text", List.of("-sf-demo-background")),
            // A failed region's chip.
            Map.entry("-sf-on-danger", List.of("-sf-danger")),
            // A field's placeholder (the search field's "Search name, cluster…").
            Map.entry("-sf-text-placeholder", List.of("-sf-surface")),
            // Disabled buttons and menu buttons (on -fx-base), disabled fields, labels and list choices.
            Map.entry("-sf-text-disabled", List.of("-sf-base", "-sf-background", "-sf-surface", "-sf-surface-alt")));

    /** Backgrounds whose text Modena picks by its ladder: buttons, the window, fields and tables, selected rows. */
    private static final List<String> LADDER_BACKGROUNDS = List.of("-sf-base", "-sf-background", "-sf-surface",
            "-sf-surface-alt", "-sf-accent", "-sf-accent-muted", "-sf-danger");

    static String css(String name) throws IOException {
        try (InputStream in = ThemeContrastTest.class.getResourceAsStream(name)) {
            assertThat(in).as(name).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    static Map<String, String> namedColours(String theme) throws IOException {
        Map<String, String> colours = new LinkedHashMap<>();
        Matcher m = NAMED.matcher(css(theme + ".css"));
        while (m.find()) {
            colours.put(m.group(1), m.group(2));
        }
        return colours;
    }

    /** WCAG 2.2's relative luminance of an sRGB colour #rrggbb. */
    static double luminance(String hex) {
        double[] c = new double[3];
        for (int i = 0; i < 3; i++) {
            double v = Integer.parseInt(hex.substring(1 + 2 * i, 3 + 2 * i), 16) / 255.0;
            c[i] = v <= 0.04045 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4);
        }
        return 0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2];
    }

    static double contrast(String a, String b) {
        double la = luminance(a);
        double lb = luminance(b);
        return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
    }

    /**
     * The text colour Modena's ladder picks on {@code background} (-fx-text-base-color, -fx-text-background-color,
     * -fx-text-inner-color): white below 45 % brightness (0.3 R + 0.59 G + 0.11 B, JavaFX's own measure), black
     * from 46 % to 59 %, #333333 from 60 %; between stops it blends, so the darker-contrast end is taken.
     */
    static List<String> ladderText(String background) {
        double r = Integer.parseInt(background.substring(1, 3), 16) / 255.0;
        double g = Integer.parseInt(background.substring(3, 5), 16) / 255.0;
        double b = Integer.parseInt(background.substring(5, 7), 16) / 255.0;
        double brightness = 0.3 * r + 0.59 * g + 0.11 * b;
        if (brightness < 0.45) {
            return List.of("#ffffff");
        } else if (brightness <= 0.46) {
            return List.of("#ffffff", "#000000");
        } else if (brightness < 0.59) {
            return List.of("#000000");
        } else if (brightness <= 0.60) {
            return List.of("#000000", "#333333");
        }
        return List.of("#333333");
    }

    @ParameterizedTest
    @ValueSource(strings = {"light", "dark"})
    void everyTextColourReadsOnEveryBackgroundItIsDrawnOn(String theme) throws IOException {
        Map<String, String> colours = namedColours(theme);
        List<String> failures = new ArrayList<>();
        TEXT_ON.forEach((text, backgrounds) -> {
            assertThat(colours).as(theme + " defines " + text).containsKey(text);
            for (String background : backgrounds) {
                assertThat(colours).as(theme + " defines " + background).containsKey(background);
                double ratio = contrast(colours.get(text), colours.get(background));
                if (ratio < AA_TEXT) {
                    failures.add(String.format("%s %s on %s %s: %.2f:1", text, colours.get(text), background,
                            colours.get(background), ratio));
                }
            }
        });
        for (String background : LADDER_BACKGROUNDS) {
            for (String text : ladderText(colours.get(background))) {
                double ratio = contrast(text, colours.get(background));
                if (ratio < AA_TEXT) {
                    failures.add(String.format("Modena's text %s on %s %s: %.2f:1", text, background,
                            colours.get(background), ratio));
                }
            }
        }
        assertThat(failures).as(theme + ": text below WCAG AA's 4.5:1").isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"light", "dark"})
    void bothThemesNameTheSameColours(String theme) throws IOException {
        assertThat(namedColours(theme).keySet()).containsExactlyInAnyOrderElementsOf(
                namedColours(theme.equals("light") ? "dark" : "light").keySet());
    }

    @org.junit.jupiter.api.Test
    void everyTextColourBaseCssUsesIsChecked() throws IOException {
        TreeSet<String> used = new TreeSet<>();
        Matcher m = TEXT_FILL.matcher(css("base.css"));
        while (m.find()) {
            used.add(m.group(1));
        }
        assertThat(used).isNotEmpty();
        assertThat(TEXT_ON.keySet()).containsAll(used);
    }

    @org.junit.jupiter.api.Test
    void theComputationMatchesWcagsOwnFigures() {
        // Black on white is 21:1; #767676 on white is the lightest grey that passes AA (4.54:1).
        assertThat(contrast("#000000", "#ffffff")).isEqualTo(21.0);
        assertThat(contrast("#767676", "#ffffff")).isBetween(4.5, 4.6);
        assertThat(contrast("#777777", "#ffffff")).isLessThan(4.5);
        // The dark theme's placeholder before the fix: Modena's derive(-fx-control-inner-background, -30%).
        assertThat(contrast("#181b20", "#22272e")).isLessThan(1.5);
    }
}
