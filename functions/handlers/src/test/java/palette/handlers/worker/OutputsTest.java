package palette.handlers.worker;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import palette.core.Artifact;

/**
 * A result is written while the engine still encodes it: the outputs must still land only after the
 * old marker is gone, the marker only after every output, and a job that gives up must not leave a
 * request running.
 */
class OutputsTest {
  static final String OUT = "palette-output";
  static final String PREFIX = "photos/a.png/";
  static final Artifact SWATCH =
      new Artifact("swatch.png", "image/png", "png".getBytes(StandardCharsets.US_ASCII));

  final ExecutorService requests = Executors.newFixedThreadPool(6);
  final CountDownLatch release = new CountDownLatch(1);

  @AfterEach
  void stop() {
    release.countDown();
    requests.shutdownNow();
  }

  @Test
  void outputsWaitUntilTheOldMarkerIsDeletedAndTheMarkerComesLast() throws Exception {
    MemoryStorage storage =
        new MemoryStorage() {
          @Override
          void beforeDelete(String key) {
            WorkerCalls.await(release, 10);
          }
        };
    storage.put(
        OUT, PREFIX + "palette.json", "old".getBytes(StandardCharsets.UTF_8), java.util.Map.of());
    Outputs.Draft draft = new Outputs(storage, OUT, requests).begin(PREFIX);

    draft.write(SWATCH);
    TimeUnit.MILLISECONDS.sleep(200);
    assertThat(calls(storage)).as("nothing put while the old marker is there").isEmpty();

    release.countDown();
    draft.commit("{}", "etag-1");

    assertThat(calls(storage))
        .containsExactlyInAnyOrder(
            "delete " + OUT + "/" + PREFIX + "error.json",
            "delete " + OUT + "/" + PREFIX + "palette.json",
            "put " + OUT + "/" + PREFIX + "swatch.png",
            "put " + OUT + "/" + PREFIX + "palette.json");
    assertThat(calls(storage).subList(0, 2)).allMatch(call -> call.startsWith("delete "));
    assertThat(calls(storage)).last().isEqualTo("put " + OUT + "/" + PREFIX + "palette.json");
    assertThat(storage.get(OUT, PREFIX + "palette.json").meta())
        .containsEntry(Outputs.SOURCE_ETAG, "etag-1");
  }

  @Test
  void settleReturnsOnlyWhenNoWriteIsRunning() throws Exception {
    MemoryStorage storage =
        new MemoryStorage() {
          @Override
          void beforeWrite(String key) {
            WorkerCalls.await(release, 10);
          }
        };
    Outputs.Draft draft = new Outputs(storage, OUT, requests).begin(PREFIX);
    draft.write(SWATCH);

    Thread settling = new Thread(draft::settle);
    settling.start();
    settling.join(200);
    assertThat(settling.isAlive()).as("still waiting for the put").isTrue();

    release.countDown();
    settling.join(5_000);
    assertThat(settling.isAlive()).isFalse();
    assertThat(storage.keys(OUT)).containsExactly(PREFIX + "swatch.png");
  }

  private static List<String> calls(MemoryStorage storage) {
    synchronized (storage) {
      return List.copyOf(storage.calls);
    }
  }
}
