package palette.core.format;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import palette.core.cluster.Rgb;
import palette.core.cluster.Swatch;

class PaletteExportsTest {
  private static final List<Swatch> SWATCHES =
      List.of(
          new Swatch(new Rgb(26, 43, 60), 600, 0.6),
          new Swatch(new Rgb(255, 128, 0), 399, 0.399),
          new Swatch(new Rgb(0, 0, 0), 1, 0.001));

  @Test
  void cssDeclaresOneCustomPropertyPerColourWithItsShare() {
    assertThat(PaletteExports.css(SWATCHES))
        .isEqualTo(
            """
            :root {
              --palette-1: #1a2b3c; /* 60.0% */
              --palette-2: #ff8000; /* 39.9% */
              --palette-3: #000000; /* 0.1% */
            }
            """);
  }

  @Test
  void gimpPaletteHasTheHeaderAndOneRgbLinePerColour() {
    assertThat(PaletteExports.gpl(SWATCHES, "photo\nname"))
        .isEqualTo(
            "GIMP Palette\nName: photo name\nColumns: 3\n#\n"
                + " 26  43  60\t#1a2b3c 60.0%\n"
                + "255 128   0\t#ff8000 39.9%\n"
                + "  0   0   0\t#000000 0.1%\n");
  }

  @Test
  void adobeSwatchExchangeParsesBackToTheSameColours() {
    List<AseColor> colors = parseAse(PaletteExports.ase(SWATCHES));

    assertThat(colors)
        .containsExactly(
            new AseColor("#1a2b3c", "RGB ", 26 / 255f, 43 / 255f, 60 / 255f, 2),
            new AseColor("#ff8000", "RGB ", 1f, 128 / 255f, 0f, 2),
            new AseColor("#000000", "RGB ", 0f, 0f, 0f, 2));
    for (AseColor color : colors) {
      int r = Math.round(color.r() * 255);
      int g = Math.round(color.g() * 255);
      int b = Math.round(color.b() * 255);
      assertThat(new Rgb(r, g, b).hex()).isEqualTo(color.name());
    }
  }

  record AseColor(String name, String model, float r, float g, float b, int type) {}

  /** An independent reader of the ASE 1.0 layout, strict about lengths. */
  private static List<AseColor> parseAse(byte[] ase) {
    ByteBuffer in = ByteBuffer.wrap(ase);
    byte[] signature = new byte[4];
    in.get(signature);
    assertThat(new String(signature, StandardCharsets.US_ASCII)).isEqualTo("ASEF");
    assertThat(in.getShort()).as("major version").isEqualTo((short) 1);
    assertThat(in.getShort()).as("minor version").isEqualTo((short) 0);
    int blocks = in.getInt();
    List<AseColor> colors = new ArrayList<>();
    for (int i = 0; i < blocks; i++) {
      assertThat(in.getShort()).as("block type").isEqualTo((short) 0x0001);
      int length = in.getInt();
      int start = in.position();
      int nameLength = in.getShort();
      char[] name = new char[nameLength];
      for (int c = 0; c < nameLength; c++) {
        name[c] = in.getChar();
      }
      assertThat(name[nameLength - 1]).as("name terminator").isEqualTo('\0');
      byte[] model = new byte[4];
      in.get(model);
      colors.add(
          new AseColor(
              new String(name, 0, nameLength - 1),
              new String(model, StandardCharsets.US_ASCII),
              in.getFloat(),
              in.getFloat(),
              in.getFloat(),
              in.getShort()));
      assertThat(in.position() - start).as("block length").isEqualTo(length);
    }
    assertThat(in.hasRemaining()).as("bytes after the last block").isFalse();
    return colors;
  }
}
