package palette.local.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The headers {@code palette serve} sends are the template's {@code SiteHeadersPolicy}: the same
 * CSP directives with the local origins in place of AWS's, the same frame, sniffing and referrer
 * rules. The template is read as text, as {@code TemplateTest} reads it.
 */
class SiteHeadersTest {
  static final Path TEMPLATE = Path.of("../template.yaml");
  static final URI S3 = URI.create("http://127.0.0.1:9000");
  static final String PAGE = "http://127.0.0.1:8080";

  @Test
  void theDeployedPolicyIsTheTemplatesDirectiveForDirective() throws IOException {
    SiteHeaders deployed = SiteHeaders.of(SiteHeaders.AWS_SERVICES, SiteHeaders.FILM_GRAB, true);

    assertThat(deployed.policy()).containsExactlyEntriesOf(directives(templateCsp()));
    assertThat(deployed.headers())
        .containsEntry("x-frame-options", policyValue("FrameOption"))
        .containsEntry("referrer-policy", policyValue("ReferrerPolicy"))
        .containsEntry(
            "strict-transport-security", "max-age=" + policyValue("AccessControlMaxAgeSec"));
    assertThat(String.join("\n", policyLines()))
        .containsPattern("ContentTypeOptions:\\s+Override: true")
        .contains("IncludeSubdomains: false");
    assertThat(deployed.headers()).containsEntry("x-content-type-options", "nosniff");
  }

  @Test
  void theLocalPolicyDiffersOnlyInItsOriginsAndSendsNoHstsOverHttp() throws IOException {
    SiteHeaders local = SiteHeaders.local(S3, PAGE, "");
    Map<String, List<String>> template = directives(templateCsp());

    assertThat(local.policy().keySet()).containsExactlyElementsOf(template.keySet());
    template.forEach(
        (directive, sources) ->
            assertThat(without(local.policy().get(directive), List.of(S3.toString(), PAGE)))
                .as(directive)
                .isEqualTo(without(sources, SiteHeaders.AWS_SERVICES)));
    assertThat(local.policy().get("connect-src")).contains(S3.toString(), PAGE);
    assertThat(local.policy().get("img-src")).contains(S3.toString(), "https://film-grab.com");
    assertThat(local.headers())
        .doesNotContainKey("strict-transport-security")
        .containsEntry("x-frame-options", "DENY")
        .containsEntry("x-content-type-options", "nosniff")
        .containsEntry("referrer-policy", "strict-origin-when-cross-origin");
  }

  @Test
  void aFilmGrabStandInReplacesFilmGrabsHostsInImgSrc() {
    SiteHeaders local = SiteHeaders.local(S3, PAGE, "http://127.0.0.1:7777/some/path/");

    assertThat(local.policy().get("img-src"))
        .contains("http://127.0.0.1:7777")
        .doesNotContain("https://film-grab.com");
  }

  @Test
  void theHeaderValueIsTheDirectivesInOrder() {
    String csp = SiteHeaders.local(S3, PAGE, null).contentSecurityPolicy();

    assertThat(csp)
        .startsWith("default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; ")
        .contains("; connect-src 'self' http://127.0.0.1:9000 http://127.0.0.1:8080; ")
        .endsWith("; object-src 'none'");
  }

  /** The {@code >-} folded CSP of the template: its lines joined by single spaces. */
  static String templateCsp() throws IOException {
    List<String> lines = policyLines();
    int start = lines.indexOf("            ContentSecurityPolicy: >-");
    assertThat(start).as("the folded CSP in SiteHeadersPolicy").isPositive();
    List<String> folded = new ArrayList<>();
    for (int i = start + 1; i < lines.size() && lines.get(i).startsWith("              "); i++) {
      folded.add(lines.get(i).trim());
    }
    return String.join(" ", folded);
  }

  static Map<String, List<String>> directives(String csp) {
    Map<String, List<String>> directives = new LinkedHashMap<>();
    for (String directive : csp.split(";")) {
      List<String> words = List.of(directive.trim().split("\\s+"));
      directives.put(words.get(0), words.subList(1, words.size()));
    }
    return directives;
  }

  static String policyValue(String key) throws IOException {
    Matcher m = Pattern.compile("\\b" + key + ": (\\S+)").matcher(String.join("\n", policyLines()));
    assertThat(m.find()).as(key).isTrue();
    return m.group(1);
  }

  /** The lines of the template's {@code SiteHeadersPolicy} resource. */
  static List<String> policyLines() throws IOException {
    List<String> lines = Files.readAllLines(TEMPLATE);
    int start = lines.indexOf("  SiteHeadersPolicy:");
    assertThat(start).as("SiteHeadersPolicy in the template").isNotNegative();
    int end = start + 1;
    while (end < lines.size() && (lines.get(end).isBlank() || lines.get(end).startsWith("   "))) {
      end++;
    }
    return lines.subList(start, end);
  }

  private static List<String> without(List<String> sources, List<String> origins) {
    return sources.stream().filter(s -> !origins.contains(s)).toList();
  }
}
