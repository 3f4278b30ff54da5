package dev.snapferry.sim.aws;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The AWS partition a region belongs to, as the simulator's own table. Source: botocore {@code endpoints.json}
 * (1.43), each partition's {@code regionRegex}; the partition names are the ARN {@code partition} element (AWS
 * General Reference, "Amazon Resource Names (ARNs)"). A region no regex matches is taken as {@code aws}.
 */
public final class Partitions {

    public static final String AWS = "aws";
    public static final String CHINA = "aws-cn";
    public static final String GOV_CLOUD = "aws-us-gov";

    private static final Map<String, Pattern> REGION_REGEX = new LinkedHashMap<>();

    static {
        // endpoints.json, partitions[].regionRegex, in the file's order (the aws one is matched last, as the
        // fallback).
        REGION_REGEX.put(CHINA, Pattern.compile("^cn-\\w+-\\d+$"));
        REGION_REGEX.put(GOV_CLOUD, Pattern.compile("^us-gov-\\w+-\\d+$"));
        REGION_REGEX.put("aws-iso", Pattern.compile("^us-iso-\\w+-\\d+$"));
        REGION_REGEX.put("aws-iso-b", Pattern.compile("^us-isob-\\w+-\\d+$"));
        REGION_REGEX.put("aws-iso-e", Pattern.compile("^eu-isoe-\\w+-\\d+$"));
        REGION_REGEX.put("aws-iso-f", Pattern.compile("^us-isof-\\w+-\\d+$"));
        REGION_REGEX.put("aws-eusc", Pattern.compile("^eusc-(de)-\\w+-\\d+$"));
    }

    private Partitions() {
    }

    public static String of(String region) {
        return REGION_REGEX.entrySet().stream().filter(e -> e.getValue().matcher(region).matches())
                .map(Map.Entry::getKey).findFirst().orElse(AWS);
    }
}
