package palette.filmgrab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;

class FilmPageParserTest {
  private static final String UPLOADS = "https://film-grab.com/wp-content/uploads/photo-gallery/";

  private static Film parse(String path) {
    return FilmPageParser.parse(Fixtures.page(path), Fixtures.POLICY, 500);
  }

  @Test
  void readsAModernPageFromTheLightboxLinks() {
    Film film = parse("2019/05/24/blade-runner-2049/");

    assertThat(film.title()).isEqualTo("Blade Runner 2049");
    assertThat(film.year()).isEqualTo(2017);
    assertThat(film.crew())
        .containsEntry("Director", "Denis Villeneuve")
        .containsEntry("Director of Photography", "Roger Deakins")
        .containsEntry("Costume Design", "Renée April");
    assertThat(film.stills())
        .extracting(URI::toString)
        .containsExactly(
            UPLOADS + "BladeRunner2049_001.jpg?bwg=1558694400",
            UPLOADS + "BladeRunner2049_002.jpg?bwg=1558694400",
            UPLOADS + "BladeRunner2049_003.jpg?bwg=1558694400",
            UPLOADS + "Blade%20Runner%202049_004.jpg?bwg=1558694400",
            UPLOADS + "BladeRunner2049_005.jpg?bwg=1558694400");
  }

  @Test
  void readsAnOldPageFromThumbnailsEncodingRawSpacesAndParenthesesOnce() {
    Film film = parse("2013/11/19/12-angry-men/");

    assertThat(film.title()).isEqualTo("12 Angry Men");
    assertThat(film.year()).isEqualTo(1957);
    assertThat(film.crew())
        .containsEntry("Director", "Sidney Lumet")
        .containsEntry("Directors of Photography", "Boris Kaufman");
    String folder = UPLOADS + "imported_from_media_libray/";
    assertThat(film.stills())
        .extracting(URI::toString)
        .containsExactly(
            folder + "01%20%28494%29.jpg",
            folder + "02%20%28495%29.jpg",
            folder + "12angrymen003.jpg?bwg=1546950000");
  }

  @Test
  void skipsLazyLoadPlaceholdersAndTakesTitleFromTheTitleElement() {
    Film film = parse("2014/02/10/amelie/");

    assertThat(film.title()).isEqualTo("Amélie");
    assertThat(film.year()).isEqualTo(2001);
    assertThat(film.stills())
        .extracting(URI::toString)
        .containsExactly(
            UPLOADS + "imported_from_media_libray/amelie001.jpg?bwg=1546960000",
            UPLOADS + "imported_from_media_libray/amelie002.jpg?bwg=1546960000",
            UPLOADS + "imported_from_media_libray/amelie003.jpg?bwg=1546960000");
  }

  @Test
  void aChangedLayoutIsAClearErrorNamingThePage() {
    assertThatThrownBy(() -> parse("2024/03/01/the-new-layout/"))
        .isInstanceOfSatisfying(
            FilmGrabException.class,
            e -> {
              assertThat(e.reason()).isEqualTo(FilmGrabException.Reason.LAYOUT_CHANGED);
              assertThat(e.url()).isEqualTo("https://film-grab.com/2024/03/01/the-new-layout/");
              assertThat(e.getMessage()).contains("no stills found", "layout may have changed");
            });
  }

  @Test
  void everyFilmPageFixtureGivesFullSizeAllowedStillsOrALayoutError() {
    List<String> pages =
        List.of(
            "2019/05/24/blade-runner-2049/",
            "2013/11/19/12-angry-men/",
            "2014/02/10/amelie/",
            "2024/03/01/the-new-layout/");
    for (String path : pages) {
      try {
        Film film = parse(path);
        assertThat(film.stills())
            .allSatisfy(
                u -> {
                  assertThat(Links.isFullSizeImage(u)).as(u.toString()).isTrue();
                  assertThat(u.getHost()).isEqualTo("film-grab.com");
                  assertThat(u.toString()).doesNotContain(" ", "(", ")", "%25", "/thumb/");
                })
            .doesNotHaveDuplicates();
      } catch (FilmGrabException e) {
        assertThat(e.reason()).as(path).isEqualTo(FilmGrabException.Reason.LAYOUT_CHANGED);
      }
    }
  }

  @Test
  void aGalleryWithTenThousandImagesIsRefusedQuickly() {
    StringBuilder html = new StringBuilder("<h1 class=entry-title>Hostile</h1>");
    for (int i = 0; i < 10_000; i++) {
      html.append("<div class=bwg-item><a class='bwg-a bwg_lightbox' href='/wp-content/uploads/")
          .append("photo-gallery/s")
          .append(i)
          .append(".jpg'><img src='x.gif'></a></div>");
    }
    var page = org.jsoup.Jsoup.parse(html.toString(), "https://film-grab.com/2020/01/01/hostile/");
    long start = System.nanoTime();

    assertThatThrownBy(() -> FilmPageParser.parse(page, Fixtures.POLICY, 500))
        .isInstanceOf(FilmGrabException.class)
        .hasMessageContaining("lists 10000 gallery images, more than the limit of 500");
    assertThat((System.nanoTime() - start) / 1e9).isLessThan(2.0);
  }
}
