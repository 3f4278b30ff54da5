package dev.snapferry.core.model;

import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** An AWS region code such as {@code eu-west-1}, with the partition it belongs to. */
public record RegionRef(String code) implements Comparable<RegionRef> {

    private static final Pattern CODE = Pattern.compile("^[a-z]{2}(-gov|-iso[a-z]?)?-[a-z]+-\\d{1,2}$");
    /** Isolated regions: {@code us-iso-} is {@code aws-iso}, {@code us-isob-} {@code aws-iso-b}, and so on. */
    private static final Pattern ISOLATED = Pattern.compile("^[a-z]{2}-iso([a-z]?)-");

    public RegionRef {
        Objects.requireNonNull(code, "code");
        if (!CODE.matcher(code).matches()) {
            throw new IllegalArgumentException("not an AWS region code: " + code);
        }
    }

    public static boolean isValidCode(String code) {
        return code != null && CODE.matcher(code).matches();
    }

    /** The ARN partition: {@code aws}, {@code aws-cn}, {@code aws-us-gov}, or an isolated partition. */
    public String partition() {
        if (code.startsWith("cn-")) {
            return "aws-cn";
        }
        if (code.startsWith("us-gov-")) {
            return "aws-us-gov";
        }
        Matcher isolated = ISOLATED.matcher(code);
        if (isolated.find()) {
            return isolated.group(1).isEmpty() ? "aws-iso" : "aws-iso-" + isolated.group(1);
        }
        return "aws";
    }

    @Override
    public int compareTo(RegionRef other) {
        return code.compareTo(other.code);
    }

    @Override
    public String toString() {
        return code;
    }
}
