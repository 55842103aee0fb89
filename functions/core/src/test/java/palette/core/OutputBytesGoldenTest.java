package palette.core;

import java.security.MessageDigest;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import palette.core.options.PaletteOptions;

/**
 * Every output's bytes for a real photo, pinned by their SHA-256 in a golden file, so a change made
 * for speed (encoding, filters, threads) shows whether it changed what users download. A deliberate
 * change of bytes regenerates the file (see {@link Golden}) and says so in its commit.
 */
class OutputBytesGoldenTest {

  @Test
  void theOutputsOfAPhotoKeepTheirBytes() throws Exception {
    byte[] photo = Fixtures.bytes("photos/astronaut.png");
    StringBuilder digests = new StringBuilder();
    for (int k : new int[] {2, 6, 32}) {
      PaletteRun run = Palettes.run(photo, PaletteOptions.defaults().withK(k));
      for (Artifact artifact : run.artifacts()) {
        digests
            .append(
                HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(artifact.bytes())))
            .append("  k=")
            .append(k)
            .append(' ')
            .append(artifact.name())
            .append('\n');
      }
    }
    Golden.assertMatches("output-bytes.sha256", digests.toString());
  }
}
