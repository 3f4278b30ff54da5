package dev.snapferry.ui.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.ChoiceFormat;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Count words follow the number in every message: "1 copy started", "2 copies started". The rule, as this test
 * checks it on every message of the bundle:
 *
 * <ol>
 *   <li>A plain or number argument ({@code {0}}, {@code {0,number,...}}) outside a choice is never followed by a
 *   count noun (a word of {@link #NOUNS}, singular or plural, after any of the qualifiers of {@link #QUALIFIERS}):
 *   such a count goes through a choice format.</li>
 *   <li>Every choice format has a branch for exactly 0, one for exactly 1 and one for more than 1
 *   ({@code 0#...|1#...|1<...}), so that 0 never falls back to the text for 1, which ChoiceFormat does for a number
 *   below its first limit.</li>
 *   <li>The branch for 1 uses no count noun in the plural, and the branch for more than 1 none in the singular.</li>
 * </ol>
 */
class MessagePluralsTest {

    /** Count nouns, singular to plural. Units (GiB, min, h) stay as they are and are not listed. */
    static final Map<String, String> NOUNS = Map.ofEntries(Map.entry("snapshot", "snapshots"),
            Map.entry("account", "accounts"), Map.entry("region", "regions"), Map.entry("copy", "copies"),
            Map.entry("tag", "tags"), Map.entry("key", "keys"), Map.entry("attempt", "attempts"),
            Map.entry("character", "characters"), Map.entry("finding", "findings"), Map.entry("job", "jobs"),
            Map.entry("row", "rows"), Map.entry("file", "files"), Map.entry("minute", "minutes"),
            Map.entry("hour", "hours"), Map.entry("day", "days"), Map.entry("value", "values"),
            Map.entry("cluster", "clusters"), Map.entry("profile", "profiles"), Map.entry("error", "errors"));

    /** Words that may stand between a number and its noun: "3 manual snapshots", "2 DocumentDB Elastic snapshots". */
    static final List<String> QUALIFIERS = List.of("manual", "automated", "shared", "public", "other", "more",
            "DocumentDB", "Elastic", "KMS", "selected", "new", "tag", "encrypted", "unencrypted");

    private static final Pattern BARE_COUNT = Pattern.compile("^\\s+(?:(?:" + String.join("|", QUALIFIERS)
            + ")\\s+)*(?:" + String.join("|", NOUNS.keySet()) + "|" + String.join("|", NOUNS.values()) + ")\\b");
    private static final Pattern SINGULAR = words(NOUNS.keySet());
    private static final Pattern PLURAL = words(NOUNS.values());

    @Test
    void everyCountInTheBundleUsesAChoiceWithZeroOneAndMany() {
        ResourceBundle bundle = Messages.load(Locale.ROOT).bundle();
        List<String> problems = new ArrayList<>();
        for (String key : Collections.list(bundle.getKeys())) {
            violations(bundle.getString(key)).forEach(p -> problems.add(key + ": " + p));
        }
        assertThat(problems).as("messages whose count words do not follow the number").isEmpty();
    }

    @Test
    void theRuleCatchesEachWayOfGettingItWrong() {
        assertThat(violations("Exported {0} snapshots")).singleElement().asString().contains("snapshots");
        assertThat(violations("{1,number,integer} manual snapshots read")).hasSize(1);
        assertThat(violations("{0} of {1} regions loaded")).hasSize(1);
        assertThat(violations("{0,choice,1#1 copy|1<{0} copies} started")).singleElement().asString()
                .contains("0");
        assertThat(violations("{0,choice,0#no copy|1#1 copies|1<{0} copies}")).singleElement().asString()
                .contains("plural");
        assertThat(violations("{0,choice,0#no copy|1#1 copy|1<{0} copy}")).singleElement().asString()
                .contains("singular");
        assertThat(violations("{0,choice,0#no copy|1#1 copy|1<{0,number,integer} copies} started; {1} not encrypted "
                + "in {2} GiB")).isEmpty();
    }

    @Test
    void choiceMessagesReadRightForZeroOneAndMany() {
        Messages messages = Messages.load(Locale.ROOT);
        assertThat(messages.get("copy.done", 1)).startsWith("1 copy started");
        assertThat(messages.get("copy.done", 2)).startsWith("2 copies started");
        assertThat(messages.get("copy.done", 0)).startsWith("0 copies started");
        assertThat(messages.get("browser.regions.summary", 0, 1)).isEqualTo("0 of 1 region loaded");
        assertThat(messages.get("browser.regions.summary", 1, 2)).isEqualTo("1 of 2 regions loaded");
        assertThat(messages.get("browser.region.gap.http", 500, 1)).isEqualTo(" \u2014 HTTP 500 after 1 attempt");
        assertThat(messages.get("browser.region.gap.http", 500, 5)).isEqualTo(" \u2014 HTTP 500 after 5 attempts");
        assertThat(messages.get("browser.region.gap.http", 500, 0)).isEqualTo(" \u2014 HTTP 500");
    }

    /** What is wrong with one message's pattern; empty when its counts are right. */
    static List<String> violations(String pattern) {
        List<String> found = new ArrayList<>();
        try {
            new MessageFormat(pattern, Locale.ROOT);
        } catch (IllegalArgumentException e) {
            // Text shown as it is ({source} in the name template's help) has no counts to check, unless it tried.
            if (pattern.contains(",choice,")) {
                found.add("not a MessageFormat pattern: " + e.getMessage());
            }
            return found;
        }
        int depth = 0;
        int start = -1;
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (c == '{' && depth++ == 0) {
                start = i;
            } else if (c == '}' && --depth == 0) {
                checkArgument(pattern.substring(start + 1, i), pattern.substring(i + 1), found);
            }
        }
        return found;
    }

    private static void checkArgument(String argument, String after, List<String> found) {
        String[] parts = argument.split(",", 3);
        if (parts.length == 3 && parts[1].strip().equals("choice")) {
            checkChoice(parts[2], found);
            return;
        }
        String next = after.split("\\{", 2)[0];
        var bare = BARE_COUNT.matcher(next);
        if (bare.find()) {
            found.add("{" + argument + "} is followed by a count noun without a choice:" + bare.group());
        }
    }

    private static void checkChoice(String style, List<String> found) {
        ChoiceFormat choice = new ChoiceFormat(style);
        List<Double> limits = java.util.Arrays.stream(choice.getLimits()).boxed().toList();
        Object[] formats = choice.getFormats();
        double many = ChoiceFormat.nextDouble(1);
        if (!limits.contains(0.0) || !limits.contains(1.0) || !limits.contains(many)) {
            found.add("the choice " + style + " lacks a branch for 0, for 1 or for more than 1 (0#, 1#, 1<)");
            return;
        }
        String one = (String) formats[limits.indexOf(1.0)];
        String more = (String) formats[limits.indexOf(many)];
        if (PLURAL.matcher(one).find()) {
            found.add("the branch for 1 of " + style + " uses a plural: " + one);
        }
        if (SINGULAR.matcher(more).find()) {
            found.add("the branch for more than 1 of " + style + " uses a singular: " + more);
        }
    }

    private static Pattern words(java.util.Collection<String> words) {
        return Pattern.compile("\\b(?:" + words.stream().sorted().collect(Collectors.joining("|")) + ")\\b");
    }
}
