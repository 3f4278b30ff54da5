package dev.snapferry.core.aws;

import static org.assertj.core.api.Assertions.assertThat;

import dev.snapferry.core.model.RegionRef;
import java.util.List;
import org.junit.jupiter.api.Test;

class AwsRegionsTest {

    @Test
    void theAwsPartitionHasTheCommercialRegionsOnly() {
        List<RegionRef> regions = AwsRegions.ofPartition("aws");

        assertThat(regions).contains(new RegionRef("us-east-1"), new RegionRef("eu-west-1"),
                new RegionRef("ap-southeast-2"));
        assertThat(regions).doesNotContain(new RegionRef("cn-north-1"), new RegionRef("us-gov-west-1"));
        assertThat(regions).extracting(RegionRef::code).noneMatch(code -> code.contains("fips"))
                .noneMatch(code -> code.startsWith("aws-")).doesNotContain("aws-global", "us-east-1-fips");
        assertThat(regions).allMatch(r -> r.partition().equals("aws")).isSorted().doesNotHaveDuplicates();
    }

    @Test
    void theChinaPartitionHasTheChinaRegions() {
        List<RegionRef> regions = AwsRegions.ofPartition("aws-cn");

        assertThat(regions).contains(new RegionRef("cn-north-1"), new RegionRef("cn-northwest-1"))
                .doesNotContain(new RegionRef("us-east-1")).allMatch(r -> r.partition().equals("aws-cn"));
    }

    @Test
    void theGovCloudPartitionIsItsOwn() {
        assertThat(AwsRegions.ofPartition("aws-us-gov")).contains(new RegionRef("us-gov-west-1"))
                .allMatch(r -> r.partition().equals("aws-us-gov"));
    }

    @Test
    void anUnknownPartitionHasNoRegions() {
        assertThat(AwsRegions.ofPartition("aws-nowhere")).isEmpty();
    }
}
