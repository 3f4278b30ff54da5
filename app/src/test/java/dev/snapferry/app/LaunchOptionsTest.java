package dev.snapferry.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class LaunchOptionsTest {

    @Test
    void noArgumentsMeansDefaultChoice() {
        LaunchOptions options = LaunchOptions.parse(List.of());
        assertThat(options.demo()).isFalse();
        assertThat(options.profile()).isNull();
        assertThat(options.errorMessage()).isEmpty();
    }

    @Test
    void demoAndProfileAreRead() {
        assertThat(LaunchOptions.parse(List.of("--demo")).demo()).isTrue();
        assertThat(LaunchOptions.parse(List.of("--profile", "prod")).profile()).isEqualTo("prod");
        assertThat(LaunchOptions.parse(List.of("--profile=dr-admin")).profile()).isEqualTo("dr-admin");
        assertThat(LaunchOptions.parse(List.of("--demo", "--smoke")).smoke()).isTrue();
        assertThat(LaunchOptions.parse(List.of("--demo")).smoke()).isFalse();
    }

    @Test
    void mistakesAreReportedNotThrown() {
        assertThat(LaunchOptions.parse(List.of("--profile")).errorMessage()).contains("--profile needs a profile name");
        assertThat(LaunchOptions.parse(List.of("--profile", "--demo")).errorMessage()).isPresent();
        assertThat(LaunchOptions.parse(List.of("--frobnicate")).errorMessage()).contains("unknown option: --frobnicate");
        assertThat(LaunchOptions.parse(List.of("--demo", "--profile", "x")).errorMessage()).isPresent();
    }
}
