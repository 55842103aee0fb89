package palette.handlers.worker;

/**
 * What a finished job measured, for its log line and metrics: the input's size and dimensions and
 * how the clustering went. {@link #NONE} when the job ended before the image was read.
 *
 * @param bytes the input object's size
 * @param width image width after EXIF orientation
 * @param height image height after EXIF orientation
 * @param iterations k-means iterations run
 * @param mse mean squared RGB error of the palette
 */
record JobFacts(long bytes, int width, int height, int iterations, double mse) {
  public static final JobFacts NONE = new JobFacts(-1, 0, 0, 0, Double.NaN);

  public boolean known() {
    return width > 0;
  }

  public double megapixels() {
    return (double) width * height / 1e6;
  }
}
