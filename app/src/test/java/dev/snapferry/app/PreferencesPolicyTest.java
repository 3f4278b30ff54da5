package dev.snapferry.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.snapferry.core.audit.TagPolicy;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The tag policy as the preferences file keeps it, old files and hand-edited ones included. */
class PreferencesPolicyTest {

    private static Preferences with(List<String> requiredTags, List<Preferences.PolicyRule> policy) {
        return new Preferences(List.of(), List.of(), List.of(), List.of(), false, requiredTags, "SYSTEM", List.of(),
                List.of(), policy);
    }

    @Test
    void aFileFromBeforePatternsKeepsItsRequiredKeys() {
        assertThat(PreferencesBinding.policy(with(List.of("Owner"), null)))
                .contains(TagPolicy.requiring(List.of("Owner")));
        assertThat(PreferencesBinding.policy(Preferences.defaults())).isEmpty();
    }

    @Test
    void rulesWithPatternsComeBackAndAnEmptyPolicyStaysEmpty() throws Exception {
        Preferences saved = with(List.of("Environment"), List.of(new Preferences.PolicyRule("Environment",
                "production|staging")));
        ObjectMapper json = new ObjectMapper();
        Preferences read = json.readValue(json.writeValueAsString(saved), Preferences.class);
        assertThat(PreferencesBinding.policy(read)).contains(new TagPolicy(List.of(
                new TagPolicy.Rule("Environment", "production|staging"))));
        assertThat(PreferencesBinding.policy(with(List.of(), List.of()))).contains(TagPolicy.none());
    }

    @Test
    void aHandEditedPolicyThatCannotBeUsedFallsBackToTheDefault() {
        assertThat(PreferencesBinding.policy(with(List.of(), List.of(new Preferences.PolicyRule("Owner", "[a-"))))).isEmpty();
        assertThat(PreferencesBinding.policy(with(List.of(), List.of(new Preferences.PolicyRule("Owner", ""),
                new Preferences.PolicyRule("Owner", "x"))))).isEmpty();
    }
}
