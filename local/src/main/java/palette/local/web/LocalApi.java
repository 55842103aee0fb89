package palette.local.web;

import java.util.HashMap;
import java.util.Map;
import palette.handlers.Environment;
import palette.handlers.FilmGrabSettings;
import palette.handlers.api.ApiConfig;
import palette.handlers.api.ApiHandler;
import palette.local.s3.LocalS3;
import palette.local.s3.LocalStack;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/**
 * The real API handler configured for the local stack: the same environment variables as the
 * template gives it in AWS, with the local S3 endpoint and credentials, and the worker's palette
 * defaults and size limit, so uploads get the worker's defaults and the API never hands out an
 * upload the worker would refuse. Both reach the same film-grab site.
 */
public final class LocalApi {
  private LocalApi() {}

  public static ApiConfig config(LocalStack stack, String siteOrigin) {
    Map<String, String> env = new HashMap<>();
    for (String name : Environment.PALETTE_DEFAULTS.keySet()) {
      String value = stack.workerEnv().get(name);
      if (value != null) {
        env.put(name, value);
      }
    }
    env.put(
        FilmGrabSettings.FILMGRAB_BASE_URL,
        stack.workerEnv().getOrDefault(FilmGrabSettings.FILMGRAB_BASE_URL, ""));
    env.put("INPUT_BUCKET", LocalStack.INPUT_BUCKET);
    env.put("OUTPUT_BUCKET", LocalStack.OUTPUT_BUCKET);
    env.put("SITE_ORIGIN", siteOrigin);
    env.put("S3_ENDPOINT", stack.endpoint().toString());
    env.put("AWS_REGION", LocalS3.REGION);
    return ApiConfig.fromEnv(env);
  }

  public static ApiHandler handler(ApiConfig config) {
    return new ApiHandler(
        config,
        StaticCredentialsProvider.create(
            AwsBasicCredentials.create(LocalS3.ACCESS_KEY, LocalS3.SECRET_KEY)));
  }
}
