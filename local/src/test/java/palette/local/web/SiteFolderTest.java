package palette.local.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SiteFolderTest {
  @Test
  void theCheckoutsSiteIsFoundFromTheRunningCode() {
    Path site = SiteFolder.locate().orElseThrow();
    assertThat(site.getFileName().toString()).isEqualTo("site");
    assertThat(site.resolve("index.html")).isRegularFile();
    assertThat(site.resolve("js/main.js")).isRegularFile();
  }

  @Test
  void presentVendorFilesAreLeftAloneAndNothingIsRun(@TempDir Path site) throws Exception {
    Files.createDirectories(site.resolve("vendor"));
    Files.writeString(site.resolve(SiteFolder.PLOTLY), "/* plotly */");
    StringWriter err = new StringWriter();
    assertThat(SiteFolder.ensureVendor(site, new PrintWriter(err, true))).isTrue();
    assertThat(err.toString()).isEmpty();
  }

  @Test
  void whenTheyCannotBeBuiltTheExactCommandIsPrinted(@TempDir Path site) {
    // No package.json here, so npm fails whether or not it is installed.
    StringWriter err = new StringWriter();
    assertThat(SiteFolder.ensureVendor(site, new PrintWriter(err, true))).isFalse();
    assertThat(err.toString()).contains("(cd site && npm ci && npm run build)");
  }
}
