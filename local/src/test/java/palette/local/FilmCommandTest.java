package palette.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import palette.filmgrab.FakeFilmGrab;

/** {@code palette film} end to end: against the local fake film-grab site, and offline. */
@Timeout(60)
class FilmCommandTest {
  private static final String SLUG = "blade-runner-2049";
  private static final Pattern SHARE = Pattern.compile("\"share\": ([0-9.]+)");

  @TempDir Path temp;
  private FakeFilmGrab site;

  @BeforeEach
  void start() throws IOException {
    site = FakeFilmGrab.start();
  }

  @AfterEach
  void stop() {
    site.close();
  }

  /** {@code palette film ARGS} against the fake site, with the cache in the temp folder. */
  private RunCommandTest.Result film(String... args) {
    List<String> all = new ArrayList<>(List.of("film", "--base-url", site.baseUrl().toString()));
    all.addAll(List.of("--delay-ms", "0", "--cache", temp.resolve("cache").toString()));
    all.addAll(List.of(args));
    return RunCommandTest.palette(all.toArray(String[]::new));
  }

  @Test
  void downloadsTheStillsAndWritesThePosterDocumentAndExports() throws IOException {
    Path out = temp.resolve("out");

    RunCommandTest.Result result = film("Blade Runner 2049", "-o", out.toString());

    assertThat(result.exitCode()).as(result.err()).isZero();
    assertThat(names(out))
        .containsExactly(
            SLUG + "_film.json",
            SLUG + "_palette.ase",
            SLUG + "_palette.css",
            SLUG + "_palette.gpl",
            SLUG + "_poster.png");
    String json = Files.readString(out.resolve(SLUG + "_film.json"));
    assertThat(json)
        .contains("\"stills\": 5,", "\"title\": \"Blade Runner 2049\"", "\"year\": \"2017\"")
        .contains("\"url\": \"" + site.baseUrl() + "2019/05/24/blade-runner-2049/\"")
        .contains(
            "\"name\": \"BladeRunner2049_001.jpg\"", "\"name\": \"Blade Runner 2049_004.jpg\"");
    // five solid stills of the same size: five colours of a fifth each
    assertThat(filmShares(json)).hasSize(5).allSatisfy(s -> assertThat(s).isEqualTo(0.2));
    BufferedImage poster = ImageIO.read(out.resolve(SLUG + "_poster.png").toFile());
    assertThat(poster.getWidth()).isEqualTo(1200);
    assertThat(poster.getHeight()).isEqualTo(5 * 54 + 6 + 144);
    assertThat(result.out())
        .startsWith("Blade Runner 2049 (2017): 5 stills, 5 colours, 0 iterations")
        .contains("20.0%", "wrote " + out.resolve(SLUG + "_poster.png"));
    assertThat(result.err()).contains("5 stills in", "(5 downloaded, 0 already there)");
    assertThat(names(temp.resolve("cache").resolve(SLUG))).hasSize(5);
  }

  @Test
  void aSecondRunReusesTheCachedStills() throws IOException {
    film("Blade Runner 2049", "-o", temp.resolve("a").toString(), "--max", "2", "-q");
    RunCommandTest.Result second = film("Blade Runner 2049", "-o", temp.resolve("b").toString());

    assertThat(second.exitCode()).as(second.err()).isZero();
    assertThat(second.err()).contains("(3 downloaded, 2 already there)");
    assertThat(site.count("/wp-content/uploads/")).isEqualTo(5);
    String first = Files.readString(temp.resolve("a").resolve(SLUG + "_film.json"));
    assertThat(first).contains("\"stills\": 2,");
  }

  @Test
  void aStillThatFailsToDownloadIsLeftOut() throws IOException {
    site.route(
        "/wp-content/uploads/photo-gallery/BladeRunner2049_003.jpg",
        x -> FakeFilmGrab.send(x, 404, "text/html", "gone".getBytes(StandardCharsets.UTF_8)));

    RunCommandTest.Result result = film("Blade Runner 2049", "-o", temp.toString(), "-q");

    assertThat(result.exitCode()).as(result.err()).isZero();
    assertThat(result.err()).contains("skipped a still: HTTP 404 from");
    assertThat(filmShares(Files.readString(temp.resolve(SLUG + "_film.json")))).containsOnly(0.25);
  }

  @Test
  void aLocalFolderWorksOfflineAndEveryStillCountsTheSame() throws IOException {
    Path stills = Files.createDirectories(temp.resolve("My Film"));
    png(stills.resolve("a.png"), 10, 10, 0xff0000);
    png(stills.resolve("b.png"), 100, 100, 0x0000ff);
    Files.writeString(stills.resolve("notes.txt"), "not a still");
    Files.writeString(stills.resolve(".hidden"), "ignored");
    site.close();

    RunCommandTest.Result result =
        RunCommandTest.palette(
            "film", "--stills", stills.toString(), "-k", "2", "-o", temp.toString());

    assertThat(result.exitCode()).as(result.err()).isZero();
    String json = Files.readString(temp.resolve("my-film_film.json"));
    assertThat(filmShares(json)).containsExactly(0.5, 0.5);
    assertThat(json).contains("\"name\": \"notes.txt\"", "\"error\": \"not_an_image\"");
    assertThat(json).contains("\"title\": \"My Film\"", "\"folder\": \"My Film\"");
    assertThat(result.err()).contains("palette: skipped notes.txt:", "(not_an_image)");
    assertThat(result.out()).contains("#0000ff", "#ff0000", " 50.0%");
  }

  @Test
  void jsonPrintsTheDocumentAndWritesNothing() throws IOException {
    Path stills = Files.createDirectories(temp.resolve("s"));
    png(stills.resolve("a.png"), 4, 4, 0x336699);

    RunCommandTest.Result result =
        RunCommandTest.palette(
            "film", "Some Title", "--stills", stills.toString(), "--json", "-o", temp.toString());

    assertThat(result.exitCode()).as(result.err()).isZero();
    assertThat(result.out()).startsWith("{\n  \"film\": {").contains("\"hex\": \"#336699\"");
    assertThat(result.out()).contains("\"title\": \"Some Title\"").doesNotContain("timings");
    assertThat(names(temp)).containsExactly("s");
  }

  @Test
  void badInputEndsWithAClearMessageAndNoOutput() throws IOException {
    Path junk = Files.createDirectories(temp.resolve("junk"));
    Files.writeString(junk.resolve("a.jpg"), "text");
    Path out = temp.resolve("out");

    RunCommandTest.Result none = RunCommandTest.palette("film", "-o", out.toString());
    RunCommandTest.Result max =
        RunCommandTest.palette("film", "--stills", junk.toString(), "--max", "501");
    RunCommandTest.Result k =
        RunCommandTest.palette("film", "--stills", junk.toString(), "-k", "0");
    RunCommandTest.Result noImage =
        RunCommandTest.palette("film", "--stills", junk.toString(), "-o", out.toString());
    RunCommandTest.Result unknown = film("No Such Film", "-o", out.toString());

    assertThat(none.exitCode()).isEqualTo(Failures.USAGE);
    assertThat(none.err()).contains("missing FILM");
    assertThat(max.exitCode()).isEqualTo(Failures.USAGE);
    assertThat(max.err()).contains("--max must be between 1 and 500, was 501");
    assertThat(k.exitCode()).isEqualTo(Failures.USAGE);
    assertThat(k.err()).contains("k must be between 1 and 64, was 0");
    assertThat(noImage.exitCode()).isEqualTo(Failures.BAD_INPUT);
    assertThat(noImage.err()).contains("none of the 1 stills could be used; the first, a.jpg");
    assertThat(unknown.exitCode()).isEqualTo(Failures.BAD_INPUT);
    assertThat(unknown.err()).contains("no film on 127.0.0.1 matches \"No Such Film\"");
    assertThat(out).doesNotExist();
  }

  private static List<Double> filmShares(String json) {
    String film = json.substring(0, json.indexOf("\"options\""));
    List<Double> shares = new ArrayList<>();
    Matcher m = SHARE.matcher(film);
    while (m.find()) {
      shares.add(Double.parseDouble(m.group(1)));
    }
    return shares;
  }

  private static void png(Path file, int width, int height, int rgb) throws IOException {
    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    for (int y = 0; y < height; y++) {
      for (int x = 0; x < width; x++) {
        image.setRGB(x, y, rgb);
      }
    }
    ImageIO.write(image, "png", file.toFile());
  }

  private static List<String> names(Path dir) throws IOException {
    try (Stream<Path> list = Files.list(dir)) {
      return list.map(p -> p.getFileName().toString())
          .filter(n -> !n.startsWith("."))
          .sorted()
          .toList();
    }
  }
}
