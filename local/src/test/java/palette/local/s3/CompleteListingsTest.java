package palette.local.s3;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.jclouds.ContextBuilder;
import org.jclouds.blobstore.BlobStore;
import org.jclouds.blobstore.BlobStoreContext;
import org.jclouds.blobstore.domain.StorageMetadata;
import org.jclouds.blobstore.options.ListContainerOptions;
import org.jclouds.filesystem.FilesystemApiMetadata;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * While an object is being written, the file-system store behind the local S3 lists a second name
 * for it; through {@link CompleteListings} a listing shows only objects whose writes are done, as
 * S3's does. The write is held half-way by its own input stream, so the listing lands inside it.
 */
class CompleteListingsTest {
  private static final String BUCKET = "bucket";

  @Test
  void aWriteUnderWayIsNotListedUntilItIsComplete(@TempDir Path folder) throws Exception {
    try (BlobStoreContext context = fileSystemStore(folder)) {
      BlobStore raw = context.getBlobStore();
      BlobStore store = new CompleteListings(raw);
      store.createContainerInLocation(null, BUCKET);
      store.putBlob(BUCKET, store.blobBuilder("photos/done.jpg").payload(new byte[10]).build());

      HeldStream held = new HeldStream(1 << 20);
      CompletableFuture<String> write =
          CompletableFuture.supplyAsync(
              () ->
                  store.putBlob(
                      BUCKET,
                      store
                          .blobBuilder("photos/big.jpg")
                          .payload(held)
                          .contentLength(held.size)
                          .build()));
      awaitFileNamed(folder.resolve(BUCKET).resolve("photos"), "big.jpg-");

      assertThat(names(raw)).as("the store alone shows the file being written").hasSize(2);
      assertThat(names(store)).containsExactly("photos/done.jpg");

      held.release.countDown();
      write.get(30, TimeUnit.SECONDS);
      assertThat(names(store)).containsExactlyInAnyOrder("photos/done.jpg", "photos/big.jpg");
    }
  }

  @Test
  void aListingWithoutADelimiterHasNoDirectoriesAndOneWithKeepsThemAsPrefixes(
      @TempDir Path folder) {
    try (BlobStoreContext context = fileSystemStore(folder)) {
      BlobStore raw = context.getBlobStore();
      BlobStore store = new CompleteListings(raw);
      store.createContainerInLocation(null, BUCKET);
      store.putBlob(
          BUCKET, store.blobBuilder("photos/check.jpg/palette.json").payload(new byte[3]).build());
      store.putBlob(BUCKET, store.blobBuilder("top.txt").payload(new byte[3]).build());

      assertThat(listed(raw, ListContainerOptions.Builder.recursive()))
          .as("the store alone lists its directories as entries")
          .contains("photos/", "photos/check.jpg/");
      assertThat(listed(store, ListContainerOptions.Builder.recursive()))
          .containsExactly("photos/check.jpg/palette.json", "top.txt");
      assertThat(listed(store, ListContainerOptions.Builder.delimiter("/")))
          .containsExactly("photos/", "top.txt");
    }
  }

  /** The file-system store the local S3 runs on, its files under {@code folder}. */
  private static BlobStoreContext fileSystemStore(Path folder) {
    Properties properties = new Properties();
    properties.setProperty("jclouds.filesystem.basedir", folder.toString());
    return ContextBuilder.newBuilder(new FilesystemApiMetadata())
        .overrides(properties)
        .buildView(BlobStoreContext.class);
  }

  private static List<String> listed(BlobStore store, ListContainerOptions options) {
    return store.list(BUCKET, options).stream().map(StorageMetadata::getName).sorted().toList();
  }

  private static List<String> names(BlobStore store) {
    return store.list(BUCKET, ListContainerOptions.Builder.recursive()).stream()
        .map(StorageMetadata::getName)
        .filter(name -> !name.endsWith("/") && !name.equals("photos"))
        .toList();
  }

  private static void awaitFileNamed(Path folder, String prefix) throws Exception {
    long deadline = System.nanoTime() + 30_000_000_000L;
    while (System.nanoTime() < deadline) {
      if (Files.isDirectory(folder)) {
        try (Stream<Path> files = Files.list(folder)) {
          if (files.anyMatch(file -> file.getFileName().toString().startsWith(prefix))) {
            return;
          }
        }
      }
      Thread.sleep(5);
    }
    throw new AssertionError("no file " + prefix + "* in " + folder);
  }

  /** Zeros, of which the second half waits until {@link #release} opens. */
  private static final class HeldStream extends InputStream {
    final int size;
    final CountDownLatch release = new CountDownLatch(1);
    private int position;

    HeldStream(int size) {
      this.size = size;
    }

    @Override
    public int read() throws IOException {
      byte[] one = new byte[1];
      return read(one, 0, 1) < 0 ? -1 : 0;
    }

    @Override
    public int read(byte[] into, int offset, int length) throws IOException {
      if (position >= size) {
        return -1;
      }
      if (position >= size / 2) {
        try {
          if (!release.await(30, TimeUnit.SECONDS)) {
            throw new IOException("never released");
          }
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IOException(e);
        }
      }
      int n = Math.min(length, (position < size / 2 ? size / 2 : size) - position);
      position += n;
      return n;
    }
  }
}
