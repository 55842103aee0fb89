package palette.local.s3;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.models.s3.S3EventNotification.S3EventNotificationRecord;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
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

/**
 * A second, independent S3: moto's server, whose bucket notifications put real event JSON on a
 * queue. Its event must carry the fields ours carries and decode to the same object, and the worker
 * must run against its S3 API too. Skipped where moto is not installed.
 */
class MotoConformanceTest {
  static final String KEY = "photos/Café au lait + crème.png";
  @TempDir static Path tmp;
  static MotoServer moto;
  static String endpoint;

  @BeforeAll
  static void start() throws Exception {
    moto = MotoServer.start(tmp);
    endpoint = moto.endpoint();
  }

  @AfterAll
  static void stop() throws Exception {
    if (moto != null) {
      moto.close();
    }
  }

  @Test
  void itsEventMatchesOursAndDrivesTheWorker() throws Exception {
    aws("s3api", "create-bucket", "--bucket", "palette-input");
    aws("s3api", "create-bucket", "--bucket", "palette-output");
    String queue =
        aws(
                "sqs",
                "create-queue",
                "--queue-name",
                "events",
                "--query",
                "QueueUrl",
                "--output",
                "text")
            .strip();
    aws(
        "s3api",
        "put-bucket-notification-configuration",
        "--bucket",
        "palette-input",
        "--notification-configuration",
        "{\"QueueConfigurations\":[{\"QueueArn\":\"arn:aws:sqs:us-east-1:123456789012:events\","
            + "\"Events\":[\"s3:ObjectCreated:*\"]}]}");
    WorkerConfig config =
        WorkerConfig.fromEnv(Map.of("OUTPUT_BUCKET", "palette-output", "S3_ENDPOINT", endpoint));
    S3Client s3 =
        S3Storage.client(
            config, StaticCredentialsProvider.create(AwsBasicCredentials.create("moto", "moto")));
    byte[] image = Images.sample();
    s3.putObject(b -> b.bucket("palette-input").key(KEY), RequestBody.fromBytes(image));
    String theirs = receiveEvent(queue);

    var invoker = new LambdaInvoker(event -> "null", 1, 0, System.err);
    S3EventNotificationRecord record = invoker.parse(theirs).getRecords().get(0);
    String ours =
        new ObjectCreated(
                "ObjectCreated:Put", "palette-input", KEY, image.length, "e", Instant.now())
            .toEventJson(LocalS3.REGION);
    S3EventNotificationRecord mine = invoker.parse(ours).getRecords().get(0);
    assertThat(record.getS3().getObject().getUrlDecodedKey()).isEqualTo(KEY);
    assertThat(mine.getS3().getObject().getUrlDecodedKey()).isEqualTo(KEY);
    assertThat(record.getEventName()).isEqualTo(mine.getEventName());
    assertThat(record.getS3().getObject().getSizeAsLong()).isEqualTo(image.length);
    assertThat(fieldNames(ours)).containsAll(fieldNames(theirs));

    ByteArrayOutputStream log = new ByteArrayOutputStream();
    PaletteWorker worker = new PaletteWorker(config, new S3Storage(s3), new PrintStream(log));
    Invocable.inProcess(worker, LambdaInvoker.FUNCTION_NAME, 60).invoke(theirs);

    assertThat(log.toString(StandardCharsets.UTF_8)).contains("\"outcome\":\"done\"");
    assertThat(
            s3.headObject(b -> b.bucket("palette-output").key(KEY + "/palette.json"))
                .contentLength())
        .isPositive();
    s3.close();
  }

  private static String receiveEvent(String queue) throws Exception {
    for (int attempt = 0; attempt < 10; attempt++) {
      String bodies =
          aws(
              "sqs",
              "receive-message",
              "--queue-url",
              queue,
              "--max-number-of-messages",
              "10",
              "--wait-time-seconds",
              "1",
              "--query",
              "Messages[].Body",
              "--output",
              "json");
      for (String body : jsonStrings(bodies)) {
        if (body.contains("\"Records\"")) {
          return body;
        }
      }
    }
    throw new AssertionError("moto sent no ObjectCreated event");
  }

  /** The string elements of a JSON array of strings, unescaped enough for event JSON. */
  private static List<String> jsonStrings(String array) {
    List<String> strings = new ArrayList<>();
    Matcher m = Pattern.compile("\"((?:[^\"\\\\]|\\\\.)*)\"").matcher(array);
    while (m.find()) {
      strings.add(m.group(1).replace("\\\"", "\"").replace("\\\\", "\\"));
    }
    return strings;
  }

  private static Set<String> fieldNames(String json) {
    Set<String> names = new HashSet<>();
    Matcher m = Pattern.compile("\"(\\w+)\"\\s*:").matcher(json);
    while (m.find()) {
      names.add(m.group(1));
    }
    names.remove("configurationId"); // free text in both
    return names;
  }

  private static String aws(String... args) throws Exception {
    return moto.aws(args);
  }
}
