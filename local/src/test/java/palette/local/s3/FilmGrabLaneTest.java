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
import java.util.TreeMap;
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
 *
 * <p>S3 delivers each event at least once, so a job may run again: one job here is put twice, and
 * any job may also come twice on its own (one did in a CI run, no invocation having failed). A
 * second run keeps the pace too, and asks the site only whether the stills it kept changed.
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
      List<String> bodies = new ArrayList<>();
      for (int job = 0; job < 5; job++) {
        String stills = "\"" + still(site, job, 'a') + "\",\"" + still(site, job, 'b') + "\"";
        String key = "filmgrab/job" + job + ".json";
        String body = "{\"stills\":[" + stills + "],\"k\":2}";
        keys.add(key);
        bodies.add(body);
        s3.putObject(b -> b.bucket(LocalStack.INPUT_BUCKET).key(key), RequestBody.fromString(body));
      }

      s3.putObject(
          b -> b.bucket(LocalStack.INPUT_BUCKET).key(keys.get(1)),
          RequestBody.fromString(bodies.get(1)));

      for (String key : keys) {
        FilmGrabRequestIntegrationTestSupport.await(s3, key, Duration.ofSeconds(40), log);
      }
      awaitIdle(stack.invokerFor("{\"eventSource\":\"aws:sqs\"}"), Duration.ofSeconds(40));

      String stackLog = log.toString(StandardCharsets.UTF_8);
      assertThat(stackLog).as("no invocation was retried").doesNotContain("invocation failed");
      List<FakeFilmGrab.Request> requests = site.requests();
      String context = "requests to the site " + requests + "; the stack's log:\n" + stackLog;
      // robots.txt once, first, then two stills per run of a job
      assertThat(requests).as(context).isNotEmpty();
      assertThat(requests.get(0).path()).as(context).isEqualTo("/robots.txt");
      List<FakeFilmGrab.Request> stills = requests.subList(1, requests.size());
      assertThat(stills).as(context).noneMatch(r -> r.path().equals("/robots.txt"));
      assertThat(stills.size() % 2).as(context).isZero();
      for (int i = 1; i < requests.size(); i++) {
        long gap = requests.get(i).nanoTime() - requests.get(i - 1).nanoTime();
        // the client spaces its sends by 1 s; measured where the server receives them, so allow
        // for scheduling jitter
        assertThat(Duration.ofNanos(gap)).as("gap before request " + i).isGreaterThan(ms(900));
      }
      Map<String, Integer> runs = new TreeMap<>();
      for (int i = 0; i < stills.size(); i += 2) {
        String job = job(stills.get(i).path());
        assertThat(job(stills.get(i + 1).path()))
            .as("one job at a time; " + context)
            .isEqualTo(job);
        boolean again = runs.merge(job, 1, Integer::sum) > 1;
        assertThat(List.of(stills.get(i).conditional(), stills.get(i + 1).conditional()))
            .as("job " + job + (again ? " again: only asks" : " first: fetches") + "; " + context)
            .containsOnly(again);
      }
      assertThat(runs.keySet()).as(context).containsExactly("0", "1", "2", "3", "4");
      assertThat(runs.get("1")).as("job 1, put twice; " + context).isGreaterThanOrEqualTo(2);
    }
  }

  /** Until the lane has nothing queued or running, twice in a row 200 ms apart. */
  private static void awaitIdle(LambdaInvoker lane, Duration limit) throws InterruptedException {
    long deadline = System.nanoTime() + limit.toNanos();
    int idle = 0;
    while (idle < 2) {
      assertThat(System.nanoTime()).as("the lane is still busy").isLessThan(deadline);
      Thread.sleep(200);
      idle = lane.pending() == 0 ? idle + 1 : 0;
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
