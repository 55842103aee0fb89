package palette.local.s3;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.EncodingType;

/**
 * Hostile object names and metadata against the real S3 server: each ends with a clear error (or a
 * normal result), and nothing is ever written outside the job's own output prefix, which the tests
 * check by listing the whole output bucket.
 */
class HostileNamesTest {
  static final ByteArrayOutputStream LOG = new ByteArrayOutputStream();
  @TempDir static Path folder;
  static LocalStack stack;
  static S3Client s3;

  @BeforeAll
  static void start() throws Exception {
    stack =
        LocalStack.start(
            LocalStack.Settings.defaults(folder.resolve("s3"))
                .withNotifications(false)
                .withLog(new PrintStream(LOG, true, StandardCharsets.UTF_8)));
    s3 = stack.client();
  }

  @AfterAll
  static void stop() throws Exception {
    s3.close();
    stack.close();
  }

  /** 1011 bytes: with "/scatter.json" exactly S3's 1024-byte limit. Segments under 255 bytes. */
  static final String LONGEST = "long/" + ("l".repeat(199) + "/").repeat(5) + "xy.jpg";

  static final List<String> ACCEPTED =
      List.of(
          "unicode/写真 🎨 café ﬁ.jpg", "unicode/RTL \u202Egpj.exe", "dots/..hidden/...jpg", LONGEST);

  static final List<String> REFUSED =
      List.of(
          "../escape.jpg",
          "a/../../b/escape.jpg",
          "./dot.jpg",
          "plain/..",
          "double//slash.jpg",
          "/leading-slash.jpg",
          "ctrl/bell\u0007and\nnewline.jpg",
          "ctrl/\u0000nul.jpg",
          "long/" + ("l".repeat(199) + "/").repeat(5) + "xyz.jpg");

  @Test
  void hostileKeysEndCleanlyAndWriteOnlyUnderTheirOwnPrefix() throws Exception {
    assertThat(LONGEST.getBytes(StandardCharsets.UTF_8)).hasSize(1011);
    for (String key : ACCEPTED) {
      invoke(key, Images.photoJpeg(64, 48), Map.of());
    }
    for (String key : REFUSED) {
      invoke(key, Images.photoJpeg(64, 48), Map.of());
    }

    List<String> written = allOutputKeys();
    for (String key : ACCEPTED) {
      assertThat(written.stream().filter(k -> k.startsWith(key + "/")))
          .as(key)
          .hasSize(7)
          .contains(key + "/palette.json");
    }
    assertThat(written)
        .allSatisfy(
            k -> assertThat(ACCEPTED).anySatisfy(key -> assertThat(k).startsWith(key + "/")));
    String log = LOG.toString(StandardCharsets.UTF_8);
    assertThat(log.split("\"error\":\"invalid_key\"", -1)).hasSize(REFUSED.size() + 1);
    assertThat(log)
        .contains("the key has a '..' path segment", "the key has a '.' path segment")
        .contains("the key has a '' path segment")
        .contains("the key contains control characters", "S3's 1024-byte key limit")
        .doesNotContain("\"outcome\":\"retry\"");
    try (var buckets = Files.list(folder.resolve("s3"))) {
      assertThat(buckets.map(p -> p.getFileName().toString()))
          .containsExactlyInAnyOrder(LocalStack.INPUT_BUCKET, LocalStack.OUTPUT_BUCKET);
    }
  }

  @ParameterizedTest(name = "{0}={1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "k|0|k must be between 1 and 64, was 0",
        "k|65|k must be between 1 and 64, was 65",
        "k|abc|k must be a whole number, was 'abc'",
        "k|6.5|k must be a whole number, was '6.5'",
        "k|1e3|k must be a whole number, was '1e3'",
        "k|99999999999|k must be between 1 and 64, was 99999999999",
        "limit|0|limit must be between 1 and 1000, was 0",
        "limit|-5|limit must be between 1 and 1000, was -5",
        "limit|1001|limit must be between 1 and 1000, was 1001",
        "limit|NaN|limit must be a whole number, was 'NaN'",
        "limit|0x10|limit must be a whole number, was '0x10'"
      })
  void badOptionsGiveErrorJsonNamingTheOption(String name, String value, String message)
      throws Exception {
    String key = "options/" + name + "-" + value + ".jpg";
    invoke(key, Images.photoJpeg(64, 48), Map.of(name, value));

    List<String> written = allOutputKeys().stream().filter(k -> k.startsWith("options/")).toList();
    assertThat(written).contains(key + "/error.json");
    assertThat(written.stream().filter(k -> k.startsWith(key + "/"))).hasSize(1);
    String error =
        s3.getObjectAsBytes(b -> b.bucket(LocalStack.OUTPUT_BUCKET).key(key + "/error.json"))
            .asUtf8String();
    assertThat(error).contains("\"error\":\"invalid_option\"", "\"message\":\"" + message);
  }

  static void invoke(String key, byte[] bytes, Map<String, String> metadata) {
    try {
      s3.putObject(
          b -> b.bucket(LocalStack.INPUT_BUCKET).key(key).metadata(metadata),
          RequestBody.fromBytes(bytes));
    } catch (RuntimeException e) {
      // S3Proxy refuses some keys that S3 accepts; the event still names them, as S3's would
    }
    String event =
        new ObjectCreated(
                "ObjectCreated:Put", LocalStack.INPUT_BUCKET, key, bytes.length, "e", Instant.now())
            .toEventJson(LocalS3.REGION);
    stack.invoker().invoke(event);
  }

  static List<String> allOutputKeys() {
    // URL encoding, as S3 requires for keys with characters XML 1.0 cannot carry.
    return s3
        .listObjectsV2Paginator(
            b -> b.bucket(LocalStack.OUTPUT_BUCKET).encodingType(EncodingType.URL))
        .contents()
        .stream()
        .map(o -> URLDecoder.decode(o.key(), StandardCharsets.UTF_8))
        .toList();
  }
}
