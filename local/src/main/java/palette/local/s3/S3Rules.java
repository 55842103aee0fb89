package palette.local.s3;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.gaul.s3proxy.S3Proxy;

/**
 * Rules S3 applies and S3Proxy does not, checked before a request reaches S3Proxy, so the local S3
 * is no laxer than AWS where the product's security rests on it:
 *
 * <ul>
 *   <li>A presigned request (signature in the query) may carry an {@code x-amz-*} header only if
 *       its {@code X-Amz-SignedHeaders} lists it; otherwise 403 AccessDenied, as S3 answers "There
 *       were headers present in the request which were not signed". S3Proxy would store an unsigned
 *       {@code x-amz-meta-k} as the object's metadata, and the worker would use it.
 *   <li>A read of a "folder" key (ending in {@code /}): S3Proxy's file-system store answers with
 *       the directory; S3 has no such object (this product never writes folder markers), so 404
 *       NoSuchKey to a signed request and 403 AccessDenied to an anonymous one, as a private bucket
 *       answers. Any other anonymous read of an object is 403 as well.
 * </ul>
 *
 * <p>A refused request's body is read to its end before the answer goes out, unless the client
 * asked first ({@code Expect: 100-continue}) and so sends no body. S3 answers a refused upload;
 * Jetty, given an answer while the body is still arriving, hangs up, and the client, still sending,
 * sees a reset instead of the 403 or 412.
 */
final class S3Rules implements Filter {
  private static final String SIGNATURE = "X-Amz-Signature";

  /**
   * The most of a refused body read before answering; a larger one gets the answer and a hang-up.
   */
  private static final long MAX_DRAINED = 64L << 20;

  /** Installs the rules in front of a built, not yet started, S3Proxy. */
  static void install(S3Proxy proxy) {
    try {
      var field = S3Proxy.class.getDeclaredField("server");
      field.setAccessible(true);
      Object server = field.get(proxy);
      Object context = server.getClass().getMethod("getHandler").invoke(server);
      context
          .getClass()
          .getMethod("addFilter", Filter.class, String.class, EnumSet.class)
          .invoke(context, new S3Rules(), "/*", EnumSet.of(DispatcherType.REQUEST));
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("this S3Proxy version cannot take the S3 rules filter", e);
    }
  }

  @Override
  public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain)
      throws IOException, ServletException {
    HttpServletRequest request = (HttpServletRequest) req;
    Optional<String[]> refusal = refusal(request);
    HttpServletResponse response = (HttpServletResponse) res;
    if (refusal.isEmpty()) {
      chain.doFilter(req, res);
      if (response.getStatus() >= 400) {
        drain(request); // S3Proxy's own refusals, such as 412 on If-None-Match
      }
      return;
    }
    drain(request);
    String[] error = refusal.get(); // status, code, message
    response.setStatus(Integer.parseInt(error[0]));
    response.setContentType("application/xml");
    byte[] body =
        ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Error><Code>"
                + error[1]
                + "</Code><Message>"
                + error[2]
                + "</Message></Error>")
            .getBytes(StandardCharsets.UTF_8);
    response.setContentLength(body.length);
    response.getOutputStream().write(body);
  }

  private static void drain(HttpServletRequest request) throws IOException {
    String expect = request.getHeader("Expect");
    boolean bodyFollows = expect == null || !expect.equalsIgnoreCase("100-continue");
    long length = request.getContentLengthLong();
    if (bodyFollows && length > 0 && length <= MAX_DRAINED) {
      request.getInputStream().transferTo(OutputStream.nullOutputStream());
    }
  }

  /** Status, S3 error code and message for a request S3 would refuse; empty otherwise. */
  static Optional<String[]> refusal(HttpServletRequest request) {
    boolean presigned = request.getParameter(SIGNATURE) != null;
    if (presigned) {
      List<String> unsigned = unsignedAmzHeaders(request);
      if (!unsigned.isEmpty()) {
        return Optional.of(
            new String[] {
              "403",
              "AccessDenied",
              "There were headers present in the request which were not signed: "
                  + String.join(", ", unsigned)
            });
      }
    }
    String method = request.getMethod();
    String path = request.getRequestURI();
    boolean read = method.equals("GET") || method.equals("HEAD");
    boolean object = path.indexOf('/', 1) > 0 && path.indexOf('/', 1) < path.length() - 1;
    if (!read || !object) {
      return Optional.empty();
    }
    boolean anonymous = !presigned && request.getHeader("Authorization") == null;
    if (anonymous) {
      return Optional.of(new String[] {"403", "AccessDenied", "Access Denied"});
    }
    if (path.endsWith("/")) {
      return Optional.of(new String[] {"404", "NoSuchKey", "The specified key does not exist."});
    }
    return Optional.empty();
  }

  private static List<String> unsignedAmzHeaders(HttpServletRequest request) {
    String signedList = request.getParameter("X-Amz-SignedHeaders");
    Set<String> signed =
        Set.of((signedList == null ? "" : signedList.toLowerCase(Locale.ROOT)).split(";"));
    List<String> unsigned = new ArrayList<>();
    for (String name : Collections.list(request.getHeaderNames())) {
      String lower = name.toLowerCase(Locale.ROOT);
      if (lower.startsWith("x-amz-") && !signed.contains(lower)) {
        unsigned.add(lower);
      }
    }
    return unsigned;
  }
}
