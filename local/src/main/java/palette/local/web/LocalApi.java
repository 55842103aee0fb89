package palette.local.web;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.serialization.PojoSerializer;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import palette.handlers.Environment;
import palette.handlers.FilmGrabSettings;
import palette.handlers.api.ApiConfig;
import palette.handlers.api.ApiHandler;
import palette.handlers.worker.WorkerConfig;
import palette.local.lambda.Invocable;
import palette.local.lambda.LocalRuntime;
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
  /** The API function's handler, memory and timeout, as the template sets them. */
  public static final String HANDLER = "palette.handlers.api.ApiHandler::handleRequest";

  static final int MEMORY_MB = 1024;
  static final int TIMEOUT_SECONDS = 25;
  static final int CONCURRENCY = 3;

  /** Whether the template gives the API SnapStart (a test keeps them equal). */
  public static final boolean SNAP_START = true;

  private LocalApi() {}

  /** The variables the template gives the API function, pointed at the local stack. */
  public static Map<String, String> env(LocalStack stack, String siteOrigin) {
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
    // The template's default ExpirationDays: what a deployment promises (the local S3 deletes
    // nothing; see docs/local-vs-aws.md).
    env.put("EXPIRATION_DAYS", "30");
    env.put("S3_ENDPOINT", stack.endpoint().toString());
    env.put("AWS_REGION", LocalS3.REGION);
    return env;
  }

  public static ApiConfig config(LocalStack stack, String siteOrigin) {
    return ApiConfig.fromEnv(env(stack, siteOrigin));
  }

  /** The page's settings for this stack: its own origin for the API, the worker's defaults. */
  public static SiteSettings siteSettings(LocalStack stack) {
    return SiteSettings.of(
        SiteSettings.SAME_ORIGIN, WorkerConfig.fromEnv(stack.workerEnv()).defaults());
  }

  /** The handler in this JVM, signing with the local keys: for tests of the local stack. */
  public static ApiHandler handler(ApiConfig config) {
    return new ApiHandler(
        config,
        StaticCredentialsProvider.create(
            AwsBasicCredentials.create(LocalS3.ACCESS_KEY, LocalS3.SECRET_KEY)));
  }

  /**
   * The API function as {@code palette serve} runs it: under the stack's Lambda runtime when it has
   * one (the event goes out and the response comes back as JSON, as API Gateway and Lambda pass
   * them), else in this JVM.
   */
  public static RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> function(
      LocalStack stack, String siteOrigin, PrintStream log) {
    if (stack.runtime().isEmpty()) {
      return handler(config(stack, siteOrigin));
    }
    LocalRuntime runtime = stack.runtime().get();
    Invocable function =
        runtime.function(
            "ApiFunction",
            HANDLER,
            MEMORY_MB,
            TIMEOUT_SECONDS,
            CONCURRENCY,
            SNAP_START,
            LocalStack.withJvmOptions(env(stack, siteOrigin), LocalStack.QUICK_JVM_OPTIONS),
            log);
    ClassLoader loader = LocalApi.class.getClassLoader();
    PojoSerializer<APIGatewayV2HTTPEvent> events =
        LambdaEventSerializers.serializerFor(APIGatewayV2HTTPEvent.class, loader);
    PojoSerializer<APIGatewayV2HTTPResponse> responses =
        LambdaEventSerializers.serializerFor(APIGatewayV2HTTPResponse.class, loader);
    return (event, context) -> {
      ByteArrayOutputStream json = new ByteArrayOutputStream();
      events.toJson(event, json);
      return responses.fromJson(function.invoke(json.toString(StandardCharsets.UTF_8)));
    };
  }
}
