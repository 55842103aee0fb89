package palette.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import palette.local.lambda.LambdaArtifact;
import palette.local.s3.MotoServer;

/**
 * {@code deploy/teardown} against moto's CloudFormation and S3: a stack whose three buckets hold
 * objects (which would block a plain {@code sam delete}) is emptied and deleted, and the script
 * waits until it is gone.
 */
class TeardownTest {
  @TempDir Path tmp;

  @Test
  void emptiesTheStacksBucketsAndDeletesIt() throws Exception {
    try (MotoServer moto = MotoServer.start(tmp)) {
      Path template = tmp.resolve("stack.yaml");
      Files.writeString(template, stackWithThreeBuckets());
      moto.aws(
          "cloudformation",
          "create-stack",
          "--stack-name",
          "palette-test",
          "--template-body",
          "file://" + template);
      moto.aws("cloudformation", "wait", "stack-create-complete", "--stack-name", "palette-test");
      for (String bucket : List.of("t-input", "t-output", "t-site")) {
        moto.aws("s3api", "put-object", "--bucket", bucket, "--key", "a/b.txt");
      }

      String out =
          moto.run(
              List.of(LambdaArtifact.ROOT.resolve("deploy/teardown").toString(), "palette-test"),
              Map.of("AWS_ENDPOINT_URL", moto.endpoint()));

      assertThat(out)
          .contains(
              "emptying s3://t-input/", "emptying s3://t-site/", "stack palette-test deleted");
      String stacks =
          moto.aws(
              "cloudformation",
              "list-stacks",
              "--query",
              "StackSummaries[?StackName=='palette-test'].StackStatus",
              "--output",
              "text");
      assertThat(stacks.strip()).isEqualTo("DELETE_COMPLETE");
      String buckets = moto.aws("s3api", "list-buckets", "--query", "Buckets[].Name");
      assertThat(buckets).doesNotContain("t-input", "t-output", "t-site");
    }
  }

  private static String stackWithThreeBuckets() {
    StringBuilder yaml = new StringBuilder("Resources:\n");
    StringBuilder outputs = new StringBuilder("Outputs:\n");
    for (String[] b :
        List.of(
            new String[] {"Input", "t-input"},
            new String[] {"Output", "t-output"},
            new String[] {"Site", "t-site"})) {
      yaml.append("  ")
          .append(b[0])
          .append("Bucket:\n    Type: AWS::S3::Bucket\n    Properties:\n      BucketName: ")
          .append(b[1])
          .append('\n');
      outputs
          .append("  ")
          .append(b[0])
          .append("BucketName:\n    Value: !Ref ")
          .append(b[0])
          .append("Bucket\n");
    }
    return yaml + outputs.toString();
  }
}
