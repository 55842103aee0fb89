package palette.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.jr.ob.JSON;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import palette.core.options.PaletteOptions;
import palette.local.s3.LocalS3;
import palette.local.s3.LocalStack;
import picocli.CommandLine;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.S3Object;

/** publish-site against the embedded S3, with credentials from the SDK's default chain. */
class PublishSiteCommandTest {
  static final String BUCKET = "palette-site";
  @TempDir static Path folder;
  static LocalStack stack;
  static S3Client s3;
  static Path site;
  static int exit;
  static String printed;

  @BeforeAll
  static void publish() throws Exception {
    stack = LocalStack.start(LocalStack.Settings.defaults(folder.resolve("s3")));
    stack.s3().createBucket(BUCKET);
    s3 = stack.client();
    s3.putObject(b -> b.bucket(BUCKET).key("js/old.js"), RequestBody.fromString("stale"));
    site = siteFolder(folder.resolve("site"));
    // The SDK's default chain reads these system properties first.
    System.setProperty("aws.accessKeyId", LocalS3.ACCESS_KEY);
    System.setProperty("aws.secretAccessKey", LocalS3.SECRET_KEY);
    StringWriter out = new StringWriter();
    CommandLine cli = PaletteCli.commandLine();
    cli.setOut(new PrintWriter(out, true));
    exit =
        cli.execute(
            "publish-site",
            "--endpoint-url",
            stack.endpoint().toString(),
            "--bucket",
            BUCKET,
            "--api-base",
            "https://api.example.test",
            "--site",
            site.toString());
    printed = out.toString();
  }

  @AfterAll
  static void stop() throws Exception {
    System.clearProperty("aws.accessKeyId");
    System.clearProperty("aws.secretAccessKey");
    s3.close();
    stack.close();
  }

  static Path siteFolder(Path site) throws Exception {
    for (String file :
        new String[] {
          "index.html",
          "styles.css",
          "js/main.js",
          "vendor/plotly-gl3d.min.js",
          "test/e2e.test.mjs",
          "node_modules/x/index.js",
          "scripts/vendor.mjs",
          "package.json",
          "package-lock.json",
          "README.md",
          "config.js",
          ".hidden.js"
        }) {
      Path path = site.resolve(file);
      Files.createDirectories(path.getParent());
      Files.writeString(path, "/* " + file + " */");
    }
    return site;
  }

  @Test
  void onlyThePagesFilesAreInTheBucketAndTheStaleOneIsGone() {
    assertThat(exit).as(printed).isZero();
    assertThat(s3.listObjectsV2Paginator(b -> b.bucket(BUCKET)).contents().stream())
        .map(S3Object::key)
        .containsExactlyInAnyOrder(
            "index.html", "styles.css", "js/main.js", "vendor/plotly-gl3d.min.js", "config.js");
    assertThat(printed)
        .contains("removed 1 stale")
        .contains("skipped: CloudFormation and the CloudFront invalidation");
  }

  @Test
  void eachObjectHasItsContentTypeAndCacheLifetime() {
    assertThat(type("index.html")).isEqualTo("text/html;charset=utf-8");
    assertThat(head("index.html").cacheControl()).isEqualTo("no-cache");
    assertThat(type("config.js")).isEqualTo("text/javascript;charset=utf-8");
    assertThat(head("config.js").cacheControl()).isEqualTo("no-cache");
    assertThat(type("js/main.js")).isEqualTo("text/javascript;charset=utf-8");
    assertThat(head("js/main.js").cacheControl()).isEqualTo("public, max-age=300");
    assertThat(type("styles.css")).isEqualTo("text/css;charset=utf-8");
    assertThat(head("vendor/plotly-gl3d.min.js").cacheControl()).isEqualTo("public, max-age=300");
  }

  @Test
  void theGeneratedConfigReplacesTheFolderOneWithTheApiAndTheLimits() throws Exception {
    String module =
        s3.getObjectAsBytes(b -> b.bucket(BUCKET).key("config.js"))
            .asString(StandardCharsets.UTF_8);
    Map<String, Object> config = configOf(module);

    assertThat(module).startsWith("// Generated").doesNotContain("/* config.js */");
    assertThat(config.get("apiBase")).isEqualTo("https://api.example.test");
    assertThat(option(config, "maxBytes").get("default"))
        .isEqualTo(((Number) palette.core.options.Option.MAX_BYTES.defaultValue()).intValue());
    assertThat(option(config, "k")).containsEntry("default", 6).containsEntry("max", 64);
    assertThat(option(config, "space").get("values")).asList().containsExactly("rgb", "oklab");
  }

  @Test
  void theStacksParametersBecomeThePagesDefaults() throws Exception {
    PaletteOptions deployed =
        PublishSiteCommand.deployed(
            Map.of("MaxBytes", "26214400", "DefaultK", "8", "DefaultLimit", "30", "Other", "x"));
    Map<String, Object> config =
        configOf(palette.local.web.SiteSettings.of("", deployed).toModule());

    assertThat(option(config, "maxBytes")).containsEntry("default", 26214400);
    assertThat(option(config, "k")).containsEntry("default", 8);
    assertThat(option(config, "limit")).containsEntry("default", 30);
    assertThat(config.get("apiBase")).isEqualTo("");
  }

  @Test
  void withoutAStackOrAnEndpointTheCommandSaysWhatItNeeds() {
    StringWriter err = new StringWriter();
    CommandLine cli = PaletteCli.commandLine();
    cli.setErr(new PrintWriter(err, true));

    int code = cli.execute("publish-site", "--site", site.toString());

    assertThat(code).isEqualTo(2);
    assertThat(err.toString()).contains("--stack is required");
  }

  static Map<String, Object> configOf(String module) throws Exception {
    String json =
        module.substring(module.indexOf("export const config = ") + 22, module.lastIndexOf(';'));
    return JSON.std.mapFrom(json);
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> option(Map<String, Object> config, String name) {
    return (Map<String, Object>) ((Map<String, Object>) config.get("options")).get(name);
  }

  /** The content type without spaces: S3Proxy drops the one after the semicolon, S3 keeps it. */
  static String type(String key) {
    return head(key).contentType().replace(" ", "");
  }

  static HeadObjectResponse head(String key) {
    return s3.headObject(b -> b.bucket(BUCKET).key(key));
  }
}
