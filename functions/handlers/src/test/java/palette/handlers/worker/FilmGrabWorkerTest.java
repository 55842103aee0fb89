package palette.handlers.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import palette.filmgrab.FakeFilmGrab;
import palette.handlers.Json;

/**
 * Film-grab requests through the worker, with the files in {@code events/}, an in-memory store and
 * a local film-grab.com ({@link FakeFilmGrab}) as the only site the client may reach besides the
 * allowlisted hosts.
 */
class FilmGrabWorkerTest {
  static final String IN = "palette-input";
  static final String OUT = "palette-output";
  static final String KEY = "filmgrab/mzxw6ytboi4dsmzrgq3tmnzxhe.json";
  static final String STILL_PATH = "wp-content/uploads/photo-gallery/BladeRunner2049_001.jpg";

  static FakeFilmGrab site;
  static WorkerConfig config;

  final MemoryStorage storage = new MemoryStorage();
  final ByteArrayOutputStream log = new ByteArrayOutputStream();
  PaletteWorker worker;

  @BeforeAll
  static void startSite() throws IOException {
    site = FakeFilmGrab.start();
    config =
        WorkerConfig.fromEnv(
            Map.of("OUTPUT_BUCKET", OUT, "FILMGRAB_BASE_URL", site.baseUrl().toString()));
  }

  @AfterAll
  static void stopSite() {
    site.close();
  }

  PaletteWorker worker() {
    if (worker == null) {
      worker =
          new PaletteWorker(config, storage, new PrintStream(log, true, StandardCharsets.UTF_8));
    }
    return worker;
  }

  void putRequest(String still) {
    Map<String, Object> request = new LinkedHashMap<>();
    request.put("still", still);
    request.put("film", "Blade Runner 2049");
    request.put("filmUrl", site.baseUrl() + "2019/05/24/blade-runner-2049/");
    request.put("k", 4);
    storage.put(IN, KEY, Json.write(request).getBytes(StandardCharsets.UTF_8), Map.of());
  }

  /** The request object's event, through the entry point Lambda calls. */
  void invoke() {
    WorkerCalls.invoke(worker(), WorkerCalls.event("filmgrab-request-put.json"), null);
  }

  /** The output bucket's keys besides the stills kept there ({@link StillCache}). */
  List<String> results() {
    return storage.keys(OUT).stream().filter(k -> !k.startsWith(StillCache.PREFIX)).toList();
  }

  String text(String key) {
    return new String(storage.get(OUT, key).bytes(), StandardCharsets.UTF_8);
  }

  @Test
  void aRequestObjectGivesTheOutputsOfAnUploadWithTheStillAndFilmInTheSource() {
    String still = site.baseUrl() + STILL_PATH + "?bwg=1558694400";
    putRequest(still);
    long before = site.count("/wp-content/uploads/");

    invoke();

    assertThat(WorkerCalls.outcomes(log)).containsExactly("done");
    String prefix = KEY + "/";
    assertThat(results())
        .containsExactlyInAnyOrder(
            prefix + "palette.ase",
            prefix + "palette.css",
            prefix + "palette.gpl",
            prefix + "palette.json",
            prefix + "replaced.png",
            prefix + "scatter.json",
            prefix + "swatch.png");
    assertThat(storage.calls.stream().filter(c -> c.startsWith("put ")).toList())
        .last()
        .isEqualTo("put " + OUT + "/" + prefix + "palette.json");
    assertThat(text(prefix + "palette.json"))
        .contains(
            "\"still\": \"" + still + "\"",
            "\"film\": \"Blade Runner 2049\"",
            "\"key\": \"" + KEY + "\"",
            "blade-runner-2049/");
    assertThat(site.count("/wp-content/uploads/")).isEqualTo(before + 1);
    assertThat(storage.get(OUT, "stills/blade-runner-2049/BladeRunner2049_001.jpg").meta())
        .containsEntry(StillCache.SOURCE_URL, still)
        .containsEntry(StillCache.LAST_MODIFIED, FakeFilmGrab.LAST_MODIFIED)
        .containsKey(StillCache.ETAG);
  }

  @Test
  void aStillOnAnInternalAddressIsRefusedWithoutAFetch() {
    for (String hostile :
        List.of(
            "http://169.254.169.254/latest/meta-data/iam/security-credentials/",
            "https://evil.example.com/wp-content/uploads/photo-gallery/x.jpg",
            "file:///etc/passwd")) {
      putRequest(hostile);
      long before = site.requests().size();

      log.reset();
      invoke();

      assertThat(WorkerCalls.outcomes(log)).containsExactly("failed");
      assertThat(results()).containsExactly(KEY + "/error.json");
      assertThat(text(KEY + "/error.json"))
          .as(hostile)
          .startsWith("{\"error\":\"filmgrab_refused\",\"message\":\"The still could not be")
          .contains(hostile.substring(0, 16));
      assertThat(site.requests()).hasSize((int) before);
    }
  }

  @Test
  void aRequestThatIsNotJsonIsAPermanentFailure() {
    storage.put(IN, KEY, "still=https://film-grab.com/x.jpg".getBytes(), Map.of());

    invoke();

    assertThat(text(KEY + "/error.json"))
        .contains("\"error\":\"invalid_request\"", "must be a JSON object");
  }

  @Test
  void aMissingStillIsPermanentButAnOverloadedSiteIsRetried() {
    putRequest(site.baseUrl() + "wp-content/uploads/photo-gallery/missing.png");
    invoke();
    assertThat(text(KEY + "/error.json"))
        .contains("\"error\":\"film_not_found\"", "has no page at");

    String busy = "/wp-content/uploads/photo-gallery/busy.jpg";
    site.route(busy, exchange -> FakeFilmGrab.send(exchange, 503, "text/plain", new byte[0]));
    putRequest(site.baseUrl() + busy.substring(1));
    storage.objects.keySet().removeIf(k -> k.startsWith(OUT + "/"));

    assertThatThrownBy(this::invoke)
        .isInstanceOf(PaletteWorker.TransientFailure.class)
        .hasMessageContaining("503");
    assertThat(results()).isEmpty();
  }

  @Test
  void withTheLaneTheWorkerLeavesFilmGrabRequestsToIt() throws IOException {
    putRequest(site.baseUrl() + STILL_PATH);
    WorkerConfig laned =
        WorkerConfig.fromEnv(
            Map.of(
                "OUTPUT_BUCKET",
                OUT,
                "FILMGRAB_BASE_URL",
                site.baseUrl().toString(),
                "FILMGRAB_LANE",
                "queue"));
    long before = site.requests().size();
    byte[] event = WorkerCalls.event("filmgrab-request-put.json").getBytes(StandardCharsets.UTF_8);

    new PaletteWorker(laned, storage, new PrintStream(log, true, StandardCharsets.UTF_8))
        .handleRequest(new java.io.ByteArrayInputStream(event), new ByteArrayOutputStream(), null);

    assertThat(storage.keys(OUT)).isEmpty();
    assertThat(site.requests()).hasSize((int) before);
    assertThat(log.toString(StandardCharsets.UTF_8))
        .contains("\"outcome\":\"skipped\"", "\"key\":\"" + KEY + "\"");
  }

  @Test
  void aDirectInvocationWritesUnderAKeyDerivedFromTheRequest() throws IOException {
    Map<String, Object> payload =
        com.fasterxml.jackson.jr.ob.JSON.std.mapFrom(WorkerCalls.event("filmgrab-direct.json"));
    Map<String, Object> local = new LinkedHashMap<>(payload);
    local.put(
        "still",
        payload
            .get("still")
            .toString()
            .replace("https://film-grab.com/", site.baseUrl().toString()));

    Map<String, Object> first = invokeDirect(local);
    Map<String, Object> second = invokeDirect(local);

    assertThat(first).containsEntry("status", "done");
    String prefix = (String) first.get("outputPrefix");
    assertThat(prefix).matches("filmgrab/[a-z2-7]{26}\\.json/");
    assertThat(second).isEqualTo(first);
    assertThat(text(prefix + "palette.json"))
        .contains(
            "\"film\": \"Blade Runner 2049\"", "\"space\": \"oklab\"", "BladeRunner2049_001.jpg")
        .doesNotContain("direct-invocation");
  }

  @Test
  void aDirectInvocationThatIsNoRequestIsAnsweredWithoutWriting() throws IOException {
    Map<String, Object> answer = invokeDirect(Map.of("film", "Blade Runner 2049"));

    assertThat(answer)
        .containsEntry("status", "failed")
        .containsEntry("error", "invalid_request")
        .containsEntry("message", "still must be the URL of a film-grab.com still");
    assertThat(results()).isEmpty();
  }

  Map<String, Object> invokeDirect(Map<String, ?> payload) throws IOException {
    String response = WorkerCalls.invoke(worker(), Json.write(payload), null);
    return com.fasterxml.jackson.jr.ob.JSON.std.mapFrom(response);
  }

  void putFilmRequest(String... stills) {
    Map<String, Object> request = new LinkedHashMap<>();
    request.put("stills", List.of(stills));
    request.put("film", "Blade Runner 2049");
    request.put("k", 3);
    storage.put(IN, KEY, Json.write(request).getBytes(StandardCharsets.UTF_8), Map.of());
  }

  String galleryStill(int n) {
    return site.baseUrl() + "wp-content/uploads/photo-gallery/BladeRunner2049_00" + n + ".jpg";
  }

  @Test
  void aRequestListingStillsGivesTheFilmPaletteAndPoster() {
    putFilmRequest(galleryStill(1), galleryStill(2), galleryStill(3));
    long before = site.count("/wp-content/uploads/");

    invoke();

    assertThat(WorkerCalls.outcomes(log)).containsExactly("done");
    String prefix = KEY + "/";
    assertThat(results())
        .containsExactlyInAnyOrder(
            prefix + "film.json",
            prefix + "palette.ase",
            prefix + "palette.css",
            prefix + "palette.gpl",
            prefix + "palette.json",
            prefix + "poster.png");
    assertThat(storage.calls.stream().filter(c -> c.startsWith("put ")).toList())
        .last()
        .isEqualTo("put " + OUT + "/" + prefix + "palette.json");
    String film = text(prefix + "palette.json");
    assertThat(film)
        .contains("\"film\": {", "\"stills\": 3", "\"title\": \"Blade Runner 2049\"")
        .contains("BladeRunner2049_001.jpg", "BladeRunner2049_003.jpg");
    assertThat(site.count("/wp-content/uploads/")).isEqualTo(before + 3);
  }

  @Test
  void oneHostileStillRefusesTheWholeFilmBeforeAnyFetch() {
    putFilmRequest(galleryStill(1), "http://169.254.169.254/latest/meta-data/");
    long before = site.requests().size();

    invoke();

    assertThat(results()).containsExactly(KEY + "/error.json");
    assertThat(text(KEY + "/error.json")).contains("filmgrab_refused", "169.254.169.254");
    assertThat(site.requests()).hasSize((int) before);
  }

  @Test
  void aBotCheckOnAStillTellsTheUserTheSiteRefusedAutomatedAccess() {
    String checked = "/wp-content/uploads/photo-gallery/checked.jpg";
    site.challenge(checked, 403);
    putRequest(site.baseUrl() + checked.substring(1));

    invoke();

    assertThat(WorkerCalls.jobs(log))
        .singleElement()
        .extracting(job -> job.get("error"))
        .isEqualTo("filmgrab_blocked");
    assertThat(results()).containsExactly(KEY + "/error.json");
    assertThat(text(KEY + "/error.json"))
        .contains("\"error\":\"filmgrab_blocked\"", "film-grab.com refused automated access");
  }

  @Test
  void aBotCheckHalfwayThroughAFilmWritesNothingButTheError() {
    String checked = "/wp-content/uploads/photo-gallery/interstitial.jpg";
    site.challenge(checked, 200);
    putFilmRequest(galleryStill(1), site.baseUrl() + checked.substring(1), galleryStill(2));

    invoke();

    assertThat(results()).containsExactly(KEY + "/error.json");
    assertThat(text(KEY + "/error.json")).contains("filmgrab_blocked", "try again later");
  }

  @Test
  void aStillOrAFilmTooLargeForTheBudgetIsRefusedAsAnUploadIs() {
    // 1 KB of heap: 64 pixels at most, far fewer than any still has.
    worker =
        new PaletteWorker(
            config,
            storage,
            new PrintStream(log, true, StandardCharsets.UTF_8),
            context -> new Budget(() -> 60_000, () -> 1 << 10));
    putRequest(site.baseUrl() + STILL_PATH);

    invoke();

    assertThat(text(KEY + "/error.json"))
        .contains("\"error\":\"too_large_for_budget\"", "0.0 megapixels fit");
    putFilmRequest(galleryStill(1), galleryStill(2));

    invoke();

    assertThat(text(KEY + "/error.json"))
        .contains("\"error\":\"too_large_for_budget\"", KEY + " is too large");
    assertThat(results()).containsExactly(KEY + "/error.json");
  }
}
