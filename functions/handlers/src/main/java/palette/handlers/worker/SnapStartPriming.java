package palette.handlers.worker;

import com.sun.management.HotSpotDiagnosticMXBean;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.security.GeneralSecurityException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.Executor;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import javax.imageio.ImageIO;
import org.crac.Context;
import org.crac.Core;
import org.crac.Resource;
import palette.core.Stopwatch;
import palette.handlers.Json;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * SnapStart takes its snapshot after the constructor ran; before it does, this runs whole jobs on a
 * generated photo through the real S3 client, answered in memory ({@link PrimingHttpClient}), so
 * the snapshot holds the decoder, k-means, encoders, the SDK's request code and the output code
 * loaded and compiled instead of compiling them during the first real events. No connection is
 * opened, so none is frozen into the snapshot.
 *
 * <p>The worker runs the optimising compiler (its {@code JAVA_TOOL_OPTIONS}), which compiles hot
 * code on background threads only after it has run for a while, so one job is not enough: {@link
 * #ROUNDS} jobs, within {@link #MAX_MS}. Each round also encrypts and decrypts TLS-record-sized
 * buffers with AES-GCM, the cipher of S3's TLS, whose fast code exists only once the optimising
 * compiler has the cipher's methods.
 */
final class SnapStartPriming implements Resource {
  /**
   * Jobs run before the snapshot. The optimising compiler is still at work after 40 (a few
   * milliseconds of compilation a round) and more rounds kept shortening the first events a little
   * ({@code docs/speed.md}); twelve take about 2 s here, which every local environment also pays.
   */
  static final int ROUNDS = 12;

  /**
   * A bound on priming, on a slow or shared machine. Lambda allows a SnapStart init 130 s or the
   * function's timeout, whichever is longer; the local runtime pays priming on every environment's
   * start, so it is kept short.
   */
  static final long MAX_MS = 5_000;

  /** Never sent anywhere: the requests they sign are answered in memory. */
  private static final StaticCredentialsProvider PRIMING_CREDENTIALS =
      StaticCredentialsProvider.create(AwsBasicCredentials.create("priming", "priming"));

  private final WorkerConfig config;
  private final Executor requests;
  private final PrintStream log;

  SnapStartPriming(WorkerConfig config, Executor requests, PrintStream log) {
    this.config = config;
    this.requests = requests;
    this.log = log;
  }

  /**
   * What priming did: the last job's outcome, the rounds run, the time they took, the compilation
   * time they caused, and the compiler level the JVM stops at and its heap's initial and maximum
   * sizes, so the log shows that the function's {@code JAVA_TOOL_OPTIONS} took effect.
   */
  record Primed(
      Outcome last,
      List<String> requests,
      int rounds,
      double ms,
      long compileMs,
      String level,
      long heapInitialMb,
      long heapMaxMb) {
    Map<String, Object> logFields() {
      Map<String, Object> fields = new LinkedHashMap<>();
      fields.put("level", "INFO");
      fields.put("message", "primed before the snapshot");
      fields.put("outcome", last.status());
      fields.put("rounds", rounds);
      fields.put("primingMs", ms);
      fields.put("compileMs", compileMs);
      fields.put("tieredStopAtLevel", level);
      fields.put("heapInitialMb", heapInitialMb);
      fields.put("heapMaxMb", heapMaxMb);
      return fields;
    }
  }

  /**
   * Registers for the checkpoint; the caller keeps the instance (the context may hold it weakly).
   */
  SnapStartPriming register() {
    Core.getGlobalContext().register(this);
    return this;
  }

  @Override
  public void beforeCheckpoint(Context<? extends Resource> context) {
    log.println(Json.write(prime().logFields()));
  }

  @Override
  public void afterRestore(Context<? extends Resource> context) {
    // Nothing to renew: the default credentials chain refreshes what it resolved when it expires.
  }

  /** {@link #ROUNDS} jobs and ciphers; the last job's outcome shows that they really ran. */
  Primed prime() {
    byte[] photo = jpeg();
    Stopwatch clock = Stopwatch.start();
    var compiler = ManagementFactory.getCompilationMXBean();
    long compileStart = compiler.getTotalCompilationTime();
    Outcome last = null;
    int rounds = 0;
    PrimingHttpClient http = new PrimingHttpClient(photo);
    try (S3Client s3 = S3Storage.client(config, PRIMING_CREDENTIALS, http)) {
      Storage storage = new S3Storage(s3);
      while (rounds < ROUNDS && (rounds == 0 || clock.totalMs() < MAX_MS)) {
        last = job(storage, photo);
        cipher(photo);
        rounds++;
      }
    }
    return new Primed(
        last,
        http.requests(),
        rounds,
        clock.totalMs(),
        compiler.getTotalCompilationTime() - compileStart,
        vmOption("TieredStopAtLevel"),
        Long.parseLong(vmOption("InitialHeapSize")) >> 20,
        Long.parseLong(vmOption("MaxHeapSize")) >> 20);
  }

  /**
   * A JVM option as the JVM settled it, whoever set it: {@code TieredStopAtLevel} is 1 for the
   * quick compiler only and 4 for both; the heap sizes are bytes.
   */
  private static String vmOption(String name) {
    return ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class)
        .getVMOption(name)
        .getValue();
  }

  private Outcome job(Storage storage, byte[] photo) {
    return new PaletteJob(storage, config, requests)
        .run(new ObjectRef("priming", "priming.jpg", photo.length));
  }

  /** 64 TLS records (16 KB each, about 1 MB) sealed and opened. */
  private static void cipher(byte[] photo) {
    try {
      SecretKeySpec key = new SecretKeySpec(new byte[16], "AES");
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      byte[] iv = new byte[12];
      for (int i = 0; i < 64; i++) {
        iv[0] = (byte) i;
        iv[1]++;
        cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, iv));
        byte[] sealed = cipher.doFinal(photo, 0, Math.min(photo.length, 16384));
        cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(128, iv));
        cipher.doFinal(sealed);
      }
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-GCM is part of every JDK", e);
    }
  }

  /** A textured 640×400 JPEG: the format and kind of content most jobs get. */
  private static byte[] jpeg() {
    int width = 640;
    int height = 400;
    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    SplittableRandom random = new SplittableRandom(640_400);
    for (int y = 0; y < height; y++) {
      for (int x = 0; x < width; x++) {
        int noise = random.nextInt(24);
        int r = (x * 255 / width + noise) & 0xff;
        int g = (y * 255 / height + noise) & 0xff;
        int b = ((x + y) * 127 / (width + height) + 64 + noise) & 0xff;
        image.setRGB(x, y, r << 16 | g << 8 | b);
      }
    }
    try {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      ImageIO.write(image, "jpg", out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
