package palette.core.format;

import palette.core.ErrorCode;

/**
 * A still the film palette had to leave out, and why: it could not be decoded, was over the size
 * limits, or had no opaque pixels. Reported in the film document instead of failing the whole film.
 *
 * @param name the still's name as given
 * @param code the engine's error code, the same one a single-image run would report
 * @param message one sentence a person can read
 */
public record SkippedStill(String name, ErrorCode code, String message) {
  public SkippedStill {
    if (name == null || code == null || message == null) {
      throw new IllegalArgumentException("name, code and message must not be null");
    }
  }
}
