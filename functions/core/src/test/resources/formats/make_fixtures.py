#!/usr/bin/env python3
"""Regenerates the decoder test fixtures: valid images of every supported format and variant in
this folder, and hostile or damaged files in ../malformed/ (expected error code before the "--"
in each name). Needs Pillow with WebP support. Run from anywhere:

    python3 functions/core/src/test/resources/formats/make_fixtures.py

Every image is built from the same 64x32 picture of four flat quadrants so that tests can check
sampled pixels and orientation: red top-left, green top-right, blue bottom-left, white
bottom-right. The outputs are deterministic; tests assert decoded pixels, never file bytes.
"""
import io
import os
import random
import struct
import zlib

from PIL import Image

HERE = os.path.dirname(os.path.abspath(__file__))
MALFORMED = os.path.join(os.path.dirname(HERE), "malformed")

W, H = 64, 32
RED, GREEN, BLUE, WHITE = (255, 0, 0), (0, 255, 0), (0, 0, 255), (255, 255, 255)


def quadrants(mode="RGB", colours=(RED, GREEN, BLUE, WHITE), size=(W, H)):
    w, h = size
    im = Image.new(mode, size)
    boxes = [(0, 0, w // 2, h // 2), (w // 2, 0, w, h // 2), (0, h // 2, w // 2, h), (w // 2, h // 2, w, h)]
    for box, colour in zip(boxes, colours):
        im.paste(colour, box)
    return im


def save(im, name, **options):
    im.save(os.path.join(HERE, name), **options)


def write(folder, name, data):
    with open(os.path.join(folder, name), "wb") as f:
        f.write(data)


def encoded(im, fmt, **options):
    buf = io.BytesIO()
    im.save(buf, fmt, **options)
    return buf.getvalue()


# --- raw PNG writing, for variants Pillow cannot write and for damaged files ---------------------

def chunk(kind, data, crc=None):
    if crc is None:
        crc = zlib.crc32(kind + data) & 0xFFFFFFFF
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", crc)


def png(width, height, colour_type, depth, raw_rows, extra=b"", interlace=0):
    ihdr = struct.pack(">IIBBBBB", width, height, depth, colour_type, 0, 0, interlace)
    idat = zlib.compress(b"".join(b"\0" + row for row in raw_rows), 9)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + extra + chunk(b"IDAT", idat) + chunk(b"IEND", b"")


def rgb16_rows(alpha):
    """16-bit samples that test rounding to 8 bits: 0x8080 is exactly 128, 0x0081 rounds up to 1."""
    tl = (0xFFFF, 0x0081, 0x0080) + ((0xFFFF,) if alpha else ())
    tr = (0x0000, 0x8080, 0x0000) + ((0x8080,) if alpha else ())
    bl = (0x0000, 0x0000, 0xFFFF) + ((0x0000,) if alpha else ())
    br = (0x1111, 0x2222, 0x3333) + ((0xFFFF,) if alpha else ())
    fmt = ">" + "H" * len(tl)
    rows = []
    for y in range(H):
        left, right = (tl, tr) if y < H // 2 else (bl, br)
        rows.append(b"".join(struct.pack(fmt, *(left if x < W // 2 else right)) for x in range(W)))
    return rows


def gray16_rows():
    """0x1111 is 17 and 0x8080 is 128 exactly; 0x0081 rounds up to 1, 0x0080 down to 0."""
    rows = []
    for y in range(H):
        left, right = (0x1111, 0x8080) if y < H // 2 else (0x0081, 0x0080)
        rows.append(b"".join(struct.pack(">H", left if x < W // 2 else right) for x in range(W)))
    return rows


def exif_orientation(value, big_endian=True):
    if big_endian:
        return b"MM\0\x2a\0\0\0\x08\0\x01" + struct.pack(">HHIHH", 0x0112, 3, 1, value, 0) + b"\0\0\0\0"
    return b"II\x2a\0\x08\0\0\0\x01\0" + struct.pack("<HHIHH", 0x0112, 3, 1, value, 0) + b"\0\0\0\0"


# Stored = inverse of the EXIF transform, so that applying orientation N turns it upright again.
INVERSE = {
    1: None,
    2: Image.Transpose.FLIP_LEFT_RIGHT,
    3: Image.Transpose.ROTATE_180,
    4: Image.Transpose.FLIP_TOP_BOTTOM,
    5: Image.Transpose.TRANSPOSE,
    6: Image.Transpose.ROTATE_90,
    7: Image.Transpose.TRANSVERSE,
    8: Image.Transpose.ROTATE_270,
}


def exif_bytes(orientation):
    exif = Image.Exif()
    exif[0x0112] = orientation
    return exif.tobytes()


def stored_for(orientation, upright):
    op = INVERSE[orientation]
    return upright if op is None else upright.transpose(op)


def formats():
    q = quadrants()
    save(q, "jpeg-baseline.jpg", quality=95)
    save(q, "jpeg-progressive.jpg", quality=95, progressive=True)
    save(quadrants("L", (17, 68, 136, 255)), "jpeg-gray.jpg", quality=100)
    save(q.convert("CMYK"), "jpeg-cmyk.jpg", quality=95)
    save(q.convert("CMYK"), "jpeg-cmyk-icc.jpg", quality=95, icc_profile=cmyk_profile())
    # A profile header claiming 2 GB: the profile must be ignored, not allocated.
    with_icc = encoded(q.convert("CMYK"), "JPEG", quality=95, icc_profile=cmyk_profile())
    size_at = with_icc.index(b"ICC_PROFILE\0") + 14
    lying = with_icc[:size_at] + struct.pack(">I", 0x7FFFFFF0) + with_icc[size_at + 4:]
    write(HERE, "jpeg-cmyk-icc-size-lies.jpg", lying)
    app2 = lying.index(b"\xff\xe2")  # the colour reader finds the profile under any APPn marker
    write(HERE, "jpeg-cmyk-icc-size-lies-under-app0.jpg", lying[:app2 + 1] + b"\xe0" + lying[app2 + 2:])
    # Wide-gamut RGB: (200, 0, 0) there is (234, 0, 0) in sRGB (as converted by LittleCMS).
    save(Image.new("RGB", (W, H), (200, 0, 0)), "jpeg-adobe-rgb.jpg", quality=95, icc_profile=adobe_rgb_profile())
    for n in range(1, 9):
        save(stored_for(n, q), "jpeg-orientation-%d.jpg" % n, quality=95, exif=exif_bytes(n))

    save(q, "png-rgb.png")
    write(HERE, "png-interlaced.png", png_interlaced(q))
    rgba = quadrants("RGBA", (RED + (255,), GREEN + (128,), BLUE + (0,), WHITE + (255,)))
    save(rgba, "png-rgba.png")
    save(quadrants("L", (0, 17, 128, 255)), "png-gray.png")
    save(quadrants("LA", ((17, 255), (68, 128), (136, 0), (255, 255))), "png-gray-alpha.png")
    write(HERE, "png-gray16.png", png(W, H, 0, 16, gray16_rows()))
    write(HERE, "png-rgb16.png", png(W, H, 2, 16, rgb16_rows(False)))
    write(HERE, "png-rgba16.png", png(W, H, 6, 16, rgb16_rows(True)))
    pal = quadrants("RGB", (RED, GREEN, BLUE, WHITE)).quantize(4)
    save(pal, "png-palette-trns.png", transparency=pal.getpixel((0, H - 1)))
    save(quadrants("RGB").quantize(4), "png-palette-2bit.png", bits=2)
    save(quadrants("1", (0, 255, 255, 0)), "png-1bit.png")
    save(q, "png-rgb-trns.png", transparency=BLUE)
    save(stored_for(6, q), "png-exif-orientation-6.png", exif=exif_bytes(6))

    second = Image.new("RGB", (W, H), (255, 255, 0)).quantize(4)
    first = quadrants("RGB").quantize(4)
    transparent = first.getpixel((W - 1, H - 1))  # the white quadrant
    first.save(os.path.join(HERE, "gif-two-frames.gif"), save_all=True, append_images=[second],
               transparency=transparent, duration=100, loop=0, disposal=2)

    save(q, "bmp-24.bmp")
    save(quadrants("RGB").quantize(4), "bmp-8bit-palette.bmp")
    save(quadrants("1", (0, 255, 255, 0)), "bmp-1bit.bmp")
    save(quadrants("RGBA", (RED + (255,), GREEN + (255,), BLUE + (255,), WHITE + (255,))), "bmp-32.bmp")
    write(HERE, "bmp-top-down.bmp", top_down(encoded(q, "BMP")))

    save(q, "webp-lossy.webp", quality=95)
    save(rgba, "webp-lossless-alpha.webp", lossless=True)
    save(stored_for(8, q), "webp-exif-orientation-8.webp", lossless=True, exif=exif_bytes(8))


def png_interlaced(im):
    rows = [bytes(b for x in range(W) for b in im.getpixel((x, y))) for y in range(H)]
    # Adam7 sub-images: interlacing is a decoder path of its own, so write it by hand.
    passes = [(0, 0, 8, 8), (4, 0, 8, 8), (0, 4, 4, 8), (2, 0, 4, 4), (0, 2, 2, 4), (1, 0, 2, 2), (0, 1, 1, 2)]
    data = b""
    for x0, y0, dx, dy in passes:
        for y in range(y0, H, dy):
            line = b"".join(rows[y][3 * x:3 * x + 3] for x in range(x0, W, dx))
            if line:
                data += b"\0" + line
    ihdr = struct.pack(">IIBBBBB", W, H, 8, 2, 0, 0, 1)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IDAT", zlib.compress(data, 9))
            + chunk(b"IEND", b""))


def top_down(bmp):
    """Rewrites a bottom-up 24-bit BMP as top-down (negative height), a valid variant."""
    offset, = struct.unpack_from("<I", bmp, 10)
    width, height = struct.unpack_from("<ii", bmp, 18)
    stride = (width * 3 + 3) & ~3
    rows = [bmp[offset + i * stride: offset + (i + 1) * stride] for i in range(height)]
    return bmp[:22] + struct.pack("<i", -height) + bmp[26:offset] + b"".join(reversed(rows))


def cmyk_profile():
    """A tiny but real ICC v2 CMYK profile (lut16 A2B0 with a 2-point grid to Lab), since no
    CMYK profile ships with the JDK or Pillow. Naive ink model (each ink removes its complement)
    except that full magenta + yellow prints orange (255, 102, 0), not red: a test can then tell
    that the embedded profile, not a default one, was applied."""
    def lab(r, g, b):
        # sRGB -> XYZ (D50, via Bradford-adapted matrix) -> Lab
        def lin(c):
            return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4
        r, g, b = lin(r), lin(g), lin(b)
        x = 0.4360747 * r + 0.3850649 * g + 0.1430804 * b
        y = 0.2225045 * r + 0.7168786 * g + 0.0606169 * b
        z = 0.0139322 * r + 0.0971045 * g + 0.7141733 * b
        xn, yn, zn = 0.9642, 1.0, 0.8249

        def f(t):
            return t ** (1 / 3) if t > 216 / 24389 else (24389 / 27 * t + 16) / 116
        fx, fy, fz = f(x / xn), f(y / yn), f(z / zn)
        return 116 * fy - 16, 500 * (fx - fy), 200 * (fy - fz)

    grid = b""
    for c in (0, 1):
        for m in (0, 1):
            for y in (0, 1):
                for k in (0, 1):
                    rgb = ((1 - c) * (1 - k), (1 - m) * (1 - k), (1 - y) * (1 - k))
                    if (c, m, y, k) == (0, 1, 1, 0):
                        rgb = (1.0, 0.4, 0.0)
                    L, a, bb = lab(*rgb)
                    # lut16 Lab encoding (v2): L 0..100 -> 0..0xFF00, a/b -128..127.996 -> 0..0xFFFF
                    grid += struct.pack(">HHH", round(L * 652.8), round((a + 128) * 256), round((bb + 128) * 256))
    identity = struct.pack(">HH", 0, 0xFFFF)
    a2b0 = (b"mft2\0\0\0\0" + bytes([4, 3, 2, 0]) + struct.pack(">9i", 65536, 0, 0, 0, 65536, 0, 0, 0, 65536)
            + struct.pack(">HH", 2, 2) + identity * 4 + grid + identity * 3)
    # The reverse direction (Lab -> CMYK) is required by Java's colour management; gray-only ink.
    b2a0_grid = b"".join(struct.pack(">HHHH", 0, 0, 0, 0xFFFF - 0xFFFF * L) for L in (0, 1) for _ in range(4))
    b2a0 = (b"mft2\0\0\0\0" + bytes([3, 4, 2, 0]) + struct.pack(">9i", 65536, 0, 0, 0, 65536, 0, 0, 0, 65536)
            + struct.pack(">HH", 2, 2) + identity * 3 + b2a0_grid + identity * 4)
    return icc_profile(b"prtr", b"CMYK", b"Lab ", b"Naive CMYK", [(b"A2B0", a2b0), (b"B2A0", b2a0)])


def adobe_rgb_profile():
    """A matrix/curve RGB profile with Adobe RGB (1998) primaries (D50-adapted) and gamma 2.2."""
    def xyz(x, y, z):
        return b"XYZ \0\0\0\0" + struct.pack(">3i", round(x * 65536), round(y * 65536), round(z * 65536))
    gamma = b"curv\0\0\0\0" + struct.pack(">IH", 1, 563)  # u8Fixed8 563/256 = 2.2
    return icc_profile(b"mntr", b"RGB ", b"XYZ ", b"Wide RGB", [
        (b"rXYZ", xyz(0.6097, 0.3111, 0.0195)), (b"gXYZ", xyz(0.2053, 0.6257, 0.0609)),
        (b"bXYZ", xyz(0.1492, 0.0632, 0.7446)),
        (b"rTRC", gamma), (b"gTRC", gamma), (b"bTRC", gamma)])


def icc_profile(device_class, space, pcs, description, tags):
    """An ICC v2 profile: header, tag table, and the tags every profile needs plus ``tags``."""
    desc_text = description + b"\0"
    desc = (b"desc\0\0\0\0" + struct.pack(">I", len(desc_text)) + desc_text + b"\0" * 12 + b"\0" * 67)
    wtpt = b"XYZ \0\0\0\0" + struct.pack(">3i", round(0.9642 * 65536), 65536, round(0.8249 * 65536))
    cprt = b"text\0\0\0\0public domain\0"
    tags = [(b"desc", desc), (b"wtpt", wtpt), (b"cprt", cprt)] + tags
    offset = 128 + 4 + 12 * len(tags)
    table, body = b"", b""
    for sig, data in tags:
        while len(data) % 4:
            data += b"\0"
        table += sig + struct.pack(">II", offset + len(body), len(data))
        body += data
    size = offset + len(body)
    header = (struct.pack(">I", size) + b"none" + bytes([2, 0x20, 0, 0]) + device_class + space + pcs
              + b"\0" * 12 + b"acsp" + b"\0" * 4 + b"\0" * 4 + b"\0" * 8 + b"\0" * 8 + b"\0" * 4
              + struct.pack(">3i", round(0.9642 * 65536), 65536, round(0.8249 * 65536)) + b"\0" * 4
              + b"\0" * 16 + b"\0" * 28)
    assert len(header) == 128, len(header)
    return header + struct.pack(">I", len(tags)) + table + body


# --- damaged and hostile files ------------------------------------------------------------------

def noisy(size=(64, 64)):
    rnd = random.Random(7)
    im = Image.new("RGB", size)
    im.putdata([(x * 4, y * 4, rnd.randrange(256)) for y in range(size[1]) for x in range(size[0])])
    return im


def bad(name, data):
    write(MALFORMED, name, data)


def malformed():
    os.makedirs(MALFORMED, exist_ok=True)
    for old in os.listdir(MALFORMED):
        os.remove(os.path.join(MALFORMED, old))
    rnd = random.Random(11)
    jpeg = encoded(noisy(), "JPEG", quality=90)
    progressive = encoded(noisy(), "JPEG", quality=90, progressive=True)
    png_ok = encoded(noisy(), "PNG")
    gif = encoded(noisy().quantize(64), "GIF")
    bmp = encoded(noisy(), "BMP")
    webp_lossy = encoded(noisy(), "WEBP", quality=80)
    webp_lossless = encoded(noisy(), "WEBP", lossless=True)

    # not images at all
    bad("not_an_image--empty.jpg", b"")
    bad("not_an_image--text.jpg", b"this is not a photo\n")
    bad("not_an_image--html.png", b"<!DOCTYPE html><html><body><img src=x.png></body></html>\n")
    bad("not_an_image--random.bin", bytes(rnd.randrange(1, 256) for _ in range(2048)))
    bad("not_an_image--zeros.png", bytes(1024))
    bad("not_an_image--one-byte.gif", b"G")
    bad("not_an_image--png-signature-prefix.png", b"\x89PNG")
    bad("not_an_image--gif-signature-wrong-version.gif", b"GIF88a" + bytes(20))
    bad("not_an_image--bm-text.bmp", b"BMW is a car, not a bitmap.\n")
    bad("not_an_image--riff-wav.webp", b"RIFF\x24\0\0\0WAVEfmt " + bytes(24))
    bad("not_an_image--json.jpg", b'{"image": "no"}\n')
    bad("not_an_image--utf16-text.png", "not an image".encode("utf-16"))

    # recognised image formats we do not decode
    bad("unsupported_image--tiff.tif", b"II*\0\x08\0\0\0" + bytes(64))
    bad("unsupported_image--heic.heic", b"\0\0\0\x18ftypheic\0\0\0\0mif1heic" + bytes(32))
    bad("unsupported_image--avif.avif", b"\0\0\0\x1cftypavif\0\0\0\0avifmif1miaf" + bytes(32))
    bad("unsupported_image--jpeg-xl.jxl", b"\xff\x0a" + bytes(32))
    bad("unsupported_image--psd.psd", b"8BPS\0\x01" + bytes(32))
    sof = jpeg.index(b"\xff\xc0")

    # JPEG damage
    bad("corrupt_image--jpeg-soi-only.jpg", b"\xff\xd8")
    bad("corrupt_image--jpeg-soi-eoi.jpg", b"\xff\xd8\xff\xd9")
    bad("corrupt_image--jpeg-exif-but-no-frame.jpg", b"\xff\xd8\xff\xe1\0\x26Exif\0\0" + exif_orientation(6) + b"\xff\xd9")
    bad("corrupt_image--jpeg-truncated-half.jpg", jpeg[: len(jpeg) // 2])
    bad("corrupt_image--jpeg-truncated-90pct.jpg", jpeg[: len(jpeg) * 9 // 10])
    bad("corrupt_image--jpeg-truncated-in-header.jpg", jpeg[:sof + 6])
    sos = jpeg.index(b"\xff\xda")
    bad("corrupt_image--jpeg-truncated-before-scan.jpg", jpeg[:sos])
    bad("corrupt_image--jpeg-truncated-in-scan-header.jpg", jpeg[:sos + 6])
    bad("corrupt_image--jpeg-progressive-truncated.jpg", progressive[: len(progressive) // 2])
    bad("corrupt_image--jpeg-zero-width.jpg", jpeg[:sof + 7] + b"\0\0" + jpeg[sof + 9:])
    bad("corrupt_image--jpeg-segment-length-too-long.jpg", jpeg[:4] + b"\xff\xff" + jpeg[6:])
    bad("corrupt_image--jpeg-no-quant-tables.jpg", strip_segment(jpeg, 0xDB))
    bad("corrupt_image--jpeg-tiny-claims-large.jpg", jpeg[:sof + 5] + struct.pack(">HH", 8000, 8000) + jpeg[sof + 9:sos + 40])

    bad("unsupported_image--jpeg-progressive-scan-bomb.jpg", scan_bomb())

    # PNG damage
    ihdr_end = 8 + 8 + 13 + 4
    bad("corrupt_image--png-signature-only.png", png_ok[:8])
    bad("corrupt_image--png-truncated-in-ihdr.png", png_ok[:20])
    bad("corrupt_image--png-truncated-half.png", png_ok[: len(png_ok) // 2])
    bad("corrupt_image--png-no-iend-truncated-idat.png", png_ok[: len(png_ok) - 30])
    bad("corrupt_image--png-bad-ihdr-crc.png", png_ok[: ihdr_end - 1] + bytes([png_ok[ihdr_end - 1] ^ 0xFF]) + png_ok[ihdr_end:])
    idat = png_ok.index(b"IDAT")
    bad("corrupt_image--png-bad-idat-crc.png", flip_byte(png_ok, idat + 4 + 10))
    bad("corrupt_image--png-chunk-length-huge.png", png_ok[:idat - 4] + b"\x7f\xff\xff\xff" + png_ok[idat:])
    bad("corrupt_image--png-chunk-length-negative.png", png_ok[:idat - 4] + b"\xff\xff\xff\xff" + png_ok[idat:])
    bad("corrupt_image--png-no-idat.png", png_ok[:ihdr_end] + chunk(b"IEND", b""))
    bad("corrupt_image--png-idat-not-zlib.png", png_ok[:ihdr_end] + chunk(b"IDAT", bytes(rnd.randrange(256) for _ in range(300))) + chunk(b"IEND", b""))
    bad("corrupt_image--png-zero-width.png", png(0, 16, 2, 8, [b""] * 16))
    bad("corrupt_image--png-bad-colour-type.png", png_with_ihdr(16, 16, 8, 5))
    bad("corrupt_image--png-bad-bit-depth.png", png_with_ihdr(16, 16, 3, 2))
    bad("corrupt_image--png-palette-missing-plte.png", png(16, 16, 3, 8, [bytes(16)] * 16))
    bad("corrupt_image--png-idat-too-short.png", png(16, 16, 2, 8, [bytes(48)] * 4))
    bad("corrupt_image--png-first-chunk-not-ihdr.png", b"\x89PNG\r\n\x1a\n" + chunk(b"IDAT", zlib.compress(bytes(100))) + chunk(b"IEND", b""))

    # GIF damage
    bad("corrupt_image--gif-header-only.gif", b"GIF89a")
    bad("corrupt_image--gif-screen-only.gif", gif[:13])
    bad("corrupt_image--gif-no-image.gif", b"GIF89a\x10\0\x10\0\0\0\0\x3b")
    bad("corrupt_image--gif-truncated-half.gif", gif[: len(gif) // 2])
    bad("corrupt_image--gif-frame-larger-than-data.gif", gif_bomb(8000, 8000, 8000, 8000))
    bad("corrupt_image--gif-truncated-after-descriptor.gif", gif[: gif.index(b"\x2c") + 10])

    # BMP damage
    bad("corrupt_image--bmp-header-only.bmp", bmp[:54])
    bad("corrupt_image--bmp-truncated-in-info-header.bmp", bmp[:24])
    bad("corrupt_image--bmp-truncated-half.bmp", bmp[: len(bmp) // 2])
    bad("corrupt_image--bmp-negative-width.bmp", bmp[:18] + struct.pack("<i", -64) + bmp[22:])
    bad("corrupt_image--bmp-zero-height.bmp", bmp[:22] + struct.pack("<i", 0) + bmp[26:])
    bad("corrupt_image--bmp-min-int-height.bmp", bmp[:22] + struct.pack("<i", -2 ** 31) + bmp[26:])
    bad("corrupt_image--bmp-bad-bit-count.bmp", bmp[:28] + struct.pack("<H", 7) + bmp[30:])
    bad("corrupt_image--bmp-pixel-offset-past-end.bmp", bmp[:10] + struct.pack("<I", 10 ** 9) + bmp[14:])

    # WebP damage
    bad("corrupt_image--webp-riff-header-only.webp", webp_lossy[:12])
    bad("corrupt_image--webp-lossy-truncated.webp", webp_lossy[: len(webp_lossy) // 2])
    bad("corrupt_image--webp-lossless-truncated.webp", webp_lossless[: len(webp_lossless) // 2])
    bad("corrupt_image--webp-chunk-header-only.webp", webp_lossy[:20])
    bad("corrupt_image--webp-riff-size-too-large.webp", webp_lossless[:4] + struct.pack("<I", len(webp_lossless) + 100) + webp_lossless[8:])
    exif_webp = encoded(stored_for(8, quadrants()), "WEBP", lossless=True, exif=exif_bytes(8))
    vp8x = exif_webp.index(b"VP8X") + 8
    bad("corrupt_image--webp-canvas-larger-than-image.webp", exif_webp[:vp8x + 4] + (31).to_bytes(3, "little") + (49999).to_bytes(3, "little") + exif_webp[vp8x + 10:])
    lossless_alpha = encoded(quadrants("RGBA", (RED + (255,), GREEN + (128,), BLUE + (0,), WHITE + (255,))), "WEBP", lossless=True)
    # One bit flipped in the entropy-code header: the decoder then reads far past the end.
    bad("corrupt_image--webp-lossless-reads-past-end.webp", lossless_alpha[:39] + bytes([lossless_alpha[39] & 0x7F]) + lossless_alpha[40:])
    vp8l = exif_webp.index(b"VP8L")
    bad("corrupt_image--webp-extended-without-image.webp", exif_webp[:vp8l] + b"XXXX" + exif_webp[vp8l + 4:])
    bad("corrupt_image--webp-vp8-garbage.webp", webp_lossy[:30] + bytes(rnd.randrange(256) for _ in range(200)))

    # decompression bombs: a few hundred bytes that declare billions of pixels
    bad("too_many_pixels--png-100k-by-100k.png", png_with_ihdr(100000, 100000, 8, 2, zlib.compress(bytes(100))))
    bad("too_many_pixels--png-max-int-size.png", png_with_ihdr(2 ** 31 - 1, 2 ** 31 - 1, 8, 6, zlib.compress(bytes(100))))
    bad("too_many_pixels--png-11k-by-10k.png", png_with_ihdr(11000, 10000, 1, 0, zlib.compress(bytes(20000), 9)))
    bad("too_many_pixels--jpeg-65500-square.jpg", jpeg[:sof + 5] + struct.pack(">HH", 65500, 65500) + jpeg[sof + 9:])
    bad("too_many_pixels--jpeg-progressive-65500.jpg", sof_resize(progressive, 65500, 65500))
    bad("too_many_pixels--gif-65535-square.gif", gif_bomb(65535, 65535))
    bad("too_many_pixels--gif-small-screen-huge-frame.gif", gif_bomb(16, 16))
    bad("too_many_pixels--bmp-100k-square.bmp", bmp[:18] + struct.pack("<ii", 100000, 100000) + bmp[26:])
    bad("too_many_pixels--bmp-top-down-huge.bmp", bmp[:18] + struct.pack("<ii", 50000, -50000) + bmp[26:])
    bad("too_many_pixels--webp-lossless-16k.webp", vp8l_resize(webp_lossless, 16384, 16384))
    bad("too_many_pixels--webp-lossy-16k.webp", vp8_resize(webp_lossy, 16383, 16383))


def scan_bomb():
    """A flat 2048x2048 progressive JPEG whose last scan is repeated 400 times: the JDK decoder
    renders the whole image once per scan, so this 31 KB file would take seconds to decode."""
    data = encoded(Image.new("L", (2048, 2048), 100), "JPEG", quality=90, progressive=True)
    last = data.rindex(b"\xff\xda")
    end = data.rindex(b"\xff\xd9")
    return data[:end] + data[last:end] * 400 + data[end:]


def flip_byte(data, index):
    return data[:index] + bytes([data[index] ^ 0xFF]) + data[index + 1:]


def png_with_ihdr(width, height, depth, colour_type, idat=None):
    ihdr = struct.pack(">IIBBBBB", width, height, depth, colour_type, 0, 0, 0)
    idat = idat if idat is not None else zlib.compress(bytes(100))
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IDAT", idat) + chunk(b"IEND", b"")


def strip_segment(jpeg, marker):
    out, pos = jpeg[:2], 2
    while jpeg[pos + 1] != 0xDA:
        length, = struct.unpack_from(">H", jpeg, pos + 2)
        if jpeg[pos + 1] != marker:
            out += jpeg[pos:pos + 2 + length]
        pos += 2 + length
    return out + jpeg[pos:]


def sof_resize(jpeg, width, height):
    sof = jpeg.index(b"\xff\xc2")
    return jpeg[:sof + 5] + struct.pack(">HH", height, width) + jpeg[sof + 9:]


def gif_bomb(screen_width, screen_height, width=65535, height=65535):
    screen = b"GIF89a" + struct.pack("<HH", screen_width, screen_height) + b"\x80\0\0" + bytes(6)
    descriptor = b"\x2c" + struct.pack("<HHHH", 0, 0, width, height) + b"\0"
    return screen + descriptor + b"\x02\x02\x44\x01\0\x3b"


def vp8l_resize(webp, width, height):
    pos = webp.index(b"VP8L") + 8 + 1  # after the 0x2f signature byte
    bits = struct.unpack_from("<I", webp, pos)[0]
    bits = (bits & ~0x0FFFFFFF) | (width - 1) | ((height - 1) << 14)
    return webp[:pos] + struct.pack("<I", bits) + webp[pos + 4:]


def vp8_resize(webp, width, height):
    pos = webp.index(b"\x9d\x01\x2a") + 3  # after the key-frame start code
    return webp[:pos] + struct.pack("<HH", width, height) + webp[pos + 4:]


if __name__ == "__main__":
    formats()
    malformed()
