package palette.core;

import java.util.Locale;

/**
 * Why a palette could not be made. Every code is permanent: retrying the same bytes with the same
 * options gives the same error, so callers report it rather than retry.
 */
public enum ErrorCode {
  /** The bytes are not an image of any format we recognise (text, empty, random). */
  NOT_AN_IMAGE,
  /** A recognised image format or variant we cannot decode. */
  UNSUPPORTED_IMAGE,
  /** A recognised image that is truncated or damaged. */
  CORRUPT_IMAGE,
  /**
   * The declared width × height exceeds the pixel limit (checked before decoding), or decoding it
   * needs more memory than the process has.
   */
  TOO_MANY_PIXELS,
  /** The file is larger than the byte limit (checked before reading it). */
  FILE_TOO_LARGE,
  /** Every pixel is transparent, so there is nothing to cluster. */
  NO_OPAQUE_PIXELS,
  /** An option is out of range or malformed. */
  INVALID_OPTION;

  /** The lower-case id written to {@code error.json}, for example {@code not_an_image}. */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }
}
