package palette.local;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import palette.core.Still;
import palette.filmgrab.Film;
import palette.filmgrab.FilmGrab;

/**
 * The stills of one film as local files, from film-grab.com (downloaded into a cache folder, or
 * reused from it) or from a folder the user gives, with the name and source the outputs record.
 *
 * @param slug base name of the output files, for example {@code blade-runner-2049}
 * @param source what {@code film.json} records as the film's source, in order
 * @param files the stills, in film order
 */
record FilmInput(String title, String slug, Map<String, String> source, List<Path> files) {

  /** Downloads (or reuses) the film's first {@code max} stills into {@code cache/<slug>}. */
  static FilmInput fromSite(
      FilmGrab site, String titleOrUrl, int max, Path cache, PrintWriter err, boolean progress)
      throws IOException {
    Film page = site.expectFilmPage(site.expectFilm(titleOrUrl));
    List<URI> stills = page.stills().subList(0, Math.min(max, page.stills().size()));
    Path dir = cache.resolve(page.slug());
    StillDownloader.Download download =
        StillDownloader.download(site, stills, StillFolder.open(dir), err, progress);
    if (download.files().isEmpty()) {
      throw download.failures().get(0);
    }
    err.printf(
        "palette: %d stills in %s (%d downloaded, %d already there)%n",
        download.files().size(), dir, download.saved() + download.renamed(), download.present());
    Map<String, String> source = new LinkedHashMap<>();
    source.put("title", page.title());
    page.findYear().ifPresent(year -> source.put("year", Integer.toString(year)));
    source.put("url", page.url().toString());
    return new FilmInput(page.title(), page.slug(), source, download.files());
  }

  /**
   * The visible regular files of {@code dir}, by name, at most {@code max}; the film is named by
   * {@code title} when given, else by the folder. A file over {@code maxBytes} is reported and left
   * out before it is read, so a huge file cannot exhaust memory.
   */
  static FilmInput fromFolder(Path dir, String title, int max, long maxBytes, PrintWriter err)
      throws IOException {
    List<Path> files = new ArrayList<>();
    try (Stream<Path> list = Files.list(dir)) {
      for (Path file : list.sorted().toList()) {
        if (!Files.isRegularFile(file) || file.getFileName().toString().startsWith(".")) {
          continue;
        }
        if (Files.size(file) > maxBytes) {
          err.printf(
              Locale.ROOT,
              "palette: skipped %s: %.1f MB, more than the %.1f MB limit (file_too_large)%n",
              file.getFileName(),
              Files.size(file) / 1048576.0,
              maxBytes / 1048576.0);
        } else {
          files.add(file);
        }
      }
    }
    if (files.isEmpty()) {
      throw new IllegalArgumentException("--stills folder " + dir + " has no usable files");
    }
    if (files.size() > max) {
      err.printf("palette: using the first %d of the %d files in %s%n", max, files.size(), dir);
      files = files.subList(0, max);
    }
    Path name = dir.toAbsolutePath().normalize().getFileName();
    String filmTitle = title != null ? title : name == null ? "film" : name.toString();
    Map<String, String> source = new LinkedHashMap<>();
    source.put("title", filmTitle);
    source.put("folder", name == null ? dir.toString() : name.toString());
    return new FilmInput(filmTitle, slug(filmTitle), source, files);
  }

  /**
   * The stills, each file read only when the engine asks for it, so at most one is held in memory.
   */
  List<Still> stills() {
    return new AbstractList<>() {
      @Override
      public Still get(int index) {
        Path file = files.get(index);
        try {
          return new Still(file.getFileName().toString(), Files.readAllBytes(file));
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }

      @Override
      public int size() {
        return files.size();
      }
    };
  }

  /** Lower-case letters and digits joined by hyphens, accents dropped: {@code amelie}. */
  static String slug(String title) {
    String plain =
        Normalizer.normalize(title, Normalizer.Form.NFD)
            .replaceAll("\\p{M}+", "")
            .toLowerCase(Locale.ROOT);
    String slug = plain.replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
    return slug.isEmpty() ? "film" : slug;
  }
}
