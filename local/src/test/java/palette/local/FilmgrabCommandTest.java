package palette.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import palette.filmgrab.FakeFilmGrab;
import picocli.CommandLine;

/** {@code palette filmgrab} end to end against the local fake film-grab site. */
@Timeout(60)
class FilmgrabCommandTest {
  private static final String GALLERY = "/wp-content/uploads/photo-gallery/";
  private static final List<String> BLADE_RUNNER_STILLS =
      List.of(
          "BladeRunner2049_001.jpg",
          "BladeRunner2049_002.jpg",
          "BladeRunner2049_003.jpg",
          "Blade Runner 2049_004.jpg",
          "BladeRunner2049_005.jpg");

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

  record Run(int exit, String out, String err) {}

  /** Runs {@code palette filmgrab} against the fake site with no spacing between requests. */
  private Run run(String... args) {
    List<String> all = new ArrayList<>(List.of("--base-url", site.baseUrl().toString()));
    all.addAll(List.of("--delay-ms", "0"));
    all.addAll(List.of(args));
    return runRaw(all.toArray(String[]::new));
  }

  private static Run runRaw(String... args) {
    CommandLine cli = PaletteCli.commandLine();
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    List<String> all = new ArrayList<>(List.of("filmgrab"));
    all.addAll(List.of(args));
    int exit = cli.execute(all.toArray(String[]::new));
    return new Run(exit, out.toString(), err.toString());
  }

  private static List<String> files(Path dir) throws IOException {
    try (Stream<Path> list = Files.list(dir)) {
      return list.map(p -> p.getFileName().toString())
          .filter(n -> !n.startsWith("."))
          .sorted()
          .toList();
    }
  }

  private long imageRequests() {
    return site.count("/wp-content/uploads/");
  }

  @Test
  void downloadsOnlyTheGalleryStillsWithAProgressBar() throws IOException {
    Path dir = temp.resolve("stills");

    Run run = run("Blade Runner 2049", "-o", dir.toString());

    assertThat(run.exit()).as(run.err()).isZero();
    assertThat(files(dir)).containsExactlyInAnyOrderElementsOf(BLADE_RUNNER_STILLS);
    for (String name : BLADE_RUNNER_STILLS) {
      assertThat(dir.resolve(name)).hasBinaryContent(FakeFilmGrab.still(GALLERY + name));
    }
    assertThat(imageRequests()).isEqualTo(5);
    assertThat(run.out()).contains("Blade Runner 2049 (2017)", "5 stills in", "5 downloaded");
    assertThat(run.err()).contains("\r[##############################]   5/5");
  }

  @Test
  void aSecondRunResumesWithoutAskingTheSiteAgain() throws IOException {
    Path dir = temp.resolve("stills");
    run("Blade Runner 2049", "-o", dir.toString(), "--max", "2");
    assertThat(files(dir)).hasSize(2);

    Run second = run("Blade Runner 2049", "-o", dir.toString());
    Run third = run("Blade Runner 2049", "-o", dir.toString(), "-q");

    assertThat(second.out()).contains("3 downloaded, 2 already there");
    assertThat(third.out()).contains("0 downloaded, 5 already there");
    assertThat(third.err()).isEmpty();
    assertThat(imageRequests()).isEqualTo(5);
  }

  @Test
  void neverOverwritesADifferentFileAndSkipsAnIdenticalOne() throws IOException {
    Path dir = Files.createDirectories(temp.resolve("stills"));
    byte[] mine = "my own picture".getBytes(StandardCharsets.UTF_8);
    Files.write(dir.resolve("BladeRunner2049_001.jpg"), mine);
    byte[] same = FakeFilmGrab.still(GALLERY + "BladeRunner2049_002.jpg");
    Files.write(dir.resolve("BladeRunner2049_002.jpg"), same);

    Run run = run("Blade Runner 2049", "-o", dir.toString());

    assertThat(dir.resolve("BladeRunner2049_001.jpg")).hasBinaryContent(mine);
    assertThat(dir.resolve("BladeRunner2049_001-2.jpg"))
        .hasBinaryContent(FakeFilmGrab.still(GALLERY + "BladeRunner2049_001.jpg"));
    assertThat(dir.resolve("BladeRunner2049_002-2.jpg")).doesNotExist();
    assertThat(run.out()).contains("3 downloaded, 1 already there, 1 saved under a new name");
  }

  @Test
  void acceptsTheOriginalFlagsAndKeepsOldStyleFileNames() throws IOException {
    Path dir = temp.resolve("angry");

    Run run = run("-f", "12 angry men", "-p", dir.toString());

    assertThat(run.exit()).as(run.err()).isZero();
    assertThat(files(dir)).containsExactly("01 (494).jpg", "02 (495).jpg", "12angrymen003.jpg");
    assertThat(site.count("/latest/")).isZero();
  }

  @Test
  void listShowsTheMatchingFilms() {
    Run run = run("--list", "blade runner");

    assertThat(run.exit()).isZero();
    assertThat(run.out().lines())
        .containsExactly(
            "Blade Runner\t" + site.baseUrl() + "2010/06/23/blade-runner/",
            "Blade Runner 2049\t" + site.baseUrl() + "2019/05/24/blade-runner-2049/");
    assertThat(imageRequests()).isZero();
  }

  @Test
  void anAmbiguousOrUnknownTitleExplainsItself() {
    Run ambiguous = run("Solaris", "-o", temp.toString());
    Run unknown = run("No Such Film", "-o", temp.toString());
    Run nothing = run("--list", "No Such Film");

    assertThat(ambiguous.exit()).isEqualTo(Failures.BAD_INPUT);
    assertThat(ambiguous.err()).contains("\"Solaris\" matches 2 films", "2016/05/30/solaris-2002/");
    assertThat(unknown.exit()).isEqualTo(Failures.BAD_INPUT);
    assertThat(unknown.err()).contains("no film on 127.0.0.1 matches \"No Such Film\"");
    assertThat(nothing.exit()).isEqualTo(Failures.BAD_INPUT);
  }

  @Test
  void aChangedLayoutIsReportedNotDownloaded() throws IOException {
    Run run =
        run(site.baseUrl() + "2024/03/01/the-new-layout/", "-o", temp.resolve("x").toString());

    assertThat(run.exit()).isEqualTo(Failures.BAD_INPUT);
    assertThat(run.err()).contains("no stills found on", "layout may have changed");
    assertThat(temp.resolve("x")).doesNotExist();
  }

  @Test
  void aStillThatFailsIsReportedAndTheOthersAreKept() throws IOException {
    site.route(
        GALLERY + "BladeRunner2049_003.jpg",
        x -> FakeFilmGrab.send(x, 404, "text/html", "gone".getBytes(StandardCharsets.UTF_8)));
    Path dir = temp.resolve("stills");

    Run run = run("Blade Runner 2049", "-o", dir.toString());

    assertThat(run.exit()).isEqualTo(Failures.BAD_INPUT);
    assertThat(files(dir)).hasSize(4).doesNotContain("BladeRunner2049_003.jpg");
    assertThat(run.out()).contains("4 downloaded", "1 failed");
    assertThat(run.err()).contains("skipped a still: HTTP 404 from");
  }

  @Test
  void badOptionsAreUsageErrors() {
    Run zero = run("Blade Runner 2049", "--max", "0");
    assertThat(zero.exit()).isEqualTo(Failures.USAGE);
    assertThat(zero.err()).contains("--max must be at least 1, was 0");
    Run http = runRaw("--base-url", "http://example.org/", "Ran");
    assertThat(http.exit()).isEqualTo(Failures.USAGE);
    assertThat(http.err()).contains("baseUrl must use https");
    Run hurried = runRaw("--delay-ms", "10", "Ran");
    assertThat(hurried.exit()).isEqualTo(Failures.USAGE);
    assertThat(hurried.err())
        .contains("--delay-ms must be at least 1000 for film-grab.com, was 10");
    assertThat(run().err()).contains("missing FILM");
  }
}
