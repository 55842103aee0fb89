package palette.local.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import palette.handlers.worker.PaletteWorker;
import palette.handlers.worker.S3Storage;
import palette.handlers.worker.WorkerConfig;
import palette.local.lambda.Invocable;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * The worker against a real S3 server (S3Proxy checking SigV4 signatures), invoked with S3 event
 * JSON through the Lambda runtime's deserialiser.
 */
class WorkerIntegrationTest {
  static final String IN = LocalStack.INPUT_BUCKET;
  static final String OUT = LocalStack.OUTPUT_BUCKET;
  static final ByteArrayOutputStream LOG = new ByteArrayOutputStream();

  @TempDir static Path folder;
  static LocalStack stack;
  static FaultyBlobStore faults;
  static S3Client s3;

  @BeforeAll
  static void start() throws Exception {
    AtomicReference<FaultyBlobStore> created = new AtomicReference<>();
    stack =
        LocalStack.start(
            LocalStack.Settings.defaults(folder)
                .withNotifications(false)
                .withLog(new PrintStream(LOG, true, StandardCharsets.UTF_8))
                .withFaults(
                    store -> {
                      created.set(new FaultyBlobStore(store));
                      return created.get();
                    }));
    faults = created.get();
    s3 = stack.client();
  }

  @AfterAll
  static void stop() throws Exception {
    s3.close();
    stack.close();
  }

  @AfterEach
  void heal() {
    faults.failPuts(key -> false);
  }

  static void put(String key, byte[] bytes, Map<String, String> metadata) {
    s3.putObject(b -> b.bucket(IN).key(key).metadata(metadata), RequestBody.fromBytes(bytes));
  }

  static Object invoke(String key) {
    return stack.invoker().invoke(event(key));
  }

  static String event(String key) {
    var head = s3.headObject(b -> b.bucket(IN).key(key));
    return new ObjectCreated(
            "ObjectCreated:Put", IN, key, head.contentLength(), head.eTag(), Instant.now())
        .toEventJson(LocalS3.REGION);
  }

  /** Every object under the output prefix of {@code key}, by file name. */
  static Map<String, byte[]> outputs(String key) {
    Map<String, byte[]> files = new TreeMap<>();
    String prefix = key + "/";
    for (S3Object object :
        s3.listObjectsV2(b -> b.bucket(OUT).prefix(prefix).delimiter("/")).contents()) {
      byte[] bytes = s3.getObjectAsBytes(b -> b.bucket(OUT).key(object.key())).asByteArray();
      files.put(object.key().substring(prefix.length()), bytes);
    }
    return files;
  }

  static String text(byte[] bytes) {
    return new String(bytes, StandardCharsets.UTF_8);
  }

  @Test
  void happyPathWritesEveryOutputWithItsContentType() {
    put("photos/coffee.png", Images.sample(), Map.of("k", "5"));

    invoke("photos/coffee.png");

    Map<String, byte[]> files = outputs("photos/coffee.png");
    assertThat(files)
        .containsOnlyKeys(
            "palette.ase",
            "palette.css",
            "palette.gpl",
            "palette.json",
            "replaced.png",
            "scatter.json",
            "swatch.png");
    assertThat(text(files.get("palette.json")))
        .contains("\"file\": \"coffee.png\"")
        .doesNotContain("timings");
    var head = s3.headObject(b -> b.bucket(OUT).key("photos/coffee.png/palette.json"));
    // Jetty drops the space after the semicolon; the media type and charset are what matter.
    assertThat(head.contentType().replace(" ", "")).isEqualTo("application/json;charset=utf-8");
    assertThat(head.cacheControl()).isEqualTo("no-cache");
    var swatch = s3.headObject(b -> b.bucket(OUT).key("photos/coffee.png/swatch.png"));
    assertThat(swatch.contentType()).isEqualTo("image/png");
    assertThat(LOG.toString(StandardCharsets.UTF_8))
        .contains("\"key\":\"photos/coffee.png\"", "\"outcome\":\"done\"", "\"k\":5");
  }

  @Test
  void aKeyWithSpacesAndUnicodeIsDecoded() {
    String key = "albums/été 2024/Café au lait + crème.png";
    put(key, Images.sample(), Map.of());

    invoke(key);

    assertThat(outputs(key)).containsKey("palette.json");
    assertThat(stack.s3().file(OUT, key + "/palette.json")).exists();
  }

  @Test
  void everyRecordOfAMultiRecordEventIsProcessed() throws Exception {
    String json = Files.readString(Path.of("../events/s3-put-multi.json"));
    put("photos/sunset.jpg", Images.photoJpeg(320, 200), Map.of());
    put("photos/beach day.png", Images.sample(), Map.of());
    put("albums/2024/ünïcode + plus.png", Images.sample(), Map.of("k", "3"));

    stack.invoker().invoke(json);

    assertThat(outputs("photos/sunset.jpg")).containsKey("palette.json");
    assertThat(outputs("photos/beach day.png")).containsKey("palette.json");
    assertThat(outputs("albums/2024/ünïcode + plus.png")).containsKey("palette.json");
  }

  @Test
  void aCorruptJpegLeavesOnlyErrorJsonEvenOverAnEarlierResult() {
    String key = "photos/broken.jpg";
    put(key, Images.photoJpeg(160, 120), Map.of());
    invoke(key);
    assertThat(outputs(key)).containsKey("swatch.png");

    put(key, Images.corruptJpeg(), Map.of());
    invoke(key);

    Map<String, byte[]> files = outputs(key);
    assertThat(files).containsOnlyKeys("error.json");
    assertThat(text(files.get("error.json")))
        .startsWith("{\"error\":\"corrupt_image\",\"message\":\"")
        .endsWith("\"key\":\"photos/broken.jpg\"}\n");
  }

  @Test
  void anObjectOverTheSizeLimitIsRefusedBeforeDownload() {
    String key = "photos/too big.png";
    byte[] image = Images.sample();
    put(key, image, Map.of());
    Map<String, String> env = new java.util.HashMap<>(stack.workerEnv());
    env.put("MAX_BYTES", String.valueOf(image.length - 1));
    WorkerConfig config = WorkerConfig.fromEnv(env);
    PaletteWorker strict =
        new PaletteWorker(config, new S3Storage(LocalStack.client(config)), new PrintStream(LOG));

    Invocable.inProcess(strict, LambdaInvoker.FUNCTION_NAME, 60).invoke(event(key));

    assertThat(faults.gets(key)).isZero();
    assertThat(text(outputs(key).get("error.json"))).contains("\"error\":\"file_too_large\"");
  }

  @Test
  void aDecompressionBombIsRefusedFromItsHeader() {
    String key = "photos/bomb.png";
    byte[] bomb = Images.decompressionBomb();
    assertThat(bomb.length).isLessThan(100_000);
    put(key, bomb, Map.of());

    long start = System.nanoTime();
    invoke(key);

    assertThat((System.nanoTime() - start) / 1e9).isLessThan(5);
    assertThat(outputs(key)).containsOnlyKeys("error.json");
    assertThat(text(outputs(key).get("error.json"))).contains("\"error\":\"too_many_pixels\"");
  }

  @Test
  void theSameEventTwiceGivesIdenticalOutputs() {
    String key = "photos/twice.jpg";
    put(key, Images.photoJpeg(400, 300), Map.of("k", "4", "space", "oklab"));
    String event = event(key);

    stack.invoker().invoke(event);
    Map<String, byte[]> first = outputs(key);
    stack.invoker().invoke(event);
    Map<String, byte[]> second = outputs(key);

    assertThat(first).hasSize(7);
    assertThat(second.keySet()).isEqualTo(first.keySet());
    first.forEach((name, bytes) -> assertThat(second.get(name)).as(name).isEqualTo(bytes));
  }

  @Test
  void aStorageFailureWhileWritingIsRetriedIntoACompleteResult() {
    String key = "photos/flaky.png";
    put(key, Images.sample(), Map.of());
    faults.failPuts(name -> name.equals(key + "/replaced.png"));

    assertThatThrownBy(() -> invoke(key)).isInstanceOf(PaletteWorker.TransientFailure.class);
    assertThat(outputs(key)).doesNotContainKey("palette.json");

    faults.failPuts(name -> false);
    invoke(key);

    assertThat(outputs(key)).hasSize(7).containsKey("replaced.png");
  }

  @Test
  void requestsSignedWithTheWrongSecretAreRefused() {
    try (S3Client wrong =
        S3Client.builder()
            .region(software.amazon.awssdk.regions.Region.US_EAST_1)
            .endpointOverride(stack.endpoint())
            .forcePathStyle(true)
            .httpClient(software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient.create())
            .credentialsProvider(
                StaticCredentialsProvider.create(
                    AwsBasicCredentials.create(LocalS3.ACCESS_KEY, "not-the-secret")))
            .build()) {
      assertThatThrownBy(() -> wrong.listObjectsV2(b -> b.bucket(IN)))
          .isInstanceOf(S3Exception.class)
          .extracting(e -> ((S3Exception) e).statusCode())
          .isEqualTo(403);
    }
  }
}
