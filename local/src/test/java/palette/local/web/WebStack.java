package palette.local.web;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import palette.local.s3.LocalStack;

/**
 * What {@code palette serve} runs, in this JVM: the local stack (S3 with S3's rules and the worker
 * behind its notifications), a one-page site published to its bucket, and the real API handler
 * behind the web server, on the one origin the stack's S3 allows.
 */
record WebStack(WebServer web, LocalStack stack) implements AutoCloseable {
  static WebStack start(Path folder) throws Exception {
    Path site = Files.createDirectories(folder.resolve("site"));
    Files.writeString(site.resolve("index.html"), "<h1>palette</h1>");
    WebServer web = WebServer.bind(0);
    LocalStack stack =
        LocalStack.start(
            LocalStack.Settings.defaults(folder.resolve("s3"))
                .withCorsOrigin(web.origin())
                .withLog(
                    new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8)));
    web.serve(
        PublishedSite.publish(
            stack, site, web.origin(), new PrintWriter(OutputStream.nullOutputStream())),
        ApiThrottle.defaults(),
        LocalApi.handler(LocalApi.config(stack, web.origin())));
    return new WebStack(web, stack);
  }

  @Override
  public void close() throws Exception {
    web.close();
    stack.close();
  }
}
