package palette.filmgrab;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;

/**
 * Reads the two listings: search results ({@code article h2.entry-title a}) and the A–Z index
 * ({@code div#primary a.title}). Only links to film pages on allowed hosts are kept.
 */
final class ListingParser {
  private ListingParser() {}

  /** The films a search page lists; empty when the search found nothing. */
  static List<FilmRef> searchResults(Document page, HostPolicy policy) {
    Elements links = page.select("article h2.entry-title a[href], article h1.entry-title a[href]");
    if (links.isEmpty()) {
      links = page.select("h2.entry-title a[href]");
    }
    return films(page, links, policy);
  }

  /** Every film the A–Z index lists; a page without any means the layout changed. */
  static List<FilmRef> azIndex(Document page, HostPolicy policy) {
    Elements links = page.select("div#primary a.title[href]");
    if (links.isEmpty()) {
      links = page.select("a.title[href], li.listing-item a[href]");
    }
    List<FilmRef> films = films(page, links, policy);
    if (films.isEmpty()) {
      throw FilmGrabException.of(
          FilmGrabException.Reason.LAYOUT_CHANGED,
          "no films found on the A-Z index "
              + page.location()
              + " (expected div#primary a.title links); film-grab.com's layout may have changed",
          page.location());
    }
    return films;
  }

  private static List<FilmRef> films(Document page, Elements links, HostPolicy policy) {
    URI base = URI.create(page.location());
    List<FilmRef> films = new ArrayList<>();
    Set<URI> seen = new LinkedHashSet<>();
    for (Element link : links) {
      String title = link.text().trim();
      Optional<URI> url =
          Links.findAbsolute(base, link.attr("href"))
              .filter(Links::isFilmPage)
              .flatMap(found -> allowed(policy, found));
      if (title.isEmpty() || url.isEmpty()) {
        continue;
      }
      if (seen.add(url.get())) {
        films.add(new FilmRef(title, url.get()));
      }
    }
    return films;
  }

  /** The URL as it will be fetched (http upgraded to https), or empty when it is refused. */
  static Optional<URI> allowed(HostPolicy policy, URI url) {
    try {
      return Optional.of(policy.check(url));
    } catch (FilmGrabException refused) {
      return Optional.empty();
    }
  }
}
