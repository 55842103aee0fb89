package palette.core.image;

import java.awt.image.BufferedImage;
import java.io.EOFException;
import java.io.IOException;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.event.IIOReadWarningListener;
import javax.imageio.spi.IIORegistry;
import javax.imageio.spi.ImageReaderSpi;
import javax.imageio.stream.ImageInputStream;
import palette.core.ErrorCode;
import palette.core.PaletteException;
import palette.core.options.ImageLimits;

/**
 * Turns untrusted bytes into a {@link PixelImage}: format sniffed from the bytes, header checked
 * against the limits before any pixel memory is allocated, EXIF orientation applied.
 *
 * <p>ImageIO decoders are lenient in ways that would hide damage: a truncated JPEG decodes to gray
 * with only a warning, and a lying header can throw anything from {@code
 * ArrayIndexOutOfBoundsException} to {@code OutOfMemoryError}. All of that is turned into a {@link
 * PaletteException} here, so callers can report one clear reason.
 */
public final class ImageDecoder {
  static {
    ImageIO.setUseCache(false); // never spill untrusted input to a temp file
  }

  private ImageDecoder() {}

  /**
   * @throws PaletteException with {@link ErrorCode#FILE_TOO_LARGE}, {@link ErrorCode#NOT_AN_IMAGE},
   *     {@link ErrorCode#UNSUPPORTED_IMAGE}, {@link ErrorCode#TOO_MANY_PIXELS} or {@link
   *     ErrorCode#CORRUPT_IMAGE}; never any other exception
   */
  public static PixelImage decode(byte[] bytes, ImageLimits limits) {
    if (bytes.length > limits.maxBytes()) {
      throw new PaletteException(
          ErrorCode.FILE_TOO_LARGE,
          "the file is "
              + megabytes(bytes.length)
              + ", more than the limit of "
              + megabytes(limits.maxBytes()));
    }
    ImageFormat format = ImageFormat.sniff(bytes);
    byte[] data = format == ImageFormat.JPEG ? JpegSegments.check(bytes) : bytes;
    if (format == ImageFormat.BMP) {
      DeclaredSize.checkBmp(bytes, limits);
    }
    int orientation = ExifOrientation.of(bytes, format);
    ImageReader reader = reader(format);
    try {
      return read(reader, data, format, limits, orientation);
    } catch (PaletteException e) {
      throw e;
    } catch (OutOfMemoryError e) {
      throw corrupt(format, "not enough memory to decode it; its header may be lying", e);
    } catch (LinkageError e) {
      throw e; // a broken build, not a broken image
    } catch (IOException | RuntimeException | Error e) {
      throw classify(format, e);
    } finally {
      reader.dispose();
    }
  }

  private static PixelImage read(
      ImageReader reader, byte[] bytes, ImageFormat format, ImageLimits limits, int orientation)
      throws IOException {
    try (ImageInputStream in = new ByteArrayImageInput(bytes, format)) {
      reader.setInput(in, true, true);
      TruncationWarnings warnings = new TruncationWarnings();
      reader.addIIOReadWarningListener(warnings);
      int width = reader.getWidth(0);
      int height = reader.getHeight(0);
      DeclaredSize.check(format, width, height, bytes.length, limits);
      checkStructure(format, bytes);
      try {
        UprightRows rows =
            format == ImageFormat.JPEG && JpegSegments.plainColour(bytes)
                ? UprightRows.forType(firstType(reader), width, height, orientation)
                : null;
        ImageReadParam param = reader.getDefaultReadParam();
        if (rows != null) {
          param.setDestination(rows.destination());
        }
        BufferedImage image = reader.read(0, param);
        if (warnings.message != null) {
          throw corrupt(format, "it is truncated (" + warnings.message + ")", null);
        }
        if (rows != null && image.getRaster() == rows) {
          return rows.upright();
        }
        int[] argb = RasterConverter.toArgb(image);
        return OrientationTransform.apply(orientation, image.getWidth(), image.getHeight(), argb);
      } catch (OutOfMemoryError e) {
        // the header passed every check: the image is real, the memory is short
        throw DeclaredSize.tooLargeForMemory(width, height, Runtime.getRuntime().maxMemory());
      }
    }
  }

  /** The type a read without a destination would decode to, or null if the reader offers none. */
  private static ImageTypeSpecifier firstType(ImageReader reader) throws IOException {
    Iterator<ImageTypeSpecifier> types = reader.getImageTypes(0);
    return types.hasNext() ? types.next() : null;
  }

  /** Container checks the ImageIO readers skip; they run after the size check. */
  private static void checkStructure(ImageFormat format, byte[] bytes) {
    if (format == ImageFormat.PNG) {
      PngChunks.check(bytes);
    } else if (format == ImageFormat.WEBP) {
      WebpChunks.check(bytes);
    }
  }

  private static ImageReader reader(ImageFormat format) {
    String name = format.name().toLowerCase(Locale.ROOT);
    Iterator<ImageReaderSpi> providers =
        IIORegistry.getDefaultInstance().getServiceProviders(ImageReaderSpi.class, true);
    ImageReaderSpi chosen = null;
    while (providers.hasNext()) {
      ImageReaderSpi candidate = providers.next();
      // The TwelveMonkeys JPEG reader handles CMYK/YCCK and bad ICC profiles; it delegates
      // ordinary JPEGs to the JDK's native decoder.
      if (List.of(candidate.getFormatNames()).contains(name)
          && (chosen == null || candidate.getClass().getName().startsWith("com.twelvemonkeys"))) {
        chosen = candidate;
      }
    }
    if (chosen == null) {
      throw new PaletteException(
          ErrorCode.UNSUPPORTED_IMAGE, "no decoder for " + format.displayName() + " is installed");
    }
    try {
      return chosen.createReaderInstance();
    } catch (IOException e) {
      // An installed decoder that cannot start is a broken build, not a bad image.
      throw new IllegalStateException(
          "the "
              + format.displayName()
              + " decoder "
              + chosen.getClass().getName()
              + " could not be created",
          e);
    }
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

  static PaletteException corrupt(ImageFormat format, String why, Throwable cause) {
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
      // libjpeg: "Premature end of JPEG file"; TwelveMonkeys: "Truncated File - Missing EOI".
      // Other warnings (a bad ICC profile, extraneous bytes) leave a usable image.
      if (message == null
          && (lower.contains("premature end") || lower.startsWith("truncated file"))) {
        message = oneLine(warning);
      }
    }
  }
}
