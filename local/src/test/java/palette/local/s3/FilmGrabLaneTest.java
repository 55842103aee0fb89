package palette.local.s3;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import palette.filmgrab.FakeFilmGrab;
import palette.handlers.FilmGrabSettings;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Five film jobs dropped at once into the local stack: they go through the film-grab lane one at a
 * time, so the fake site sees one client at one request a second in total (robots.txt included),
 * and no job's requests are interleaved with another's, although the worker itself runs two at a
 * time.
 */
class FilmGrabLaneTest {
  @TempDir Path folder;

  @Test
  void fiveConcurrentFilmJobsKeepOneSecondBetweenAllRequests() throws Exception {
    ByteArrayOutputStream log = new ByteArrayOutputStream();
    try (FakeFilmGrab site = FakeFilmGrab.start();
        LocalStack stack =
            LocalStack.start(
                LocalStack.Settings.defaults(folder)
                    .withEnv(Map.of(FilmGrabSettings.FILMGRAB_BASE_URL, site.baseUrl().toString()))
                    .withLog(new PrintStream(log, true, StandardCharsets.UTF_8)));
        S3Client s3 = stack.client()) {
      List<String> keys = new ArrayList<>();
      for (int job = 0; job < 5; job++) {
        String stills = "\"" + still(site, job, 'a') + "\",\"" + still(site, job, 'b') + "\"";
        String key = "filmgrab/job" + job + ".json";
        keys.add(key);
        s3.putObject(
            b -> b.bucket(LocalStack.INPUT_BUCKET).key(key),
            RequestBody.fromString("{\"stills\":[" + stills + "],\"k\":2}"));
      }

      for (String key : keys) {
        FilmGrabRequestIntegrationTestSupport.await(s3, key, Duration.ofSeconds(40), log);
      }

      List<FakeFilmGrab.Request> requests = site.requests();
      // robots.txt once, then two stills per job; a retried job would ask again
      assertThat(requests)
          .as("requests to the site; the stack's log:%n%s", log.toString(StandardCharsets.UTF_8))
          .hasSize(11);
      for (int i = 1; i < requests.size(); i++) {
        long gap = requests.get(i).nanoTime() - requests.get(i - 1).nanoTime();
        // the client spaces its sends by 1 s; measured where the server receives them, so allow
        // for scheduling jitter
        assertThat(Duration.ofNanos(gap)).as("gap before request " + i).isGreaterThan(ms(900));
      }
      List<String> jobs = requests.subList(1, 11).stream().map(r -> job(r.path())).toList();
      for (int i = 0; i < jobs.size(); i += 2) {
        assertThat(jobs.get(i + 1)).as("one job at a time").isEqualTo(jobs.get(i));
      }
    }
  }

  private static String still(FakeFilmGrab site, int job, char which) {
    return site.baseUrl() + "wp-content/uploads/photo-gallery/job" + job + which + ".jpg";
  }

  private static String job(String path) {
    return path.replaceAll(".*/job(\\d).\\.jpg$", "$1");
  }

  private static Duration ms(long millis) {
    return Duration.ofMillis(millis);
  }
}
