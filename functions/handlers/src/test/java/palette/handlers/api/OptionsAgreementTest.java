package palette.handlers.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import palette.core.PaletteException;
import palette.core.options.Option;
import palette.core.options.PaletteOptions;

/**
 * The API's two option readers (uploads, film-grab jobs) and the worker's metadata reader refuse
 * the same values, naming the same field, and accept the same bounds as {@link Option}.
 */
class OptionsAgreementTest {
  private static final PaletteOptions DEPLOYED =
      Option.LIMIT.withText(Option.K.withText(PaletteOptions.defaults(), "9"), "31");

  /** Every per-job option with each kind of bad JSON value its type allows. */
  static Stream<Arguments> badValues() {
    List<Arguments> cases = new ArrayList<>();
    for (Option option : Option.values()) {
      if (!option.perJob()) {
        continue;
      }
      List<String> bad =
          switch (option.kind()) {
            case INTEGER ->
                List.of(
                    option.max() < 4294967302L ? "4294967302" : "9223372036854775808",
                    "18446744073709551617",
                    "1e400",
                    "6.5",
                    BigInteger.valueOf(option.min()).subtract(BigInteger.ONE).toString(),
                    BigInteger.valueOf(option.max()).add(BigInteger.ONE).toString(),
                    "\"\"",
                    "\"6\"",
                    "true",
                    "[6]");
            case CHOICE -> List.of("\"\"", "\"nope\"", "1", "false");
            case BOOLEAN -> List.of("\"\"", "\"true\"", "1", "2.5");
          };
      bad.forEach(value -> cases.add(Arguments.of(option, value)));
    }
    return cases.stream();
  }

  @ParameterizedTest(name = "{0} = {1}")
  @MethodSource("badValues")
  void everyReaderRefusesABadValueNamingTheField(Option option, String json) {
    String field = "\"" + option.key() + "\": " + json;

    assertThatThrownBy(() -> UploadRequest.parse(upload(field), DEPLOYED))
        .isInstanceOfSatisfying(ApiException.class, e -> assertBadOption(e, option));
    assertThatThrownBy(() -> FilmGrabJobs.Request.parse(filmGrab(field)))
        .isInstanceOfSatisfying(ApiException.class, e -> assertBadOption(e, option));
  }

  @Test
  void theWorkersMetadataRefusesWhatTheApiRefuses() {
    for (Option option : Option.values()) {
      if (option.kind() == Option.Kind.INTEGER && option.perJob()) {
        String overflow = option.max() < 4294967302L ? "4294967302" : "9223372036854775808";
        for (String text : List.of(overflow, "18446744073709551617", "6.5", "", "x")) {
          assertThatThrownBy(() -> Option.perJobFromText(Map.of(option.dashed(), text), DEPLOYED))
              .isInstanceOf(PaletteException.class)
              .hasMessageStartingWith(option.key() + " must ");
        }
      }
    }
  }

  @Test
  void theBoundsAreAcceptedEverywhere() {
    for (Option option : Option.values()) {
      if (option.kind() != Option.Kind.INTEGER || !option.perJob()) {
        continue;
      }
      for (long value : new long[] {option.min(), option.max()}) {
        String field = "\"" + option.key() + "\": " + value;
        UploadRequest request = UploadRequest.parse(upload(field), DEPLOYED);
        var job = FilmGrabJobs.Request.parse(filmGrab(field));
        PaletteOptions worker = Option.perJobFromText(job.options(), DEPLOYED);

        assertThat(option.valueIn(request.options())).as(field).isEqualTo(value);
        assertThat(option.valueIn(worker)).as(field).isEqualTo(value);
      }
    }
  }

  @Test
  void anUploadWithoutOptionsGetsTheDeploymentsDefaults() {
    UploadRequest request = UploadRequest.parse(upload("\"space\": \"oklab\""), DEPLOYED);

    assertThat(request.options().k()).isEqualTo(9);
    assertThat(request.options().limit()).isEqualTo(31);
    assertThat(request.options().space().id()).isEqualTo("oklab");
  }

  @Test
  void anUploadCannotRaiseTheSizeLimits() {
    UploadRequest request =
        UploadRequest.parse(upload("\"maxBytes\": 1, \"maxPixels\": 1"), DEPLOYED);

    assertThat(request.options().limits()).isEqualTo(DEPLOYED.limits());
  }

  private static void assertBadOption(ApiException e, Option option) {
    assertThat(e.status()).isEqualTo(400);
    assertThat(e.code()).isEqualTo("invalid_option");
    assertThat(e.getMessage()).startsWith(option.key() + " must ");
  }

  private static String upload(String field) {
    return "{\"filename\": \"a.png\", \"contentType\": \"image/png\", \"size\": 10, " + field + "}";
  }

  private static String filmGrab(String field) {
    return "{\"stills\": [\"https://film-grab.com/wp-content/uploads/a.jpg\"], " + field + "}";
  }
}
