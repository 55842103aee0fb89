package palette.local;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import palette.handlers.FilmGrabSettings;
import palette.local.s3.LocalS3;
import palette.local.s3.LocalStack;
import palette.local.web.ApiThrottle;
import palette.local.web.LocalApi;
import palette.local.web.PublishedSite;
import palette.local.web.SiteFolder;
import palette.local.web.WebServer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code palette serve}: the stack on this machine until Ctrl-C: S3 with the worker behind its
 * notifications (files dropped into the input bucket with any S3 client get their palettes in the
 * output bucket) and, unless {@code --s3-only}, the web page with the real API handler at one URL.
 */
@Command(
    name = "serve",
    mixinStandardHelpOptions = true,
    description =
        "Run the stack on this machine: S3, the worker, the API and the web page (Ctrl-C stops).")
final class ServeCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--s3-only", description = "Only S3 and the worker, no web site or API.")
  boolean s3Only;

  @Option(
      names = {"-p", "--port"},
      paramLabel = "PORT",
      description = "S3 port, 0 for any free one (default: ${DEFAULT-VALUE}).")
  int port = 9000;

  @Option(
      names = "--data",
      paramLabel = "DIR",
      description = "Folder the S3 buckets live in (default: ${DEFAULT-VALUE}).")
  Path data = Path.of(".palette", "s3");

  @Option(
      names = "--origin",
      paramLabel = "URL",
      description =
          "With --s3-only: web origin allowed to call S3 from a browser (default: ${DEFAULT-VALUE}).")
  String origin = "http://localhost:8080";

  @Option(
      names = "--web-port",
      paramLabel = "PORT",
      description =
          "Port of the web page and its API, 0 for any free one (default: ${DEFAULT-VALUE}).")
  int webPort = 8080;

  @Mixin ThrottleOptions throttle = new ThrottleOptions();

  @Option(
      names = "--filmgrab-base-url",
      hidden = true,
      defaultValue = "${env:PALETTE_FILMGRAB_BASE_URL}",
      description = "Site the worker and the API use instead of https://film-grab.com/ (tests).")
  String filmGrabBaseUrl;

  @Override
  public Integer call() throws Exception {
    ApiThrottle limits = throttle.limits(spec);
    WebServer web = s3Only ? null : WebServer.bind(webPort);
    var settings =
        LocalStack.Settings.defaults(data)
            .withPort(port)
            .withCorsOrigin(web == null ? origin : web.origin())
            .withEnv(filmGrabEnv())
            .withLog(LineStream.to(spec.commandLine().getOut()))
            .withLambdaRuntime(true);
    LocalStack stack = startStack(settings, web);
    stack.warmUp();
    Thread onCtrlC = new Thread(() -> closeQuietly(web, stack), "palette-serve-stop");
    Runtime.getRuntime().addShutdownHook(onCtrlC);
    boolean interrupted = false;
    try {
      if (web != null) {
        serveSite(web, stack, limits);
      }
      printBanner(spec.commandLine().getOut(), stack, web, limits);
      new CountDownLatch(1).await();
    } catch (InterruptedException e) {
      interrupted = true; // asked to stop (tests, embedding): stop cleanly first
    } finally {
      removeHook(onCtrlC);
      closeQuietly(web, stack);
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
    return 0;
  }

  /** The worker's and the API's {@code FILMGRAB_BASE_URL}, as the template declares it. */
  private java.util.Map<String, String> filmGrabEnv() {
    boolean set = filmGrabBaseUrl != null && !filmGrabBaseUrl.isBlank();
    return set
        ? java.util.Map.of(FilmGrabSettings.FILMGRAB_BASE_URL, filmGrabBaseUrl.trim())
        : java.util.Map.of();
  }

  private static LocalStack startStack(LocalStack.Settings settings, WebServer web)
      throws Exception {
    try {
      return LocalStack.start(settings);
    } catch (Exception | Error e) {
      if (web != null) {
        web.close();
      }
      throw e;
    }
  }

  /**
   * The web page, published into the site bucket, and the real API handler, on the one origin that
   * S3's CORS allows.
   */
  private void serveSite(WebServer web, LocalStack stack, ApiThrottle limits) throws IOException {
    Path site =
        SiteFolder.locate()
            .orElseThrow(() -> new IllegalStateException("the site/ folder of the checkout"));
    SiteFolder.ensureVendor(site, spec.commandLine().getErr());
    PublishedSite published =
        PublishedSite.publish(stack, site, web.origin(), spec.commandLine().getOut());
    web.serve(
        published,
        limits,
        LocalApi.function(stack, web.origin(), LineStream.to(spec.commandLine().getOut())));
  }

  private void printBanner(PrintWriter out, LocalStack stack, WebServer web, ApiThrottle limits) {
    if (web != null) {
      out.println("palette is running at " + web.url() + "   (open it in a browser)");
      out.println("API throttle   " + limits + "   (--api-rate, --api-burst)");
    }
    String endpoint = stack.endpoint().toString();
    out.println("S3 endpoint    " + endpoint + "   (files in " + stack.s3().folder() + ")");
    out.println("input bucket   " + LocalStack.INPUT_BUCKET + "   (drop images here)");
    out.println("output bucket  " + LocalStack.OUTPUT_BUCKET + "   (results under <input key>/)");
    if (web != null) {
      out.println("site bucket    " + PublishedSite.BUCKET + "   (the page, published from site/)");
    }
    out.println(
        "credentials    export AWS_ACCESS_KEY_ID="
            + LocalS3.ACCESS_KEY
            + " AWS_SECRET_ACCESS_KEY="
            + LocalS3.SECRET_KEY
            + " AWS_DEFAULT_REGION="
            + LocalS3.REGION);
    out.println(
        "try            aws --endpoint-url "
            + endpoint
            + " s3 cp photo.jpg s3://"
            + LocalStack.INPUT_BUCKET
            + "/photos/photo.jpg");
    out.println(
        "               aws --endpoint-url "
            + endpoint
            + " s3 ls --recursive s3://"
            + LocalStack.OUTPUT_BUCKET
            + "/");
    out.println("Ctrl-C stops.");
    out.flush();
  }

  private static void removeHook(Thread hook) {
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException e) {
      // the JVM is already shutting down and the hook is running
    }
  }

  private static void closeQuietly(WebServer web, LocalStack stack) {
    try {
      if (web != null) {
        web.close();
      }
      stack.close();
    } catch (Exception e) {
      System.err.println("palette serve: while stopping: " + e);
    }
  }
}
