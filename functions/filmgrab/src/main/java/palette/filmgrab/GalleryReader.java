package palette.filmgrab;

import java.net.URI;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;

/**
 * Reads the still URLs of a film page's gallery (the Photo Gallery plugin's masonry view). For each
 * {@code div.bwg-item} the full-size link {@code a.bwg_lightbox[href]} is preferred; without it,
 * the thumbnail's {@code data-src} (or {@code src} unless it is the lazy-load placeholder) with
 * {@code /thumb/} removed. Logos, ads and the featured image are outside the gallery and never
 * read; links to hosts the policy refuses are dropped, never fetched.
 */
final class GalleryReader {
  private static final String THUMBS =
      "img.bwg-masonry-thumb, img.bwg_masonry_thumb_0, .bwg_container img, .bwg-container img";

  private GalleryReader() {}

  static List<URI> stills(Document page, HostPolicy policy, int maxStills) {
    URI base = URI.create(page.location());
    Element content = page.selectFirst("div.entry-content");
    Element root = content != null ? content : page;
    List<String> raw = new ArrayList<>();
    Elements items = root.select("div.bwg-item");
    if (!items.isEmpty()) {
      checkCount(page, items.size(), maxStills);
      for (Element item : items) {
        findItemUrl(base, item).ifPresent(raw::add);
      }
    } else {
      Elements links = root.select("a.bwg_lightbox[href]");
      checkCount(page, links.size(), maxStills);
      links.forEach(a -> raw.add(a.attr("href")));
      if (raw.isEmpty()) {
        Elements thumbs = root.select(THUMBS);
        checkCount(page, thumbs.size(), maxStills);
        thumbs.forEach(img -> findThumbnail(img).ifPresent(raw::add));
      }
    }
    return distinct(base, raw, policy);
  }

  private static Optional<String> findItemUrl(URI base, Element item) {
    Element link = item.selectFirst("a.bwg_lightbox[href]");
    if (link != null) {
      Optional<URI> url = Links.findAbsolute(base, link.attr("href"));
      if (url.isPresent() && Links.isFullSizeImage(url.get())) {
        return Optional.of(link.attr("href"));
      }
    }
    Element img = item.selectFirst("img");
    return img == null ? Optional.empty() : findThumbnail(img);
  }

  /** The full-size URL behind a thumbnail: its real source with {@code /thumb/} removed. */
  private static Optional<String> findThumbnail(Element img) {
    for (String attribute : List.of("data-src", "data-orig-file", "src")) {
      String value = img.attr(attribute).trim();
      if (!value.isEmpty() && !value.startsWith("data:") && !value.contains("placeholder")) {
        return Optional.of(value.replace("/thumb/", "/"));
      }
    }
    return Optional.empty();
  }

  private static List<URI> distinct(URI base, List<String> raw, HostPolicy policy) {
    List<URI> stills = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (String value : raw) {
      Optional<URI> url =
          Links.findAbsolute(base, value)
              .filter(Links::isFullSizeImage)
              .flatMap(found -> ListingParser.allowed(policy, found));
      if (url.isEmpty()) {
        continue;
      }
      if (seen.add(Links.identity(url.get()))) {
        stills.add(url.get());
      }
    }
    return stills;
  }

  private static void checkCount(Document page, int count, int maxStills) {
    if (count > maxStills) {
      throw FilmGrabException.of(
          FilmGrabException.Reason.TOO_MANY_STILLS,
          page.location()
              + " lists "
              + count
              + " gallery images, more than the limit of "
              + maxStills
              + "; refusing it",
          page.location());
    }
  }
}
