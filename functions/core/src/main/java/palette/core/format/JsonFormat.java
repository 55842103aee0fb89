package palette.core.format;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonFactoryBuilder;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.core.util.JsonGeneratorDelegate;
import com.fasterxml.jackson.jr.ob.JSON;
import java.io.IOException;
import java.util.Locale;

/**
 * The one JSON setup ({@link #STD}, as jackson-jr's {@code JSON.std}) of the project (jackson-jr
 * over jackson-core): the engine's documents, the handlers' responses and log lines and the local
 * stack's files are all written with it, so a string or a number looks the same wherever it is
 * written.
 *
 * <p>Strings are escaped beyond what JSON requires: control characters as hexadecimal escapes
 * (except {@code \n}, {@code \r}, {@code \t}); {@code <}, so a document can sit inside an HTML
 * script element; U+2028/9, which break older JavaScript parsers; and every surrogate, because a
 * lone one (from a broken file name, say) has no UTF-8 form and would turn into {@code ?}. Escapes
 * are chosen one character at a time, so the two halves of a valid pair are escaped too, which any
 * JSON reader joins again. A double that is NaN or infinite is written as {@code null}: JSON has no
 * such number.
 */
public final class JsonFormat {
  /** Compact output; {@code with(JSON.Feature.PRETTY_PRINT_OUTPUT)} for a readable one. */
  public static final JSON STD = build();

  private JsonFormat() {}

  private static JSON build() {
    JsonFactory factory =
        new JsonFactoryBuilder()
            .characterEscapes(new Escapes())
            .disable(JsonWriteFeature.WRITE_HEX_UPPER_CASE)
            .addDecorator((f, generator) -> new FiniteNumbers(generator))
            .build();
    return JSON.builder(factory).enable(JSON.Feature.WRITE_NULL_PROPERTIES).build();
  }

  private static final class Escapes extends CharacterEscapes {
    private static final int[] ASCII = ascii();

    private static int[] ascii() {
      int[] codes = standardAsciiEscapesForJSON();
      codes['\b'] = ESCAPE_STANDARD;
      codes['\f'] = ESCAPE_STANDARD;
      codes['<'] = ESCAPE_STANDARD;
      return codes;
    }

    @Override
    public int[] getEscapeCodesForAscii() {
      return ASCII;
    }

    @Override
    public SerializableString getEscapeSequence(int c) {
      if (c == '\u2028' || c == '\u2029' || Character.isSurrogate((char) c)) {
        return new SerializedString(String.format(Locale.ROOT, "\\u%04x", c));
      }
      return null;
    }
  }

  private static final class FiniteNumbers extends JsonGeneratorDelegate {
    FiniteNumbers(JsonGenerator generator) {
      super(generator, false);
    }

    @Override
    public void writeNumber(double number) throws IOException {
      if (Double.isFinite(number)) {
        super.writeNumber(number);
      } else {
        super.writeNull();
      }
    }

    @Override
    public void writeNumber(float number) throws IOException {
      writeNumber((double) number);
    }
  }
}
