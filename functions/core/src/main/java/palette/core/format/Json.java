package palette.core.format;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The engine's documents (palette document, Plotly figure, film document) written as a stream, on
 * the generator of {@link JsonFormat}: the documents need exact control of field order and number
 * text so identical runs give identical bytes, and the figure is too large to build as maps first.
 *
 * <p>Pretty mode indents by two spaces and keeps number arrays on one line ({@code [1, 2, 3]});
 * compact mode writes no whitespace at all. Doubles are written with a fixed number of decimals
 * (trailing zeros dropped), never as NaN or Infinity: a non-finite number is a bug in the caller
 * and fails loudly. The generator checks that calls nest correctly.
 */
final class Json {
  private static final DefaultIndenter TWO_SPACES = new DefaultIndenter("  ", "\n");
  private static final DefaultPrettyPrinter PRETTY =
      new DefaultPrettyPrinter()
          .withSeparators(
              Separators.createDefaultInstance()
                  .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
                  .withObjectEmptySeparator("")
                  .withArrayEmptySeparator(""))
          .withObjectIndenter(TWO_SPACES)
          .withArrayIndenter(TWO_SPACES);

  private final StringWriter out;
  private final JsonGenerator generator;
  private final boolean pretty;

  private Json(boolean pretty, int capacity) {
    this.pretty = pretty;
    this.out = new StringWriter(capacity);
    try {
      JsonGenerator created = JsonFormat.STD.getStreamingFactory().createGenerator(out);
      this.generator = pretty ? created.setPrettyPrinter(PRETTY.createInstance()) : created;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A writer that indents by two spaces, for documents people read. */
  static Json pretty() {
    return new Json(true, 1024);
  }

  /** A writer without whitespace, for large machine-read documents. */
  static Json compact(int capacity) {
    return new Json(false, capacity);
  }

  Json beginObject() {
    return write(JsonGenerator::writeStartObject);
  }

  Json endObject() {
    return write(JsonGenerator::writeEndObject);
  }

  Json beginArray() {
    return write(JsonGenerator::writeStartArray);
  }

  Json endArray() {
    return write(JsonGenerator::writeEndArray);
  }

  /** The name of the next member of the current object. */
  Json name(String name) {
    return write(g -> g.writeFieldName(name));
  }

  Json value(String text) {
    return write(g -> g.writeString(text));
  }

  Json value(long number) {
    return write(g -> g.writeNumber(number));
  }

  Json value(boolean flag) {
    return write(g -> g.writeBoolean(flag));
  }

  /** {@code number} rounded half-up to {@code decimals} places, trailing zeros dropped. */
  Json value(double number, int decimals) {
    String text = decimal(number, decimals);
    return write(g -> g.writeNumber(text));
  }

  /**
   * An array of integers on a single line, even in pretty mode: written as one raw value, because a
   * pretty printer learns what an array holds only after it has placed the first element.
   */
  Json value(int[] numbers, int from, int to) {
    StringBuilder text = new StringBuilder(2 + (to - from) * 5).append('[');
    for (int i = from; i < to; i++) {
      text.append(i > from ? (pretty ? ", " : ",") : "").append(numbers[i]);
    }
    text.append(']');
    return write(g -> g.writeRawValue(text.toString()));
  }

  Json value(int[] numbers) {
    return value(numbers, 0, numbers.length);
  }

  /** The document written so far; pretty documents end with a newline. */
  @Override
  public String toString() {
    write(JsonGenerator::flush);
    return pretty ? out + "\n" : out.toString();
  }

  /** The JSON text of {@code number} with at most {@code decimals} decimals. */
  static String decimal(double number, int decimals) {
    if (!Double.isFinite(number)) {
      throw new IllegalArgumentException("JSON numbers must be finite, was " + number);
    }
    BigDecimal rounded =
        BigDecimal.valueOf(number).setScale(decimals, RoundingMode.HALF_UP).stripTrailingZeros();
    return rounded.signum() == 0 ? "0" : rounded.toPlainString();
  }

  /** {@code text} as a JSON string literal, with quotes. */
  static String quoted(String text) {
    return compact(text.length() + 2).value(text).toString();
  }

  private Json write(Step step) {
    try {
      step.on(generator);
    } catch (IOException e) {
      // A StringWriter never fails; this is the generator refusing a call out of order.
      throw new IllegalStateException(e.getMessage(), e);
    }
    return this;
  }

  /** One generator call; its IOException cannot come from a StringWriter. */
  @FunctionalInterface
  private interface Step {
    void on(JsonGenerator generator) throws IOException;
  }
}
