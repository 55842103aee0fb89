package palette.handlers.api;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import palette.filmgrab.FilmGrab;
import palette.handlers.LambdaCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The API function behind the HTTP API (payload format 2.0): {@code POST /uploads} hands out a
 * presigned upload for a new job, {@code GET /jobs/{id}} reports a job's state and results, {@code
 * POST /jobs/{id}/reruns} runs an uploaded photo again with other options, and {@code /filmgrab/…}
 * searches film-grab.com and starts jobs for chosen stills. The clients are built once per
 * container; the routing and every rule live in {@link ApiRoutes}.
 */
public final class ApiHandler
    implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {
  private final ApiRoutes routes;

  private ApiPriming priming;

  /**
   * Used by the Lambda runtime: configuration from the environment, {@link LambdaCredentials}, and
   * a SnapStart priming hook.
   */
  public ApiHandler() {
    this(ApiConfig.fromEnv(System.getenv()), LambdaCredentials.provider());
    this.priming = priming().register();
  }

  /** Used by the local server and tests: explicit configuration and credentials. */
  public ApiHandler(ApiConfig config, AwsCredentialsProvider credentials) {
    S3Client s3 = S3Clients.client(config, credentials);
    this.routes =
        new ApiRoutes(
            config,
            new Uploads(config, S3Clients.presigner(config, credentials)),
            new Jobs(config, s3, S3Clients.presigner(config, credentials)),
            new Reruns(config, s3),
            new FilmGrabRoutes(FilmGrab.create(config.filmGrab()), new FilmGrabJobs(config, s3)));
  }

  /** The SnapStart priming of this handler (registered only by the runtime's constructor). */
  ApiPriming priming() {
    return priming != null ? priming : new ApiPriming(routes);
  }

  @Override
  public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
    return routes.handle(event);
  }
}
