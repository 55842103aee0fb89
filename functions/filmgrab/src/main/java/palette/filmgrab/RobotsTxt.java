package palette.filmgrab;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * One host's robots.txt as RFC 9309 reads it: the groups naming our product token (else those for
 * {@code *}) are merged; the longest matching rule decides, and Allow wins a tie; {@code *} matches
 * any characters and a final {@code $} the end of the path. {@code /robots.txt} itself is always
 * allowed. Crawl-delay is not in the RFC but is what a site uses to ask for a slower pace, so the
 * matched groups' largest value is kept.
 *
 * @param rules the rules of the matched groups, in file order
 * @param crawlDelay the asked-for least gap between requests, zero when none
 */
record RobotsTxt(List<Rule> rules, Duration crawlDelay) {
  /** What a missing robots.txt (a 4xx) means: everything may be fetched. */
  static final RobotsTxt ALLOW_ALL = new RobotsTxt(List.of(), Duration.ZERO);

  /** The most crawl delay honoured; a larger one would outlast any job, so it is capped. */
  static final Duration MAX_CRAWL_DELAY = Duration.ofSeconds(60);

  /** One Allow or Disallow line. */
  record Rule(boolean allow, String pattern) {
    boolean matches(String path) {
      StringBuilder regex = new StringBuilder();
      String body = pattern.endsWith("$") ? pattern.substring(0, pattern.length() - 1) : pattern;
      for (String part : body.split("\\*", -1)) {
        regex.append(regex.isEmpty() ? "" : ".*").append(Pattern.quote(part));
      }
      return Pattern.compile(regex + (pattern.endsWith("$") ? "$" : ""), Pattern.DOTALL)
          .matcher(path)
          .lookingAt();
    }
  }

  RobotsTxt {
    rules = List.copyOf(rules);
  }

  /** True when {@code url} (its path and query) may be fetched. */
  boolean allows(URI url) {
    String path = url.getRawPath() == null || url.getRawPath().isEmpty() ? "/" : url.getRawPath();
    String target = url.getRawQuery() == null ? path : path + "?" + url.getRawQuery();
    if (target.equals("/robots.txt")) {
      return true;
    }
    Rule best = null;
    for (Rule rule : rules) {
      if (!rule.matches(target)) {
        continue;
      }
      int length = rule.pattern().length();
      if (best == null
          || length > best.pattern().length()
          || (length == best.pattern().length() && rule.allow())) {
        best = rule;
      }
    }
    return best == null || best.allow();
  }

  /** Parses a robots.txt for the product token {@code product} (matched case-insensitively). */
  static RobotsTxt parse(String text, String product) {
    List<Group> groups = new ArrayList<>();
    Group current = null;
    for (String raw : text.split("\r\n|\r|\n")) {
      String line = raw.replaceFirst("#.*", "").trim();
      int colon = line.indexOf(':');
      if (colon < 0) {
        continue;
      }
      String key = line.substring(0, colon).trim().toLowerCase(Locale.ROOT);
      String value = line.substring(colon + 1).trim();
      if (key.equals("user-agent")) {
        if (current == null || !current.rules.isEmpty() || current.delay != null) {
          current = new Group();
          groups.add(current);
        }
        current.agents.add(value.toLowerCase(Locale.ROOT));
      } else if (current != null && (key.equals("allow") || key.equals("disallow"))) {
        if (!value.isEmpty()) {
          current.rules.add(new Rule(key.equals("allow"), value));
        }
      } else if (current != null && key.equals("crawl-delay")) {
        current.delay = seconds(value);
      }
    }
    String token = product.toLowerCase(Locale.ROOT);
    List<Group> chosen = groups.stream().filter(g -> g.agents.contains(token)).toList();
    if (chosen.isEmpty()) {
      chosen = groups.stream().filter(g -> g.agents.contains("*")).toList();
    }
    List<Rule> rules = new ArrayList<>();
    Duration delay = Duration.ZERO;
    for (Group group : chosen) {
      rules.addAll(group.rules);
      if (group.delay != null && group.delay.compareTo(delay) > 0) {
        delay = group.delay;
      }
    }
    return new RobotsTxt(rules, delay.compareTo(MAX_CRAWL_DELAY) > 0 ? MAX_CRAWL_DELAY : delay);
  }

  /** The product token of a User-Agent: its first word, before any version ("palette-filmgrab"). */
  static String productToken(String userAgent) {
    String first = userAgent.trim().split("[\\s/]", 2)[0];
    return first.isEmpty() ? "*" : first;
  }

  private static Duration seconds(String value) {
    try {
      double seconds = Double.parseDouble(value);
      return seconds > 0 && seconds < 86_400
          ? Duration.ofMillis(Math.round(seconds * 1000))
          : Duration.ZERO;
    } catch (NumberFormatException e) {
      return Duration.ZERO;
    }
  }

  private static final class Group {
    final List<String> agents = new ArrayList<>();
    final List<Rule> rules = new ArrayList<>();
    Duration delay;
  }
}
