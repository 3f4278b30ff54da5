package dev.snapferry.core.rules;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The tag limits and character sets of one engine's API. Key and value each have their own {@link TagCharset}:
 * the RDS family uses the standard Unicode set for both, DocumentDB Elastic's service model an ASCII class for keys
 * and no pattern for values. Reserved prefixes are refused in keys in any case, and in values too unless
 * {@code reservedPrefixesInValues} is false.
 */
public record TagSpec(TagFormat format, int maxKeyLength, int maxValueLength, int maxTags,
                      TagCharset keyCharacters, TagCharset valueCharacters, List<String> reservedPrefixes,
                      boolean reservedPrefixesInValues) {

    public TagSpec {
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(keyCharacters, "keyCharacters");
        Objects.requireNonNull(valueCharacters, "valueCharacters");
        reservedPrefixes = reservedPrefixes.stream().map(p -> p.toLowerCase(Locale.ROOT)).distinct().toList();
    }

    /**
     * The rules a tag set must meet to be accepted by every one of {@code specs}: the smallest limits, the
     * characters all of them allow, and every reserved prefix. With one spec, that spec.
     */
    public static TagSpec strictest(Collection<TagSpec> specs) {
        List<TagSpec> distinct = List.copyOf(new LinkedHashSet<>(specs));
        if (distinct.isEmpty()) {
            throw new IllegalArgumentException("no tag rules to combine");
        }
        if (distinct.size() == 1) {
            return distinct.getFirst();
        }
        Set<String> prefixes = new LinkedHashSet<>();
        distinct.forEach(s -> prefixes.addAll(s.reservedPrefixes()));
        return new TagSpec(distinct.getFirst().format(),
                distinct.stream().mapToInt(TagSpec::maxKeyLength).min().orElseThrow(),
                distinct.stream().mapToInt(TagSpec::maxValueLength).min().orElseThrow(),
                distinct.stream().mapToInt(TagSpec::maxTags).min().orElseThrow(),
                allOf(distinct.stream().map(TagSpec::keyCharacters).toList()),
                allOf(distinct.stream().map(TagSpec::valueCharacters).toList()),
                List.copyOf(prefixes), distinct.stream().anyMatch(TagSpec::reservedPrefixesInValues));
    }

    /** True when {@code codePoint} may appear in a key. */
    public boolean allowsInKey(int codePoint) {
        return keyCharacters.allows(codePoint);
    }

    /** True when {@code codePoint} may appear in a value. */
    public boolean allowsInValue(int codePoint) {
        return valueCharacters.allows(codePoint);
    }

    /**
     * The characters the standard set is extended with, for an engine whose keys use the standard set (the
     * engines table shows them); empty otherwise.
     */
    public String extraCharacters() {
        return keyCharacters instanceof TagCharset.Standard s ? s.extraCharacters() : "";
    }

    /** The reserved prefix a key starts with, ignoring case, or null. */
    public @Nullable String reservedPrefixOf(String key) {
        String lower = key.toLowerCase(Locale.ROOT);
        for (String prefix : reservedPrefixes) {
            if (lower.startsWith(prefix)) {
                return key.substring(0, prefix.length());
            }
        }
        return null;
    }

    /** The reserved prefix a value starts with, ignoring case, or null (always null when values may use them). */
    public @Nullable String reservedValuePrefixOf(String value) {
        return reservedPrefixesInValues ? reservedPrefixOf(value) : null;
    }

    private static TagCharset allOf(List<TagCharset> sets) {
        List<TagCharset> members = new ArrayList<>();
        for (TagCharset set : sets) {
            List<TagCharset> flat = set instanceof TagCharset.AllOf all ? all.members() : List.of(set);
            flat.stream().filter(m -> !(m instanceof TagCharset.Any) && !members.contains(m)).forEach(members::add);
        }
        return members.isEmpty() ? new TagCharset.Any() : members.size() == 1 ? members.getFirst()
                : new TagCharset.AllOf(members);
    }
}
