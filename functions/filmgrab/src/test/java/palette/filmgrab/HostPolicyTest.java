package palette.filmgrab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.URI;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class HostPolicyTest {
  private final HostPolicy policy = Fixtures.POLICY;

  @ParameterizedTest
  @CsvSource({
    "http://film-grab.com/wp-content/uploads/a.jpg?bwg=1, https://film-grab.com/wp-content/uploads/a.jpg?bwg=1",
    "http://WWW.film-grab.com/2019/05/24/x/, https://www.film-grab.com/2019/05/24/x/",
    "http://i2.wp.com/film-grab.com/wp-content/uploads/a.jpg, https://i2.wp.com/film-grab.com/wp-content/uploads/a.jpg",
    "https://i0.wp.com/film-grab.com/wp-content/uploads/a.jpg?ssl=1, https://i0.wp.com/film-grab.com/wp-content/uploads/a.jpg?ssl=1",
  })
  void upgradesHttpAndAcceptsTheImageCdnsCopies(String given, String fetched) {
    assertThat(policy.check(URI.create(given))).isEqualTo(URI.create(fetched));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "https://film-grab.com/2019/05/24/blade-runner-2049/",
        "https://www.film-grab.com/movies-a-z/",
        "https://FILM-GRAB.com./wp-content/uploads/photo-gallery/a.jpg",
        "https://film-grab.com:443/",
      })
  void allowsHttpsOnTheAllowlistedHosts(String url) {
    assertThat(policy.check(URI.create(url))).isEqualTo(URI.create(url));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "http://film-grab.com:80/",
        "http://evil.example/",
        "https://i0.wp.com/evil.example/wp-content/uploads/x.jpg",
        "https://i0.wp.com/film-grab.com/wp-admin/x.jpg",
        "https://i9.wp.com/film-grab.com/wp-content/uploads/x.jpg",
        "ftp://film-grab.com/",
        "file:///etc/passwd",
        "https://evil.example/",
        "https://film-grab.com.evil.example/",
        "https://169.254.169.254/latest/meta-data/",
        "http://169.254.169.254/latest/meta-data/iam/security-credentials/",
        "https://[::1]/",
        "https://2852039166/",
        "https://0xA9FEA9FE/",
        "https://user@film-grab.com/",
        "https://film-grab.com:8443/",
        "/relative/path",
      })
  void refusesEverythingElse(String url) {
    assertThatThrownBy(() -> policy.check(URI.create(url)))
        .isInstanceOfSatisfying(
            FilmGrabException.class,
            e -> {
              assertThat(e.reason()).isEqualTo(FilmGrabException.Reason.REFUSED);
              assertThat(e.getMessage()).startsWith("refused " + url);
              assertThat(e.isTransient()).isFalse();
            });
  }

  @Test
  void refusesAnAllowlistedNameThatResolvesToTheMetadataAddress() {
    HostPolicy rebound =
        new HostPolicy(
            FilmGrabConfig.defaults(),
            host -> new InetAddress[] {InetAddress.getByName("169.254.169.254")});

    assertThatThrownBy(() -> rebound.checkAddresses(URI.create("https://film-grab.com/")))
        .hasMessageContaining("resolves to the internal address")
        .hasMessageContaining("169.254.169.254");
  }

  @Test
  void theTestBaseUrlIsTheOnlyOriginAllowedPlainHttpAndAnAddress() {
    FilmGrabConfig config =
        FilmGrabConfig.builder().baseUrl(URI.create("http://127.0.0.1:8123")).build();
    HostPolicy local = new HostPolicy(config, InetAddress::getAllByName);

    assertThat(config.baseUrl()).isEqualTo(URI.create("http://127.0.0.1:8123/"));
    assertThat(local.check(URI.create("http://127.0.0.1:8123/movies-a-z/"))).isNotNull();
    assertThatThrownBy(() -> local.check(URI.create("http://127.0.0.1:8124/")))
        .hasMessageContaining("IP addresses");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "http://film-grab.com/",
        "http://169.254.169.254/",
        "https://10.0.0.1/",
        "ftp://localhost/",
        "relative/",
      })
  void refusesBaseUrlsOutsideThisMachineWithoutHttps(String url) {
    assertThatThrownBy(() -> FilmGrabConfig.builder().baseUrl(URI.create(url)).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("baseUrl must");
  }

  @Test
  void configValidationNamesTheParameter() {
    assertThatThrownBy(() -> FilmGrabConfig.builder().maxRedirects(-1).build())
        .hasMessage("maxRedirects must be between 0 and 20, was -1");
    assertThatThrownBy(() -> FilmGrabConfig.builder().sizeLimits(0, 1).build())
        .hasMessage("maxPageBytes must be at least 1, was 0");
    assertThatThrownBy(
            () -> FilmGrabConfig.builder().minInterval(java.time.Duration.ofSeconds(-1)).build())
        .hasMessage("minInterval must not be negative, was PT-1S");
  }
}
