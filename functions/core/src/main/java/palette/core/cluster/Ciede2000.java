package palette.core.cluster;

/**
 * Colour difference ΔE00 (CIEDE2000; Sharma, Wu and Dalal, 2005) between 8-bit sRGB colours, by way
 * of CIELAB under D65. A ΔE00 of about 1 is the smallest difference most people notice, so it is
 * the yardstick for "these two palette colours look the same".
 */
final class Ciede2000 {
  private Ciede2000() {}

  /** ΔE00 between two packed RGB colours. */
  static double between(int rgb1, int rgb2) {
    double[] a = lab(rgb1);
    double[] b = lab(rgb2);
    return of(a, b);
  }

  /** ΔE00 between two CIELAB colours given as {@code {L, a, b}}. */
  static double of(double[] lab1, double[] lab2) {
    return of(lab1[0], lab1[1], lab1[2], lab2[0], lab2[1], lab2[2]);
  }

  /** CIELAB (D65) of a packed RGB colour, as {@code {L, a, b}}. */
  static double[] lab(int rgb) {
    double r = Oklab.linear((rgb >> 16) & 0xff);
    double g = Oklab.linear((rgb >> 8) & 0xff);
    double b = Oklab.linear(rgb & 0xff);
    double x = f((0.4124564 * r + 0.3575761 * g + 0.1804375 * b) / 0.95047);
    double y = f(0.2126729 * r + 0.7151522 * g + 0.0721750 * b);
    double z = f((0.0193339 * r + 0.1191920 * g + 0.9503041 * b) / 1.08883);
    return new double[] {116 * y - 16, 500 * (x - y), 200 * (y - z)};
  }

  /** Chroma (distance from grey) of a CIELAB colour. */
  static double chroma(double[] lab) {
    return Math.hypot(lab[1], lab[2]);
  }

  private static double f(double t) {
    return t > 216.0 / 24389 ? Math.cbrt(t) : (24389.0 / 27 * t + 16) / 116;
  }

  /** ΔE00 between two CIELAB colours, with the parametric factors k_L = k_C = k_H = 1. */
  static double of(double l1, double a1, double b1, double l2, double a2, double b2) {
    double c1 = Math.hypot(a1, b1);
    double c2 = Math.hypot(a2, b2);
    double mean7 = Math.pow((c1 + c2) / 2, 7);
    double g = 0.5 * (1 - Math.sqrt(mean7 / (mean7 + Math.pow(25, 7))));
    double ap1 = (1 + g) * a1;
    double ap2 = (1 + g) * a2;
    double cp1 = Math.hypot(ap1, b1);
    double cp2 = Math.hypot(ap2, b2);
    double hp1 = hue(ap1, b1);
    double hp2 = hue(ap2, b2);
    double dl = l2 - l1;
    double dc = cp2 - cp1;
    double dh = 0;
    if (cp1 * cp2 != 0) {
      dh = hp2 - hp1;
      dh = dh > 180 ? dh - 360 : dh < -180 ? dh + 360 : dh;
    }
    double dH = 2 * Math.sqrt(cp1 * cp2) * Math.sin(Math.toRadians(dh / 2));
    double lMean = (l1 + l2) / 2;
    double cMean = (cp1 + cp2) / 2;
    double hMean = hp1 + hp2;
    if (cp1 * cp2 != 0) {
      hMean =
          Math.abs(hp1 - hp2) <= 180 ? hMean / 2 : (hMean < 360 ? hMean + 360 : hMean - 360) / 2;
    }
    double t =
        1
            - 0.17 * Math.cos(Math.toRadians(hMean - 30))
            + 0.24 * Math.cos(Math.toRadians(2 * hMean))
            + 0.32 * Math.cos(Math.toRadians(3 * hMean + 6))
            - 0.20 * Math.cos(Math.toRadians(4 * hMean - 63));
    double l50 = (lMean - 50) * (lMean - 50);
    double sl = 1 + 0.015 * l50 / Math.sqrt(20 + l50);
    double sc = 1 + 0.045 * cMean;
    double sh = 1 + 0.015 * cMean * t;
    double c7 = Math.pow(cMean, 7);
    double rt =
        -2
            * Math.sqrt(c7 / (c7 + Math.pow(25, 7)))
            * Math.sin(Math.toRadians(60 * Math.exp(-Math.pow((hMean - 275) / 25, 2))));
    double vl = dl / sl;
    double vc = dc / sc;
    double vh = dH / sh;
    return Math.sqrt(vl * vl + vc * vc + vh * vh + rt * vc * vh);
  }

  private static double hue(double a, double b) {
    if (a == 0 && b == 0) {
      return 0;
    }
    double h = Math.toDegrees(Math.atan2(b, a));
    return h < 0 ? h + 360 : h;
  }
}
