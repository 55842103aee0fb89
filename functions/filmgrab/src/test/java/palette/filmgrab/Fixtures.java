package palette.filmgrab;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

/** The HTML fixtures parsed as if fetched from the real site, the default policy, a helper. */
final class Fixtures {
  static final HostPolicy POLICY =
      new HostPolicy(
          FilmGrabConfig.defaults(), host -> new InetAddress[] {InetAddress.getByName("1.2.3.4")});

  private Fixtures() {}

  /** The {@link FilmGrabException} {@code action} throws; fails the test when it throws none. */
  static FilmGrabException failure(Runnable action) {
    try {
      action.run();
    } catch (FilmGrabException e) {
      return e;
    }
    throw new AssertionError("expected a FilmGrabException");
  }

  /** {@code path} is the site path, for example {@code 2013/11/19/12-angry-men/}. */
  static Document page(String path) {
    String name = "site/" + path + (path.endsWith("/") ? "index.html" : "");
    try (InputStream in = Fixtures.class.getClassLoader().getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalArgumentException("no fixture " + name);
      }
      return Jsoup.parse(in, "UTF-8", "https://film-grab.com/" + path);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
