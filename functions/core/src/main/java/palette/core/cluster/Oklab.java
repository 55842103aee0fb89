package palette.core.cluster;

/**
 * sRGB ↔ OKLab conversion (Björn Ottosson, 2020), used to cluster in a perceptual space and to sort
 * palettes by lightness and hue. Pure functions on {@code double[3]} values: L in [0, 1], a and b
 * roughly in [-0.4, 0.4].
 */
final class Oklab {
  private static final double[] LINEAR = new double[256];

  static {
    for (int i = 0; i < 256; i++) {
      double c = i / 255.0;
      LINEAR[i] = c <= 0.04045 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
    }
  }

  private Oklab() {}

  /** The linear-light value of an 8-bit sRGB channel, 0 to 1. */
  static double linear(int channel) {
    return LINEAR[channel];
  }

  /** OKLab of a packed RGB colour, written into {@code out[0..2]}. */
  static void fromRgb(int packed, double[] out) {
    double r = LINEAR[(packed >> 16) & 0xff];
    double g = LINEAR[(packed >> 8) & 0xff];
    double b = LINEAR[packed & 0xff];
    double l = Math.cbrt(0.4122214708 * r + 0.5363325363 * g + 0.0514459929 * b);
    double m = Math.cbrt(0.2119034982 * r + 0.6806995451 * g + 0.1073969566 * b);
    double s = Math.cbrt(0.0883024619 * r + 0.2817188376 * g + 0.6299787005 * b);
    out[0] = 0.2104542553 * l + 0.7936177850 * m - 0.0040720468 * s;
    out[1] = 1.9779984951 * l - 2.4285922050 * m + 0.4505937099 * s;
    out[2] = 0.0259040371 * l + 0.7827717662 * m - 0.8086757660 * s;
  }

  /** The nearest 8-bit sRGB colour of an OKLab value (out-of-gamut values are clipped). */
  static int toRgb(double lightness, double a, double b) {
    double l = cube(lightness + 0.3963377774 * a + 0.2158037573 * b);
    double m = cube(lightness - 0.1055613458 * a - 0.0638541728 * b);
    double s = cube(lightness - 0.0894841775 * a - 1.2914855480 * b);
    int red = encode(4.0767416621 * l - 3.3077115913 * m + 0.2309699292 * s);
    int green = encode(-1.2684380046 * l + 2.6097574011 * m - 0.3413193965 * s);
    int blue = encode(-0.0041960863 * l - 0.7034186147 * m + 1.7076147010 * s);
    return (red << 16) | (green << 8) | blue;
  }

  private static double cube(double x) {
    return x * x * x;
  }

  private static int encode(double linear) {
    double c = linear <= 0.0031308 ? 12.92 * linear : 1.055 * Math.pow(linear, 1 / 2.4) - 0.055;
    return (int) Math.round(Math.max(0, Math.min(1, c)) * 255);
  }
}
