package palette.handlers.api;

import static org.assertj.core.api.Assertions.assertThat;
import static palette.handlers.api.ApiHandlerTest.body;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.tests.annotations.Event;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.gaul.s3proxy.junit.S3ProxyExtension;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import palette.filmgrab.FakeFilmGrab;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The film-grab routes fed with the sample events in {@code events/}, against a real S3 server and
 * a local film-grab.com.
 */
class FilmGrabApiTest {
  static final String SEARCH = "events/api-filmgrab-search.json";
  static final String JOBS = "events/api-post-filmgrab-jobs.json";

  static FakeFilmGrab site;

  @RegisterExtension final S3ProxyExtension proxy = LocalS3.extension();

  @BeforeAll
  static void startSite() throws Exception {
    site = FakeFilmGrab.start();
  }

  @AfterAll
  static void stopSite() {
    site.close();
  }

  ApiHandler handler(String filmGrabBase) {
    Map<String, String> env = new HashMap<>(LocalS3.env(proxy.getUri()));
    env.put("FILMGRAB_BASE_URL", filmGrabBase);
    ApiConfig config = ApiConfig.fromEnv(env);
    s3 = LocalS3.prepare(config);
    return new ApiHandler(config, LocalS3.CREDENTIALS);
  }

  S3Client s3;

  static APIGatewayV2HTTPEvent at(APIGatewayV2HTTPEvent event, String path, String query) {
    event.setRawPath(path);
    event.setRawQueryString(query);
    return event;
  }

  @ParameterizedTest
  @Event(value = SEARCH, type = APIGatewayV2HTTPEvent.class)
  void searchListsMatchingFilmsWithTheirPages(APIGatewayV2HTTPEvent event) throws Exception {
    Map<String, Object> found = body(handler(site.baseUrl().toString()).handleRequest(event, null));

    @SuppressWarnings("unchecked")
    List<Map<String, Object>> films = (List<Map<String, Object>>) found.get("films");
    assertThat(films).extracting(f -> f.get("title")).contains("Blade Runner", "Blade Runner 2049");
    assertThat(films)
        .filteredOn(f -> f.get("title").equals("Blade Runner 2049"))
        .singleElement()
        .extracting(f -> f.get("url"))
        .isEqualTo(site.baseUrl() + "2019/05/24/blade-runner-2049/");
  }

  @ParameterizedTest
  @Event(value = SEARCH, type = APIGatewayV2HTTPEvent.class)
  void aFilmNobodyGrabbedIsA404WithASentence(APIGatewayV2HTTPEvent event) throws Exception {
    var response =
        handler(site.baseUrl().toString())
            .handleRequest(at(event, "/filmgrab/search", "q=zzzz%20no%20such%20film"), null);

    assertThat(response.getStatusCode()).isEqualTo(404);
    assertThat(body(response))
        .containsEntry("error", "film_not_found")
        .containsEntry("message", "No film on film-grab.com matches \"zzzz no such film\".");
  }

  @ParameterizedTest
  @Event(value = SEARCH, type = APIGatewayV2HTTPEvent.class)
  void aBotCheckOnTheSearchOrAFilmPageSaysTheSiteRefusedAutomatedAccess(APIGatewayV2HTTPEvent event)
      throws Exception {
    try (FakeFilmGrab guarded = FakeFilmGrab.start()) {
      guarded.challenge("/", 503);
      guarded.challenge("/2019/05/24/blade-runner-2049/", 200);
      ApiHandler handler = handler(guarded.baseUrl().toString());
      String film = encode(guarded.baseUrl() + "2019/05/24/blade-runner-2049/");

      var searched = handler.handleRequest(event, null);
      var read = handler.handleRequest(at(event, "/filmgrab/film", "url=" + film), null);

      for (var response : List.of(searched, read)) {
        assertThat(response.getStatusCode()).isEqualTo(503);
        assertThat(body(response))
            .containsEntry("error", "filmgrab_blocked")
            .extracting(b -> b.get("message"))
            .asString()
            .startsWith("film-grab.com refused automated access")
            .contains("use them yourself");
      }
    }
  }

  @ParameterizedTest
  @Event(value = SEARCH, type = APIGatewayV2HTTPEvent.class)
  void anUnreachableSiteIsA503WithASentence(APIGatewayV2HTTPEvent event) throws Exception {
    var response = handler("http://127.0.0.1:9/").handleRequest(event, null);

    assertThat(response.getStatusCode()).isEqualTo(503);
    assertThat(body(response))
        .containsEntry("error", "filmgrab_unreachable")
        .containsEntry(
            "message", "film-grab.com cannot be reached right now; try again in a minute.");
  }

  @ParameterizedTest
  @Event(value = SEARCH, type = APIGatewayV2HTTPEvent.class)
  void aFilmPageGivesItsTitleAndStillsWithThumbnails(APIGatewayV2HTTPEvent event) throws Exception {
    String page = site.baseUrl() + "2019/05/24/blade-runner-2049/";
    var response =
        handler(site.baseUrl().toString())
            .handleRequest(at(event, "/filmgrab/film", "url=" + encode(page)), null);

    Map<String, Object> film = body(response);
    assertThat(film).containsEntry("title", "Blade Runner 2049").containsEntry("url", page);
    @SuppressWarnings("unchecked")
    List<Map<String, String>> stills = (List<Map<String, String>>) film.get("stills");
    assertThat(stills).isNotEmpty();
    assertThat(stills.get(0).get("url"))
        .startsWith(site.baseUrl() + "wp-content/uploads/photo-gallery/BladeRunner2049_001.jpg");
    assertThat(stills.get(0).get("thumb"))
        .isEqualTo(
            site.baseUrl() + "wp-content/uploads/photo-gallery/thumb/BladeRunner2049_001.jpg");
  }

  @ParameterizedTest
  @Event(value = SEARCH, type = APIGatewayV2HTTPEvent.class)
  void filmPagesOffTheAllowlistAreRefusedUnfetched(APIGatewayV2HTTPEvent event) throws Exception {
    ApiHandler handler = handler(site.baseUrl().toString());
    for (String url :
        List.of("https://evil.example.com/2019/05/24/x/", "http://169.254.169.254/latest/")) {
      long before = site.requests().size();
      var response = handler.handleRequest(at(event, "/filmgrab/film", "url=" + encode(url)), null);

      assertThat(response.getStatusCode()).as(url).isEqualTo(400);
      assertThat(body(response)).containsEntry("error", "filmgrab_refused");
      assertThat(site.requests()).hasSize((int) before);
    }
    var missing =
        handler.handleRequest(
            at(event, "/filmgrab/film", "url=" + encode(site.baseUrl() + "2020/01/01/gone/")),
            null);
    assertThat(missing.getStatusCode()).isEqualTo(404);
    assertThat(body(missing)).containsEntry("error", "film_not_found");
  }

  @ParameterizedTest
  @Event(value = JOBS, type = APIGatewayV2HTTPEvent.class)
  void postingStillsWritesOneRequestPerStillAndTheJobsCanBeFollowed(APIGatewayV2HTTPEvent event)
      throws Exception {
    ApiHandler handler = handler("");

    var response = handler.handleRequest(event, null);

    assertThat(response.getStatusCode()).isEqualTo(201);
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> jobs = (List<Map<String, Object>>) body(response).get("jobs");
    assertThat(jobs).hasSize(2).extracting(j -> j.get("jobId")).doesNotHaveDuplicates();
    String id = (String) jobs.get(1).get("jobId");
    String request =
        s3.getObjectAsBytes(b -> b.bucket(LocalS3.INPUT).key("filmgrab/" + id + ".json"))
            .asUtf8String();
    assertThat(request)
        .contains("BladeRunner2049_002.jpg", "\"film\":\"Blade Runner 2049\"", "\"k\":\"6\"");

    APIGatewayV2HTTPEvent get = at(event, "/jobs/" + id, "");
    get.getRequestContext().getHttp().setMethod("GET");
    get.setBody(null);
    assertThat(body(handler.handleRequest(get, null))).containsEntry("status", "pending");

    s3.putObject(
        b -> b.bucket(LocalS3.OUTPUT).key("filmgrab/" + id + ".json/palette.json"),
        RequestBody.fromString("{\"colors\":[],\"source\":{\"film\":\"Blade Runner 2049\"}}"));
    Map<String, Object> done = body(handler.handleRequest(get, null));
    assertThat(done).containsEntry("status", "done");
    assertThat(done.get("palette").toString()).contains("Blade Runner 2049");
  }

  @ParameterizedTest
  @Event(value = JOBS, type = APIGatewayV2HTTPEvent.class)
  void hostileOrTooManyStillsAreRefusedAndNothingIsWritten(APIGatewayV2HTTPEvent event)
      throws Exception {
    ApiHandler handler = handler("");
    String many = "\"https://film-grab.com/wp-content/uploads/photo-gallery/a.jpg\",".repeat(25);
    for (String stills :
        List.of(
            "[\"http://169.254.169.254/latest/meta-data/\"]",
            "[\"https://film-grab.com.evil.example/x.jpg\"]",
            "[" + many.substring(0, many.length() - 1) + "]",
            "[]")) {
      event.setBody("{\"stills\":" + stills + "}");

      var response = handler.handleRequest(event, null);

      assertThat(response.getStatusCode()).as(stills).isEqualTo(400);
      assertThat(body(response).get("error")).isIn("filmgrab_refused", "invalid_stills");
    }
    assertThat(s3.listObjectsV2(b -> b.bucket(LocalS3.INPUT)).contents()).isEmpty();
  }

  @ParameterizedTest
  @Event(value = SEARCH, type = APIGatewayV2HTTPEvent.class)
  void aCrossSiteSearchFetchesNothing(APIGatewayV2HTTPEvent event) throws Exception {
    ApiHandler handler = handler(site.baseUrl().toString());
    int before = site.requests().size();
    // <img src=".../filmgrab/search?q=…"> on another site: no Origin, no custom header
    event.getHeaders().remove("origin");
    event.getHeaders().remove(Callers.CLIENT_HEADER);
    event.getHeaders().put("sec-fetch-site", "cross-site");
    var crossSite = handler.handleRequest(at(event, "/filmgrab/search", "q=blade"), null);
    // fetch(url, {mode: "no-cors"}) from a page the browser sends no fetch metadata for
    event.getHeaders().remove("sec-fetch-site");
    var noHeader = handler.handleRequest(at(event, "/filmgrab/search", "q=blade"), null);

    assertThat(crossSite.getStatusCode()).isEqualTo(403);
    assertThat(body(crossSite)).containsEntry("error", "cross_site_refused");
    assertThat(noHeader.getStatusCode()).isEqualTo(403);
    assertThat(body(noHeader)).containsEntry("error", "client_header_missing");
    assertThat(site.requests()).hasSize(before);
  }

  @ParameterizedTest
  @Event(value = JOBS, type = APIGatewayV2HTTPEvent.class)
  void onlyAFilmGrabPageAndAPlainTitleAreStored(APIGatewayV2HTTPEvent event) throws Exception {
    ApiHandler handler = handler("");
    String still = "\"https://film-grab.com/wp-content/uploads/photo-gallery/a.jpg\"";
    for (String fields :
        List.of(
            "\"filmUrl\":\"javascript:alert(1)\"",
            "\"filmUrl\":\"https://evil.example/film/\"",
            "\"filmUrl\":\"https://film-grab.com.evil.example/2019/05/24/blade-runner-2049/\"",
            "\"film\":\"Blade\\nRunner\"",
            "\"film\":\"Blade \\u202eRunner\"",
            "\"film\":\"" + "x".repeat(FilmGrabJobs.MAX_TITLE + 1) + "\"")) {
      event.setBody("{\"stills\":[" + still + "]," + fields + "}");

      var response = handler.handleRequest(event, null);

      assertThat(response.getStatusCode()).as(fields).isEqualTo(400);
      assertThat(body(response).get("error"))
          .as(fields)
          .isIn("filmgrab_refused", "invalid_url", "invalid_film");
    }
    assertThat(s3.listObjectsV2(b -> b.bucket(LocalS3.INPUT)).contents()).isEmpty();
  }

  static String encode(String text) {
    return java.net.URLEncoder.encode(text, StandardCharsets.UTF_8);
  }

  @ParameterizedTest
  @Event(value = JOBS, type = APIGatewayV2HTTPEvent.class)
  void aFilmPaletteIsOneJobListingEveryStill(APIGatewayV2HTTPEvent event) throws Exception {
    ApiHandler handler = handler("");
    event.setBody(event.getBody().replace("{\"stills\"", "{\"filmPalette\":true,\"stills\""));

    var response = handler.handleRequest(event, null);

    assertThat(response.getStatusCode()).isEqualTo(201);
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> jobs = (List<Map<String, Object>>) body(response).get("jobs");
    assertThat(jobs).singleElement().extracting(j -> j.get("stills")).isEqualTo(2);
    String id = (String) jobs.get(0).get("jobId");
    String request =
        s3.getObjectAsBytes(b -> b.bucket(LocalS3.INPUT).key("filmgrab/" + id + ".json"))
            .asUtf8String();
    assertThat(request)
        .contains("\"stills\":[", "BladeRunner2049_001.jpg", "BladeRunner2049_002.jpg");
  }
}
