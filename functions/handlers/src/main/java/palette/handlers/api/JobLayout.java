package palette.handlers.api;

import palette.handlers.FilmGrabRequest;
import palette.handlers.JobId;
import palette.handlers.OutputKeys;

/**
 * Where a job's files live. An upload's input key is {@code uploads/<job id>/<name>}; a film-grab
 * job's is the request object {@code filmgrab/<job id>.json}. The worker writes outputs in the
 * output bucket under a prefix that starts with the input key ({@link OutputKeys}), so everything a
 * job produced is found by listing {@link #prefix} or {@link #filmGrabKey} in either bucket.
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

  /** The request object of a film-grab job; its outputs are under this key plus a slash. */
  static String filmGrabKey(JobId job) {
    return FilmGrabRequest.PREFIX + job.value() + ".json";
  }
}
