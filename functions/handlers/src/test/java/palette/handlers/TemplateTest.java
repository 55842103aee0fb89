package palette.handlers;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import palette.core.options.Option;
import palette.handlers.worker.FilmGrabLane;
import palette.handlers.worker.WorkerConfig;

/** The template and the code agree: handlers exist and every variable read is declared. */
class TemplateTest {
  static final Path ROOT = Path.of("../..");

  /** Set by Lambda itself; a template may not declare it. */
  static final Set<String> RESERVED = Set.of("AWS_REGION");

  /** Read by the JVM, not by our code. */
  static final Set<String> FOR_THE_JVM = Set.of("JAVA_TOOL_OPTIONS");

  static List<String> templateLines() throws IOException {
    return Files.readAllLines(ROOT.resolve("template.yaml"));
  }

  @Test
  void everyHandlerNamedInTheTemplateIsALambdaHandler() throws Exception {
    List<String> handlers =
        templateLines().stream()
            .map(String::trim)
            .filter(l -> l.startsWith("Handler:"))
            .map(l -> l.substring("Handler:".length()).trim())
            .toList();

    assertThat(handlers).isNotEmpty();
    for (String handler : handlers) {
      String[] parts = handler.split("::");
      Class<?> type = Class.forName(parts[0]);
      assertThat(
              RequestHandler.class.isAssignableFrom(type)
                  || RequestStreamHandler.class.isAssignableFrom(type))
          .as(handler)
          .isTrue();
      assertThat(type.getConstructor()).as("public no-arg constructor of " + handler).isNotNull();
      assertThat(Stream.of(type.getMethods()).map(m -> m.getName())).contains(parts[1]);
    }
  }

  @Test
  void everyVariableTheFunctionsReadIsDeclaredAndViceVersa() throws IOException {
    Set<String> read = new LinkedHashSet<>();
    var env =
        new HashMap<String, String>(
            java.util.Map.of(
                "OUTPUT_BUCKET", "o", "INPUT_BUCKET", "i", "SITE_ORIGIN", "https://x")) {
          @Override
          public String get(Object key) {
            read.add((String) key);
            return super.get(key);
          }
        };
    WorkerConfig.fromEnv(env);
    palette.handlers.api.ApiConfig.fromEnv(env);
    Set<String> declared = declaredVariables(templateLines());

    assertThat(read).isNotEmpty();
    assertThat(declared).containsAll(read.stream().filter(v -> !RESERVED.contains(v)).toList());
    assertThat(read).containsAll(declared.stream().filter(v -> !FOR_THE_JVM.contains(v)).toList());
  }

  /** The template parameter behind each palette-default variable. */
  static final Map<String, String> PARAMETERS =
      Map.of(
          "DEFAULT_K", "DefaultK",
          "DEFAULT_LIMIT", "DefaultLimit",
          "PLOT_POINTS", "PlotPoints",
          "MAX_PIXELS", "MaxPixels",
          "MAX_BYTES", "MaxBytes");

  @Test
  void parameterDefaultsAndRangesAreTheOptionModels() throws IOException {
    assertThat(PARAMETERS.keySet()).isEqualTo(Environment.PALETTE_DEFAULTS.keySet());
    for (Map.Entry<String, String> entry : PARAMETERS.entrySet()) {
      Option option = Environment.PALETTE_DEFAULTS.get(entry.getKey());
      Map<String, String> parameter = parameter(templateLines(), entry.getValue());

      assertThat(parameter)
          .as(entry.getValue())
          .containsEntry("Type", "Number")
          .containsEntry("Default", option.defaultValue().toString())
          .containsEntry("MinValue", Long.toString(option.min()))
          .containsEntry("MaxValue", Long.toString(option.max()));
    }
  }

  @Test
  void everyFunctionGetsTheDeploymentsDefaultsFromTheseParameters() throws IOException {
    String template = String.join("\n", templateLines());
    for (String variable : List.of("DEFAULT_K", "DEFAULT_LIMIT", "MAX_BYTES")) {
      String line = variable + ": !Ref " + PARAMETERS.get(variable);
      assertThat(template.split(Pattern.quote(line), -1)).as(line).hasSize(4);
    }
    for (String variable : List.of("PLOT_POINTS", "MAX_PIXELS")) {
      assertThat(template).contains(variable + ": !Ref " + PARAMETERS.get(variable));
    }
  }

  /** The {@code key: value} lines of one entry under {@code Parameters:}. */
  static Map<String, String> parameter(List<String> lines, String name) {
    Map<String, String> fields = new HashMap<>();
    int at = lines.indexOf("  " + name + ":");
    assertThat(at).as("parameter " + name).isPositive();
    for (int i = at + 1; i < lines.size() && lines.get(i).startsWith("    "); i++) {
      String[] pair = lines.get(i).trim().split(":\\s*", 2);
      fields.put(pair[0], pair.length > 1 ? pair[1] : "");
    }
    return fields;
  }

  @Test
  void envJsonForSamLocalSetsOnlyDeclaredVariables() throws IOException {
    String envJson = Files.readString(ROOT.resolve("events/env.json"));
    Set<String> set = new LinkedHashSet<>();
    Matcher m = Pattern.compile("\"([A-Z][A-Z0-9_]*)\"\\s*:").matcher(envJson);
    while (m.find()) {
      set.add(m.group(1));
    }

    assertThat(envJson).contains("\"PaletteFunction\"");
    assertThat(set).contains("OUTPUT_BUCKET", "S3_ENDPOINT");
    assertThat(declaredVariables(templateLines())).containsAll(set);
  }

  @Test
  void envJsonGivesEachFunctionExactlyTheVariablesTheTemplateGivesIt() throws IOException {
    Map<String, Object> envJson =
        com.fasterxml.jackson.jr.ob.JSON.std.mapFrom(
            Files.readString(ROOT.resolve("events/env.json")));
    List<String> lines = templateLines();

    assertThat(envJson).containsOnlyKeys("PaletteFunction", "FilmGrabFunction", "ApiFunction");
    for (String function : envJson.keySet()) {
      Map<?, ?> variables = (Map<?, ?>) envJson.get(function);
      Set<Object> names = Set.copyOf(variables.keySet());
      assertThat(names)
          .as(function)
          .containsExactlyInAnyOrderElementsOf(declaredVariables(resource(lines, function)));
    }
  }

  @Test
  void everyFunctionLogsJsonAtInfoAndIsTraced() throws IOException {
    List<String> lines = templateLines();

    for (String function : List.of("PaletteFunction", "FilmGrabFunction", "ApiFunction")) {
      assertThat(String.join("\n", resource(lines, function)))
          .as(function)
          .containsPattern(
              "LoggingConfig:\\s+LogGroup: !Ref \\w+\\s+LogFormat: JSON\\s+"
                  + "ApplicationLogLevel: INFO\\s+SystemLogLevel: WARN");
    }
    assertThat(String.join("\n", section(lines, "Globals"))).contains("Tracing: Active");
    assertThat(String.join("\n", resource(lines, "HttpApi")))
        .contains("AccessLogSettings:", "$context.requestId", "$context.status");
  }

  @Test
  void reservedConcurrencyIsUnsetUnlessAsked() throws IOException {
    List<String> lines = templateLines();
    String parameter = String.join("\n", resource(lines, "ReservedConcurrency"));

    assertThat(parameter).contains("Default: 0");
    assertThat(String.join("\n", resource(lines, "PaletteFunction")))
        .containsPattern(
            "ReservedConcurrentExecutions:\\s+!If \\[HasReservedConcurrency, "
                + "!Ref ReservedConcurrency, !Ref AWS::NoValue\\]");
  }

  @Test
  void theApiAndTheBucketsAcceptOnlyTheSitesHttpsOrigin() throws IOException {
    String template = String.join("\n", templateLines());
    String origin =
        "!If [HasSiteDomain, !Sub \"https://${SiteDomain}\","
            + " !Sub \"https://${SiteDistribution.DomainName}\"]";

    assertThat(template).doesNotContain("localhost").doesNotContainPattern("SiteOrigin\\b");
    // the two buckets' CORS rules; the API is under the same origin and needs none
    assertThat(template.split(Pattern.quote(origin), -1)).as("uses of the site origin").hasSize(3);
  }

  @Test
  void theApiIsServedThroughTheSitesDistributionBehindAnOptionalWebAcl() throws IOException {
    List<String> lines = templateLines();
    String distribution = String.join("\n", resource(lines, "SiteDistribution"));

    assertThat(distribution)
        .contains(
            "WebACLId: !If [HasWebAcl, !Ref WebAclArn, !Ref AWS::NoValue]",
            "DomainName: !Sub \"${HttpApi}.execute-api.${AWS::Region}.${AWS::URLSuffix}\"",
            "HeaderName: X-Palette-Origin-Secret");
    for (String path : List.of("/uploads", "/jobs/*", "/filmgrab/*")) {
      assertThat(distribution)
          .as(path)
          .containsPattern(
              "PathPattern: "
                  + Pattern.quote(path)
                  + "\\s+TargetOriginId: HttpApi\\s+ViewerProtocolPolicy: https-only\\s+"
                  + "AllowedMethods: \\[GET, HEAD, OPTIONS, PUT, PATCH, POST, DELETE\\]\\s+"
                  // Managed-CachingDisabled, Managed-AllViewerExceptHostHeader
                  + "CachePolicyId: 4135ea2d-6df8-44a3-9df3-4b5a84be39ad\\s+"
                  + "OriginRequestPolicyId: b689b0a8-53d0-40ab-baf2-68738e2966ac");
    }
    assertThat(String.join("\n", resource(lines, "WebAclArn"))).contains("Default: \"\"");
    assertThat(String.join("\n", resource(lines, "HttpApi"))).doesNotContain("CorsConfiguration");
    assertThat(String.join("\n", resource(lines, "ApiFunction")))
        .contains("ORIGIN_SECRET: !Select [2, !Split [\"/\", !Ref AWS::StackId]]")
        .containsPattern(
            "ReservedConcurrentExecutions:\\s+!If \\[HasApiReservedConcurrency, "
                + "!Ref ApiReservedConcurrency, !Ref AWS::NoValue\\]");
  }

  @Test
  void theSiteBucketIsReadOnlyByTheDistribution() throws IOException {
    List<String> lines = templateLines();

    assertThat(String.join("\n", resource(lines, "SiteBucket")))
        .contains("RestrictPublicBuckets: true", "BucketOwnerEnforced", "SSEAlgorithm");
    assertThat(String.join("\n", resource(lines, "SiteBucketPolicy")))
        .contains("aws:SecureTransport: \"false\"", "Service: cloudfront.amazonaws.com")
        .containsPattern("AWS:SourceArn: .*:distribution/\\$\\{SiteDistribution\\}");
    assertThat(String.join("\n", resource(lines, "SiteDistribution")))
        .contains(
            "ViewerProtocolPolicy: redirect-to-https",
            "DefaultRootObject: index.html",
            "OriginAccessControlId: !GetAtt SiteOriginAccessControl.Id",
            "ResponseHeadersPolicyId: !Ref SiteHeadersPolicy");
  }

  @Test
  void everyAlarmGoesToTheTopicAndIgnoresMissingData() throws IOException {
    List<String> lines = templateLines();
    List<String> alarms =
        lines.stream()
            .filter(l -> l.matches("  [A-Za-z0-9]+Alarm:"))
            .map(l -> l.trim().replace(":", ""))
            .toList();

    assertThat(alarms)
        .containsExactlyInAnyOrder(
            "DeadLetterAlarm",
            "FilmGrabDeadLetterAlarm",
            "WorkerErrorsAlarm",
            "WorkerThrottlesAlarm",
            "ApiThrottlesAlarm",
            "Api5xxAlarm");
    for (String alarm : alarms) {
      assertThat(String.join("\n", resource(lines, alarm)))
          .as(alarm)
          .contains(
              "Type: AWS::CloudWatch::Alarm",
              "TreatMissingData: notBreaching",
              "AlarmActions: [!Ref AlarmsTopic]",
              "Threshold: 0",
              "ComparisonOperator: GreaterThanThreshold");
    }
    assertThat(String.join("\n", resource(lines, "Api5xxAlarm")))
        .contains("Namespace: AWS/ApiGateway", "MetricName: 5xx", "Name: ApiId");
  }

  @Test
  void filmGrabRequestsRunOneAtATimeThroughOneFifoMessageGroup() throws IOException {
    List<String> lines = templateLines();
    String bucket = String.join("\n", resource(lines, "InputBucket"));
    String rule = String.join("\n", resource(lines, "FilmGrabRule"));
    String queue = String.join("\n", resource(lines, "FilmGrabQueue"));
    String source = String.join("\n", resource(lines, "FilmGrabEventSource"));
    String function = String.join("\n", resource(lines, "FilmGrabFunction"));

    assertThat(bucket).containsPattern("EventBridgeConfiguration:\\s+EventBridgeEnabled: true");
    assertThat(rule)
        .contains(
            "source: [aws.s3]",
            "detail-type: [Object Created]",
            "name: [!Ref InputBucket]",
            "key: [{prefix: " + FilmGrabRequest.PREFIX + "}]",
            "Arn: !GetAtt FilmGrabQueue.Arn")
        .containsPattern("SqsParameters:\\s+MessageGroupId: [a-z-]+\\n")
        .doesNotContain("MessageGroupId: $.");
    assertThat(queue)
        .contains("FifoQueue: true", "ContentBasedDeduplication: true")
        .containsPattern("deadLetterTargetArn: !GetAtt FilmGrabDeadLetterQueue.Arn");
    assertThat(String.join("\n", resource(lines, "FilmGrabDeadLetterQueue")))
        .contains("FifoQueue: true");
    assertThat(source)
        .contains(
            "EventSourceArn: !GetAtt FilmGrabQueue.Arn",
            "FunctionName: !Ref FilmGrabFunction",
            "BatchSize: 1",
            "FunctionResponseTypes: [ReportBatchItemFailures]");
    assertThat(function)
        .contains("Handler: " + FilmGrabLane.class.getName() + "::handleRequest")
        .doesNotContain("Type: SQS", "ReservedConcurrentExecutions");
    assertThat(number(queue, "VisibilityTimeout"))
        .isGreaterThanOrEqualTo(6 * number(function, "Timeout"));
    assertThat(String.join("\n", resource(lines, "FilmGrabQueuePolicy")))
        .contains("Service: events.amazonaws.com", "aws:SourceArn: !GetAtt FilmGrabRule.Arn");
  }

  @Test
  void theWorkerLeavesFilmGrabRequestsToTheLane() throws IOException {
    String worker = String.join("\n", resource(templateLines(), "PaletteFunction"));

    assertThat(worker).contains(WorkerConfig.FILMGRAB_LANE + ": queue");
    assertThat(WorkerConfig.fromEnv(Map.of("OUTPUT_BUCKET", "o", "FILMGRAB_LANE", "queue")))
        .extracting(WorkerConfig::filmGrabLane)
        .isEqualTo(true);
  }

  private static int number(String block, String name) {
    Matcher m = Pattern.compile("\\n\\s+" + name + ": (\\d+)\\n").matcher(block);
    assertThat(m.find()).as(name).isTrue();
    return Integer.parseInt(m.group(1));
  }

  /** The lines of a top-level section such as {@code Globals}. */
  static List<String> section(List<String> lines, String name) {
    return block(lines, name, 0);
  }

  /** The lines of a resource, parameter or output, by its logical id. */
  static List<String> resource(List<String> lines, String logicalId) {
    return block(lines, logicalId, 2);
  }

  private static List<String> block(List<String> lines, String name, int indent) {
    String header = " ".repeat(indent) + name + ":";
    int start = lines.indexOf(header);
    assertThat(start).as(header).isNotNegative();
    int end = start + 1;
    while (end < lines.size()
        && (lines.get(end).isBlank()
            || lines.get(end).length() - lines.get(end).stripLeading().length() > indent)) {
      end++;
    }
    return lines.subList(start, end);
  }

  @Test
  void noCodeReadsTheEnvironmentBehindTheConfigsBack() throws IOException {
    try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
      List<String> offenders =
          files
              .filter(p -> p.toString().endsWith(".java"))
              .filter(p -> read(p).matches("(?s).*System\\.getenv\\(\\s*\".*"))
              .map(Path::toString)
              .toList();
      assertThat(offenders).isEmpty();
    }
  }

  /** Names under every {@code Variables:} block, by indentation. */
  static Set<String> declaredVariables(List<String> lines) {
    Set<String> names = new LinkedHashSet<>();
    Pattern entry = Pattern.compile("^(\\s*)([A-Z][A-Z0-9_]*):");
    int blockIndent = -1;
    for (String line : lines) {
      if (line.trim().equals("Variables:")) {
        blockIndent = line.indexOf('V');
        continue;
      }
      if (blockIndent < 0 || line.isBlank() || line.trim().startsWith("#")) {
        continue;
      }
      Matcher m = entry.matcher(line);
      int indent = line.length() - line.stripLeading().length();
      if (indent <= blockIndent) {
        blockIndent = -1;
      } else if (m.find()) {
        names.add(m.group(2));
      }
    }
    return names;
  }

  private static String read(Path path) {
    try {
      return Files.readString(path);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
