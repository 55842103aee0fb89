package palette.local.web;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import palette.handlers.FilmGrabSettings;
import palette.local.s3.LocalStack;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The page in the local stack's site bucket, put there by the same {@link SitePublisher} that
 * {@code publish-site} uses, and the headers it is served with: what the template's bucket and
 * distribution hold in AWS. The web server reads it through {@code s3}, which it closes.
 *
 * @param s3 a client of the local S3, signed with its keys
 * @param bucket the bucket the page was published to
 * @param headers the response headers policy for this stack's origins
 */
public record PublishedSite(S3Client s3, String bucket, SiteHeaders headers) {
  /** The local stand-in for the template's {@code SiteBucket}. */
  public static final String BUCKET = "palette-site";

  /**
   * Creates the site bucket unless it exists and publishes {@code folder} into it, with the {@code
   * config.js} of this stack ({@link LocalApi#siteSettings}) and headers for a page served at
   * {@code pageOrigin}.
   */
  public static PublishedSite publish(
      LocalStack stack, Path folder, String pageOrigin, PrintWriter out) throws IOException {
    stack.s3().createBucket(BUCKET);
    S3Client s3 = stack.client();
    try {
      new SitePublisher(s3, BUCKET).publish(folder, LocalApi.siteSettings(stack), out);
    } catch (IOException | RuntimeException e) {
      s3.close();
      throw e;
    }
    String filmGrab = stack.workerEnv().get(FilmGrabSettings.FILMGRAB_BASE_URL);
    return new PublishedSite(s3, BUCKET, SiteHeaders.local(stack.endpoint(), pageOrigin, filmGrab));
  }
}
