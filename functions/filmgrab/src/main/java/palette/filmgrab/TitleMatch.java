package palette.filmgrab;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Title matching that forgives case, punctuation, accents and a leading article: "2001: A Space
 * Odyssey", "8 1/2" and "8½", "Amélie" and "amelie", "The Matrix" and "Matrix, The" each compare
 * equal. Titles reduce to a key of lower-case letters and digits.
 */
final class TitleMatch {
  private TitleMatch() {}

  /** The comparison key: {@code "2001: A Space Odyssey"} gives {@code "2001aspaceodyssey"}. */
  static String key(String title) {
    String s = Normalizer.normalize(title, Normalizer.Form.NFKD).replaceAll("\\p{M}+", "");
    s = s.toLowerCase(Locale.ROOT).replace("&", " and ").replaceAll("['’`]", "");
    s = s.replaceAll("[^\\p{L}\\p{N}]+", " ").trim();
    s = s.replaceFirst("^(the|a|an) (?=\\S)", "").replaceFirst(" (the|a|an)$", "");
    return s.replace(" ", "");
  }

  /** Films whose title equals the query (after {@link #key}), then those containing it. */
  static Ranked rank(String query, List<FilmRef> films) {
    String wanted = key(query);
    Map<java.net.URI, FilmRef> exact = new LinkedHashMap<>();
    Map<java.net.URI, FilmRef> partial = new LinkedHashMap<>();
    if (wanted.isEmpty()) {
      return new Ranked(List.of(), List.of());
    }
    for (FilmRef film : films) {
      String have = key(film.title());
      if (have.equals(wanted)) {
        exact.putIfAbsent(film.url(), film);
      } else if (have.contains(wanted)) {
        partial.putIfAbsent(film.url(), film);
      }
    }
    exact.keySet().forEach(partial::remove);
    return new Ranked(new ArrayList<>(exact.values()), new ArrayList<>(partial.values()));
  }

  /** The result of {@link #rank}: equal titles and titles containing the query. */
  record Ranked(List<FilmRef> exact, List<FilmRef> partial) {
    Ranked {
      exact = List.copyOf(exact);
      partial = List.copyOf(partial);
    }

    boolean isEmpty() {
      return exact.isEmpty() && partial.isEmpty();
    }

    List<FilmRef> all() {
      List<FilmRef> all = new ArrayList<>(exact);
      all.addAll(partial);
      return all;
    }
  }
}
