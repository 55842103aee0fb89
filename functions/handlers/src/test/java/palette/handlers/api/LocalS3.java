package palette.handlers.api;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.gaul.s3proxy.AuthenticationType;
import org.gaul.s3proxy.junit.S3ProxyExtension;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3Configuration;

/** A real S3 server (S3Proxy, SigV4 signatures checked) with the two buckets the API uses. */
final class LocalS3 {
  static final String INPUT = "palette-input";
  static final String OUTPUT = "palette-output";

  /** The origin the sample events in {@code events/} carry, as the local page has it. */
  static final String SITE = "http://127.0.0.1:8080";

  static final StaticCredentialsProvider CREDENTIALS =
      StaticCredentialsProvider.create(AwsBasicCredentials.create("local-access", "local-secret"));

  private LocalS3() {}

  static S3ProxyExtension extension() {
    return S3ProxyExtension.builder()
        .withCredentials(AuthenticationType.AWS_V4, "local-access", "local-secret")
        .build();
  }

  static ApiConfig config(URI endpoint, Duration uploadTtl) {
    return new ApiConfig(
        INPUT,
        OUTPUT,
        SITE,
        "us-east-1",
        Optional.of(endpoint),
        palette.core.options.Option.MAX_BYTES.withText(
            palette.core.options.PaletteOptions.defaults(), "1048576"),
        uploadTtl,
        Duration.ofMinutes(15));
  }

  /** Creates both buckets and returns a client for arranging test data. */
  static S3Client prepare(ApiConfig config) {
    S3Client s3 =
        S3Client.builder()
            .httpClientBuilder(UrlConnectionHttpClient.builder())
            .region(Region.US_EAST_1)
            .credentialsProvider(CREDENTIALS)
            .endpointOverride(config.s3Endpoint().orElseThrow())
            .forcePathStyle(true)
            .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
            .serviceConfiguration(S3Configuration.builder().chunkedEncodingEnabled(false).build())
            .build();
    s3.createBucket(b -> b.bucket(INPUT));
    s3.createBucket(b -> b.bucket(OUTPUT));
    return s3;
  }

  static void put(S3Client s3, String bucket, String key, String body) {
    s3.putObject(
        b -> b.bucket(bucket).key(key),
        RequestBody.fromBytes(body.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
  }

  static Map<String, String> env(URI endpoint) {
    return Map.of(
        "INPUT_BUCKET", INPUT,
        "OUTPUT_BUCKET", OUTPUT,
        "SITE_ORIGIN", SITE,
        "S3_ENDPOINT", endpoint.toString(),
        "MAX_BYTES", "1048576");
  }
}
