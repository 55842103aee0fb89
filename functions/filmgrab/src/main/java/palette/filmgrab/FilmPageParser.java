package palette.filmgrab;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Reads a film page: title ({@code h1.entry-title}, else {@code <title>} without the site's
 * suffix), the crew lines at the top of {@code div.entry-content} ({@code Director: …}, {@code
 * Year: …}), and the stills through {@link GalleryReader}. A page without a title or without stills
 * is reported as a layout change rather than read as an empty film.
 */
final class FilmPageParser {
  private static final Pattern CREW_LINE =
      Pattern.compile("^([\\p{L}][\\p{L} ]{1,40}?)\\s*:\\s*(.+)$");
  private static final Pattern YEAR = Pattern.compile("\\b(18[89]\\d|19\\d\\d|20\\d\\d)\\b");
  private static final Pattern SITE_SUFFIX =
      Pattern.compile("\\s*[–—|-]\\s*\\[?\\s*FILMGRAB\\s*]?\\s*$", Pattern.CASE_INSENSITIVE);
  private static final int CREW_PARAGRAPHS = 6;

  private FilmPageParser() {}

  static Film parse(Document page, HostPolicy policy, int maxStills) {
    URI url = URI.create(page.location());
    String title = title(page);
    List<URI> stills = GalleryReader.stills(page, policy, maxStills);
    if (stills.isEmpty()) {
      throw FilmGrabException.of(
          FilmGrabException.Reason.LAYOUT_CHANGED,
          "no stills found on "
              + url
              + " (expected a gallery of div.bwg-item with a.bwg_lightbox[href] or thumbnails);"
              + " film-grab.com's layout may have changed",
          url);
    }
    Map<String, String> crew = crew(page);
    return new Film(title, year(crew), url, crew, stills);
  }

  private static String title(Document page) {
    Element heading = page.selectFirst("h1.entry-title");
    String title = heading == null ? "" : heading.text().trim();
    if (title.isEmpty()) {
      title = SITE_SUFFIX.matcher(page.title()).replaceFirst("").trim();
    }
    if (title.isEmpty()) {
      throw FilmGrabException.of(
          FilmGrabException.Reason.LAYOUT_CHANGED,
          "no film title on " + page.location() + " (expected h1.entry-title or a <title>)",
          page.location());
    }
    return title;
  }

  private static Map<String, String> crew(Document page) {
    Map<String, String> crew = new LinkedHashMap<>();
    Element content = page.selectFirst("div.entry-content");
    if (content == null) {
      return crew;
    }
    for (Element paragraph : content.select("> p").stream().limit(CREW_PARAGRAPHS).toList()) {
      for (String part : paragraph.html().split("(?i)<br\\s*/?>")) {
        String line = Jsoup.parseBodyFragment(part).text().trim();
        Matcher m = CREW_LINE.matcher(line);
        if (m.matches()) {
          crew.putIfAbsent(m.group(1).trim().replaceAll("\\s+", " "), m.group(2).trim());
        }
      }
    }
    return crew;
  }

  private static int year(Map<String, String> crew) {
    String value = crew.get("Year");
    Matcher m = YEAR.matcher(value == null ? "" : value);
    return m.find() ? Integer.parseInt(m.group(1)) : 0;
  }
}
