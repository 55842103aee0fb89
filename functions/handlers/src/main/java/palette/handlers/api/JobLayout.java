package palette.handlers.api;

/**
 * Where a job's files live. The API makes the input key {@code uploads/<job id>/<name>}; the worker
 * writes its outputs in the output bucket under a prefix that starts with the input key, so
 * everything a job produced is found by listing {@code uploads/<job id>/} in either bucket.
 */
final class JobLayout {
  static final String UPLOADS = "uploads/";

  private JobLayout() {}

  static String inputKey(JobId job, String safeName) {
    return prefix(job) + safeName;
  }

  static String prefix(JobId job) {
    return UPLOADS + job.value() + "/";
  }
}
