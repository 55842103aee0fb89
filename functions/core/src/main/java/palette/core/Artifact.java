package palette.core;

/**
 * One output file of a run, named without any prefix ({@code swatch.png}, {@code palette.json});
 * the command line prefixes it with the image name, the worker puts it under the job's S3 prefix.
 */
public record Artifact(String name, String contentType, byte[] bytes) {
  public Artifact {
    bytes = bytes.clone();
  }

  @Override
  public byte[] bytes() {
    return bytes.clone();
  }

  public int size() {
    return bytes.length;
  }
}
