package palette.core;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.util.Iterator;
import java.util.Locale;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.event.IIOReadWarningListener;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;

/**
 * Turns untrusted bytes into a {@link PixelImage}: format sniffed from the bytes, header checked
 * against the limits before any pixel memory is allocated, EXIF orientation applied.
 *
 * <p>ImageIO decoders are lenient in ways that would hide damage: a truncated JPEG decodes to gray
 * with only a warning, and a lying header can throw anything from {@code
 * ArrayIndexOutOfBoundsException} to {@code OutOfMemoryError}. All of that is turned into a {@link
 * PaletteException} here, so callers can report one clear reason.
 */
final class ImageDecoder {
  /** The most pixels a 4-byte-per-pixel raster can hold in one Java array. */
  static final long MAX_ARRAY_PIXELS = Integer.MAX_VALUE / 4;

  static {
    ImageIO.setUseCache(false); // never spill untrusted input to a temp file
  }

  private ImageDecoder() {}

  /**
   * @throws PaletteException with {@link ErrorCode#FILE_TOO_LARGE}, {@link ErrorCode#NOT_AN_IMAGE},
   *     {@link ErrorCode#UNSUPPORTED_IMAGE}, {@link ErrorCode#TOO_MANY_PIXELS} or {@link
   *     ErrorCode#CORRUPT_IMAGE}; never any other exception
   */
  static PixelImage decode(byte[] bytes, ImageLimits limits) {
    if (bytes.length > limits.maxBytes()) {
      throw new PaletteException(
          ErrorCode.FILE_TOO_LARGE,
          "the file is "
              + megabytes(bytes.length)
              + ", more than the limit of "
              + megabytes(limits.maxBytes()));
    }
    ImageFormat format = ImageFormat.sniff(bytes);
    if (format == ImageFormat.BMP) {
      checkBmpHeader(bytes, limits);
    }
    int orientation = ExifOrientation.of(bytes, format);
    ImageReader reader = reader(format);
    try {
      return read(reader, bytes, format, limits, orientation);
    } catch (PaletteException e) {
      throw e;
    } catch (OutOfMemoryError e) {
      throw corrupt(format, "not enough memory to decode it; its header may be lying", e);
    } catch (IOException | RuntimeException | Error e) {
      throw classify(format, e);
    } finally {
      reader.dispose();
    }
  }

  private static PixelImage read(
      ImageReader reader, byte[] bytes, ImageFormat format, ImageLimits limits, int orientation)
      throws IOException {
    try (ImageInputStream in = new MemoryCacheImageInputStream(new ByteArrayInputStream(bytes))) {
      reader.setInput(in, true, true);
      TruncationWarnings warnings = new TruncationWarnings();
      reader.addIIOReadWarningListener(warnings);
      int width = reader.getWidth(0);
      int height = reader.getHeight(0);
      checkSize(format, width, height, bytes.length, limits);
      checkStructure(format, bytes);
      BufferedImage image = reader.read(0, reader.getDefaultReadParam());
      if (warnings.message != null) {
        throw corrupt(format, "it is truncated (" + warnings.message + ")", null);
      }
      int[] argb = RasterConverter.toArgb(image);
      return OrientationTransform.apply(orientation, image.getWidth(), image.getHeight(), argb);
    }
  }

  /** Refuses a declared size before a single pixel is allocated. */
  private static void checkSize(
      ImageFormat format, int width, int height, int fileBytes, ImageLimits limits) {
    if (width < 1 || height < 1) {
      throw corrupt(format, "its header declares a size of " + width + "x" + height, null);
    }
    long pixels = (long) width * height;
    long limit = Math.min(limits.maxPixels(), MAX_ARRAY_PIXELS);
    if (pixels > limit) {
      throw new PaletteException(
          ErrorCode.TOO_MANY_PIXELS,
          String.format(
              Locale.ROOT,
              "the image is %dx%d (%.1f megapixels), more than the limit of %.1f megapixels",
              width,
              height,
              pixels / 1e6,
              limit / 1e6));
    }
    // Huffman coding spends at least one bit on every 8x8 block, so fewer bytes than that
    // means the file was cut short; refusing now avoids decoding megapixels of filler.
    long blocks = ((width + 7L) / 8) * ((height + 7L) / 8);
    if (format == ImageFormat.JPEG && blocks > 8L * fileBytes) {
      throw corrupt(
          format,
          "it is truncated: "
              + width
              + "x"
              + height
              + " pixels cannot fit in "
              + fileBytes
              + " bytes",
          null);
    }
  }

  /** Container checks the ImageIO readers skip; they run after the size check. */
  private static void checkStructure(ImageFormat format, byte[] bytes) {
    if (format == ImageFormat.PNG) {
      PngChunks.check(bytes);
    } else if (format == ImageFormat.WEBP) {
      WebpChunks.check(bytes);
    } else if (format == ImageFormat.JPEG) {
      JpegScans.check(bytes);
    }
  }

  /**
   * The JDK's BMP reader rejects a huge size with a vague "invalid width/height", so the declared
   * size is checked against the limit here first.
   */
  private static void checkBmpHeader(byte[] b, ImageLimits limits) {
    boolean core = (b[14] & 0xFF) == 12;
    int width = core ? (b[18] & 0xFF) | (b[19] & 0xFF) << 8 : le32(b, 18);
    int height = core ? (b[20] & 0xFF) | (b[21] & 0xFF) << 8 : le32(b, 22);
    if (width > 0 && height != 0 && height != Integer.MIN_VALUE) {
      checkSize(ImageFormat.BMP, width, Math.abs(height), b.length, limits);
    }
  }

  private static int le32(byte[] b, int pos) {
    return (b[pos] & 0xFF)
        | (b[pos + 1] & 0xFF) << 8
        | (b[pos + 2] & 0xFF) << 16
        | b[pos + 3] << 24;
  }

  private static ImageReader reader(ImageFormat format) {
    Iterator<ImageReader> readers =
        ImageIO.getImageReadersByFormatName(format.name().toLowerCase(Locale.ROOT));
    ImageReader chosen = null;
    while (readers.hasNext()) {
      ImageReader candidate = readers.next();
      // The TwelveMonkeys JPEG reader handles CMYK/YCCK and bad ICC profiles; it delegates
      // ordinary JPEGs to the JDK's native decoder.
      if (chosen == null || candidate.getClass().getName().startsWith("com.twelvemonkeys")) {
        chosen = candidate;
      }
    }
    if (chosen == null) {
      throw new PaletteException(
          ErrorCode.UNSUPPORTED_IMAGE, "no decoder for " + format.displayName() + " is installed");
    }
    return chosen;
  }

  private static PaletteException classify(ImageFormat format, Throwable e) {
    String detail = details(e);
    String lower = detail.toLowerCase(Locale.ROOT);
    if (e instanceof UnsupportedOperationException
        || lower.contains("unsupported")
        || lower.contains("not supported")) {
      return new PaletteException(
          ErrorCode.UNSUPPORTED_IMAGE,
          "this " + format.displayName() + " variant is not supported (" + detail + ")",
          e);
    }
    for (Throwable cause = e; cause != null; cause = cause.getCause()) {
      if (cause instanceof EOFException) {
        return corrupt(format, "it is truncated (the data ends early)", e);
      }
    }
    return corrupt(format, "it is damaged (" + detail + ")", e);
  }

  /** The decoder's message, with its underlying cause's message if that says more. */
  private static String details(Throwable e) {
    String detail = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    if (root != e && root.getMessage() != null && !detail.contains(root.getMessage())) {
      detail = detail + ": " + root.getMessage();
    }
    return oneLine(detail);
  }

  private static PaletteException corrupt(ImageFormat format, String why, Throwable cause) {
    return new PaletteException(
        ErrorCode.CORRUPT_IMAGE,
        "the " + format.displayName() + " image cannot be read: " + why,
        cause);
  }

  private static String oneLine(String text) {
    String flat = text.replaceAll("\\s+", " ").trim();
    return flat.length() > 160 ? flat.substring(0, 160) + "..." : flat;
  }

  private static String megabytes(long bytes) {
    return String.format(Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024.0));
  }

  /**
   * Remembers the first warning that says the data ended early: libjpeg reports a truncated file
   * this way and fills the missing rows with gray.
   */
  private static final class TruncationWarnings implements IIOReadWarningListener {
    String message;

    @Override
    public void warningOccurred(ImageReader source, String warning) {
      String lower = warning == null ? "" : warning.toLowerCase(Locale.ROOT);
      if (message == null
          && (lower.contains("premature end")
              || lower.contains("truncated")
              || lower.contains("end of file")
              || lower.contains("eof"))) {
        message = oneLine(warning);
      }
    }
  }
}
