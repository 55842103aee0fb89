package palette.local.s3;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import org.jclouds.blobstore.BlobStore;
import org.jclouds.blobstore.domain.Blob;
import org.jclouds.blobstore.domain.BlobMetadata;
import org.jclouds.blobstore.domain.MultipartPart;
import org.jclouds.blobstore.domain.MultipartUpload;
import org.jclouds.blobstore.options.CopyOptions;
import org.jclouds.blobstore.options.PutOptions;
import org.jclouds.blobstore.util.ForwardingBlobStore;

/**
 * S3Proxy sends no notifications, so this store raises them itself: after a put, a copy or a
 * completed multipart upload into a watched bucket has succeeded, it hands an {@link ObjectCreated}
 * to the listener, as S3 does once the object is readable.
 */
public final class NotifyingBlobStore extends ForwardingBlobStore {
  private final Set<String> watched;
  private final Consumer<ObjectCreated> listener;

  public NotifyingBlobStore(
      BlobStore store, Set<String> watched, Consumer<ObjectCreated> listener) {
    super(store);
    this.watched = Set.copyOf(watched);
    this.listener = listener;
  }

  @Override
  public String putBlob(String container, Blob blob) {
    String eTag = super.putBlob(container, blob);
    announce("ObjectCreated:Put", container, blob.getMetadata().getName(), eTag);
    return eTag;
  }

  @Override
  public String putBlob(String container, Blob blob, PutOptions options) {
    String eTag = super.putBlob(container, blob, options);
    announce("ObjectCreated:Put", container, blob.getMetadata().getName(), eTag);
    return eTag;
  }

  @Override
  public String copyBlob(
      String fromContainer, String fromName, String toContainer, String toName, CopyOptions o) {
    String eTag = super.copyBlob(fromContainer, fromName, toContainer, toName, o);
    announce("ObjectCreated:Copy", toContainer, toName, eTag);
    return eTag;
  }

  @Override
  public String completeMultipartUpload(MultipartUpload upload, List<MultipartPart> parts) {
    String eTag = super.completeMultipartUpload(upload, parts);
    announce(
        "ObjectCreated:CompleteMultipartUpload", upload.containerName(), upload.blobName(), eTag);
    return eTag;
  }

  /** {@code written} is the write's own ETag; the file-system store's metadata may have none. */
  private void announce(String eventName, String bucket, String key, String written) {
    if (!watched.contains(bucket)) {
      return;
    }
    BlobMetadata metadata = blobMetadata(bucket, key);
    if (metadata == null) {
      return; // deleted again before we looked: S3 would still notify, but there is nothing to do
    }
    Long size = metadata.getContentMetadata().getContentLength();
    listener.accept(
        new ObjectCreated(
            eventName,
            bucket,
            key,
            size == null ? 0 : size,
            metadata.getETag() != null ? metadata.getETag() : written == null ? "" : written,
            Instant.now()));
  }
}
