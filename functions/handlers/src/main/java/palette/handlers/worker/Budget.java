package palette.handlers.worker;

import com.amazonaws.services.lambda.runtime.Context;
import java.util.Locale;
import java.util.function.Function;
import java.util.function.LongSupplier;
import palette.core.ErrorCode;
import palette.core.PaletteException;
import palette.core.options.ImageLimits;
import palette.core.options.PaletteOptions;

/**
 * What one invocation may still spend: milliseconds before Lambda kills it and bytes of heap. A
 * Lambda timeout or out-of-memory error would end the invocation in silence (and be retried into
 * the same death), so the job checks the budget before each expensive stage and refuses an image
 * too large for it with {@code error.json} ({@code too_large_for_budget}) instead.
 *
 * <p>The engine refuses an image from its header before decoding, so the budget becomes a pixel
 * cap: the pixels whose decoding, clustering and rendering fit the free heap ({@link
 * #BYTES_PER_PIXEL} each) and the remaining time ({@link #PIXELS_PER_MS}, conservatively), after
 * keeping {@link #WRITE_RESERVE_MS} to write the outputs or the error.
 *
 * <p>Free heap is the maximum less what is in use, and garbage not yet collected counts as in use:
 * with a young generation sized to hold a job's garbage, that can be hundreds of megabytes. So an
 * image refused for memory is tried once more after {@code reclaim} (a collection) ran.
 *
 * @param remainingMs milliseconds left, read when asked ({@code Context::getRemainingTimeInMillis})
 * @param freeBytes heap bytes that may still be allocated, read when asked
 * @param reclaim frees what is no longer used, so that {@code freeBytes} counts only live data
 */
record Budget(LongSupplier remainingMs, LongSupplier freeBytes, Runnable reclaim) {
  /** Decoded ARGB raster, its working copy, labels and the rendered outputs, with margin. */
  static final long BYTES_PER_PIXEL = 16;

  /** Decode plus k-means plus PNG encoding, measured at about 7,000 per ms warm on one core. */
  static final long PIXELS_PER_MS = 2_000;

  /** Time kept back for the puts of the outputs (or of error.json). */
  static final long WRITE_RESERVE_MS = 2_000;

  /** No limits: for callers outside Lambda. */
  public static final Budget UNLIMITED = new Budget(() -> Long.MAX_VALUE, () -> Long.MAX_VALUE);

  /** A budget whose free bytes need no collecting to be exact (tests). */
  Budget(LongSupplier remainingMs, LongSupplier freeBytes) {
    this(remainingMs, freeBytes, () -> {});
  }

  /** The invocation's remaining time from Lambda and this JVM's free heap. */
  public static Budget of(Context context) {
    if (context == null) {
      return new Budget(() -> Long.MAX_VALUE, Budget::freeHeap, System::gc);
    }
    return new Budget(context::getRemainingTimeInMillis, Budget::freeHeap, System::gc);
  }

  static long freeHeap() {
    Runtime runtime = Runtime.getRuntime();
    return runtime.maxMemory() - (runtime.totalMemory() - runtime.freeMemory());
  }

  /** The most pixels the engine may decode now, given {@code inputBytes} already in memory. */
  long pixelCap(long inputBytes) {
    long byMemory = Math.max(0, freeBytes.getAsLong() - inputBytes) / BYTES_PER_PIXEL;
    long ms = remainingMs.getAsLong();
    long byTime =
        ms >= Long.MAX_VALUE / PIXELS_PER_MS
            ? Long.MAX_VALUE
            : Math.max(0, ms - WRITE_RESERVE_MS) * PIXELS_PER_MS;
    return Math.min(byMemory, byTime);
  }

  /**
   * Runs {@code engine} with the pixel limit lowered to what the budget allows, so an image too
   * large for the time or memory left is refused from its header, before a pixel is decoded. Every
   * job that decodes images (uploads, film-grab stills, film palettes) goes through here.
   *
   * @param name what is decoded, for the message
   * @param inputBytes bytes already held in memory (the encoded image or stills)
   * @throws Exceeded when not even one pixel fits, or the lowered limit refused the image
   */
  <T> T run(
      String name, long inputBytes, PaletteOptions options, Function<PaletteOptions, T> engine) {
    try {
      return within(name, inputBytes, options, engine);
    } catch (Exceeded refused) {
      reclaim.run(); // the garbage counted as used may be what made the image not fit
      return within(name, inputBytes, options, engine);
    }
  }

  private <T> T within(
      String name, long inputBytes, PaletteOptions options, Function<PaletteOptions, T> engine) {
    long cap = pixelCap(inputBytes);
    ImageLimits limits = options.limits();
    if (cap >= limits.maxPixels()) {
      return engine.apply(options);
    }
    String budgetText =
        String.format(
            Locale.ROOT,
            "%s is too large for the function's time and memory: at most %.1f megapixels fit"
                + " now (%d MB of heap free, %d ms left)",
            name,
            cap / 1e6,
            freeBytes.getAsLong() >> 20,
            remainingMs.getAsLong());
    if (cap < 1) {
      throw new Exceeded(budgetText);
    }
    try {
      return engine.apply(options.withLimits(new ImageLimits(cap, limits.maxBytes())));
    } catch (PaletteException e) {
      if (e.code() == ErrorCode.TOO_MANY_PIXELS) {
        throw new Exceeded(budgetText + "; " + e.getMessage());
      }
      throw e;
    }
  }

  /**
   * Refuses to start writing when the reserve is gone: a killed write would leave no error.json.
   */
  void checkTimeToWrite(String key) {
    long ms = remainingMs.getAsLong();
    if (ms < WRITE_RESERVE_MS / 2) {
      throw new Exceeded(
          String.format(
              Locale.ROOT,
              "%s took too long: %d ms were left for writing the results, %d needed",
              key,
              ms,
              WRITE_RESERVE_MS / 2));
    }
  }

  /** An image the invocation cannot finish within its time or memory; permanent. */
  static final class Exceeded extends RuntimeException {
    static final String CODE = "too_large_for_budget";

    Exceeded(String message) {
      super(message);
    }
  }
}
