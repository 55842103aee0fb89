package palette.local.s3;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.jclouds.blobstore.BlobStore;
import org.jclouds.blobstore.domain.Blob;
import org.jclouds.blobstore.domain.MultipartPart;
import org.jclouds.blobstore.domain.MultipartUpload;
import org.jclouds.blobstore.domain.PageSet;
import org.jclouds.blobstore.domain.StorageMetadata;
import org.jclouds.blobstore.domain.StorageType;
import org.jclouds.blobstore.domain.internal.PageSetImpl;
import org.jclouds.blobstore.options.CopyOptions;
import org.jclouds.blobstore.options.ListContainerOptions;
import org.jclouds.blobstore.options.PutOptions;
import org.jclouds.blobstore.util.ForwardingBlobStore;

/**
 * Lists objects, and only those whose write has finished, as S3 does.
 *
 * <ul>
 *   <li>The file-system store writes an object to {@code <key>-<random UUID>} beside its final name
 *       and renames it when the bytes are all there; a listing in between showed that name, so a
 *       reader that lists and then reads (a poller, the worker clearing a prefix) got a key that
 *       was gone by the time it asked for it.
 *   <li>A listing without a delimiter (recursive) also showed the store's directories, such as
 *       {@code photos/check.jpg/} for the outputs of {@code photos/check.jpg}, as 4,096-byte
 *       objects that S3 does not have. They are left out there; with a delimiter they are the
 *       common prefixes and stay.
 * </ul>
 */
final class CompleteListings extends ForwardingBlobStore {
  /** The suffix the file-system store gives a file being written. */
  private static final Pattern WRITING_SUFFIX =
      Pattern.compile("-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

  private static final int SUFFIX_LENGTH = 37;

  /** Writes under way through this store, by bucket and key, with how many of each. */
  private final Map<String, Integer> writing = new ConcurrentHashMap<>();

  CompleteListings(BlobStore store) {
    super(store);
  }

  @Override
  public String putBlob(String container, Blob blob) {
    return during(container, blob.getMetadata().getName(), () -> super.putBlob(container, blob));
  }

  @Override
  public String putBlob(String container, Blob blob, PutOptions options) {
    return during(
        container, blob.getMetadata().getName(), () -> super.putBlob(container, blob, options));
  }

  @Override
  public String copyBlob(
      String fromContainer, String fromName, String toContainer, String toName, CopyOptions o) {
    return during(
        toContainer, toName, () -> super.copyBlob(fromContainer, fromName, toContainer, toName, o));
  }

  @Override
  public String completeMultipartUpload(MultipartUpload upload, List<MultipartPart> parts) {
    return during(
        upload.containerName(),
        upload.blobName(),
        () -> super.completeMultipartUpload(upload, parts));
  }

  @Override
  public PageSet<? extends StorageMetadata> list(String container) {
    return complete(container, super.list(container), false);
  }

  @Override
  public PageSet<? extends StorageMetadata> list(String container, ListContainerOptions options) {
    return complete(container, super.list(container, options), options.isRecursive());
  }

  private String during(String container, String key, Supplier<String> write) {
    String at = container + "/" + key;
    writing.merge(at, 1, Integer::sum);
    try {
      return write.get();
    } finally {
      writing.computeIfPresent(at, (k, n) -> n == 1 ? null : n - 1);
    }
  }

  private PageSet<? extends StorageMetadata> complete(
      String container, PageSet<? extends StorageMetadata> page, boolean recursive) {
    List<StorageMetadata> kept =
        page.stream()
            .<StorageMetadata>map(entry -> entry)
            .filter(entry -> !(recursive && isDirectory(entry)))
            .filter(entry -> !unfinished(container, entry.getName()))
            .toList();
    return kept.size() == page.size() ? page : new PageSetImpl<>(kept, page.getNextMarker());
  }

  private static boolean isDirectory(StorageMetadata entry) {
    return entry.getType() == StorageType.FOLDER || entry.getType() == StorageType.RELATIVE_PATH;
  }

  /**
   * A file-system store's file being written: its name is a key being written plus the suffix, or
   * it was renamed away between the listing and now (the write finished while we listed).
   */
  private boolean unfinished(String container, String name) {
    if (name == null
        || name.length() <= SUFFIX_LENGTH
        || !WRITING_SUFFIX.matcher(name.substring(name.length() - SUFFIX_LENGTH)).matches()) {
      return false;
    }
    String key = name.substring(0, name.length() - SUFFIX_LENGTH);
    return writing.containsKey(container + "/" + key) || !super.blobExists(container, name);
  }
}
