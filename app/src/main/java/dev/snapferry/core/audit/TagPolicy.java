package dev.snapferry.core.audit;

import dev.snapferry.core.model.Snapshot;
import dev.snapferry.core.model.Tag;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The tags every snapshot must carry: each rule names a key (compared exactly, as AWS tag keys are case-sensitive)
 * and, optionally, a regular expression the whole value must match.
 */
public final class TagPolicy {

    /** One required key; {@code allowedValues} empty means any value, including an empty one. */
    public static final class Rule {
        private final String key;
        private final String allowedValues;
        private final @Nullable Pattern pattern;

        public Rule(String key, String allowedValues) {
            this.key = Objects.requireNonNull(key, "key");
            this.allowedValues = Objects.requireNonNull(allowedValues, "allowedValues");
            this.pattern = allowedValues.isEmpty() ? null : Pattern.compile(allowedValues);
        }

        public String key() {
            return key;
        }

        public String allowedValues() {
            return allowedValues;
        }

        /**
         * Whether the whole value matches. A pattern the user typed can backtrack exponentially ({@code (a+)+b}
         * on a long run of {@code a}), which would stall the audit and the table's filter: matching stops after
         * {@value #MATCH_STEPS} character reads, and a value the pattern cannot decide within that does not comply.
         */
        boolean accepts(String value) {
            if (pattern == null) {
                return true;
            }
            try {
                return pattern.matcher(new Bounded(value)).matches();
            } catch (Bounded.TooComplex e) {
                return false;
            }
        }

        @Override
        public boolean equals(@Nullable Object other) {
            return other instanceof Rule rule && rule.key.equals(key) && rule.allowedValues.equals(allowedValues);
        }

        @Override
        public int hashCode() {
            return Objects.hash(key, allowedValues);
        }

        @Override
        public String toString() {
            return allowedValues.isEmpty() ? key : key + " ~ " + allowedValues;
        }
    }

    /** Character reads allowed to one match: far above any sane pattern on a 256-character tag value. */
    static final int MATCH_STEPS = 200_000;

    /** A value that lets a matcher read it {@value #MATCH_STEPS} times, then stops it. */
    private static final class Bounded implements CharSequence {
        static final class TooComplex extends RuntimeException {
            TooComplex() {
                super("the pattern needs too many steps for this value", null, false, false);
            }
        }

        private final String value;
        private int steps;

        Bounded(String value) {
            this.value = value;
        }

        @Override
        public char charAt(int index) {
            if (++steps > MATCH_STEPS) {
                throw new TooComplex();
            }
            return value.charAt(index);
        }

        @Override
        public int length() {
            return value.length();
        }

        @Override
        public CharSequence subSequence(int start, int end) {
            return value.subSequence(start, end);
        }

        @Override
        public String toString() {
            return value;
        }
    }

    private static final TagPolicy NONE = new TagPolicy(List.of());

    private final List<Rule> rules;

    /** @throws IllegalArgumentException when two rules name the same key */
    public TagPolicy(List<Rule> rules) {
        this.rules = List.copyOf(rules);
        Set<String> keys = new LinkedHashSet<>();
        for (Rule rule : this.rules) {
            if (!keys.add(rule.key())) {
                throw new IllegalArgumentException("The tag policy names " + rule.key() + " twice.");
            }
        }
    }

    public static TagPolicy none() {
        return NONE;
    }

    /** A policy that requires {@code keys}, with any value. */
    public static TagPolicy requiring(List<String> keys) {
        return new TagPolicy(keys.stream().distinct().map(k -> new Rule(k, "")).toList());
    }

    public List<Rule> rules() {
        return rules;
    }

    public List<String> keys() {
        return rules.stream().map(Rule::key).toList();
    }

    public boolean isEmpty() {
        return rules.isEmpty();
    }

    /** What {@code snapshot} lacks or carries wrongly, in rule order; empty when it complies. */
    public List<TagViolation> violations(Snapshot snapshot) {
        List<TagViolation> found = List.of();
        for (Rule rule : rules) {
            String value = valueOf(snapshot, rule.key());
            if (value == null || !rule.accepts(value)) {
                if (found.isEmpty()) {
                    found = new ArrayList<>(2);
                }
                found.add(new TagViolation(rule.key(), value, rule.allowedValues()));
            }
        }
        return found;
    }

    public boolean compliant(Snapshot snapshot) {
        for (Rule rule : rules) {
            String value = valueOf(snapshot, rule.key());
            if (value == null || !rule.accepts(value)) {
                return false;
            }
        }
        return true;
    }

    private static @Nullable String valueOf(Snapshot snapshot, String key) {
        for (Tag tag : snapshot.tags()) {
            if (tag.key().equals(key)) {
                return tag.value();
            }
        }
        return null;
    }

    @Override
    public boolean equals(@Nullable Object other) {
        return other instanceof TagPolicy policy && policy.rules.equals(rules);
    }

    @Override
    public int hashCode() {
        return rules.hashCode();
    }

    @Override
    public String toString() {
        return rules.toString();
    }
}
