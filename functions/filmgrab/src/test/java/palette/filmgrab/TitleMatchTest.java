package palette.filmgrab;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TitleMatchTest {
  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "2001: A Space Odyssey | 2001 a space odyssey",
        "8 1/2 | 8½",
        "8 1/2 | 8-1/2",
        "Amélie | AMELIE",
        "The Matrix | Matrix, The",
        "The Matrix | matrix",
        "20,000 Days on Earth | 20000 days on earth",
        "Harry Potter & the Goblet of Fire | harry potter and the goblet of fire",
        "Don't Look Now | dont look now",
      })
  void variantsOfATitleHaveTheSameKey(String site, String typed) {
    assertThat(TitleMatch.key(typed)).isEqualTo(TitleMatch.key(site)).isNotEmpty();
  }

  @Test
  void differentTitlesHaveDifferentKeys() {
    assertThat(TitleMatch.key("Blade Runner")).isNotEqualTo(TitleMatch.key("Blade Runner 2049"));
    assertThat(TitleMatch.key("Ran")).isNotEqualTo(TitleMatch.key("Rain"));
  }

  @Test
  void keysAreIdempotentAndOnlyLettersAndDigits() {
    Random random = new Random(7);
    String alphabet = "aZé ½:/,-'&!?.()ÆøÅ19 \t";
    for (int i = 0; i < 2000; i++) {
      StringBuilder s = new StringBuilder();
      for (int j = random.nextInt(20); j > 0; j--) {
        s.append(alphabet.charAt(random.nextInt(alphabet.length())));
      }
      String key = TitleMatch.key(s.toString());
      assertThat(key).matches("[\\p{L}\\p{N}]*");
      assertThat(key).isEqualTo(key.toLowerCase(java.util.Locale.ROOT));
      assertThat(TitleMatch.key(key)).as(s.toString()).isEqualTo(key);
    }
  }

  @Test
  void ranksEqualTitlesBeforeTitlesContainingTheQuery() {
    FilmRef sequel = ref("Blade Runner 2049", "2019/05/24/blade-runner-2049/");
    FilmRef original = ref("Blade Runner", "2010/06/23/blade-runner/");
    FilmRef other = ref("Ran", "2012/08/12/ran/");

    TitleMatch.Ranked ranked = TitleMatch.rank("blade runner", List.of(sequel, other, original));

    assertThat(ranked.exact()).containsExactly(original);
    assertThat(ranked.partial()).containsExactly(sequel);
    assertThat(ranked.all()).containsExactly(original, sequel);
  }

  @Test
  void aQueryOfOnlyPunctuationMatchesNothing() {
    assertThat(TitleMatch.rank("?!", List.of(ref("Ran", "2012/08/12/ran/"))).isEmpty()).isTrue();
  }

  private static FilmRef ref(String title, String path) {
    return new FilmRef(title, URI.create("https://film-grab.com/" + path));
  }
}
