package palette.local.s3;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import palette.filmgrab.FakeFilmGrab;
import palette.handlers.FilmGrabSettings;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * A film-grab request object dropped into the input bucket of the local stack (real S3 server, S3
 * notifications to the real worker) against a local film-grab.com: the still is fetched and the
 * usual outputs appear, or a hostile URL is refused with {@code error.json} and never fetched.
 */
class FilmGrabRequestIntegrationTest {
  static final String IN = LocalStack.INPUT_BUCKET;
  static final String OUT = LocalStack.OUTPUT_BUCKET;
  static final ByteArrayOutputStream LOG = new ByteArrayOutputStream();

  @TempDir static Path folder;
  static FakeFilmGrab site;
  static LocalStack stack;
  static S3Client s3;

  @BeforeAll
  static void start() throws Exception {
    site = FakeFilmGrab.start();
    stack =
        LocalStack.start(
            LocalStack.Settings.defaults(folder)
                .withEnv(Map.of(FilmGrabSettings.FILMGRAB_BASE_URL, site.baseUrl().toString()))
                .withLog(new PrintStream(LOG, true, StandardCharsets.UTF_8)));
    s3 = stack.client();
  }

  @AfterAll
  static void stop() throws Exception {
    s3.close();
    stack.close();
    site.close();
  }

  static void drop(String key, String json) {
    s3.putObject(
        b -> b.bucket(IN).key(key).contentType("application/json"), RequestBody.fromString(json));
  }

  /** The outputs of {@code key} once its commit marker or error.json appears (10 s at most). */
  static Map<String, String> awaitOutputs(String key) throws InterruptedException {
    long deadline = System.nanoTime() + 10_000_000_000L;
    while (System.nanoTime() < deadline) {
      Map<String, String> files = new TreeMap<>();
      for (S3Object object : s3.listObjectsV2(b -> b.bucket(OUT).prefix(key + "/")).contents()) {
        byte[] bytes = s3.getObjectAsBytes(b -> b.bucket(OUT).key(object.key())).asByteArray();
        files.put(
            object.key().substring(key.length() + 1), new String(bytes, StandardCharsets.UTF_8));
      }
      if (files.containsKey("palette.json") || files.containsKey("error.json")) {
        return files;
      }
      Thread.sleep(100);
    }
    throw new AssertionError("no outputs for " + key + " in 10 s; log:\n" + LOG);
  }

  @Test
  void aDroppedRequestGivesThePaletteOfTheStillWithItsUrlAndFilm() throws Exception {
    String still =
        site.baseUrl() + "wp-content/uploads/photo-gallery/BladeRunner2049_002.jpg?bwg=1558694400";
    String key = "filmgrab/ohvxg3dfon2gk43uobqwy3ltmu.json";

    drop(
        key,
        "{\"still\":\""
            + still
            + "\",\"film\":\"Blade Runner 2049\",\"filmUrl\":\""
            + site.baseUrl()
            + "2019/05/24/blade-runner-2049/\",\"k\":3}");
    Map<String, String> files = awaitOutputs(key);

    assertThat(files)
        .containsOnlyKeys(
            "palette.ase",
            "palette.css",
            "palette.gpl",
            "palette.json",
            "replaced.png",
            "scatter.json",
            "swatch.png");
    assertThat(files.get("palette.json"))
        .contains(
            "\"still\": \"" + still + "\"",
            "\"film\": \"Blade Runner 2049\"",
            "\"key\": \"" + key + "\"",
            "\"k\": 3");
    assertThat(site.count("/wp-content/uploads/photo-gallery/BladeRunner2049_002.jpg"))
        .isEqualTo(1);
  }

  @Test
  void aRequestForTheCloudMetadataAddressGivesErrorJsonAndNoFetch() throws Exception {
    String key = "filmgrab/metadata-probe.json";
    int requests = site.requests().size();

    drop(key, "{\"still\":\"http://169.254.169.254/latest/meta-data/iam/security-credentials/\"}");
    Map<String, String> files = awaitOutputs(key);

    assertThat(files).containsOnlyKeys("error.json");
    assertThat(files.get("error.json"))
        .startsWith(
            "{\"error\":\"filmgrab_refused\",\"message\":\"The still could not be fetched: ")
        .contains("169.254.169.254", "\"key\":\"" + key + "\"");
    assertThat(site.requests()).hasSize(requests);
  }
}
