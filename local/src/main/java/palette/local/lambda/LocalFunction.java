package palette.local.lambda;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Lambda function on this machine: a deployment artifact run by the official Java runtime
 * interface client in its own JVMs, one per execution environment, each with the environment
 * variables Lambda sets (and nothing else of this machine's environment, so no stray AWS keys).
 * Invocations go to a free environment through its Runtime API; an invocation that outlives the
 * timeout ends its environment, which is replaced, as Lambda does.
 *
 * <p>Credentials reach the function only the way the definition says: by default from a container
 * credentials endpoint, as Lambda gives them to functions with SnapStart.
 *
 * <p>A SnapStart function's environment runs its init and the runtime hooks before the snapshot
 * ({@code beforeCheckpoint}, through the runtime client and {@code /restore/next}, as documented
 * for runtimes that coordinate SnapStart themselves) and then goes on as a restored environment
 * would. No snapshot is taken: what a restore costs on AWS (its own latency, and every environment
 * starting from the same memory) is not reproduced.
 */
public final class LocalFunction implements Invocable, AutoCloseable {
  private static final Pattern ERROR_TYPE = Pattern.compile("\"errorType\"\\s*:\\s*\"([^\"]*)\"");
  private static final Pattern ERROR_MESSAGE =
      Pattern.compile("\"errorMessage\"\\s*:\\s*\"((?:[^\"\\\\]|\\\\.)*)\"");

  /** Classes whose jars make up the runtime itself (not the function's artifact). */
  private static final List<String> RUNTIME_CLASSES =
      List.of(
          "com.amazonaws.services.lambda.runtime.api.client.AWSLambda",
          "com.amazonaws.services.lambda.runtime.serialization.PojoSerializer",
          "com.amazonaws.services.lambda.runtime.Context",
          "software.amazon.awssdk.utilslite.SdkInternalThreadLocal");

  /**
   * What to run.
   *
   * @param name the function's name ({@code AWS_LAMBDA_FUNCTION_NAME})
   * @param handler {@code _HANDLER}, as in the template
   * @param taskRoot the artifact
   * @param memoryMb the function's memory; the JVM sees this much RAM, as in its micro-VM
   * @param timeoutSeconds the function's timeout
   * @param concurrency execution environments kept running
   * @param snapStart whether the function has SnapStart: each environment then runs the runtime
   *     hooks before its first event, as Lambda runs them before the snapshot it restores from
   * @param env the variables the template sets, plus the credential variables
   * @param log where the function's output goes, line by line
   */
  public record Definition(
      String name,
      String handler,
      TaskRoot taskRoot,
      int memoryMb,
      int timeoutSeconds,
      int concurrency,
      boolean snapStart,
      Map<String, String> env,
      PrintStream log) {}

  private final Definition definition;
  private final BlockingQueue<Environment> idle = new LinkedBlockingQueue<>();
  private final List<Environment> all = new ArrayList<>();
  private volatile boolean closed;

  private LocalFunction(Definition definition) {
    this.definition = definition;
  }

  /** Starts every environment and waits until each has finished its init phase. */
  public static LocalFunction start(Definition definition) {
    LocalFunction function = new LocalFunction(definition);
    try {
      for (int i = 0; i < definition.concurrency(); i++) {
        function.all.add(function.new Environment());
      }
      for (Environment environment : function.all) {
        environment.awaitInit();
        function.idle.add(environment);
      }
    } catch (RuntimeException e) {
      function.close();
      throw e;
    }
    return function;
  }

  /**
   * The variables Lambda gives a function whose credentials come from the container credentials
   * endpoint (SnapStart): no access-key variables at all.
   */
  public static Map<String, String> containerCredentials(ContainerCredentials endpoint) {
    return Map.of(
        "AWS_CONTAINER_CREDENTIALS_FULL_URI", endpoint.fullUri(),
        "AWS_CONTAINER_AUTHORIZATION_TOKEN", endpoint.authorizationToken());
  }

  /** The variables Lambda gives a function without SnapStart: the role's keys. */
  public static Map<String, String> accessKeys(String id, String secret, String sessionToken) {
    return Map.of(
        "AWS_ACCESS_KEY_ID", id,
        "AWS_SECRET_ACCESS_KEY", secret,
        "AWS_SESSION_TOKEN", sessionToken);
  }

  @Override
  public String invoke(String payload) {
    Environment environment;
    try {
      environment = idle.take();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new FunctionError("Interrupted", "the invocation was not started");
    }
    boolean reusable = true;
    try {
      RuntimeApi.Reply reply = environment.invoke(payload);
      if (!reply.success()) {
        throw new FunctionError(
            field(ERROR_TYPE, reply.body()), field(ERROR_MESSAGE, reply.body()));
      }
      return reply.body();
    } catch (TimeoutException e) {
      reusable = false;
      throw new FunctionError(
          "Sandbox.Timedout",
          "Task timed out after " + definition.timeoutSeconds() + ".00 seconds");
    } catch (ExecutionException e) {
      reusable = false;
      throw new FunctionError("Runtime.ExitError", e.getCause().getMessage());
    } finally {
      release(environment, reusable);
    }
  }

  private void release(Environment environment, boolean reusable) {
    if (closed) {
      environment.close();
      return;
    }
    if (reusable && environment.alive()) {
      idle.add(environment);
      return;
    }
    environment.close();
    Environment fresh = new Environment();
    synchronized (all) {
      all.remove(environment);
      all.add(fresh);
    }
    fresh.awaitInit();
    idle.add(fresh);
  }

  private static String field(Pattern pattern, String json) {
    Matcher matcher = pattern.matcher(json);
    return matcher.find() ? matcher.group(1).replace("\\\"", "\"").replace("\\n", "\n") : json;
  }

  @Override
  public void close() {
    closed = true;
    synchronized (all) {
      all.forEach(Environment::close);
    }
  }

  /** One execution environment: a runtime JVM and the Runtime API it polls. */
  private final class Environment {
    private final RuntimeApi api;
    private final Process process;
    private final Thread pump;

    Environment() {
      try {
        api =
            new RuntimeApi(
                "arn:aws:lambda:"
                    + definition.env().getOrDefault("AWS_REGION", "us-east-1")
                    + ":000000000000:function:"
                    + definition.name());
        process = launch();
      } catch (IOException e) {
        throw new UncheckedIOException("starting " + definition.name(), e);
      }
      process.onExit().thenRun(() -> api.failAll(definition.name() + "'s runtime exited"));
      pump = new Thread(this::pumpLog, definition.name() + "-log");
      pump.setDaemon(true);
      pump.start();
    }

    private Process launch() throws IOException {
      List<String> command = new ArrayList<>();
      command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
      // As Lambda's launcher: the serial collector, the JDK's class-data archive; the JVM sizes
      // itself for the function's memory as it would inside its micro-VM.
      command.addAll(
          List.of("-XX:+UseSerialGC", "-Xshare:auto", "-XX:MaxRAM=" + definition.memoryMb() + "m"));
      command.addAll(tieredCompilation(definition.env()));
      // As Lambda's launcher: org.crac's hooks are registered with the runtime client's context,
      // which runs them when the init type is snap-start.
      command.add("-Dorg.crac.Core.Compat=com.amazonaws.services.lambda.crac");
      // Each runtime client would copy its native library to the same /tmp file, which is safe in
      // Lambda (one sandbox, one /tmp) but races between environments here: load one copy.
      command.add("-D" + NATIVE_CLIENT_PROPERTY + "=" + nativeClient());
      command.addAll(List.of("-cp", runtimeClassPath()));
      command.add("com.amazonaws.services.lambda.runtime.api.client.AWSLambda");
      command.add(definition.handler());
      ProcessBuilder builder =
          new ProcessBuilder(command).directory(definition.taskRoot().folder().toFile());
      builder.environment().clear();
      builder.environment().putAll(lambdaVariables());
      builder.environment().putAll(definition.env());
      builder.redirectErrorStream(true);
      return builder.start();
    }

    /**
     * The variables Lambda itself sets (documented as its reserved and unreserved runtime ones).
     */
    private Map<String, String> lambdaVariables() {
      String region = definition.env().getOrDefault("AWS_REGION", "us-east-1");
      Map<String, String> env = new HashMap<>();
      env.put("_HANDLER", definition.handler());
      env.put("AWS_REGION", region);
      env.put("AWS_DEFAULT_REGION", region);
      env.put("AWS_EXECUTION_ENV", "AWS_Lambda_java21");
      env.put("AWS_LAMBDA_FUNCTION_NAME", definition.name());
      env.put("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", Integer.toString(definition.memoryMb()));
      // SnapStart applies to published versions only; the template invokes its alias.
      String version = definition.snapStart() ? "1" : "$LATEST";
      env.put("AWS_LAMBDA_FUNCTION_VERSION", version);
      env.put(
          "AWS_LAMBDA_INITIALIZATION_TYPE", definition.snapStart() ? "snap-start" : "on-demand");
      env.put("AWS_LAMBDA_LOG_GROUP_NAME", "/aws/lambda/" + definition.name());
      env.put(
          "AWS_LAMBDA_LOG_STREAM_NAME",
          LocalDate.now().toString().replace('-', '/')
              + "/["
              + version
              + "]"
              + UUID.randomUUID().toString().replace("-", ""));
      env.put("AWS_LAMBDA_RUNTIME_API", api.address());
      env.put("LAMBDA_TASK_ROOT", definition.taskRoot().folder().toString());
      env.put("LAMBDA_RUNTIME_DIR", definition.taskRoot().folder().toString());
      env.put("LANG", "en_US.UTF-8");
      env.put("TZ", ":UTC");
      env.put("PATH", "/usr/local/bin:/usr/bin:/bin");
      return env;
    }

    private void pumpLog() {
      try (BufferedReader lines =
          new BufferedReader(
              new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
        for (String line = lines.readLine(); line != null; line = lines.readLine()) {
          definition.log().println(line);
        }
      } catch (IOException e) {
        // the process ended
      }
    }

    void awaitInit() {
      try {
        api.initialised().get(60, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while " + definition.name() + " started", e);
      } catch (ExecutionException | TimeoutException e) {
        close();
        throw new IllegalStateException(definition.name() + " did not start: " + e.getMessage(), e);
      }
    }

    RuntimeApi.Reply invoke(String payload) throws TimeoutException, ExecutionException {
      var reply =
          api.submit(payload.getBytes(StandardCharsets.UTF_8), definition.timeoutSeconds() * 1000L);
      try {
        return reply.get(definition.timeoutSeconds(), TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new ExecutionException(e);
      }
    }

    boolean alive() {
      return process.isAlive();
    }

    /**
     * Ends the runtime and passes on everything it printed before it ended. The kill goes through
     * the process handle: {@link Process#destroyForcibly} also closes the output pipe, losing any
     * line the pump has not read yet (on a loaded machine, the job's last log line, printed just
     * before its response). Once the process is gone the pump reads the pipe to its end.
     */
    void close() {
      process.toHandle().destroyForcibly();
      try {
        process.waitFor(10, TimeUnit.SECONDS);
        pump.join(10_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      api.close();
    }
  }

  /** Where the runtime client takes its native library from, instead of unpacking its own. */
  private static final String NATIVE_CLIENT_PROPERTY =
      "com.amazonaws.services.lambda.runtime.api.client.runtimeapi.NativeClient.JNI";

  private static Path nativeClient;

  /** The runtime client's native library for this machine, unpacked once per JVM. */
  static synchronized Path nativeClient() {
    if (nativeClient == null) {
      String arch = System.getProperty("os.arch").contains("aarch64") ? "aarch_64" : "x86_64";
      String name = "/jni/libaws-lambda-jni.linux-" + arch + ".so";
      try (var in =
          Class.forName(RUNTIME_CLASSES.get(0), false, LocalFunction.class.getClassLoader())
              .getResourceAsStream(name)) {
        if (in == null) {
          throw new IllegalStateException("the runtime client has no " + name);
        }
        Path file = java.nio.file.Files.createTempFile("libaws-lambda-jni-", ".so");
        file.toFile().deleteOnExit();
        java.nio.file.Files.copy(in, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        nativeClient = file;
      } catch (IOException | ClassNotFoundException e) {
        throw new IllegalStateException("unpacking the runtime client's native library", e);
      }
    }
    return nativeClient;
  }

  /** The runtime client's jars, found where this JVM loaded their classes from. */
  static String runtimeClassPath() {
    LinkedHashSet<String> jars = new LinkedHashSet<>();
    for (String name : RUNTIME_CLASSES) {
      try {
        Class<?> type = Class.forName(name, false, LocalFunction.class.getClassLoader());
        jars.add(
            Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toString());
      } catch (ClassNotFoundException | URISyntaxException e) {
        throw new IllegalStateException("the Lambda runtime client is not on the class path", e);
      }
    }
    return String.join(java.io.File.pathSeparator, jars);
  }

  /**
   * Lambda's java17 and java21 runtimes stop tiered compilation at level 1 (the quick compiler)
   * unless the function's {@code JAVA_TOOL_OPTIONS} say otherwise. Options given on the command
   * line would win over that variable, so the default is only added when it is silent.
   */
  static List<String> tieredCompilation(Map<String, String> env) {
    String options = env.getOrDefault("JAVA_TOOL_OPTIONS", "");
    return options.contains("TieredStopAtLevel") || options.contains("TieredCompilation")
        ? List.of()
        : List.of("-XX:TieredStopAtLevel=1");
  }
}
