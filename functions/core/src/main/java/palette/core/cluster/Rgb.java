package palette.core.cluster;

/** An opaque sRGB colour with 8 bits per channel, the unit every palette is reported in. */
public record Rgb(int r, int g, int b) {

  public Rgb {
    checkChannel("r", r);
    checkChannel("g", g);
    checkChannel("b", b);
  }

  /** The colour of a packed {@code 0xRRGGBB} (or {@code 0xAARRGGBB}; alpha is ignored) int. */
  public static Rgb of(int packed) {
    return new Rgb((packed >> 16) & 0xff, (packed >> 8) & 0xff, packed & 0xff);
  }

  /** {@code 0xRRGGBB}. */
  public int packed() {
    return (r << 16) | (g << 8) | b;
  }

  /** Lower-case CSS hex, for example {@code #1a2b3c}. */
  public String hex() {
    return String.format("#%06x", packed());
  }

  private static void checkChannel(String name, int value) {
    if (value < 0 || value > 255) {
      throw new IllegalArgumentException(name + " must be between 0 and 255, was " + value);
    }
  }
}
