package palette.local.web;

import java.util.Map;
import palette.handlers.FilmGrabSettings;
import palette.handlers.WorkerConfig;
import palette.handlers.api.ApiConfig;
import palette.handlers.api.ApiHandler;
import palette.local.s3.LocalS3;
import palette.local.s3.LocalStack;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/**
 * The real API handler configured for the local stack: the same environment variables as the
 * template gives it in AWS, with the local S3 endpoint and credentials, and the worker's size limit
 * so the API never hands out an upload the worker would refuse. Both reach the same film-grab site.
 */
public final class LocalApi {
  private LocalApi() {}

  public static ApiConfig config(LocalStack stack, String siteOrigin) {
    long maxBytes = WorkerConfig.fromEnv(stack.workerEnv()).defaults().limits().maxBytes();
    String filmGrab = stack.workerEnv().getOrDefault(FilmGrabSettings.FILMGRAB_BASE_URL, "");
    return ApiConfig.fromEnv(
        Map.of(
            FilmGrabSettings.FILMGRAB_BASE_URL,
            filmGrab,
            "INPUT_BUCKET",
            LocalStack.INPUT_BUCKET,
            "OUTPUT_BUCKET",
            LocalStack.OUTPUT_BUCKET,
            "SITE_ORIGIN",
            siteOrigin,
            "S3_ENDPOINT",
            stack.endpoint().toString(),
            "AWS_REGION",
            LocalS3.REGION,
            "MAX_BYTES",
            Long.toString(maxBytes)));
  }

  /** The page's settings for this stack: its own origin for the API, the worker's defaults. */
  public static SiteSettings siteSettings(LocalStack stack) {
    return SiteSettings.of("", WorkerConfig.fromEnv(stack.workerEnv()).defaults());
  }

  public static ApiHandler handler(ApiConfig config) {
    return new ApiHandler(
        config,
        StaticCredentialsProvider.create(
            AwsBasicCredentials.create(LocalS3.ACCESS_KEY, LocalS3.SECRET_KEY)));
  }
}
