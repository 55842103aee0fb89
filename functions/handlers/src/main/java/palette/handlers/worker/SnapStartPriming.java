package palette.handlers.worker;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executor;
import javax.imageio.ImageIO;
import org.crac.Context;
import org.crac.Core;
import org.crac.Resource;

/**
 * SnapStart takes its snapshot after the constructor ran; before it does, this runs one whole job
 * on a small generated image against an in-memory store, so the snapshot holds the decoder,
 * k-means, encoders and output code loaded and partly compiled instead of loading them on the first
 * real event. No network is touched, so no connection is frozen into the snapshot.
 */
final class SnapStartPriming implements Resource {
  private final WorkerConfig config;
  private final Executor requests;

  SnapStartPriming(WorkerConfig config, Executor requests) {
    this.config = config;
    this.requests = requests;
  }

  /**
   * Registers for the checkpoint; the caller keeps the instance (the context may hold it weakly).
   */
  SnapStartPriming register() {
    Core.getGlobalContext().register(this);
    return this;
  }

  @Override
  public void beforeCheckpoint(Context<? extends Resource> context) {
    prime();
  }

  @Override
  public void afterRestore(Context<? extends Resource> context) {
    // Nothing to renew: the default credentials chain refreshes what it resolved when it expires.
  }

  /** One job end to end; returns its outcome so tests can see it really ran. */
  Outcome prime() {
    byte[] png = png();
    Storage memory =
        new Storage() {
          @Override
          public Optional<StoredObject> read(String bucket, String key, long maxBytes) {
            return Optional.of(new StoredObject(png.clone(), Map.of()));
          }

          @Override
          public void write(
              String b, String k, byte[] bytes, String type, String cache, Map<String, String> m) {}

          @Override
          public void delete(String bucket, String key) {}

          @Override
          public List<String> list(String bucket, String prefix) {
            return List.of();
          }
        };
    return new PaletteJob(memory, config, requests)
        .run(new ObjectRef("priming", "priming.png", png.length));
  }

  private static byte[] png() {
    BufferedImage image = new BufferedImage(64, 48, BufferedImage.TYPE_INT_RGB);
    for (int y = 0; y < 48; y++) {
      for (int x = 0; x < 64; x++) {
        image.setRGB(x, y, (x * 4) << 16 | (y * 5) << 8 | (x + y) * 2);
      }
    }
    try {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      ImageIO.write(image, "png", out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
