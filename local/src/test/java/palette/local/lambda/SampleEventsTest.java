package palette.local.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.jr.ob.JSON;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import palette.filmgrab.FakeFilmGrab;
import palette.local.s3.Images;
import palette.local.s3.LocalS3;
import palette.local.s3.LocalStack;
import palette.local.web.LocalApi;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Every file in {@code events/} run through the function it is for, as {@code sam local invoke
 * FUNCTION -e FILE --env-vars events/env.json} would: the built handlers under Lambda's runtime,
 * with the variables {@code env.json} gives each function (only the S3 endpoint and the film-grab
 * site point at this machine), against the embedded S3 and a local film-grab.com. {@code api-*}
 * files are for {@code ApiFunction}, {@code filmgrab-lane.json} (an SQS message from the film-grab
 * queue) for {@code FilmGrabFunction}, all others for {@code PaletteFunction}. A file with no check
 * here fails the test, so a new sample event cannot go untried.
 */
class SampleEventsTest {
  private static final Path EVENTS = LambdaArtifact.ROOT.resolve("events");

  /** {@code sam local invoke} starts every function on demand: it has no SnapStart. */
  private static final boolean SAM_LOCAL_SNAP_START = false;

  private static final ByteArrayOutputStream LOG = new ByteArrayOutputStream();

  @TempDir static Path folder;
  static FakeFilmGrab site;
  static LocalStack stack;
  static S3Client s3;
  static LocalRuntime runtime;
  static LocalFunction worker;
  static LocalFunction lane;
  static LocalFunction api;

  @BeforeAll
  static void start() throws Exception {
    site = FakeFilmGrab.start();
    PrintStream log = new PrintStream(LOG, true, StandardCharsets.UTF_8);
    stack =
        LocalStack.start(
            LocalStack.Settings.defaults(folder.resolve("s3"))
                .withNotifications(false)
                .withLog(log));
    s3 = stack.client();
    runtime = LocalRuntime.start(LocalS3.ACCESS_KEY, LocalS3.SECRET_KEY);
    worker =
        runtime.function(
            "PaletteFunction",
            LocalStack.WORKER_HANDLER,
            LocalStack.WORKER_MEMORY_MB,
            60,
            1,
            SAM_LOCAL_SNAP_START,
            env("PaletteFunction"),
            log);
    lane =
        runtime.function(
            "FilmGrabFunction",
            LocalStack.LANE_HANDLER,
            LocalStack.WORKER_MEMORY_MB,
            300,
            1,
            SAM_LOCAL_SNAP_START,
            env("FilmGrabFunction"),
            log);
    api =
        runtime.function(
            "ApiFunction",
            LocalApi.HANDLER,
            1024,
            25,
            1,
            SAM_LOCAL_SNAP_START,
            env("ApiFunction"),
            log);
  }

  @AfterAll
  static void stop() throws Exception {
    runtime.close();
    s3.close();
    stack.close();
    site.close();
  }

  /** The block of {@code env.json} for one function, pointed at this machine. */
  private static Map<String, String> env(String function) throws IOException {
    Map<String, Object> all = JSON.std.mapFrom(Files.readString(EVENTS.resolve("env.json")));
    Map<String, String> env = new HashMap<>();
    ((Map<?, ?>) all.get(function)).forEach((k, v) -> env.put((String) k, String.valueOf(v)));
    env.put("S3_ENDPOINT", stack.endpoint().toString());
    env.put("FILMGRAB_BASE_URL", site.baseUrl().toString());
    env.put("AWS_REGION", LocalS3.REGION);
    return env;
  }

  @Test
  void everySampleEventGivesTheResultItIsThereFor() throws IOException {
    Map<String, Consumer<String>> checks = new TreeMap<>();
    // Order matters where one event reads what another made: the worker leaves the request that
    // filmgrab-request-put.json names to the lane, filmgrab-lane.json runs it, and api-get-job.json
    // asks about that job.
    checks.put("s3-put.json", SampleEventsTest::imageUploaded);
    checks.put("s3-put-multi.json", SampleEventsTest::imageUploaded);
    checks.put("s3-put-not-image.json", SampleEventsTest::notAnImage);
    checks.put("filmgrab-direct.json", SampleEventsTest::directFilmGrab);
    checks.put("filmgrab-request-put.json", SampleEventsTest::filmGrabRequestPut);
    checks.put("filmgrab-lane.json", SampleEventsTest::filmGrabLane);
    checks.put("api-post-uploads.json", SampleEventsTest::presignedUpload);
    checks.put("api-get-job.json", SampleEventsTest::jobStatus);
    checks.put("api-filmgrab-search.json", SampleEventsTest::filmSearch);
    checks.put("api-post-filmgrab-jobs.json", SampleEventsTest::filmGrabJobs);
    try (Stream<Path> files = Files.list(EVENTS)) {
      List<String> names =
          files
              .map(p -> p.getFileName().toString())
              .filter(n -> n.endsWith(".json") && !n.equals("env.json"))
              .sorted()
              .toList();
      assertThat(checks.keySet()).containsExactlyInAnyOrderElementsOf(names);
    }
    List<String> order =
        List.of(
            "s3-put.json",
            "s3-put-multi.json",
            "s3-put-not-image.json",
            "filmgrab-direct.json",
            "filmgrab-request-put.json",
            "filmgrab-lane.json",
            "api-post-uploads.json",
            "api-get-job.json",
            "api-filmgrab-search.json",
            "api-post-filmgrab-jobs.json");
    for (String name : order) {
      checks.get(name).accept(name);
    }
  }

  private static String event(String name) {
    try {
      return Files.readString(EVENTS.resolve(name), StandardCharsets.UTF_8)
          .replace("https://film-grab.com/", site.baseUrl().toString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @SuppressWarnings("unchecked")
  private static List<String[]> objects(String json) {
    try {
      List<Object> records = (List<Object>) JSON.std.mapFrom(json).get("Records");
      return records.stream()
          .map(r -> (Map<String, Object>) ((Map<String, Object>) r).get("s3"))
          .map(
              s ->
                  new String[] {
                    (String) ((Map<String, Object>) s.get("bucket")).get("name"),
                    java.net.URLDecoder.decode(
                        (String) ((Map<String, Object>) s.get("object")).get("key"),
                        StandardCharsets.UTF_8)
                  })
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void put(String bucket, String key, byte[] bytes) {
    stack.s3().createBucket(bucket);
    s3.putObject(b -> b.bucket(bucket).key(key), RequestBody.fromBytes(bytes));
  }

  private static String output(String key) {
    return s3.getObjectAsBytes(b -> b.bucket(LocalStack.OUTPUT_BUCKET).key(key)).asUtf8String();
  }

  private static void imageUploaded(String name) {
    String json = event(name);
    List<String[]> objects = objects(json);
    objects.forEach(o -> put(o[0], o[1], Images.sample()));
    assertThat(worker.invoke(json)).as(name).isEqualTo("null");
    for (String[] o : objects) {
      assertThat(output(o[1] + "/palette.json")).as(name).contains("\"colors\"");
    }
  }

  private static void notAnImage(String name) {
    String json = event(name);
    String[] o = objects(json).get(0);
    put(o[0], o[1], "read me, I am text".getBytes(StandardCharsets.UTF_8));
    assertThat(worker.invoke(json)).as(name).isEqualTo("null");
    assertThat(output(o[1] + "/error.json")).as(name).contains("not_an_image");
  }

  private static void directFilmGrab(String name) {
    assertThat(worker.invoke(event(name)))
        .as(name)
        .contains("\"status\":\"done\"", "\"outputPrefix\":\"filmgrab/");
  }

  /** With the lane in place (FILMGRAB_LANE=queue), the worker leaves a request alone. */
  private static void filmGrabRequestPut(String name) {
    String json = event(name);
    String[] o = objects(json).get(0);
    put(o[0], o[1], event("filmgrab-direct.json").getBytes(StandardCharsets.UTF_8));
    assertThat(worker.invoke(json)).as(name).isEqualTo("null");
    assertThat(
            s3.listObjectsV2(b -> b.bucket(LocalStack.OUTPUT_BUCKET).prefix(o[1] + "/")).contents())
        .as(name)
        .isEmpty();
  }

  /** The request filmgrab-request-put.json put, as the FIFO queue hands it to the lane. */
  private static void filmGrabLane(String name) {
    String key = "filmgrab/mzxw6ytboi4dsmzrgq3tmnzxhe.json";
    put(
        LocalStack.INPUT_BUCKET,
        key,
        event("filmgrab-direct.json").getBytes(StandardCharsets.UTF_8));
    assertThat(lane.invoke(event(name))).as(name).isEqualTo("{\"batchItemFailures\":[]}");
    assertThat(output(key + "/palette.json")).as(name).contains("Blade Runner 2049");
  }

  private static Map<String, Object> apiCall(String name, int status) {
    try {
      Map<String, Object> response = JSON.std.mapFrom(api.invoke(event(name)));
      assertThat(response.get("statusCode")).as(name + ": " + response).isEqualTo(status);
      return JSON.std.mapFrom((String) response.get("body"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void presignedUpload(String name) {
    Map<String, Object> body = apiCall(name, 201);
    assertThat(body).containsKeys("jobId", "upload", "expiresAt");
    assertThat(String.valueOf(((Map<?, ?>) body.get("upload")).get("url")))
        .startsWith(stack.endpoint().toString())
        .contains("X-Amz-Signature=", "X-Amz-Security-Token=");
  }

  private static void jobStatus(String name) {
    Map<String, Object> body = apiCall(name, 200);
    assertThat(body).containsEntry("jobId", "mzxw6ytboi4dsmzrgq3tmnzxhe");
    assertThat(body).containsEntry("status", "done");
  }

  private static void filmSearch(String name) {
    assertThat(String.valueOf(apiCall(name, 200))).contains("Blade Runner 2049");
  }

  private static void filmGrabJobs(String name) {
    assertThat(String.valueOf(apiCall(name, 201))).contains("jobId");
  }
}
