package dev.snapferry.sim.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@link FaultSettings#fromProperties} with a plain {@link Properties} object (never the JVM's own). */
class FaultSettingsPropertiesTest {

    private static Properties props(String... keyValues) {
        Properties p = new Properties();
        for (int i = 0; i < keyValues.length; i += 2) {
            p.setProperty("snapferry.sim." + keyValues[i], keyValues[i + 1]);
        }
        return p;
    }

    @Test
    void everyKeyIsParsed() {
        FaultSettings s = FaultSettings.fromProperties(props(
                "latencyMs", "50",
                "throttleRate", "20",
                "throttleBurst", "40",
                "errorRate", "0.05",
                "downRegions", "eu-west-1, ap-south-1",
                "disabledRegions", "111122223333:ap-east-1,111122223333:me-south-1, *:af-south-1",
                "deniedServices", "444455556666:kms,444455556666:rds"), FaultSettings.none());

        assertThat(s.latencyMillis()).isEqualTo(50);
        assertThat(s.throttleRatePerSecond()).isEqualTo(20.0);
        assertThat(s.throttleBurst()).isEqualTo(40);
        assertThat(s.serverErrorRate()).isEqualTo(0.05);
        assertThat(s.downRegions()).containsExactly("eu-west-1", "ap-south-1");
        assertThat(s.disabledRegions()).containsOnly(
                Map.entry("111122223333", List.of("ap-east-1", "me-south-1")),
                Map.entry("*", List.of("af-south-1")));
        assertThat(s.deniedServices()).containsOnly(Map.entry("444455556666", List.of("kms", "rds")));

        assertThat(s.isDisabled("111122223333", "ap-east-1")).isTrue();
        assertThat(s.isDisabled("444455556666", "ap-east-1")).isFalse();
        assertThat(s.isDisabled("444455556666", "af-south-1")).as("* means every account").isTrue();
        assertThat(s.isDenied("444455556666", "kms")).isTrue();
        assertThat(s.isDenied("111122223333", "kms")).isFalse();
    }

    @Test
    void serviceFaultsAreParsedPerServiceAndPerOperation() {
        FaultSettings s = FaultSettings.fromProperties(props("serviceFaults",
                "docdb-elastic:ListClusterSnapshots=error, kms=throttle"), FaultSettings.none());
        assertThat(s.serviceFaults()).containsExactly(
                new ServiceFault("docdb-elastic", "ListClusterSnapshots", ServiceFault.Kind.ERROR),
                new ServiceFault("kms", null, ServiceFault.Kind.THROTTLE));
        assertThat(s.serviceFault("docdb-elastic", "ListClusterSnapshots")).map(ServiceFault::kind)
                .contains(ServiceFault.Kind.ERROR);
        assertThat(s.serviceFault("docdb-elastic", "ListClusters")).as("another operation").isEmpty();
        assertThat(s.serviceFault("kms", "ListAliases")).map(ServiceFault::kind).contains(ServiceFault.Kind.THROTTLE);
        assertThat(s.serviceFault("rds", "DescribeDBClusterSnapshots")).isEmpty();
    }

    @Test
    void absentKeysKeepTheBase() {
        FaultSettings base = new FaultSettings(10, 5, 7, 0.5, List.of("us-west-1"),
                Map.of("111122223333", List.of("ap-east-1")), Map.of("*", List.of("sts")));
        assertThat(FaultSettings.fromProperties(new Properties(), base)).isEqualTo(base);
        assertThat(FaultSettings.fromProperties(props("latencyMs", "99"), base))
                .isEqualTo(new FaultSettings(99, 5, 7, 0.5, List.of("us-west-1"),
                        Map.of("111122223333", List.of("ap-east-1")), Map.of("*", List.of("sts"))));
        assertThat(FaultSettings.fromProperties(new Properties(), FaultSettings.none())).isEqualTo(FaultSettings.none());
    }

    @Test
    void burstDefaultsToTheRateRoundedUp() {
        assertThat(FaultSettings.fromProperties(props("throttleRate", "2.5"), FaultSettings.none()).throttleBurst())
                .isEqualTo(3);
    }

    @Test
    void emptyListsClearTheBase() {
        FaultSettings base = new FaultSettings(0, 0, 0, 0, List.of("us-west-1"), Map.of(), Map.of());
        assertThat(FaultSettings.fromProperties(props("downRegions", ""), base).downRegions()).isEmpty();
    }

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource(delimiter = '|', value = {
        "latencyMs       | abc",
        "latencyMs       | -1",
        "latencyMs       | 1.5",
        "throttleRate    | fast",
        "throttleRate    | -2",
        "throttleRate    | NaN",
        "throttleRate    | Infinity",
        "throttleBurst   | many",
        "throttleBurst   | -1",
        "errorRate       | 1.5",
        "errorRate       | -0.1",
        "errorRate       | NaN",
        "errorRate       | lots",
        "disabledRegions | 111122223333",
        "disabledRegions | :ap-east-1",
        "disabledRegions | 111122223333:",
        "deniedServices  | kms",
        "deniedServices  | 444455556666:",
        "serviceFaults   | kms",
        "serviceFaults   | kms=",
        "serviceFaults   | =error",
        "serviceFaults   | kms=slow",
        "serviceFaults   | kms:=error",
    })
    void malformedValuesAreRefused(String key, String value) {
        assertThatThrownBy(() -> FaultSettings.fromProperties(props(key, value), FaultSettings.none()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void outOfRangeRecordsAreRefused() {
        assertThatThrownBy(() -> new FaultSettings(0, Double.NaN, 1, 0, null, null, null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new FaultSettings(0, 0, 0, Double.NaN, null, null, null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(new FaultSettings(0, 0, 0, 0, null, null, null)).isEqualTo(FaultSettings.none());
    }
}
