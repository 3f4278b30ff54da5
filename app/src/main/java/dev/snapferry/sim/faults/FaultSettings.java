package dev.snapferry.sim.faults;

import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * What the simulator does wrong on purpose. Set at start from system properties ({@code snapferry.sim.*}) and
 * changed while running through the control endpoint ({@code PUT /_sim/faults} with this record as JSON).
 *
 * @param latencyMillis         added to every call
 * @param throttleRatePerSecond calls per second allowed per account and region (token bucket); 0 turns it off
 * @param throttleBurst         the bucket's size
 * @param serverErrorRate       share of calls (0..1) answered with a 5xx error
 * @param downRegions           regions whose endpoint drops every connection
 * @param disabledRegions       per account id, opt-in regions it has not enabled ({@code *} for every account)
 * @param deniedServices        per account id, services ({@code kms}, {@code rds}, ...) its policy denies
 * @param serviceFaults         calls of one service, or of one of its operations, that always fail with a server
 *                              error or are always throttled, for every account and region
 */
public record FaultSettings(long latencyMillis, double throttleRatePerSecond, int throttleBurst,
                            double serverErrorRate, List<String> downRegions, Map<String, List<String>> disabledRegions,
                            Map<String, List<String>> deniedServices, List<ServiceFault> serviceFaults) {

    public static final String ALL_ACCOUNTS = "*";

    public FaultSettings {
        // Written so that NaN fails too: a NaN rate would throttle every call, and Infinity is no rate either.
        if (latencyMillis < 0 || !(throttleRatePerSecond >= 0 && throttleRatePerSecond < Double.POSITIVE_INFINITY)
                || throttleBurst < 0 || !(serverErrorRate >= 0 && serverErrorRate <= 1)) {
            throw new IllegalArgumentException("fault settings out of range");
        }
        downRegions = downRegions == null ? List.of() : List.copyOf(downRegions);
        disabledRegions = disabledRegions == null ? Map.of() : Map.copyOf(disabledRegions);
        deniedServices = deniedServices == null ? Map.of() : Map.copyOf(deniedServices);
        serviceFaults = serviceFaults == null ? List.of() : List.copyOf(serviceFaults);
    }

    /** Settings without faults aimed at one service. */
    public FaultSettings(long latencyMillis, double throttleRatePerSecond, int throttleBurst, double serverErrorRate,
                         List<String> downRegions, Map<String, List<String>> disabledRegions,
                         Map<String, List<String>> deniedServices) {
        this(latencyMillis, throttleRatePerSecond, throttleBurst, serverErrorRate, downRegions, disabledRegions,
                deniedServices, List.of());
    }

    public static FaultSettings none() {
        return new FaultSettings(0, 0, 0, 0, List.of(), Map.of(), Map.of(), List.of());
    }

    /** These settings with {@code faults} aimed at services or operations instead of the current ones. */
    public FaultSettings withServiceFaults(List<ServiceFault> faults) {
        return new FaultSettings(latencyMillis, throttleRatePerSecond, throttleBurst, serverErrorRate, downRegions,
                disabledRegions, deniedServices, faults);
    }

    /** The fault aimed at {@code operation} of {@code service} (by its signing name), if any: the first that fits. */
    public java.util.Optional<ServiceFault> serviceFault(String service, String operation) {
        return serviceFaults.stream().filter(f -> f.matches(service, operation)).findFirst();
    }

    /**
     * Reads {@code snapferry.sim.latencyMs}, {@code .throttleRate}, {@code .throttleBurst}, {@code .errorRate},
     * {@code .downRegions} (r1,r2), {@code .disabledRegions} (account:region,...) and {@code .deniedServices}
     * (account:service,...) and {@code .serviceFaults} (service[:Operation]=error|throttle,...), starting from
     * {@code base}.
     */
    public static FaultSettings fromProperties(Properties props, FaultSettings base) {
        double rate = Double.parseDouble(props.getProperty("snapferry.sim.throttleRate",
                Double.toString(base.throttleRatePerSecond())));
        return new FaultSettings(
                Long.parseLong(props.getProperty("snapferry.sim.latencyMs", Long.toString(base.latencyMillis()))),
                rate,
                Integer.parseInt(props.getProperty("snapferry.sim.throttleBurst",
                        Integer.toString(base.throttleBurst() == 0 ? (int) Math.ceil(rate) : base.throttleBurst()))),
                Double.parseDouble(props.getProperty("snapferry.sim.errorRate",
                        Double.toString(base.serverErrorRate()))),
                props.containsKey("snapferry.sim.downRegions")
                        ? split(props.getProperty("snapferry.sim.downRegions")) : base.downRegions(),
                props.containsKey("snapferry.sim.disabledRegions")
                        ? pairs(props.getProperty("snapferry.sim.disabledRegions")) : base.disabledRegions(),
                props.containsKey("snapferry.sim.deniedServices")
                        ? pairs(props.getProperty("snapferry.sim.deniedServices")) : base.deniedServices(),
                props.containsKey("snapferry.sim.serviceFaults")
                        ? split(props.getProperty("snapferry.sim.serviceFaults")).stream().map(ServiceFault::parse)
                                .toList() : base.serviceFaults());
    }

    public boolean isDisabled(String accountId, String region) {
        return contains(disabledRegions, accountId, region);
    }

    public boolean isDenied(String accountId, String service) {
        return contains(deniedServices, accountId, service);
    }

    private static boolean contains(Map<String, List<String>> map, String accountId, String value) {
        return map.getOrDefault(accountId, List.of()).contains(value)
                || map.getOrDefault(ALL_ACCOUNTS, List.of()).contains(value);
    }

    private static List<String> split(String text) {
        return java.util.Arrays.stream(text.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    private static Map<String, List<String>> pairs(String text) {
        Map<String, List<String>> result = new java.util.LinkedHashMap<>();
        for (String pair : split(text)) {
            int colon = pair.indexOf(':');
            if (colon <= 0 || colon == pair.length() - 1) {
                throw new IllegalArgumentException("expected account:value, got " + pair);
            }
            result.computeIfAbsent(pair.substring(0, colon), k -> new java.util.ArrayList<>())
                    .add(pair.substring(colon + 1));
        }
        return result;
    }
}
