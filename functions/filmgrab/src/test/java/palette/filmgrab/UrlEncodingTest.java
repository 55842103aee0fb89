package palette.filmgrab;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class UrlEncodingTest {
  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "/photo-gallery/01 (494).jpg | /photo-gallery/01%20%28494%29.jpg",
        "/photo-gallery/08%20(328).jpg | /photo-gallery/08%20%28328%29.jpg",
        "/a/Amélie 01.jpg | /a/Am%C3%A9lie%2001.jpg",
        "/a/100%.jpg | /a/100%25.jpg",
        "/a/b.jpg?bwg=1546957525 | /a/b.jpg?bwg=1546957525",
      })
  void encodesWhatMustNotBeRawAndNothingTwice(String raw, String expected) {
    assertThat(UrlEncoding.encodeOnce(raw)).isEqualTo(expected);
  }

  @Test
  void encodingTwiceEqualsEncodingOnceAndAlwaysGivesAValidUri() {
    Random random = new Random(11);
    String alphabet = "ab/ ()%2Fé?=&#[]{}|\\^\"<>09";
    for (int i = 0; i < 5000; i++) {
      StringBuilder s = new StringBuilder();
      for (int j = random.nextInt(24); j > 0; j--) {
        s.append(alphabet.charAt(random.nextInt(alphabet.length())));
      }
      String once = UrlEncoding.encodeOnce(s.toString());
      assertThat(UrlEncoding.encodeOnce(once)).as(s.toString()).isEqualTo(once);
      assertThat(once).doesNotContain(" ", "(", ")");
      URI.create(
          "https://film-grab.com/"
              + once.replace("#", "%23").replace("[", "%5B").replace("]", "%5D"));
    }
  }
}
