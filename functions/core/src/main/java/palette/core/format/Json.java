package palette.core.format;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * A minimal streaming JSON writer for the engine's own documents (palette document, Plotly figure).
 * The engine has no JSON library dependency, and both documents need exact control of field order
 * and number formatting so identical runs give identical bytes.
 *
 * <p>Pretty mode indents objects by two spaces and keeps number arrays on one line ({@code [1, 2,
 * 3]}); compact mode writes no whitespace at all. Doubles are written with a fixed number of
 * decimals (trailing zeros dropped), never as NaN or Infinity: a non-finite number is a bug in the
 * caller and fails loudly. The writer does not check that the calls nest correctly; callers are few
 * and tested through their output.
 */
final class Json {
  private final StringBuilder out;
  private final boolean pretty;
  private int depth;
  private boolean first = true;
  private boolean afterName;

  private Json(boolean pretty, int capacity) {
    this.pretty = pretty;
    this.out = new StringBuilder(capacity);
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
    return open('{');
  }

  Json endObject() {
    return close('}');
  }

  Json beginArray() {
    return open('[');
  }

  Json endArray() {
    return close(']');
  }

  /** The name of the next member of the current object. */
  Json name(String name) {
    separate();
    quote(name);
    out.append(pretty ? ": " : ":");
    afterName = true;
    return this;
  }

  Json value(String text) {
    separate();
    quote(text);
    return this;
  }

  Json value(long number) {
    separate();
    out.append(number);
    return this;
  }

  Json value(boolean flag) {
    separate();
    out.append(flag);
    return this;
  }

  /** {@code number} rounded half-up to {@code decimals} places, trailing zeros dropped. */
  Json value(double number, int decimals) {
    separate();
    out.append(decimal(number, decimals));
    return this;
  }

  /** An array of integers on a single line, even in pretty mode. */
  Json value(int[] numbers, int from, int to) {
    separate();
    out.append('[');
    for (int i = from; i < to; i++) {
      if (i > from) {
        out.append(pretty ? ", " : ",");
      }
      out.append(numbers[i]);
    }
    out.append(']');
    return this;
  }

  Json value(int[] numbers) {
    return value(numbers, 0, numbers.length);
  }

  /** The document written so far; pretty documents end with a newline. */
  @Override
  public String toString() {
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
    Json json = new Json(false, text.length() + 2);
    json.quote(text);
    return json.out.toString();
  }

  private Json open(char bracket) {
    separate();
    out.append(bracket);
    depth++;
    first = true;
    return this;
  }

  private Json close(char bracket) {
    depth--;
    if (!first) {
      newline();
    }
    out.append(bracket);
    first = false;
    return this;
  }

  private void separate() {
    if (afterName) {
      afterName = false;
      return;
    }
    if (!first) {
      out.append(',');
    }
    if (depth > 0) {
      newline();
    }
    first = false;
  }

  private void newline() {
    if (pretty) {
      out.append('\n');
      out.append("  ".repeat(depth));
    }
  }

  private void quote(String text) {
    out.append('"');
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          // Below 0x20 is illegal raw; '<' is escaped so the JSON can sit inside an HTML script
          // element; U+2028/9 break older JavaScript parsers; a lone surrogate (from a broken
          // file name, say) has no UTF-8 form and would turn into '?'.
          if (c < 0x20 || c == '<' || c == '\u2028' || c == '\u2029' || lone(text, i)) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    out.append('"');
  }

  /** True when {@code text[i]} is a surrogate that is not part of a valid pair. */
  private static boolean lone(String text, int i) {
    char c = text.charAt(i);
    if (Character.isHighSurrogate(c)) {
      return i + 1 == text.length() || !Character.isLowSurrogate(text.charAt(i + 1));
    }
    return Character.isLowSurrogate(c)
        && (i == 0 || !Character.isHighSurrogate(text.charAt(i - 1)));
  }
}
