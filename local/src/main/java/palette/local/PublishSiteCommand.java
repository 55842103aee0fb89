package palette.local;

import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import palette.core.options.PaletteOptions;
import palette.handlers.worker.S3Storage;
import palette.handlers.worker.WorkerConfig;
import palette.local.web.SiteFolder;
import palette.local.web.SitePublisher;
import palette.local.web.SiteSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.regions.providers.DefaultAwsRegionProviderChain;
import software.amazon.awssdk.services.cloudformation.CloudFormationClient;
import software.amazon.awssdk.services.cloudformation.model.Stack;
import software.amazon.awssdk.services.cloudfront.CloudFrontClient;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * {@code palette publish-site}: puts the web page into the stack's site bucket with a config.js
 * made from the stack itself (its API URL and limits), then has CloudFront drop its cached copies.
 * Credentials and region come from the AWS SDK's usual places (environment, profile, ...).
 */
@Command(
    name = "publish-site",
    mixinStandardHelpOptions = true,
    description = "Upload the web page to a deployed stack's site bucket and refresh CloudFront.")
final class PublishSiteCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--stack", paramLabel = "NAME", description = "The deployed stack's name.")
  String stack;

  @Option(names = "--region", paramLabel = "REGION", description = "Its region (default: SDK's).")
  String region;

  @Option(
      names = "--endpoint-url",
      paramLabel = "URL",
      description =
          "An S3-compatible endpoint instead of AWS; skips CloudFormation and CloudFront.")
  URI endpointUrl;

  @Option(names = "--bucket", paramLabel = "BUCKET", description = "With --endpoint-url.")
  String bucket;

  @Option(
      names = "--api-base",
      paramLabel = "URL",
      description = "With --endpoint-url: the API's URL (default: the page's own origin).")
  String apiBase = SiteSettings.SAME_ORIGIN;

  @Option(
      names = "--site",
      paramLabel = "DIR",
      hidden = true,
      description = "The site folder (default: the checkout's site/).")
  Path site;

  /** The stack outputs and parameters this command reads. */
  static final String SITE_BUCKET = "SiteBucketName";

  static final String DISTRIBUTION = "SiteDistributionId";

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    Path folder = site != null ? site : SiteFolder.locate().orElseThrow(this::noSiteFolder);
    SiteFolder.ensureVendor(folder, spec.commandLine().getErr());
    if (endpointUrl != null) {
      publishToEndpoint(folder, out);
      return 0;
    }
    if (stack == null || stack.isBlank()) {
      throw new ParameterException(
          spec.commandLine(), "--stack is required (or --endpoint-url for a local S3)");
    }
    Region where =
        region != null ? Region.of(region) : new DefaultAwsRegionProviderChain().getRegion();
    Stack described = describe(where);
    Map<String, String> outputs = new HashMap<>();
    described.outputs().forEach(o -> outputs.put(o.outputKey(), o.outputValue()));
    Map<String, String> parameters = new HashMap<>();
    described.parameters().forEach(p -> parameters.put(p.parameterKey(), p.parameterValue()));
    String siteBucket = required(outputs, SITE_BUCKET);
    // The distribution serves the API under the page's own origin (template.yaml).
    SiteSettings settings = SiteSettings.of(SiteSettings.SAME_ORIGIN, deployed(parameters));
    try (S3Client s3 = s3(where, null)) {
      new SitePublisher(s3, siteBucket).publish(folder, settings, out);
    }
    invalidate(required(outputs, DISTRIBUTION), out);
    out.println("site: " + outputs.getOrDefault("SiteUrl", "(see the stack's SiteUrl output)"));
    return 0;
  }

  private void publishToEndpoint(Path folder, PrintWriter out) throws Exception {
    if (bucket == null) {
      throw new ParameterException(spec.commandLine(), "--endpoint-url needs --bucket");
    }
    Region where = Region.of(region != null ? region : "us-east-1");
    try (S3Client s3 = s3(where, endpointUrl)) {
      SiteSettings settings = SiteSettings.of(apiBase, PaletteOptions.defaults());
      new SitePublisher(s3, bucket).publish(folder, settings, out);
    }
    out.println("skipped: CloudFormation and the CloudFront invalidation (--endpoint-url)");
  }

  private Stack describe(Region where) {
    try (CloudFormationClient cloudFormation =
        CloudFormationClient.builder()
            .region(where)
            .httpClientBuilder(UrlConnectionHttpClient.builder())
            .build()) {
      return cloudFormation.describeStacks(b -> b.stackName(stack)).stacks().get(0);
    }
  }

  /**
   * The worker's defaults as the stack's parameters set them, read the way the worker reads them.
   */
  static PaletteOptions deployed(Map<String, String> parameters) {
    Map<String, String> env = new HashMap<>();
    env.put(WorkerConfig.OUTPUT_BUCKET, "unused");
    // The template passes each parameter to the worker as the variable named here.
    Map.of(
            "DefaultK", "DEFAULT_K",
            "DefaultLimit", "DEFAULT_LIMIT",
            "MaxBytes", "MAX_BYTES",
            "MaxPixels", "MAX_PIXELS",
            "PlotPoints", "PLOT_POINTS")
        .forEach(
            (parameter, variable) -> {
              if (parameters.containsKey(parameter)) {
                env.put(variable, parameters.get(parameter));
              }
            });
    return WorkerConfig.fromEnv(env).defaults();
  }

  private static S3Client s3(Region where, URI endpoint) {
    Map<String, String> env = new HashMap<>();
    env.put(WorkerConfig.OUTPUT_BUCKET, "unused");
    env.put(WorkerConfig.AWS_REGION, where.id());
    env.put(WorkerConfig.S3_ENDPOINT, endpoint == null ? "" : endpoint.toString());
    return S3Storage.client(
        WorkerConfig.fromEnv(env), DefaultCredentialsProvider.builder().build());
  }

  private static void invalidate(String distribution, PrintWriter out) {
    try (CloudFrontClient cloudFront =
        CloudFrontClient.builder()
            .region(Region.AWS_GLOBAL)
            .httpClientBuilder(UrlConnectionHttpClient.builder())
            .build()) {
      String id =
          cloudFront
              .createInvalidation(
                  b ->
                      b.distributionId(distribution)
                          .invalidationBatch(
                              i ->
                                  i.callerReference("palette-" + Instant.now().toEpochMilli())
                                      .paths(p -> p.quantity(1).items("/*"))))
              .invalidation()
              .id();
      out.println("CloudFront invalidation " + id + " of /* on " + distribution);
    }
  }

  private static String required(Map<String, String> outputs, String key) {
    String value = outputs.get(key);
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException("the stack has no " + key + " output: deploy it first");
    }
    return value;
  }

  private IllegalStateException noSiteFolder() {
    return new IllegalStateException("the site/ folder of the checkout (or pass --site)");
  }
}
