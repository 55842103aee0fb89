package palette.local.s3;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import org.jclouds.blobstore.BlobStore;
import org.jclouds.blobstore.domain.Blob;
import org.jclouds.blobstore.options.GetOptions;
import org.jclouds.blobstore.options.PutOptions;
import org.jclouds.blobstore.util.ForwardingBlobStore;
import org.jclouds.http.HttpResponse;
import org.jclouds.http.HttpResponseException;

/**
 * Sits behind the S3 server and makes it fail like S3 on a bad day: puts of chosen keys end in a
 * 503 Slow Down, which the SDK retries before giving up. Also counts the downloads of each key, so
 * a test can prove one never happened.
 */
public final class FaultyBlobStore extends ForwardingBlobStore {
  private volatile Predicate<String> failingPuts = key -> false;
  private final Map<String, AtomicInteger> gets = new ConcurrentHashMap<>();

  public FaultyBlobStore(BlobStore store) {
    super(store);
  }

  /** From now on, puts whose key matches fail; {@code key -> false} heals the store. */
  public void failPuts(Predicate<String> keys) {
    this.failingPuts = keys;
  }

  public int gets(String key) {
    return gets.getOrDefault(key, new AtomicInteger()).get();
  }

  @Override
  public Blob getBlob(String container, String name) {
    gets.computeIfAbsent(name, k -> new AtomicInteger()).incrementAndGet();
    return super.getBlob(container, name);
  }

  @Override
  public Blob getBlob(String container, String name, GetOptions options) {
    gets.computeIfAbsent(name, k -> new AtomicInteger()).incrementAndGet();
    return super.getBlob(container, name, options);
  }

  @Override
  public String putBlob(String container, Blob blob) {
    check(blob);
    return super.putBlob(container, blob);
  }

  @Override
  public String putBlob(String container, Blob blob, PutOptions options) {
    check(blob);
    return super.putBlob(container, blob, options);
  }

  private void check(Blob blob) {
    if (failingPuts.test(blob.getMetadata().getName())) {
      // S3Proxy answers with this response's status: a 503 Slow Down, as S3 under load.
      throw new HttpResponseException(
          "injected storage failure",
          null,
          HttpResponse.builder().statusCode(503).message("Slow Down").build());
    }
  }
}
