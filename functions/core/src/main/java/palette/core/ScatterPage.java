package palette.core;

/**
 * A double-clickable HTML page showing a scatter figure, loading plotly.js from a file beside it.
 */
public final class ScatterPage {
  private ScatterPage() {}

  public static String html(String figureJson, String title, String plotlyScriptSrc) {
    throw new UnsupportedOperationException("ScatterPage.html");
  }
}
