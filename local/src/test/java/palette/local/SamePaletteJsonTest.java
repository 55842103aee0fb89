package palette.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import palette.handlers.worker.PaletteWorker;
import palette.handlers.worker.Storage;
import palette.handlers.worker.WorkerConfig;
import palette.local.lambda.Invocable;
import palette.local.s3.LambdaInvoker;
import palette.local.s3.LocalS3;
import palette.local.s3.ObjectCreated;

/**
 * {@code palette.json} is one document, whoever writes it: two command-line runs give the same
 * bytes, and the worker writes the same bytes as the command line for the same image, file name and
 * options.
 */
class SamePaletteJsonTest {
  static final String SOURCE = ",\n  \"source\": {";

  @TempDir Path dir;

  @Test
  void twoRunsOnTheSameImageWriteIdenticalBytesAndTimingsGoToStandardError() throws IOException {
    Path image = image();

    RunCommandTest.Result first = run(image, "a", "--timings");
    RunCommandTest.Result second = run(image, "b");
    RunCommandTest.Result json =
        RunCommandTest.palette("run", image.toString(), "--json", "-k", "3");

    assertThat(first.exitCode()).as(first.err()).isZero();
    assertThat(first.err()).containsPattern("decode [0-9.]+ ms, .*total [0-9.]+ ms");
    assertThat(second.err()).doesNotContain("total");
    byte[] bytes = Files.readAllBytes(dir.resolve("a/photo_palette.json"));
    assertThat(Files.readAllBytes(dir.resolve("b/photo_palette.json"))).isEqualTo(bytes);
    assertThat(json.out()).isEqualTo(new String(bytes, StandardCharsets.UTF_8));
    assertThat(json.out()).doesNotContain("timings");
  }

  @Test
  void theWorkerWritesTheCommandLinesDocument() throws IOException {
    Path image = image();
    run(image, "cli");
    String cli = Files.readString(dir.resolve("cli/photo_palette.json"));
    Map<String, byte[]> objects = new ConcurrentHashMap<>();
    byte[] bytes = Files.readAllBytes(image);
    objects.put("palette-input/photos/photo.png", bytes);
    WorkerConfig config = WorkerConfig.fromEnv(Map.of("OUTPUT_BUCKET", "palette-output"));
    PaletteWorker worker =
        new PaletteWorker(config, new MapStorage(objects, Map.of("k", "3")), quietLog());
    String event =
        new ObjectCreated(
                "ObjectCreated:Put",
                "palette-input",
                "photos/photo.png",
                bytes.length,
                "e",
                Instant.now())
            .toEventJson(LocalS3.REGION);

    Invocable.inProcess(worker, LambdaInvoker.FUNCTION_NAME, 60).invoke(event);

    String written =
        new String(
            objects.get("palette-output/photos/photo.png/palette.json"), StandardCharsets.UTF_8);
    assertThat(written).isEqualTo(cli);
    assertThat(cli).endsWith(SOURCE + "\n    \"file\": \"photo.png\"\n  }\n}\n");
  }

  private RunCommandTest.Result run(Path image, String folder, String... more) {
    List<String> args =
        new java.util.ArrayList<>(
            List.of("run", image.toString(), "-k", "3", "-o", dir.resolve(folder).toString()));
    args.addAll(List.of(more));
    return RunCommandTest.palette(args.toArray(String[]::new));
  }

  private static PrintStream quietLog() {
    return new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
  }

  /** Noise in four hues, so k-means has work to do and a wrong seed would show. */
  private Path image() throws IOException {
    BufferedImage image = new BufferedImage(64, 48, BufferedImage.TYPE_INT_RGB);
    java.util.Random random = new java.util.Random(7);
    int[] hues = {0xd04020, 0x2040d0, 0x40c060, 0xe0d040};
    for (int y = 0; y < 48; y++) {
      for (int x = 0; x < 64; x++) {
        int base = hues[(x / 16 + y / 12) % 4];
        image.setRGB(x, y, base ^ random.nextInt(0x20) ^ (random.nextInt(0x20) << 8));
      }
    }
    Path file = dir.resolve("photo.png");
    ImageIO.write(image, "png", file.toFile());
    return file;
  }

  /** Objects in a map keyed {@code bucket/key}; every object has the same metadata. */
  private record MapStorage(Map<String, byte[]> objects, Map<String, String> metadata)
      implements Storage {
    @Override
    public Optional<StoredObject> read(String bucket, String key, long maxBytes) {
      return Optional.ofNullable(objects.get(bucket + "/" + key))
          .map(bytes -> new StoredObject(bytes, metadata));
    }

    @Override
    public void write(
        String bucket,
        String key,
        byte[] bytes,
        String contentType,
        String cacheControl,
        Map<String, String> objectMetadata) {
      objects.put(bucket + "/" + key, bytes);
    }

    @Override
    public void delete(String bucket, String key) {
      objects.remove(bucket + "/" + key);
    }

    @Override
    public List<String> list(String bucket, String prefix) {
      return objects.keySet().stream()
          .filter(name -> name.startsWith(bucket + "/" + prefix))
          .map(name -> name.substring(bucket.length() + 1))
          .toList();
    }
  }
}
