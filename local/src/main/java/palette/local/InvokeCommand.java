package palette.local;

import com.amazonaws.services.lambda.runtime.events.models.s3.S3EventNotification.S3EventNotificationRecord;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import palette.handlers.OutputKeys;
import palette.local.lambda.FunctionError;
import palette.local.s3.LocalStack;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * {@code palette invoke EVENT}: what {@code sam local invoke -e EVENT} does, without Docker or an
 * AWS account. Starts the embedded S3, uploads an image under every key the event names, invokes
 * the built worker with the event file under Lambda's Java runtime (its own JVM, Lambda's
 * variables, credentials from a container credentials endpoint), and shows the outputs.
 */
@Command(
    name = "invoke",
    mixinStandardHelpOptions = true,
    description = "Invoke the worker with an S3 event file against an embedded S3.")
final class InvokeCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(
      index = "0",
      paramLabel = "EVENT",
      description = "S3 event file (events/s3-put.json).")
  Path event;

  @Option(
      names = {"-i", "--image"},
      paramLabel = "IMAGE",
      description = "Image to upload under each key. Default: the bundled sample photo.")
  Path image;

  @Option(
      names = "--data",
      paramLabel = "DIR",
      description = "Folder the embedded S3 keeps its buckets in (default: ${DEFAULT-VALUE}).")
  Path data = Path.of(".palette", "s3");

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    String json = Files.readString(event, StandardCharsets.UTF_8);
    byte[] bytes = image == null ? Input.sample().bytes() : Files.readAllBytes(image);
    var settings =
        LocalStack.Settings.defaults(data)
            .withNotifications(false)
            .withLog(System.err)
            .withLambdaRuntime(true);
    try (LocalStack stack = LocalStack.start(settings);
        S3Client s3 = stack.client()) {
      List<S3EventNotificationRecord> records = stack.invoker().parse(json).getRecords();
      for (S3EventNotificationRecord record : records) {
        upload(stack, s3, record, bytes, out);
      }
      try {
        stack.invoker().invoke(json);
      } catch (FunctionError e) {
        out.println("the invocation failed and Lambda would retry it: " + e.getMessage());
        return Failures.IO_ERROR;
      }
      for (S3EventNotificationRecord record : records) {
        show(stack, s3, record.getS3().getObject().getUrlDecodedKey(), out);
      }
    }
    out.flush();
    return 0;
  }

  private void upload(
      LocalStack stack,
      S3Client s3,
      S3EventNotificationRecord record,
      byte[] bytes,
      PrintWriter out) {
    String bucket = record.getS3().getBucket().getName();
    String key = record.getS3().getObject().getUrlDecodedKey();
    stack.s3().createBucket(bucket);
    s3.putObject(b -> b.bucket(bucket).key(key), RequestBody.fromBytes(bytes));
    String what = image == null ? "the sample photo" : image.toString();
    out.println("uploaded " + what + " to s3://" + bucket + "/" + key);
  }

  private static void show(LocalStack stack, S3Client s3, String key, PrintWriter out) {
    String prefix = OutputKeys.prefixFor(key);
    String bucket = LocalStack.OUTPUT_BUCKET;
    out.println("outputs of " + key + " in s3://" + bucket + "/" + prefix + ":");
    List<String> keys =
        s3.listObjectsV2(b -> b.bucket(bucket).prefix(prefix).delimiter("/")).contents().stream()
            .map(S3Object::key)
            .toList();
    for (String outputKey : keys) {
      out.println("  " + stack.s3().file(bucket, outputKey));
    }
    for (String name : List.of(OutputKeys.ERROR, OutputKeys.COMMIT_MARKER)) {
      if (keys.contains(prefix + name)) {
        String text = s3.getObjectAsBytes(b -> b.bucket(bucket).key(prefix + name)).asUtf8String();
        out.println(name + ":");
        out.println(text.strip());
      }
    }
  }
}
