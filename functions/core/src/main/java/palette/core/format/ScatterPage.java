package palette.core.format;

/**
 * A self-contained HTML page that shows a Plotly figure, so the scatter opens with a double-click
 * and without a server. The original inlined the 4 MB plotly.js library in every page; this page
 * loads it from a relative address instead (the command line writes the web page's gl3d bundle,
 * {@code plotly-gl3d.min.js}, next to the page, which is enough for the figure's {@code scatter3d}
 * traces), and carries the figure as JSON data that the page hands to {@code Plotly.newPlot}
 * unchanged.
 *
 * <p>The figure sits in a {@code <script type="application/json">} element with every {@code <}
 * written as the JSON escape of U+003C, which is the same JSON value but can never close the
 * element or open a comment, whatever the figure's strings hold. The title and the script address
 * are HTML-escaped. If plotly.js is missing, the page says so instead of staying blank.
 */
public final class ScatterPage {
  private ScatterPage() {}

  /**
   * The page for {@code figureJson} (a Plotly figure, {@code {"data":[…],"layout":{…}}}).
   *
   * @param figureJson the figure, valid JSON
   * @param title the page title, plain text
   * @param plotlyScriptSrc address of plotly.js relative to the page, for example {@code
   *     plotly-gl3d.min.js}
   */
  public static String html(String figureJson, String title, String plotlyScriptSrc) {
    if (figureJson == null || title == null || plotlyScriptSrc == null) {
      throw new IllegalArgumentException("figureJson, title and plotlyScriptSrc must not be null");
    }
    String safeTitle = escapeHtml(title);
    return """
        <!doctype html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>%s</title>
        <style>
        html, body { margin: 0; height: 100%%; background: #f6f6f4; color: #333;
          font-family: system-ui, sans-serif; }
        h1 { margin: 0; padding: 8px 16px; font-size: 16px; font-weight: 600; }
        #plot { position: absolute; top: 36px; bottom: 0; left: 0; right: 0; }
        #plot p { padding: 16px; }
        </style>
        <script src="%s"></script>
        </head>
        <body>
        <h1>%s</h1>
        <div id="plot"></div>
        <script type="application/json" id="figure">%s</script>
        <script>
        const plot = document.getElementById('plot');
        if (typeof Plotly === 'undefined') {
          const message = document.createElement('p');
          const script = document.querySelector('script[src]').getAttribute('src');
          message.textContent = 'Plotly could not be loaded: put ' + script + ' next to this page.';
          plot.append(message);
        } else {
          const figure = JSON.parse(document.getElementById('figure').textContent);
          Plotly.newPlot(plot, figure.data, figure.layout, {responsive: true, displaylogo: false});
        }
        </script>
        </body>
        </html>
        """
        .formatted(safeTitle, escapeHtml(plotlyScriptSrc), safeTitle, embeddable(figureJson));
  }

  /** {@code json} with every {@code <} escaped; {@code <} can only occur inside JSON strings. */
  static String embeddable(String json) {
    return json.replace("<", "\\u003c");
  }

  /** Text safe in HTML content and in quoted attribute values. */
  static String escapeHtml(String text) {
    StringBuilder out = new StringBuilder(text.length() + 16);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> out.append(c);
      }
    }
    return out.toString();
  }
}
