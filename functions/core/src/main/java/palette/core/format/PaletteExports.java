package palette.core.format;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import palette.core.cluster.Rgb;
import palette.core.cluster.Swatch;

/**
 * Palette files other tools read, colours in swatch order:
 *
 * <ul>
 *   <li>CSS custom properties {@code --palette-1} … on {@code :root}, each with its share in a
 *       comment;
 *   <li>a GIMP palette ({@code .gpl}, also read by Inkscape and Krita), colour names are the hex
 *       values with their share;
 *   <li>Adobe Swatch Exchange ({@code .ase}, version 1.0, read by Adobe tools, Affinity and
 *       Procreate): one RGB colour entry of type "normal" per swatch, named by its hex value,
 *       channels as big-endian floats 0–1.
 * </ul>
 */
public final class PaletteExports {
  /** ASE block type of a colour entry. */
  static final int ASE_COLOR_ENTRY = 0x0001;

  /** ASE colour type "normal" (neither global nor spot). */
  static final int ASE_NORMAL = 2;

  private static final int GPL_MAX_COLUMNS = 16;

  private PaletteExports() {}

  public static String css(List<Swatch> swatches) {
    StringBuilder out = new StringBuilder(":root {\n");
    for (int i = 0; i < swatches.size(); i++) {
      Swatch swatch = swatches.get(i);
      out.append("  --palette-")
          .append(i + 1)
          .append(": ")
          .append(swatch.color().hex())
          .append("; /* ")
          .append(ScatterFigure.percent(swatch.share()))
          .append(" */\n");
    }
    return out.append("}\n").toString();
  }

  /** A GIMP palette named {@code name} (line breaks in it become spaces). */
  public static String gpl(List<Swatch> swatches, String name) {
    StringBuilder out = new StringBuilder("GIMP Palette\n");
    out.append("Name: ").append(name.replaceAll("[\\r\\n]+", " ")).append('\n');
    out.append("Columns: ").append(Math.min(GPL_MAX_COLUMNS, swatches.size())).append('\n');
    out.append("#\n");
    for (Swatch swatch : swatches) {
      Rgb c = swatch.color();
      out.append(String.format(Locale.ROOT, "%3d %3d %3d", c.r(), c.g(), c.b()))
          .append('\t')
          .append(c.hex())
          .append(' ')
          .append(ScatterFigure.percent(swatch.share()))
          .append('\n');
    }
    return out.toString();
  }

  public static byte[] ase(List<Swatch> swatches) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      out.writeBytes("ASEF");
      out.writeShort(1);
      out.writeShort(0);
      out.writeInt(swatches.size());
      for (Swatch swatch : swatches) {
        byte[] entry = aseEntry(swatch.color());
        out.writeShort(ASE_COLOR_ENTRY);
        out.writeInt(entry.length);
        out.write(entry);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e); // cannot happen: writing to memory
    }
    return bytes.toByteArray();
  }

  /** The body of a colour entry: UTF-16 name with terminator, model, channels, colour type. */
  private static byte[] aseEntry(Rgb color) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    DataOutputStream out = new DataOutputStream(bytes);
    String name = color.hex();
    out.writeShort(name.length() + 1);
    out.write(name.getBytes(StandardCharsets.UTF_16BE));
    out.writeShort(0);
    out.writeBytes("RGB ");
    out.writeFloat(color.r() / 255f);
    out.writeFloat(color.g() / 255f);
    out.writeFloat(color.b() / 255f);
    out.writeShort(ASE_NORMAL);
    return bytes.toByteArray();
  }
}
