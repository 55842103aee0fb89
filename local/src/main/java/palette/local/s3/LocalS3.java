package palette.local.s3;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.function.UnaryOperator;
import org.gaul.s3proxy.AuthenticationType;
import org.gaul.s3proxy.CrossOriginResourceSharing;
import org.gaul.s3proxy.S3Proxy;
import org.jclouds.ContextBuilder;
import org.jclouds.blobstore.BlobStore;
import org.jclouds.blobstore.BlobStoreContext;
import org.jclouds.filesystem.FilesystemApiMetadata;

/**
 * An S3 server on this machine: S3Proxy over a folder, so objects survive restarts and can be
 * looked at as plain files. Requests must carry an AWS signature made with {@link #ACCESS_KEY} and
 * {@link #SECRET_KEY}, as against AWS, so signing bugs show up locally; {@link S3Rules} adds what
 * S3 refuses and S3Proxy would let through (unsigned {@code x-amz-*} headers on a presigned
 * request, reads of "folder" keys). Conditional puts ({@code If-None-Match: *}) are S3Proxy's own.
 */
public final class LocalS3 implements AutoCloseable {
  /** Local-only credentials: they open nothing but this server. */
  public static final String ACCESS_KEY = "palette-local";

  public static final String SECRET_KEY = "palette-local-secret";
  public static final String REGION = "us-east-1";

  private final S3Proxy proxy;
  private final BlobStoreContext context;
  private final BlobStore store;
  private final Path folder;

  private LocalS3(S3Proxy proxy, BlobStoreContext context, BlobStore store, Path folder) {
    this.proxy = proxy;
    this.context = context;
    this.store = store;
    this.folder = folder;
  }

  /**
   * Starts a server on 127.0.0.1.
   *
   * @param folder where buckets and objects live (created if missing)
   * @param port the port, 0 for any free one
   * @param wrap lets the caller put a decorator (notifications, faults) around the store
   * @param corsOrigin the web origin allowed to call it from a browser
   */
  public static LocalS3 start(
      Path folder, int port, UnaryOperator<BlobStore> wrap, String corsOrigin) throws Exception {
    Files.createDirectories(folder);
    // Built from the API's metadata rather than by name: the lookup by name instantiates every
    // provider S3Proxy registers, including cloud ones whose SDKs are left out of this build.
    Properties properties = new Properties();
    properties.setProperty("jclouds.filesystem.basedir", folder.toAbsolutePath().toString());
    BlobStoreContext context =
        ContextBuilder.newBuilder(new FilesystemApiMetadata())
            .overrides(properties)
            .buildView(BlobStoreContext.class);
    BlobStore store = wrap.apply(new CompleteListings(context.getBlobStore()));
    S3Proxy proxy =
        S3Proxy.builder()
            .blobStore(store)
            .endpoint(URI.create("http://127.0.0.1:" + port))
            .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, ACCESS_KEY, SECRET_KEY)
            // Lambda's credentials carry a session token (x-amz-security-token), which S3Proxy
            // otherwise refuses as an unknown header (501). It stays a signed header, so the
            // signature still covers it; nothing here checks the token itself
            // (docs/local-vs-aws.md).
            .ignoreUnknownHeaders(true)
            .corsRules(
                new CrossOriginResourceSharing(
                    List.of(corsOrigin),
                    List.of("GET", "HEAD", "PUT", "POST"),
                    List.of("*"),
                    List.of("ETag"),
                    "false"))
            .build();
    S3Rules.install(proxy);
    proxy.start();
    long deadline = System.nanoTime() + 30_000_000_000L;
    while (!proxy.getState().equals("STARTED")) {
      if (System.nanoTime() > deadline) {
        proxy.stop();
        context.close();
        throw new IllegalStateException("S3Proxy did not start: " + proxy.getState());
      }
      Thread.sleep(5);
    }
    return new LocalS3(proxy, context, store, folder);
  }

  /** The endpoint to give {@code aws --endpoint-url} or an SDK. */
  public URI endpoint() {
    return URI.create("http://127.0.0.1:" + proxy.getPort());
  }

  /** The (possibly wrapped) store behind the server. */
  public BlobStore store() {
    return store;
  }

  /** Where an object's bytes are on disk (the filesystem store keeps one file per object). */
  public Path file(String bucket, String key) {
    return folder.resolve(bucket).resolve(key);
  }

  public Path folder() {
    return folder;
  }

  /** Creates a bucket unless it exists. */
  public void createBucket(String bucket) {
    store.createContainerInLocation(null, bucket);
  }

  @Override
  public void close() throws Exception {
    try {
      proxy.stop();
    } finally {
      context.close();
    }
  }
}
