package palette.local;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import palette.local.s3.LocalS3;
import palette.local.s3.LocalStack;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code palette serve}: the stack on this machine until Ctrl-C. Today that is S3 with the worker
 * behind its notifications; files dropped into the input bucket with any S3 client get their
 * palettes in the output bucket.
 */
@Command(
    name = "serve",
    mixinStandardHelpOptions = true,
    description = "Run the stack on this machine: S3 and the worker (Ctrl-C stops).")
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
      description = "Web origin allowed to call S3 from a browser (default: ${DEFAULT-VALUE}).")
  String origin = "http://localhost:8080";

  @Override
  public Integer call() throws Exception {
    var settings =
        LocalStack.Settings.defaults(data)
            .withPort(port)
            .withCorsOrigin(origin)
            .withLog(System.out);
    LocalStack stack = LocalStack.start(settings);
    stack.warmUp();
    Thread onCtrlC = new Thread(() -> closeQuietly(stack), "palette-serve-stop");
    Runtime.getRuntime().addShutdownHook(onCtrlC);
    boolean interrupted = false;
    try {
      printBanner(spec.commandLine().getOut(), stack);
      new CountDownLatch(1).await();
    } catch (InterruptedException e) {
      interrupted = true; // asked to stop (tests, embedding): stop cleanly first
    } finally {
      removeHook(onCtrlC);
      stack.close();
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
    return 0;
  }

  private void printBanner(PrintWriter out, LocalStack stack) {
    String endpoint = stack.endpoint().toString();
    out.println("S3 endpoint    " + endpoint + "   (files in " + stack.s3().folder() + ")");
    out.println("input bucket   " + LocalStack.INPUT_BUCKET + "   (drop images here)");
    out.println("output bucket  " + LocalStack.OUTPUT_BUCKET + "   (results under <input key>/)");
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
    if (!s3Only) {
      out.println("(the web site and API are not part of this build yet: S3 and the worker only)");
    }
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

  private static void closeQuietly(LocalStack stack) {
    try {
      stack.close();
    } catch (Exception e) {
      System.err.println("palette serve: while stopping: " + e);
    }
  }
}
