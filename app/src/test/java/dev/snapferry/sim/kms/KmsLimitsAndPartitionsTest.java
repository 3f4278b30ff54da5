package dev.snapferry.sim.kms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.snapferry.sim.SimClients;
import dev.snapferry.sim.SimClock;
import dev.snapferry.sim.Simulator;
import dev.snapferry.sim.data.DemoDataset;
import dev.snapferry.sim.faults.FaultSettings;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.kms.model.KmsException;

/**
 * The ranges and defaults of ListAliases' and ListKeys' {@code Limit}, and key ARNs in every partition, as the kms
 * model (kms/2014-11-01) documents them:
 * <ul>
 * <li>ListAliasesRequest$Limit: "If you include a value, it must be between 1 and 100, inclusive. If you do not
 * include a value, it defaults to 50."</li>
 * <li>ListKeysRequest$Limit: "must be between 1 and 1000, inclusive. If you do not include a value, it defaults to
 * 100."</li>
 * <li>A key ARN is {@code arn:<partition>:kms:<region>:<account>:key/<id>} (ARN format, AWS General Reference):
 * {@code aws-cn} for China, {@code aws-us-gov} for GovCloud; a key is found only in its own region.</li>
 * </ul>
 */
class KmsLimitsAndPartitionsTest {

    private static Simulator simulator;
    private static final Map<String, KmsClient> CLIENTS = new ConcurrentHashMap<>();
    /** Key ARNs created in each region, by region. */
    private static final Map<String, String> KEYS = new ConcurrentHashMap<>();

    @BeforeAll
    static void start() throws Exception {
        simulator = Simulator.start(new Simulator.Options(0, SimClock.manual(Instant.parse("2026-11-20T12:00:00Z")),
                FaultSettings.none(), new DemoDataset()));
        for (String region : new String[] {"us-east-1", "cn-north-1", "cn-northwest-1", "us-gov-west-1"}) {
            KEYS.put(region, kms(region).createKey(b -> b.description("key in " + region)).keyMetadata().arn());
        }
        // 120 aliases in one region: more than the default page of 50 and than the largest page of 100.
        IntStream.range(0, 120).forEach(i -> kms("us-west-2").createAlias(b -> b
                .aliasName(String.format("alias/many-%03d", i)).targetKeyId(KEYS.computeIfAbsent("us-west-2",
                        r -> kms(r).createKey(k -> k.description("aliased")).keyMetadata().arn()))));
    }

    @AfterAll
    static void stop() {
        CLIENTS.values().forEach(KmsClient::close);
        simulator.close();
    }

    private static KmsClient kms(String region) {
        return CLIENTS.computeIfAbsent(region, r -> SimClients.production(simulator, r).kms());
    }

    /** {@code limit} empty: left out. {@code answer}: the number of items on the first page, or the error code. */
    @ParameterizedTest(name = "{0} Limit={1} -> {2}")
    @CsvSource(delimiter = '|', textBlock = """
        ListAliases |      | 50
        ListAliases | 1    | 1
        ListAliases | 100  | 100
        ListAliases | 0    | ValidationException
        ListAliases | 101  | ValidationException
        ListAliases | 1000 | ValidationException
        ListKeys    | 1    | 1
        ListKeys    | 1000 | KEYS
        ListKeys    | 0    | ValidationException
        ListKeys    | 1001 | ValidationException
        """)
    void limitFollowsTheOperationsDocumentedRange(String operation, Integer limit, String answer) {
        KmsClient kms = kms("us-west-2");
        Runnable call = () -> {
            int size = operation.equals("ListAliases") ? kms.listAliases(b -> b.limit(limit)).aliases().size()
                    : kms.listKeys(b -> b.limit(limit)).keys().size();
            int expected = answer.equals("KEYS") ? kms.listKeysPaginator().keys().stream().toList().size()
                    : Integer.parseInt(answer);
            assertThat(size).isEqualTo(expected);
        };
        if (answer.endsWith("Exception")) {
            KmsException e = catchThrowableOfType(KmsException.class, call::run);
            assertThat(e).as("refused").isNotNull();
            assertThat(e.awsErrorDetails().errorCode()).isEqualTo(answer);
            assertThat(e.statusCode()).isEqualTo(400);
        } else {
            call.run();
        }
    }

    @Test
    void keysAreNamedInThePartitionOfTheirRegion() {
        assertThat(KEYS.get("us-east-1")).startsWith("arn:aws:kms:us-east-1:");
        assertThat(KEYS.get("cn-north-1")).startsWith("arn:aws-cn:kms:cn-north-1:");
        assertThat(KEYS.get("us-gov-west-1")).startsWith("arn:aws-us-gov:kms:us-gov-west-1:");
    }

    /**
     * {@code key}: the ARN of the key made in that region, or {@code WRONG_PARTITION:<region>} for that key's ARN
     * with its partition replaced by {@code aws}. {@code answer}: {@code found} or the error code.
     */
    @ParameterizedTest(name = "DescribeKey in {0} of {1} -> {2}")
    @CsvSource(delimiter = '|', textBlock = """
        cn-north-1     | cn-north-1                     | found
        us-gov-west-1  | us-gov-west-1                  | found
        us-east-1      | us-east-1                      | found
        cn-northwest-1 | cn-north-1                     | NotFoundException
        us-east-1      | cn-north-1                     | NotFoundException
        cn-north-1     | WRONG_PARTITION:cn-north-1     | NotFoundException
        us-gov-west-1  | WRONG_PARTITION:us-gov-west-1  | NotFoundException
        """)
    void keyArnsAreResolvedInThePartitionOfTheRequestsRegion(String region, String key, String answer) {
        String arn = key.startsWith("WRONG_PARTITION:")
                ? KEYS.get(key.substring("WRONG_PARTITION:".length())).replaceFirst("^arn:aws-[a-z-]+:", "arn:aws:")
                : KEYS.get(key);
        if (answer.equals("found")) {
            assertThat(kms(region).describeKey(b -> b.keyId(arn)).keyMetadata().arn()).isEqualTo(arn);
        } else {
            KmsException e = catchThrowableOfType(KmsException.class,
                    () -> kms(region).describeKey(b -> b.keyId(arn)));
            assertThat(e).as("refused").isNotNull();
            assertThat(e.awsErrorDetails().errorCode()).isEqualTo(answer);
        }
    }
}
