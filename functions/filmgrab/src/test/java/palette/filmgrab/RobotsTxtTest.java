package palette.filmgrab;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** RFC 9309's matching rules, on the examples of its section 2.2.2 and 5.2. */
class RobotsTxtTest {
  private static final String TEXT =
      """
      User-agent: *
      Disallow: /

      user-agent: palette-filmgrab   # our group
      user-agent: other
      Allow: /wp-content/uploads/
      Disallow: /wp-content/
      Disallow: /*.php$
      Allow: /page
      Disallow: /page
      Disallow: /search?s=
      Crawl-delay: 2
      """;

  private final RobotsTxt robots = RobotsTxt.parse(TEXT, "Palette-Filmgrab");

  @ParameterizedTest
  @CsvSource({
    "/2019/05/24/blade-runner-2049/, true",
    "/wp-content/uploads/photo-gallery/a.jpg, true",
    "/wp-content/plugins/x.js, false",
    "/wp-admin/admin-ajax.php, false",
    "/wp-admin/admin-ajax.php?action=x, true",
    "/page, true",
    "/search?s=blade, false",
    "/robots.txt, true",
  })
  void theLongestMatchDecidesAndAllowWinsATie(String path, boolean allowed) {
    assertThat(robots.allows(URI.create("https://film-grab.com" + path))).isEqualTo(allowed);
  }

  @Test
  void anotherAgentFallsBackToTheStarGroup() {
    RobotsTxt star = RobotsTxt.parse(TEXT, "somebot");

    assertThat(star.allows(URI.create("https://film-grab.com/a/"))).isFalse();
    assertThat(star.crawlDelay()).isZero();
  }

  @Test
  void readsTheCrawlDelayAndCapsAHugeOne() {
    assertThat(robots.crawlDelay()).isEqualTo(Duration.ofSeconds(2));
    assertThat(RobotsTxt.parse("User-agent: *\nCrawl-delay: 3600\n", "x").crawlDelay())
        .isEqualTo(RobotsTxt.MAX_CRAWL_DELAY);
  }

  @Test
  void theProductTokenIsTheUserAgentsFirstWord() {
    assertThat(RobotsTxt.productToken(FilmGrabConfig.DEFAULT_USER_AGENT))
        .isEqualTo("palette-filmgrab");
  }
}
