package palette.local.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.jr.ob.JSON;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import palette.handlers.api.ApiConfig;
import palette.local.s3.LocalStack;

/**
 * Many images uploaded at once through the API's presigned URLs by 16 clients, against what {@code
 * palette serve} runs. The assertions are about correctness (every job ends done or failed with a
 * reason, every done job has every output, identical inputs give identical outputs, the worker's
 * queue stays bounded); the numbers are printed. CI uploads {@value #CI_IMAGES} small images;
 * {@code -Dload.images=300} uploads 300 at 0.3 to 24 megapixels.
 */
class LoadTest {
  static final int CI_IMAGES = 60;
  static final int CLIENTS = 16;
  static final double[] CI_MEGAPIXELS = {0.03, 0.08, 0.15};
  static final double[] FULL_MEGAPIXELS = {0.3, 1, 2, 6, 12, 24};
  static final List<String> OUTPUTS =
      List.of("palette.json", "swatch.png", "replaced.png", "scatter.json", "palette.css");

  @TempDir Path folder;

  /** The API's clients, backing off on 429 as the page does (the template's limits apply). */
  final BackingOffClient api = new BackingOffClient(LocalWebStackTest.HTTP);

  @Test
  void everyUploadEndsDoneOrFailedWithEveryOutputAndNothingLost() throws Exception {
    int images = Integer.getInteger("load.images", CI_IMAGES);
    double[] sizes = images > CI_IMAGES ? FULL_MEGAPIXELS : CI_MEGAPIXELS;
    BufferedImage sample;
    try (InputStream in = LoadTest.class.getResourceAsStream("/samples/coffee.png")) {
      sample = ImageIO.read(in);
    }
    Path site = Files.createDirectories(folder.resolve("site"));
    Files.writeString(site.resolve("index.html"), "<h1>palette</h1>");
    Map<Integer, Result> results = new ConcurrentHashMap<>();
    HeapWatch heap = new HeapWatch();
    long start;
    long end;
    try (WebServer web = WebServer.bind(0);
        LocalStack stack =
            LocalStack.start(
                LocalStack.Settings.defaults(folder.resolve("s3"))
                    .withCorsOrigin(web.origin())
                    .withLog(new PrintStream(OutputStream.nullOutputStream())))) {
      ApiConfig config = LocalApi.config(stack, web.origin());
      web.serve(
          PublishedSite.publish(
              stack, site, web.origin(), new java.io.PrintWriter(OutputStream.nullOutputStream())),
          ApiThrottle.defaults(),
          LocalApi.handler(config));
      stack.warmUp();
      heap.start(stack);
      ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
      List<Future<?>> running = new ArrayList<>();
      start = System.nanoTime();
      for (int i = 0; i < images; i++) {
        int n = i;
        running.add(
            clients.submit(() -> results.put(n, upload(api, web, variant(sample, n, sizes)))));
      }
      for (Future<?> future : running) {
        future.get();
      }
      end = System.nanoTime();
      clients.shutdown();
      heap.stop();
      assertIdenticalInputsGaveIdenticalOutputs(results, images);
    }

    assertThat(results).hasSize(images);
    for (Result result : results.values()) {
      assertThat(result.status).as(result.toString()).isIn("done", "failed");
      if (result.status.equals("failed")) {
        assertThat(result.error).as(result.toString()).isNotBlank();
      } else {
        assertThat(result.files.keySet()).as(result.toString()).containsAll(OUTPUTS);
      }
    }
    assertThat(heap.mostPending.get()).isLessThanOrEqualTo(256 + 2);
    report(results, images, sizes, end - start, heap, api.throttled());
  }

  /** Variants 2m and 2m + 1 share their bytes, so their outputs must be equal byte for byte. */
  static void assertIdenticalInputsGaveIdenticalOutputs(Map<Integer, Result> results, int images)
      throws Exception {
    for (int n = 0; n + 1 < images; n += 2) {
      Result a = results.get(n);
      Result b = results.get(n + 1);
      if (a.status.equals("done")) {
        for (String name : List.of("swatch.png", "replaced.png", "palette.css")) {
          assertThat(fetch(b.files.get(name))).as(name).isEqualTo(fetch(a.files.get(name)));
        }
      }
    }
  }

  static void report(
      Map<Integer, Result> results,
      int images,
      double[] sizes,
      long nanos,
      HeapWatch heap,
      int throttled) {
    long[] latencies = results.values().stream().mapToLong(r -> r.latencyMs).sorted().toArray();
    long failed = results.values().stream().filter(r -> r.status.equals("failed")).count();
    System.out.printf(
        "load: %d images (%s MP), %d clients: %d done, %d failed, 0 lost; %.1f images/s;"
            + " upload-to-result p50 %d ms, p95 %d ms, p99 %d ms; peak heap %d MB of %d MB;"
            + " most events waiting %d; %d API answers 429 backed off from%n",
        images,
        Arrays.toString(sizes),
        CLIENTS,
        images - failed,
        failed,
        images / (nanos / 1e9),
        percentile(latencies, 50),
        percentile(latencies, 95),
        percentile(latencies, 99),
        heap.peak.get() >> 20,
        Runtime.getRuntime().maxMemory() >> 20,
        heap.mostPending.get(),
        throttled);
  }

  static long percentile(long[] sorted, int p) {
    return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)];
  }

  /** Image {@code n}: the sample scaled to one of the sizes and tinted; 2m and 2m + 1 are equal. */
  static byte[] variant(BufferedImage sample, int n, double[] sizes) {
    int seed = n / 2;
    double megapixels = sizes[seed % sizes.length];
    double aspect = (double) sample.getWidth() / sample.getHeight();
    int height = (int) Math.round(Math.sqrt(megapixels * 1e6 / aspect));
    int width = (int) Math.round(height * aspect);
    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    g.setRenderingHint(
        RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
    g.drawImage(sample, 0, 0, width, height, null);
    g.setColor(new Color(Color.HSBtoRGB(seed * 0.13f, 0.8f, 0.9f) & 0xFFFFFF | 0x30000000, true));
    g.fillRect(0, 0, width, height);
    g.dispose();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      ImageIO.write(image, "jpg", out);
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
    return out.toByteArray();
  }

  /**
   * One client's whole exchange: create the upload, PUT the bytes, poll every 50 ms until the job
   * ended; throttled calls wait as the API says.
   */
  static Result upload(BackingOffClient api, WebServer web, byte[] bytes) throws Exception {
    String body =
        "{\"filename\":\"photo.jpg\",\"contentType\":\"image/jpeg\",\"size\":"
            + bytes.length
            + ",\"k\":5}";
    HttpResponse<String> created =
        api.send(
            HttpRequest.newBuilder(web.url().resolve("/uploads"))
                .header("content-type", "application/json")
                .header("origin", web.origin())
                .header("x-palette-client", "page")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build());
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    Map<String, Object> upload = JSON.std.mapFrom(created.body());
    String jobId = (String) upload.get("jobId");
    long start = System.nanoTime();
    assertThat(LocalWebStackTest.put(upload, bytes)).isEqualTo(200);
    long deadline = start + 300_000_000_000L;
    while (System.nanoTime() < deadline) {
      HttpResponse<String> polled =
          api.send(HttpRequest.newBuilder(web.url().resolve("/jobs/" + jobId)).build());
      assertThat(polled.statusCode()).as(polled.body()).isEqualTo(200);
      Map<String, Object> job = JSON.std.mapFrom(polled.body());
      if (!"pending".equals(job.get("status"))) {
        return new Result(job, (System.nanoTime() - start) / 1_000_000);
      }
      Thread.sleep(50);
    }
    throw new AssertionError("job " + jobId + " still pending after 300 s");
  }

  static byte[] fetch(String url) throws Exception {
    return LocalWebStackTest.HTTP
        .send(
            HttpRequest.newBuilder(URI.create(url)).build(),
            HttpResponse.BodyHandlers.ofByteArray())
        .body();
  }

  /** What a job ended as, with its output URLs by file name. */
  record Result(String status, String error, Map<String, String> files, long latencyMs) {
    Result(Map<String, Object> job, long latencyMs) {
      this(
          String.valueOf(job.get("status")),
          job.get("error") == null ? null : String.valueOf(job.get("error")),
          files(job.get("files")),
          latencyMs);
    }

    static Map<String, String> files(Object list) {
      Map<String, String> files = new ConcurrentHashMap<>();
      if (list instanceof List<?> items) {
        for (Object item : items) {
          Map<?, ?> file = (Map<?, ?>) item;
          files.put(String.valueOf(file.get("name")), String.valueOf(file.get("url")));
        }
      }
      return Collections.unmodifiableMap(files);
    }
  }

  /** Samples the heap in use and the worker's waiting events every 20 ms. */
  static final class HeapWatch {
    final AtomicLong peak = new AtomicLong();
    final AtomicLong mostPending = new AtomicLong();
    private volatile boolean running = true;
    private Thread thread;

    void start(LocalStack stack) {
      var memory = ManagementFactory.getMemoryMXBean();
      thread =
          new Thread(
              () -> {
                while (running) {
                  peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
                  mostPending.accumulateAndGet(stack.invoker().pending(), Math::max);
                  try {
                    Thread.sleep(20);
                  } catch (InterruptedException e) {
                    return;
                  }
                }
              });
      thread.setDaemon(true);
      thread.start();
    }

    void stop() throws InterruptedException {
      running = false;
      thread.join();
    }
  }
}
