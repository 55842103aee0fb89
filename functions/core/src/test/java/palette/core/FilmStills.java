package palette.core;

import java.util.SplittableRandom;
import palette.core.image.PixelImage;
import palette.core.render.PngEncoder;

/** Synthetic stills for the film palette tests, encoded as PNG like a downloaded still. */
public final class FilmStills {
  private FilmStills() {}

  public static Still solid(String name, int width, int height, int rgb) {
    int[] argb = new int[width * height];
    java.util.Arrays.fill(argb, 0xff000000 | rgb);
    return still(name, width, height, argb);
  }

  /** Random colours around {@code base} (±{@code spread} per channel), seeded. */
  public static Still noisy(String name, int width, int height, int base, int spread, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    int[] argb = new int[width * height];
    for (int i = 0; i < argb.length; i++) {
      int r = clamp(((base >> 16) & 0xff) + random.nextInt(-spread, spread + 1));
      int g = clamp(((base >> 8) & 0xff) + random.nextInt(-spread, spread + 1));
      int b = clamp((base & 0xff) + random.nextInt(-spread, spread + 1));
      argb[i] = 0xff000000 | r << 16 | g << 8 | b;
    }
    return still(name, width, height, argb);
  }

  public static Still still(String name, int width, int height, int[] argb) {
    return new Still(name, PngEncoder.encode(new PixelImage(width, height, argb)));
  }

  private static int clamp(int v) {
    return Math.max(0, Math.min(255, v));
  }
}
