package palette.local;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.jr.ob.JSON;
import java.io.IOException;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import palette.core.Timings;
import palette.core.options.PaletteOptions;

/**
 * An earlier build of the engine, loaded from its jar in a class loader of its own, so that {@code
 * palette bench --baseline} can alternate its runs with this build's in one JVM: both then see the
 * same machine load, which on a shared host drifts by a third within minutes. Reached by reflection
 * through the engine's public front door, which both builds share.
 */
final class BaselineEngine {
  private final Method run;
  private final Object options;
  private final Map<String, Integer> sizes = new LinkedHashMap<>();

  private BaselineEngine(Method run, Object options) {
    this.run = run;
    this.options = options;
  }

  /** The baseline with this build's k and limit; other options must be at their defaults. */
  static BaselineEngine load(Path jar, PaletteOptions current) throws IOException {
    PaletteOptions defaults = PaletteOptions.defaults();
    if (!current.withK(defaults.k()).withLimit(defaults.limit()).equals(defaults)) {
      throw new IllegalArgumentException("--baseline supports only --k and --limit");
    }
    try {
      // The engine's one library comes from this build, after the jar: an engine jar holds only
      // its own classes, and jackson keeps its API across minor versions.
      URL[] path = {jar.toUri().toURL(), location(JSON.class), location(JsonFactory.class)};
      ClassLoader loader = new URLClassLoader(path, ClassLoader.getPlatformClassLoader());
      Class<?> optionsClass = optionsClass(loader);
      Object options = optionsClass.getMethod("defaults").invoke(null);
      options = optionsClass.getMethod("withK", int.class).invoke(options, current.k());
      options = optionsClass.getMethod("withLimit", int.class).invoke(options, current.limit());
      Method run =
          loader.loadClass("palette.core.Palettes").getMethod("run", byte[].class, optionsClass);
      return new BaselineEngine(run, options);
    } catch (ReflectiveOperationException e) {
      throw new IOException("no palette engine in " + jar + ": " + e, e);
    }
  }

  private static URL location(Class<?> type) {
    return type.getProtectionDomain().getCodeSource().getLocation();
  }

  /** The options record, where the baseline's build keeps it (its package moved once). */
  private static Class<?> optionsClass(ClassLoader loader) throws ClassNotFoundException {
    try {
      return loader.loadClass("palette.core.options.PaletteOptions");
    } catch (ClassNotFoundException e) {
      return loader.loadClass("palette.core.PaletteOptions");
    }
  }

  /** One run; its stage timings, and the outputs' sizes kept for {@link #sizes()}. */
  Timings run(byte[] image) {
    try {
      Object result = run.invoke(null, image, options);
      Object timings = call(result, "timings");
      for (Object artifact : (List<?>) call(result, "artifacts")) {
        sizes.put((String) call(artifact, "name"), (Integer) call(artifact, "size"));
      }
      return new Timings(
          (Double) call(timings, "decodeMs"),
          (Double) call(timings, "clusterMs"),
          (Double) call(timings, "renderMs"),
          (Double) call(timings, "encodeMs"));
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("the baseline engine failed: " + e, e);
    }
  }

  /** Output name to size in bytes, from the last run. */
  Map<String, Integer> sizes() {
    return sizes;
  }

  static ToDoubleFunction<Timings> metric(String stage) {
    return switch (stage) {
      case "decode" -> Timings::decodeMs;
      case "cluster" -> Timings::clusterMs;
      case "render" -> Timings::renderMs;
      case "encode" -> Timings::encodeMs;
      default -> Timings::totalMs;
    };
  }

  private static Object call(Object target, String method) throws ReflectiveOperationException {
    return target.getClass().getMethod(method).invoke(target);
  }
}
