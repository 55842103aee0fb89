package palette.filmgrab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.net.URI;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The client end to end against the local fake site. */
class FilmGrabTest {
  private FakeFilmGrab site;
  private FilmGrab client;

  @BeforeEach
  void start() throws Exception {
    site = FakeFilmGrab.start();
    client = FilmGrab.create(site.config().build());
  }

  @AfterEach
  void stop() {
    site.close();
  }

  @Test
  void findsAFilmThroughTheSiteSearch() {
    FilmRef film = client.expectFilm("Blade Runner 2049");

    assertThat(film.title()).isEqualTo("Blade Runner 2049");
    assertThat(film.url()).isEqualTo(site.baseUrl().resolve("2019/05/24/blade-runner-2049/"));
    assertThat(site.count("/movies-a-z/")).isZero();
  }

  @Test
  void searchListsEqualTitlesFirstAndOnlyFilmPages() {
    assertThat(client.search("blade runner"))
        .extracting(FilmRef::title)
        .containsExactly("Blade Runner", "Blade Runner 2049");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "2001: A Space Odyssey | 2011/09/25/2001-a-space-odyssey/",
        "8 1/2 | 2012/06/19/8-12/",
        "8½ | 2012/06/19/8-12/",
        "AMELIE | 2014/02/10/amelie/",
        "amélie | 2014/02/10/amelie/",
        "the new layout | 2024/03/01/the-new-layout/",
        "  Ran  | 2012/08/12/ran/",
      })
  void fallsBackToTheIndexWithTolerantMatching(String title, String path) {
    assertThat(client.expectFilm(title).url()).isEqualTo(site.baseUrl().resolve(path));
  }

  @Test
  void theIndexIsFetchedOncePerClient() {
    client.expectFilm("Amélie");
    client.expectFilm("Stalker");
    client.search("solaris");

    assertThat(site.count("/movies-a-z/")).isEqualTo(1);
  }

  @Test
  void anAmbiguousTitleReturnsTheCandidates() {
    assertThatThrownBy(() -> client.expectFilm("Solaris"))
        .isInstanceOfSatisfying(
            FilmGrabException.class,
            e -> {
              assertThat(e.reason()).isEqualTo(FilmGrabException.Reason.AMBIGUOUS);
              assertThat(e.candidates())
                  .extracting(FilmRef::slug)
                  .containsExactly("solaris", "solaris-2002");
              assertThat(e.getMessage()).contains("matches 2 films", "give the film page URL");
            });
  }

  @Test
  void anUnknownTitleIsNotFoundAndOffSiteIndexLinksAreIgnored() {
    assertThatThrownBy(() -> client.expectFilm("Stalker Mirror"))
        .isInstanceOfSatisfying(
            FilmGrabException.class,
            e -> {
              assertThat(e.reason()).isEqualTo(FilmGrabException.Reason.NOT_FOUND);
              assertThat(e.getMessage()).contains("matches \"Stalker Mirror\"");
            });
  }

  @Test
  void aFilmPageUrlIsAcceptedAsIsAndReadWithItsStills() throws Exception {
    URI page = site.baseUrl().resolve("2013/11/19/12-angry-men/");
    FilmRef ref = client.expectFilm(page.toString());
    Film film = client.expectFilmPage(ref);

    assertThat(ref.url()).isEqualTo(page);
    assertThat(site.count("/?")).isZero();
    assertThat(film.title()).isEqualTo("12 Angry Men");
    assertThat(film.stills()).hasSize(3);
    byte[] still = client.fetchStill(film.stills().get(0));
    assertThat(still)
        .isEqualTo(
            FakeFilmGrab.still(
                "/wp-content/uploads/photo-gallery/imported_from_media_libray/01 (494).jpg"));
    assertThat(ImageIO.read(new ByteArrayInputStream(still)).getWidth()).isEqualTo(48);
  }

  @Test
  void aUrlOfAnotherSiteIsRefusedBeforeAnyRequest() {
    assertThatThrownBy(() -> client.expectFilm("https://evil.example/2019/05/24/x/"))
        .hasMessageContaining("not on the allowlist");
    assertThat(site.requests()).isEmpty();
  }

  @Test
  void aMalformedUrlIsRefusedNotABug() {
    FilmGrabException e = Fixtures.failure(() -> client.expectFilm("https://"));

    assertThat(e.reason()).isEqualTo(FilmGrabException.Reason.REFUSED);
    assertThat(e.getMessage()).isEqualTo("refused https://: not a valid URL");
  }

  @Test
  void everyRequestIdentifiesTheClient() {
    client.expectFilmPage(client.expectFilm("Blade Runner 2049"));

    assertThat(site.requests())
        .isNotEmpty()
        .allSatisfy(r -> assertThat(r.userAgent()).startsWith("palette-filmgrab/"));
  }

  @Test
  void blankInputIsRefusedWithTheParameterName() {
    assertThatThrownBy(() -> client.expectFilm(" ")).hasMessage("titleOrUrl must not be blank");
    assertThatThrownBy(() -> client.search("")).hasMessage("query must not be blank");
  }
}
