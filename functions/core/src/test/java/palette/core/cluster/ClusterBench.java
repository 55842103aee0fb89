package palette.core.cluster;

import java.awt.image.BufferedImage;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import javax.imageio.ImageIO;
import palette.core.image.PixelImage;
import palette.core.options.ColorSpace;
import palette.core.options.PaletteOptions;

/**
 * Times {@link KMeans#cluster} on one image, for {@code bench/sklearn_compare.py}. Usage: {@code
 * ClusterBench <file.rgb WIDTH HEIGHT | file.png> [k] [limit] [runs] [rgb|oklab]}. A {@code .rgb}
 * file is raw 8-bit R,G,B triples row by row. Prints one JSON object.
 */
public final class ClusterBench {
  private ClusterBench() {}

  public static void main(String[] args) throws IOException {
    int at = 0;
    PixelImage image;
    if (args[0].endsWith(".rgb")) {
      image = raw(Path.of(args[0]), Integer.parseInt(args[1]), Integer.parseInt(args[2]));
      at = 3;
    } else {
      image = png(new File(args[0]));
      at = 1;
    }
    int k = args.length > at ? Integer.parseInt(args[at]) : PaletteOptions.defaults().k();
    int limit = args.length > at + 1 ? Integer.parseInt(args[at + 1]) : 20;
    int runs = args.length > at + 2 ? Integer.parseInt(args[at + 2]) : 15;
    ColorSpace space = args.length > at + 3 ? ColorSpace.parse(args[at + 3]) : ColorSpace.RGB;
    PaletteOptions options = PaletteOptions.defaults().withK(k).withLimit(limit).withSpace(space);
    Clustering result = null;
    for (int i = 0; i < Math.max(5, runs / 2); i++) {
      result = KMeans.cluster(image, options);
    }
    double[] ms = new double[runs];
    long cpuStart = processCpuNanos();
    for (int i = 0; i < runs; i++) {
      long start = System.nanoTime();
      result = KMeans.cluster(image, options);
      ms[i] = (System.nanoTime() - start) / 1e6;
    }
    double cpuMs = (processCpuNanos() - cpuStart) / 1e6 / runs;
    Arrays.sort(ms);
    System.out.println(json(image, k, limit, ms, cpuMs, result));
  }

  /** CPU time of the whole process, all threads (includes the JIT and GC, a little). */
  private static long processCpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean)
            java.lang.management.ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
  }

  private static String json(
      PixelImage image, int k, int limit, double[] ms, double cpuMs, Clustering c) {
    StringBuilder colors = new StringBuilder();
    for (int color : c.centroids()) {
      colors.append(colors.length() == 0 ? "" : ",").append(String.format("\"#%06x\"", color));
    }
    return String.format(
        Locale.ROOT,
        "{\"width\":%d,\"height\":%d,\"k\":%d,\"limit\":%d,\"runs\":%d,"
            + "\"median_ms\":%.3f,\"min_ms\":%.3f,\"max_ms\":%.3f,\"cpu_ms\":%.3f,\"mse\":%.6f,"
            + "\"iterations\":%d,\"stop\":\"%s\",\"distinct\":%d,\"colors\":[%s]}",
        image.width(),
        image.height(),
        k,
        limit,
        ms.length,
        ms[ms.length / 2],
        ms[0],
        ms[ms.length - 1],
        cpuMs,
        c.mse(),
        c.iterations(),
        c.stopReason().id(),
        c.distinctColors(),
        colors);
  }

  static PixelImage raw(Path file, int width, int height) throws IOException {
    byte[] bytes = Files.readAllBytes(file);
    int[] argb = new int[width * height];
    for (int i = 0; i < argb.length; i++) {
      int r = bytes[3 * i] & 0xff;
      int g = bytes[3 * i + 1] & 0xff;
      int b = bytes[3 * i + 2] & 0xff;
      argb[i] = 0xff000000 | (r << 16) | (g << 8) | b;
    }
    return new PixelImage(width, height, argb);
  }

  private static PixelImage png(File file) throws IOException {
    BufferedImage image = ImageIO.read(file);
    int w = image.getWidth();
    int h = image.getHeight();
    return new PixelImage(w, h, image.getRGB(0, 0, w, h, null, 0, w));
  }
}
