package palette.handlers.worker;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import palette.handlers.LambdaCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Response;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Object;

/** {@link Storage} on the AWS SDK v2 S3 client. */
public final class S3Storage implements Storage {
  private final S3Client s3;

  public S3Storage(S3Client s3) {
    this.s3 = s3;
  }

  /**
   * The client the worker uses in Lambda: credentials from the SDK's default chain ({@link
   * LambdaCredentials}), the URL-connection HTTP client (small and quick to start), and {@code
   * S3_ENDPOINT} when set.
   */
  public static S3Storage create(WorkerConfig config) {
    return new S3Storage(client(config, LambdaCredentials.provider()));
  }

  /**
   * An S3 client for this configuration. A custom endpoint gets path-style addressing (local
   * servers have no per-bucket host names) and checksums only where S3 requires them, since local
   * servers may not understand the SDK's streaming checksum trailers.
   */
  public static S3Client client(WorkerConfig config, AwsCredentialsProvider credentials) {
    return client(config, credentials, UrlConnectionHttpClient.create());
  }

  /** As above, over another HTTP client (priming answers in memory: {@link PrimingHttpClient}). */
  static S3Client client(
      WorkerConfig config, AwsCredentialsProvider credentials, SdkHttpClient http) {
    S3ClientBuilder builder =
        S3Client.builder()
            .region(Region.of(config.region()))
            .credentialsProvider(credentials)
            .httpClient(http)
            // The SDK holds back bodies of 1 MB or more until S3 answers "100 Continue": a round
            // trip on the swatch's put, the longest, which lands in the worker's own bucket.
            .serviceConfiguration(s3 -> s3.expectContinueEnabled(false));
    if (config.customEndpoint()) {
      builder
          .endpointOverride(URI.create(config.s3Endpoint()))
          .forcePathStyle(true)
          .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
          .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED);
    }
    return builder.build();
  }

  @Override
  public Optional<StoredObject> read(String bucket, String key, long maxBytes) {
    try (ResponseInputStream<GetObjectResponse> in = s3.getObject(b -> b.bucket(bucket).key(key))) {
      Long length = in.response().contentLength();
      if (length != null && length > maxBytes) {
        in.abort(); // refused on the headers: the body is never transferred
        throw new ObjectTooLargeException(bucket, key, maxBytes);
      }
      byte[] bytes = readAtMost(in, maxBytes + 1);
      if (bytes.length > maxBytes) {
        in.abort();
        throw new ObjectTooLargeException(bucket, key, maxBytes);
      }
      return Optional.of(new StoredObject(bytes, in.response().metadata()));
    } catch (NoSuchKeyException e) {
      return Optional.empty();
    } catch (IOException e) {
      throw new UncheckedIOException("reading s3://" + bucket + "/" + key, e);
    }
  }

  private static byte[] readAtMost(InputStream in, long limit) throws IOException {
    return in.readNBytes((int) Math.min(limit, Integer.MAX_VALUE - 8));
  }

  @Override
  public void write(
      String bucket,
      String key,
      byte[] bytes,
      String contentType,
      String cacheControl,
      Map<String, String> metadata) {
    s3.putObject(
        b ->
            b.bucket(bucket)
                .key(key)
                .contentType(contentType)
                .cacheControl(cacheControl)
                .metadata(metadata),
        RequestBody.fromBytes(bytes));
  }

  @Override
  public void delete(String bucket, String key) {
    s3.deleteObject(b -> b.bucket(bucket).key(key));
  }

  @Override
  public List<String> list(String bucket, String prefix) {
    List<String> keys = new ArrayList<>();
    String token = null;
    do {
      String next = token;
      ListObjectsV2Response page =
          s3.listObjectsV2(
              b -> b.bucket(bucket).prefix(prefix).delimiter("/").continuationToken(next));
      page.contents().stream().map(S3Object::key).forEach(keys::add);
      token = Boolean.TRUE.equals(page.isTruncated()) ? page.nextContinuationToken() : null;
    } while (token != null);
    return keys;
  }
}
