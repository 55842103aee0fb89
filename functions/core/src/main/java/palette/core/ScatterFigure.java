package palette.core;

/** The Plotly figure JSON of a 3D scatter of the image's pixels in RGB space. */
final class ScatterFigure {
  private ScatterFigure() {}

  static String json(PixelImage image, Ordered ordered, int plotPoints, long seed) {
    throw new UnsupportedOperationException("ScatterFigure.json");
  }
}
