package dev.snapferry.core.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class RegionRefTest {

    @ParameterizedTest
    @ValueSource(strings = {"us-east-1", "eu-west-1", "ap-southeast-2", "eu-central-2", "il-central-1", "ca-west-1",
            "us-gov-west-1", "cn-north-1", "cn-northwest-1", "us-iso-east-1", "us-isob-east-1", "eu-isoe-west-1",
            "us-isof-south-1", "ap-southeast-10"})
    void realRegionCodesAreAccepted(String code) {
        assertTrue(RegionRef.isValidCode(code));
        assertEquals(code, new RegionRef(code).code());
        assertEquals(code, new RegionRef(code).toString());
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"US-EAST-1", "us-east", "useast1", "us-east-123", "us_east_1", " us-east-1",
            "us-east-1 ", "us-east-1a", "global", "u-east-1", "us--east-1"})
    void otherTextIsNotARegionCode(String code) {
        assertFalse(RegionRef.isValidCode(code));
        if (code == null) {
            assertThrows(NullPointerException.class, () -> new RegionRef(null));
        } else {
            assertThrows(IllegalArgumentException.class, () -> new RegionRef(code));
        }
    }

    @ParameterizedTest
    @CsvSource({
        "us-east-1, aws",
        "eu-west-1, aws",
        "cn-north-1, aws-cn",
        "cn-northwest-1, aws-cn",
        "us-gov-west-1, aws-us-gov",
        "us-gov-east-1, aws-us-gov",
        "us-iso-east-1, aws-iso",
        "us-isob-east-1, aws-iso-b",
        "eu-isoe-west-1, aws-iso-e",
        "us-isof-south-1, aws-iso-f"
    })
    void partitionFollowsTheRegionCode(String code, String partition) {
        assertEquals(partition, new RegionRef(code).partition());
    }

    @Test
    void regionsSortByCode() {
        List<String> sorted = Stream.of("us-west-2", "eu-west-1", "ap-south-1").map(RegionRef::new).sorted()
                .map(RegionRef::code).toList();
        assertEquals(List.of("ap-south-1", "eu-west-1", "us-west-2"), sorted);
    }
}
