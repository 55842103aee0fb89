package palette.local.bench;

import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.imageio.ImageIO;
import palette.handlers.worker.PaletteWorker;
import palette.handlers.worker.S3Storage;
import palette.handlers.worker.WorkerConfig;
import palette.local.lambda.Invocable;
import palette.local.lambda.LambdaArtifact;
import palette.local.lambda.LocalFunction;
import palette.local.lambda.TaskRoot;
import palette.local.s3.Images;
import palette.local.s3.LambdaInvoker;
import palette.local.s3.LocalS3;
import palette.local.s3.LocalStack;
import palette.local.s3.ObjectCreated;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Measures the worker, not a test: warm handling of a 1920×1080 JPEG (S3 get to last put, through
 * the embedded S3) and the cold start of the Lambda artifact (new JVM to posted result) started as
 * Lambda starts it. Run with {@code make bench-worker}; arguments: warm runs, cold runs, and the
 * photo's size as WIDTHxHEIGHT (1920x1080 unless given; the cost table in {@code docs/cost.md} also
 * uses 4000x3000).
 */
public final class WorkerBench {
  static String key = "bench/photo 1920x1080.jpg";

  public static void main(String[] args) throws Exception {
    int warmRuns = args.length > 0 ? Integer.parseInt(args[0]) : 30;
    int coldRuns = args.length > 1 ? Integer.parseInt(args[1]) : 5;
    String[] size = (args.length > 2 ? args[2] : "1920x1080").split("x");
    int width = Integer.parseInt(size[0]);
    int height = Integer.parseInt(size[1]);
    key = "bench/photo " + width + "x" + height + ".jpg";
    System.out.println(
        "JVM options: "
            + java.lang.management.ManagementFactory.getRuntimeMXBean().getInputArguments());
    Path tmp = Files.createTempDirectory("palette-bench");
    var settings =
        LocalStack.Settings.defaults(tmp.resolve("s3"))
            .withNotifications(false)
            .withLog(new PrintStream(OutputStream.nullOutputStream()));
    try (LocalStack stack = LocalStack.start(settings);
        S3Client s3 = stack.client()) {
      byte[] jpeg = photo(width, height);
      s3.putObject(b -> b.bucket(LocalStack.INPUT_BUCKET).key(key), RequestBody.fromBytes(jpeg));
      System.out.printf(Locale.ROOT, "input: %s, %d bytes%n", key, jpeg.length);
      if (warmRuns > 0) {
        warm(stack, jpeg.length, warmRuns);
      }
      if (coldRuns > 0) {
        cold(stack, tmp, coldRuns);
      }
    } finally {
      try (var files = Files.walk(tmp)) {
        files.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
      }
    }
  }

  /**
   * The sample photo scaled to the size given and saved as a JPEG: real texture, not a gradient.
   */
  static byte[] photo(int width, int height) throws Exception {
    BufferedImage sample = ImageIO.read(new ByteArrayInputStream(Images.sample()));
    BufferedImage big = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    var g = big.createGraphics();
    g.setRenderingHint(
        RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
    g.drawImage(sample, 0, 0, width, height, null);
    g.dispose();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ImageIO.write(big, "jpg", out);
    return out.toByteArray();
  }

  static void warm(LocalStack stack, long size, int runs) throws Exception {
    WorkerConfig config = WorkerConfig.fromEnv(stack.workerEnv());
    ByteArrayOutputStream log = new ByteArrayOutputStream();
    PaletteWorker worker =
        new PaletteWorker(config, new S3Storage(LocalStack.client(config)), new PrintStream(log));
    Invocable function = Invocable.inProcess(worker, LambdaInvoker.FUNCTION_NAME, 60);
    long primeStart = System.nanoTime();
    worker.warmUp(); // what SnapStart runs before its snapshot
    System.out.printf(Locale.ROOT, "priming: %.0f ms%n", (System.nanoTime() - primeStart) / 1e6);
    double[] first = new double[5];
    for (int i = 0; i < first.length; i++) {
      first[i] = newVersionHandled(function, size);
    }
    report("first events after priming, in order", first);
    settle(function, size);
    double[] ms = new double[runs];
    double[] cpu = new double[runs];
    for (int i = 0; i < runs; i++) {
      log.reset();
      String event = newVersion(size);
      long cpuStart = workerCpuNanos();
      long start = System.nanoTime();
      function.invoke(event);
      ms[i] = (System.nanoTime() - start) / 1e6;
      cpu[i] = (workerCpuNanos() - cpuStart) / 1e6;
    }
    requireDone(log.toString(StandardCharsets.UTF_8));
    report(
        "warm (settled), S3 get to last put ("
            + Runtime.getRuntime().availableProcessors()
            + " cpu)",
        ms);
    report("  CPU time of the worker's threads (the local S3 server's excluded)", cpu);
    System.out.println("last run's log line: " + log.toString(StandardCharsets.UTF_8).strip());
  }

  /**
   * Runs {@link #SETTLING_EVENTS} events before the measured ones. The optimising compiler keeps
   * compiling for a hundred events and more after priming (hundreds of milliseconds of compilation
   * every 20 events, on threads that share the processor), and the events get faster all the while:
   * for the 2 MP photo here about 130 ms at first, 100–110 after a hundred events. A few warm-up
   * events measured a moment of that, not the warm worker. Each window's median and the compilation
   * it caused are printed, so the first events' times stay visible. The count is the {@code
   * bench.settle} property (a multiple of {@link #WINDOW}).
   */
  static void settle(Invocable function, long size) throws Exception {
    var compiler = java.lang.management.ManagementFactory.getCompilationMXBean();
    for (int done = 0; done < SETTLING_EVENTS; done += WINDOW) {
      long compileStart = compiler.getTotalCompilationTime();
      double[] ms = new double[WINDOW];
      for (int i = 0; i < WINDOW; i++) {
        ms[i] = newVersionHandled(function, size);
      }
      Arrays.sort(ms);
      System.out.printf(
          Locale.ROOT,
          "settling, events %d-%d after the first: median %.1f ms, compilation %d ms%n",
          done + 1,
          done + WINDOW,
          percentile(ms, 50),
          compiler.getTotalCompilationTime() - compileStart);
    }
  }

  /** Milliseconds the function took for an event of a new version (the event made untimed). */
  static double newVersionHandled(Invocable function, long size) throws Exception {
    String event = newVersion(size);
    long start = System.nanoTime();
    function.invoke(event);
    return (System.nanoTime() - start) / 1e6;
  }

  static final int WINDOW = 20;

  static final int SETTLING_EVENTS = Integer.getInteger("bench.settle", 200);

  /**
   * An event for a new version of the photo, as each upload is: its own ETag, so the worker checks
   * the earlier result's marker and, finding it made from another version, does the job again.
   */
  static String newVersion(long size) {
    String eTag = String.format(Locale.ROOT, "%032x", ++versions);
    return new ObjectCreated(
            "ObjectCreated:Put", LocalStack.INPUT_BUCKET, key, size, eTag, Instant.now())
        .toEventJson(LocalS3.REGION);
  }

  private static long versions;

  /**
   * Cold starts of the built artifact under the local Lambda runtime ({@link LocalFunction}: the
   * official runtime client in a new JVM, as Lambda starts it), on demand and as SnapStart's init
   * (its priming run before the first event, no snapshot taken): init is the time until the
   * environment asks for its first event, the first event's handling is timed on its own.
   */
  static void cold(LocalStack stack, Path tmp, int runs) throws Exception {
    Path folder = tmp.resolve("artifact");
    LambdaArtifact.build(folder, tmp.resolve("make.log"));
    TaskRoot artifact = new TaskRoot(folder);
    // -Dbench.cold='A|B' compares other JVM options (JAVA_TOOL_OPTIONS values, separated by |).
    String compared =
        System.getProperty(
            "bench.cold", LocalStack.QUICK_JVM_OPTIONS + "|" + LocalStack.WORKER_JVM_OPTIONS);
    for (boolean snapStart : new boolean[] {false, true}) {
      for (String options : compared.split("\\|", -1)) {
        double[] init = new double[runs];
        double[] first = new double[runs];
        for (int i = 0; i < runs; i++) {
          Map<String, String> env = new HashMap<>(LambdaArtifact.env(stack));
          env.put("JAVA_TOOL_OPTIONS", options);
          ByteArrayOutputStream log = new ByteArrayOutputStream();
          long start = System.nanoTime();
          try (LocalFunction function =
              LocalFunction.start(
                  new LocalFunction.Definition(
                      "PaletteFunction",
                      LambdaArtifact.HANDLER,
                      artifact,
                      LocalStack.WORKER_MEMORY_MB,
                      60,
                      1,
                      snapStart,
                      env,
                      new PrintStream(log, true, StandardCharsets.UTF_8)))) {
            long ready = System.nanoTime();
            init[i] = (ready - start) / 1e6;
            function.invoke(newVersion(1));
            first[i] = (System.nanoTime() - ready) / 1e6;
          }
          requireDone(log.toString(StandardCharsets.UTF_8));
        }
        String mode = snapStart ? "SnapStart init (priming, no snapshot)" : "on demand";
        report(mode + ", JAVA_TOOL_OPTIONS='" + options + "': init", init);
        report("  first event", first);
        double[] total = new double[runs];
        for (int i = 0; i < runs; i++) {
          total[i] = init[i] + first[i];
        }
        report("  new JVM to result", total);
      }
    }
  }

  /** A run that skipped the job (its outputs already there) or failed it measures nothing. */
  static void requireDone(String workerLog) {
    if (!workerLog.contains("\"outcome\":\"done\"")) {
      throw new IllegalStateException("the worker did not do the job: " + workerLog.strip());
    }
  }

  /** CPU used so far by every live thread except the embedded S3 server's. */
  static long workerCpuNanos() {
    var threads = java.lang.management.ManagementFactory.getThreadMXBean();
    long total = 0;
    for (java.lang.management.ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
      if (info != null && !info.getThreadName().startsWith("S3Proxy")) {
        total += Math.max(0, threads.getThreadCpuTime(info.getThreadId()));
      }
    }
    return total;
  }

  static void report(String what, double[] ms) {
    double[] sorted = ms.clone();
    Arrays.sort(sorted);
    List<String> all = new ArrayList<>();
    for (double m : ms) {
      all.add(String.format(Locale.ROOT, "%.0f", m));
    }
    System.out.printf(
        Locale.ROOT,
        "%s: median %.1f ms, p10 %.1f, p90 %.1f, min %.1f, max %.1f (n=%d)%n  runs: %s%n",
        what,
        percentile(sorted, 50),
        percentile(sorted, 10),
        percentile(sorted, 90),
        sorted[0],
        sorted[sorted.length - 1],
        ms.length,
        String.join(" ", all));
  }

  static double percentile(double[] sorted, int p) {
    int index = (int) Math.round(p / 100.0 * (sorted.length - 1));
    return sorted[index];
  }
}
