package palette.core.cluster;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import palette.core.image.PixelImage;
import palette.core.options.ColorSpace;
import palette.core.options.PaletteOptions;

/**
 * Runs {@link KMeans#cluster} on many images in one JVM, for {@code bench/quality.py}. Usage:
 * {@code QualityBench LIST RUNS SPACE K...}, where each line of LIST is {@code name file.rgb WIDTH
 * HEIGHT}. One warm-up run, then RUNS timed runs per image and k; prints one JSON line each, with
 * the MSE of the palette and of the k-means result before {@link Accents} (what other k-means
 * implementations are compared with). One JVM keeps the JIT warm across images, so the first images
 * are not timed cold.
 */
public final class QualityBench {
  private QualityBench() {}

  public static void main(String[] args) throws IOException {
    List<String> lines = Files.readAllLines(Path.of(args[0]));
    int runs = Integer.parseInt(args[1]);
    ColorSpace space = ColorSpace.parse(args[2]);
    int[] ks = Arrays.stream(args, 3, args.length).mapToInt(Integer::parseInt).toArray();
    for (String line : lines) {
      String[] f = line.split(" ");
      PixelImage image =
          ClusterBench.raw(Path.of(f[1]), Integer.parseInt(f[2]), Integer.parseInt(f[3]));
      for (int k : ks) {
        System.out.println(measure(f[0], image, k, runs, space));
      }
    }
  }

  private static String measure(String name, PixelImage image, int k, int runs, ColorSpace space) {
    PaletteOptions options = PaletteOptions.defaults().withK(k).withSpace(space);
    Clustering result = KMeans.cluster(image, options);
    double[] ms = new double[runs];
    for (int i = 0; i < runs; i++) {
      long start = System.nanoTime();
      result = KMeans.cluster(image, options);
      ms[i] = (System.nanoTime() - start) / 1e6;
    }
    Arrays.sort(ms);
    StringBuilder colors = new StringBuilder();
    for (int color : result.centroids()) {
      colors.append(colors.length() == 0 ? "" : ",").append(String.format("\"#%06x\"", color));
    }
    Clustering kmeans = KMeans.cluster(image, options, false);
    return String.format(
        Locale.ROOT,
        "{\"image\":\"%s\",\"k\":%d,\"space\":\"%s\",\"median_ms\":%.3f,\"mse\":%.6f,"
            + "\"kmeans_mse\":%.6f,\"iterations\":%d,\"stop\":\"%s\",\"colors\":[%s]}",
        name,
        k,
        space.name().toLowerCase(Locale.ROOT),
        ms[runs / 2],
        result.mse(),
        kmeans.mse(),
        result.iterations(),
        result.stopReason().id(),
        colors);
  }
}
