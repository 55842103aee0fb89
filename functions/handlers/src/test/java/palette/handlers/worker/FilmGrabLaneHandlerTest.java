package palette.handlers.worker;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.jr.ob.JSON;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import palette.filmgrab.FakeFilmGrab;
import palette.handlers.Json;

/**
 * The film-grab lane's handler with {@code events/filmgrab-lane.json} (an SQS message whose body is
 * S3's EventBridge event), an in-memory store and a local film-grab.com at the real pace of one
 * request a second.
 */
class FilmGrabLaneHandlerTest {
  static final String IN = "palette-input";
  static final String OUT = "palette-output";
  static final String KEY = "filmgrab/mzxw6ytboi4dsmzrgq3tmnzxhe.json";

  FakeFilmGrab site;
  WorkerConfig config;
  final MemoryStorage storage = new MemoryStorage();
  final ByteArrayOutputStream log = new ByteArrayOutputStream();

  @BeforeEach
  void start() throws IOException {
    site = FakeFilmGrab.start();
    config =
        WorkerConfig.fromEnv(
            Map.of("OUTPUT_BUCKET", OUT, "FILMGRAB_BASE_URL", site.baseUrl().toString()));
  }

  @AfterEach
  void stop() {
    site.close();
  }

  FilmGrabLane lane() {
    return new FilmGrabLane(config, storage, new PrintStream(log, true, StandardCharsets.UTF_8));
  }

  static String sampleEvent() throws IOException {
    return WorkerCalls.event("filmgrab-lane.json");
  }

  /** The sample event with its key replaced, as a second message of the same queue. */
  static String eventFor(String key) throws IOException {
    return sampleEvent().replace(KEY, key);
  }

  String still(String name) {
    return site.baseUrl() + "wp-content/uploads/photo-gallery/" + name;
  }

  void putRequest(String key, Map<String, Object> request) {
    storage.put(IN, key, Json.write(request).getBytes(StandardCharsets.UTF_8), Map.of());
  }

  Map<String, Object> filmRequest(String... stills) {
    Map<String, Object> request = new LinkedHashMap<>();
    request.put("stills", List.of(stills));
    request.put("film", "Blade Runner 2049");
    request.put("filmUrl", site.baseUrl() + "2019/05/24/blade-runner-2049/");
    request.put("k", 3);
    return request;
  }

  static Map<String, Object> handle(FilmGrabLane lane, String event) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    lane.handleRequest(new ByteArrayInputStream(event.getBytes(StandardCharsets.UTF_8)), out, null);
    return JSON.std.mapFrom(out.toByteArray());
  }

  byte[] output(String key) {
    return storage.get(OUT, key).bytes();
  }

  @Test
  void aQueuedRequestRunsTheJobAndReportsNoFailure() throws IOException {
    putRequest(KEY, Map.of("still", still("BladeRunner2049_001.jpg"), "k", 4));

    Map<String, Object> answer = handle(lane(), sampleEvent());

    assertThat(answer).isEqualTo(Map.of("batchItemFailures", List.of()));
    assertThat(new String(output(KEY + "/palette.json"), StandardCharsets.UTF_8))
        .contains("BladeRunner2049_001.jpg");
  }

  @Test
  void aTransientFailureIsReportedWithEveryLaterMessageOfTheBatch() throws IOException {
    String busy = "/wp-content/uploads/photo-gallery/busy.jpg";
    site.route(busy, exchange -> FakeFilmGrab.send(exchange, 503, "text/plain", new byte[0]));
    String second = "filmgrab/second.json";
    putRequest(KEY, Map.of("still", site.baseUrl() + busy.substring(1)));
    putRequest(second, Map.of("still", still("BladeRunner2049_002.jpg")));
    Map<String, Object> two = JSON.std.mapFrom(sampleEvent());
    List<Object> records = new java.util.ArrayList<>((List<?>) two.get("Records"));
    Map<String, Object> later =
        new LinkedHashMap<>(JSON.std.mapFrom(Json.write(records.get(0)).replace(KEY, second)));
    later.put("messageId", "later");
    records.add(later);
    two.put("Records", records);

    Map<String, Object> answer = handle(lane(), Json.write(two));

    assertThat(answer.get("batchItemFailures"))
        .isEqualTo(
            List.of(
                Map.of("itemIdentifier", "0a6f3e52-8a1c-4d8e-b7a4-3f2e1d0c9b8a"),
                Map.of("itemIdentifier", "later")));
    assertThat(site.count("/wp-content/uploads/photo-gallery/BladeRunner2049_002"))
        .as("a FIFO group does not run past a failed message")
        .isZero();
    assertThat(storage.keys(OUT)).isEmpty();
  }

  @Test
  void eventsForOtherKeysAreIgnoredWithoutAFailure() throws IOException {
    Map<String, Object> answer = handle(lane(), eventFor("filmgrab/readme.txt"));

    assertThat(answer).isEqualTo(Map.of("batchItemFailures", List.of()));
    assertThat(site.requests()).isEmpty();
    assertThat(log.toString(StandardCharsets.UTF_8)).contains("\"outcome\":\"ignored\"");
  }

  @Test
  void aSecondJobForTheSameFilmOnlyRevalidatesItsStillsAndGivesTheSamePalette() throws IOException {
    String[] stills = {
      still("BladeRunner2049_001.jpg"), still("BladeRunner2049_002.jpg"), still("x/other.jpg")
    };
    String again = "filmgrab/again.json";
    putRequest(KEY, filmRequest(stills));
    putRequest(again, filmRequest(stills));
    FilmGrabLane lane = lane();

    handle(lane, sampleEvent());
    int firstRun = site.requestsBesidesRobots().size();
    handle(lane, eventFor(again));

    List<FakeFilmGrab.Request> secondRun =
        site.requestsBesidesRobots().subList(firstRun, site.requestsBesidesRobots().size());
    assertThat(secondRun).hasSize(3).allMatch(FakeFilmGrab.Request::conditional);
    assertThat(site.notModified()).isEqualTo(3);
    assertThat(storage.keys(OUT))
        .contains(
            "stills/blade-runner-2049/BladeRunner2049_001.jpg",
            "stills/blade-runner-2049/other.jpg");
    assertThat(output(again + "/poster.png")).isEqualTo(output(KEY + "/poster.png"));
    assertThat(output(again + "/palette.gpl")).isEqualTo(output(KEY + "/palette.gpl"));
  }

  @Test
  void theNextJobKeepsThePaceEvenInANewContainer() throws IOException {
    putRequest(KEY, Map.of("still", still("BladeRunner2049_001.jpg")));
    String next = "filmgrab/next.json";
    putRequest(next, Map.of("still", still("BladeRunner2049_002.jpg")));

    handle(lane(), sampleEvent());
    int firstContainer = site.requests().size();
    handle(lane(), eventFor(next)); // a new instance: its own client, robots.txt read again

    List<FakeFilmGrab.Request> requests = site.requests();
    assertThat(requests).hasSize(firstContainer + 2);
    long gap =
        requests.get(firstContainer).nanoTime() - requests.get(firstContainer - 1).nanoTime();
    // the client spaces its sends by 1 s; measured where the server receives them
    assertThat(Duration.ofNanos(gap)).isGreaterThan(Duration.ofMillis(900));
  }
}
