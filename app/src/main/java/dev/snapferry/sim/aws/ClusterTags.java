package dev.snapferry.sim.aws;

import dev.snapferry.core.model.Tag;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Tag validation of the RDS-family APIs (Aurora and RDS Multi-AZ DB clusters, DocumentDB, Neptune), written from
 * each service model's {@code Tag} shape rather than from the app's rules. DocumentDB Elastic has its own model
 * and its own checks ({@code sim.elastic.ElasticTagChecks}).
 *
 * <p>Sources: rds, docdb, neptune service-2.json (2014-10-31), Tag$Key and Tag$Value:
 * <ul>
 * <li>key "from 1 to 128 Unicode characters in length and can't be prefixed with aws: or rds:"; value "from 1 to
 * 256 Unicode characters" and the same prefixes. The value is also "the optional value of the tag", and the
 * query protocol sends an absent one as an empty string, so 0 characters are accepted (<i>contested</i> by the
 * "from 1" of the same sentence; the app accepts it too);</li>
 * <li>characters: the Java regex each model prints, for rds {@code ^([\p{L}\p{Z}\p{N}_.:/=+\-@]*)$}, for docdb
 * and neptune the same without {@code @} (their prose omits ':' too, but the regex, the machine-readable part,
 * has it);</li>
 * <li>at most 50 tags on a resource: Amazon RDS User Guide and Amazon Aurora User Guide, "Tagging Amazon RDS
 * resources" ("A tag set can contain as many as 50 tags"); Neptune User Guide and DocumentDB Developer Guide,
 * tagging pages, the same figure;</li>
 * <li>the {@code aws:} prefix is reserved "in any upper or lower case combination": AWS Tagging best practices,
 * "Tag naming limits and requirements". The models name {@code rds:} in the same clause as {@code aws:} ("can't be
 * prefixed with aws: or rds:") and no document gives it another case rule, so it is refused in any case too.
 * <i>Undocumented</i>: no AWS page says how {@code RDS:} is treated; this is the reading that keeps the two
 * prefixes of one sentence under one rule;</li>
 * <li>one value per key: "For each resource, each tag key must be unique" (same tagging guide).</li>
 * </ul>
 */
public final class ClusterTags {

    public static final int MAX_KEY_LENGTH = 128;
    public static final int MAX_VALUE_LENGTH = 256;
    public static final int MAX_TAGS = 50;

    /** Which service model's Tag shape applies. */
    public enum Model {
        /** rds service-2.json, Tag: the Java regex with {@code @}. */
        RDS("^([\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]*)$", " @"),
        /** docdb service-2.json, Tag. */
        DOCDB("^([\\p{L}\\p{Z}\\p{N}_.:/=+\\-]*)$", ""),
        /** neptune service-2.json, Tag. */
        NEPTUNE("^([\\p{L}\\p{Z}\\p{N}_.:/=+\\-]*)$", "");

        private final Pattern pattern;
        private final String extra;

        Model(String regex, String extra) {
            this.pattern = Pattern.compile(regex);
            this.extra = extra;
        }

        boolean allows(String text) {
            return pattern.matcher(text).matches();
        }
    }

    private ClusterTags() {
    }

    /** The first reason AWS would refuse these tags in one request, worded as the simulator answers it. */
    public static Optional<String> refusal(List<Tag> tags, Model model) {
        Set<String> seen = new HashSet<>();
        for (Tag tag : tags) {
            String key = tag.key();
            String value = tag.value();
            if (key.isEmpty()) {
                return Optional.of("Tag keys must be at least 1 character long.");
            }
            if (length(key) > MAX_KEY_LENGTH) {
                return Optional.of("Tag keys must be at most " + MAX_KEY_LENGTH + " characters long.");
            }
            if (length(value) > MAX_VALUE_LENGTH) {
                return Optional.of("Tag values must be at most " + MAX_VALUE_LENGTH + " characters long.");
            }
            Optional<String> prefix = reservedPrefix(key).or(() -> reservedPrefix(value));
            if (prefix.isPresent()) {
                return Optional.of("Tag keys and values cannot start with the reserved prefix '" + prefix.get()
                        + "'.");
            }
            for (String text : List.of(key, value)) {
                if (!model.allows(text)) {
                    return Optional.of("Tags may contain only Unicode letters, digits, white space and "
                            + "_ . : / = + -" + model.extra + "; found " + firstRefused(text, model) + ".");
                }
            }
            if (!seen.add(key)) {
                return Optional.of("Duplicate tag key: " + key + ".");
            }
        }
        return Optional.empty();
    }

    /** The reserved prefix {@code text} starts with, as written in it, or empty. */
    public static Optional<String> reservedPrefix(String text) {
        for (String prefix : List.of("aws:", "rds:")) {
            if (text.regionMatches(true, 0, prefix, 0, prefix.length())) {
                return Optional.of(text.substring(0, prefix.length()));
            }
        }
        return Optional.empty();
    }

    private static String firstRefused(String text, Model model) {
        return text.codePoints().filter(cp -> !model.allows(Character.toString(cp))).mapToObj(cp ->
                String.format("'%s' (U+%04X)", Character.toString(cp), cp)).findFirst().orElse("?");
    }

    private static int length(String text) {
        return text.codePointCount(0, text.length());
    }
}
