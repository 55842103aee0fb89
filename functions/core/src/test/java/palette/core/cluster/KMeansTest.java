package palette.core.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import palette.core.ErrorCode;
import palette.core.Fixtures;
import palette.core.PaletteException;
import palette.core.image.ImageDecoder;
import palette.core.image.PixelImage;
import palette.core.options.ColorSpace;
import palette.core.options.ImageLimits;
import palette.core.options.PaletteOptions;
import palette.core.options.SortOrder;

/** Known answers on synthetic images, in both clustering spaces. */
class KMeansTest {
  private static final PaletteOptions DEFAULTS = PaletteOptions.defaults();

  @ParameterizedTest
  @EnumSource(ColorSpace.class)
  void solidImageGivesOneColour(ColorSpace space) {
    PixelImage image = filled(40, 30, 0xff3366cc);
    PaletteOptions options = DEFAULTS.withSpace(space);

    Clustering c = KMeans.cluster(image, options);

    assertThat(c.centroids()).containsExactly(0x3366cc);
    assertThat(c.counts()).containsExactly(1200L);
    assertThat(c.mse()).isZero();
    assertThat(c.stopReason()).isEqualTo(StopReason.FEW_DISTINCT_COLORS);
    ClusteringInvariants.check(image, options, c);
  }

  @ParameterizedTest
  @EnumSource(ColorSpace.class)
  void twoColourImageWithKSixGivesExactlyThoseTwo(ColorSpace space) {
    int[] argb = new int[50 * 20];
    for (int i = 0; i < argb.length; i++) {
      argb[i] = i % 7 == 0 ? 0xff102030 : 0xffe0d0c0;
    }
    PixelImage image = new PixelImage(50, 20, argb);
    PaletteOptions options = DEFAULTS.withSpace(space);

    Clustering c = KMeans.cluster(image, options);

    assertThat(ClusteringInvariants.sorted(c.centroids())).containsExactly(0x102030, 0xe0d0c0);
    long dark = Arrays.stream(argb).filter(p -> p == 0xff102030).count();
    assertThat(c.counts()[indexOf(c, 0x102030)]).isEqualTo(dark);
    assertThat(c.distinctColors()).isEqualTo(2);
    ClusteringInvariants.check(image, options, c);
  }

  @Test
  void fourSeparatedBlobsGiveTheirMeans() {
    int[] centres = {0x202020, 0xe02020, 0x20e020, 0x2020e0};
    PixelImage image = blobs(centres, 200, 12, 7);
    PaletteOptions options = DEFAULTS.withK(4).withLimit(100);

    Clustering c = KMeans.cluster(image, options);

    int[] expected = blobMeans(image.argb(), centres.length);
    assertThat(ClusteringInvariants.sorted(c.centroids()))
        .containsExactly(ClusteringInvariants.sorted(expected));
    assertThat(c.counts()).containsOnly(200L);
    assertThat(c.stopReason().converged()).isTrue();
    ClusteringInvariants.check(image, options, c);
  }

  @Test
  void fourSeparatedBlobsInOklabGiveColoursNearTheirMeans() {
    int[] centres = {0x202020, 0xe02020, 0x20e020, 0x2020e0};
    PixelImage image = blobs(centres, 200, 6, 11);
    PaletteOptions options = DEFAULTS.withK(4).withSpace(ColorSpace.OKLAB).withLimit(100);

    Clustering c = KMeans.cluster(image, options);

    int[] expected = blobMeans(image.argb(), centres.length);
    for (int mean : expected) {
      int nearest = c.centroids()[0];
      for (int colour : c.centroids()) {
        if (ClusteringInvariants.rgbDistance(colour, mean)
            < ClusteringInvariants.rgbDistance(nearest, mean)) {
          nearest = colour;
        }
      }
      assertThat(ClusteringInvariants.rgbDistance(nearest, mean))
          .as("mean %06x", mean)
          .isLessThanOrEqualTo(12);
    }
    assertThat(c.counts()).containsOnly(200L);
    ClusteringInvariants.check(image, options, c);
  }

  @Test
  void grayLevelsArePreservedExactly() {
    int[] levels = {0, 17, 18, 128, 254, 255};
    int[] argb = new int[64 * 64];
    for (int i = 0; i < argb.length; i++) {
      int v = levels[(i * 7 + i / 64) % levels.length];
      argb[i] = 0xff000000 | v * 0x010101;
    }
    PixelImage image = new PixelImage(64, 64, argb);

    for (ColorSpace space : ColorSpace.values()) {
      Clustering c = KMeans.cluster(image, DEFAULTS.withK(6).withSpace(space));
      assertThat(ClusteringInvariants.sorted(c.centroids()))
          .containsExactly(Arrays.stream(levels).map(v -> v * 0x010101).toArray());
      assertThat(c.mse()).isZero();
    }
  }

  @Test
  void transparentPixelsAreIgnoredWhateverColourTheyHide() {
    int[] argb = new int[30 * 30];
    for (int i = 0; i < argb.length; i++) {
      argb[i] =
          switch (i % 5) {
            case 0 -> 0xffff0000;
            case 1 -> 0x800000ff; // alpha 128: opaque enough
            case 2 -> 0x0000ff00; // fully transparent green
            case 3 -> 0x7f00ff00 | (i & 0xff); // alpha 127: transparent
            default -> 0x00000000;
          };
    }
    PixelImage image = new PixelImage(30, 30, argb);

    Clustering c = KMeans.cluster(image, DEFAULTS.withK(2));

    assertThat(ClusteringInvariants.sorted(c.centroids())).containsExactly(0x0000ff, 0xff0000);
    assertThat(c.opaquePixels()).isEqualTo(360);
    assertThat(c.labels()[2]).isEqualTo((byte) -1);
    assertThat(c.labels()[3]).isEqualTo((byte) -1);
    ClusteringInvariants.check(image, DEFAULTS.withK(2), c);
  }

  @Test
  void allTransparentImageIsRejectedWithAReadableMessage() {
    PixelImage image = filled(10, 10, 0x7fffffff);

    assertThatThrownBy(() -> KMeans.cluster(image, DEFAULTS))
        .isInstanceOfSatisfying(
            PaletteException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.NO_OPAQUE_PIXELS))
        .hasMessageContaining("no opaque pixels");
  }

  @Test
  void oneRowAndOneColumnImagesClusterTheSamePixelsAlike() {
    int[] argb = new int[1000];
    for (int i = 0; i < argb.length; i++) {
      argb[i] = 0xff000000 | (i % 256) << 16 | (i / 4) << 8 | (255 - i % 256);
    }
    PaletteOptions options = DEFAULTS.withK(4);

    Clustering row = KMeans.cluster(new PixelImage(1000, 1, argb), options);
    Clustering column = KMeans.cluster(new PixelImage(1, 1000, argb), options);

    assertThat(row.centroids()).hasSize(4).containsExactly(column.centroids());
    assertThat(row.labels()).containsExactly(column.labels());
    ClusteringInvariants.check(new PixelImage(1000, 1, argb), options, row);
    Clustering single = KMeans.cluster(filled(1, 1, 0xff010203), options);
    assertThat(single.centroids()).containsExactly(0x010203);
  }

  @Test
  void limitCapsTheIterations() {
    PixelImage image = noise(120, 90, 3);
    PaletteOptions options = DEFAULTS.withK(8).withLimit(1);

    Clustering c = KMeans.cluster(image, options);

    assertThat(c.iterations()).isEqualTo(1);
    ClusteringInvariants.check(image, options, c);
  }

  @ParameterizedTest
  @EnumSource(ColorSpace.class)
  void manyDistinctColoursAreClusteredOnBinsYetLabelledExactly(ColorSpace space) {
    PixelImage image = noise(300, 200, 5);
    PaletteOptions options = DEFAULTS.withK(7).withSpace(space);

    Clustering c = KMeans.cluster(image, options);

    assertThat(c.distinctColors()).isGreaterThan(WeightedColors.EXACT_LIMIT);
    assertThat(c.centroids()).hasSize(7);
    ClusteringInvariants.check(image, options, c);
    assertThat(KMeans.cluster(image, options).labels()).containsExactly(c.labels());
  }

  @Test
  void seedChangesTheStartButNotTheContract() {
    PixelImage image = noise(100, 100, 9);
    Clustering a = KMeans.cluster(image, DEFAULTS.withK(12).withSeed(1));
    Clustering b = KMeans.cluster(image, DEFAULTS.withK(12).withSeed(2));

    ClusteringInvariants.check(image, DEFAULTS.withK(12), a);
    ClusteringInvariants.check(image, DEFAULTS.withK(12), b);
    assertThat(a.centroids()).isNotEqualTo(b.centroids());
  }

  private static int indexOf(Clustering c, int colour) {
    for (int i = 0; i < c.k(); i++) {
      if (c.centroids()[i] == colour) {
        return i;
      }
    }
    throw new AssertionError("no centroid " + Integer.toHexString(colour));
  }

  static PixelImage filled(int width, int height, int argb) {
    int[] pixels = new int[width * height];
    Arrays.fill(pixels, argb);
    return new PixelImage(width, height, pixels);
  }

  @ParameterizedTest
  @EnumSource(SortOrder.class)
  void aPhotoComesOutInTheRequestedOrderSoNoPixelIsRenumbered(SortOrder order) {
    PixelImage photo =
        ImageDecoder.decode(Fixtures.bytes("photos/astronaut.png"), ImageLimits.defaults());
    for (int k = 2; k <= 12; k++) {
      Clustering clustering = KMeans.cluster(photo, DEFAULTS.withK(k).withSort(order));

      assertThat(Ordered.of(clustering, order).labels())
          .as("k = %d", k)
          .isSameAs(clustering.labels());
    }
  }

  static PixelImage noise(int width, int height, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    int[] pixels = new int[width * height];
    for (int i = 0; i < pixels.length; i++) {
      pixels[i] = 0xff000000 | random.nextInt(1 << 24);
    }
    return new PixelImage(width, height, pixels);
  }

  /** {@code perBlob} pixels around each centre, each channel off by up to ±spread; blob i at i. */
  private static PixelImage blobs(int[] centres, int perBlob, int spread, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    int[] pixels = new int[centres.length * perBlob];
    for (int i = 0; i < pixels.length; i++) {
      int c = centres[i / perBlob];
      int r = ((c >> 16) & 0xff) + random.nextInt(-spread, spread + 1);
      int g = ((c >> 8) & 0xff) + random.nextInt(-spread, spread + 1);
      int b = (c & 0xff) + random.nextInt(-spread, spread + 1);
      pixels[i] = 0xff000000 | r << 16 | g << 8 | b;
    }
    return new PixelImage(perBlob, centres.length, pixels);
  }

  /** The rounded per-channel mean of each row, where {@link #blobs} put each blob. */
  private static int[] blobMeans(int[] argb, int blobs) {
    int perBlob = argb.length / blobs;
    int[] means = new int[blobs];
    for (int blob = 0; blob < blobs; blob++) {
      long r = 0;
      long g = 0;
      long b = 0;
      for (int i = blob * perBlob; i < (blob + 1) * perBlob; i++) {
        r += (argb[i] >> 16) & 0xff;
        g += (argb[i] >> 8) & 0xff;
        b += argb[i] & 0xff;
      }
      means[blob] =
          (int) Math.round((double) r / perBlob) << 16
              | (int) Math.round((double) g / perBlob) << 8
              | (int) Math.round((double) b / perBlob);
    }
    return means;
  }
}
