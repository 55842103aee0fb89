#!/usr/bin/python3
"""Accent check on the Hubble deep field: are the palette's colours visibly apart, and do the
reddest galaxies get a colour of their own?

For k = 6, 16 and 32, runs palette.core.cluster.QualityBench on the photo the core tests use and
prints: the closest pair of palette colours (ΔE00), how many pairs are under ΔE00 2.3, how far
(ΔE00) the mean of the pixels of chroma 50 and more is from the nearest palette colour, and the
MSE. With --baseline, the same for another build first; with --swatches DIR, writes
DIR/hubble-k16.png and DIR/hubble-k32.png, the two palettes sorted by lightness, one row each.

  mvn -B -o -q -pl functions/core test-compile
  /usr/bin/python3 bench/accents.py [--baseline OLD/functions/core/target/classes:OLD/...test-classes]
                                    [--swatches docs/img]
Needs numpy, Pillow and scikit-image (Debian: python3-skimage python3-pil).
"""

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

import numpy as np
from PIL import Image, ImageDraw
from skimage import color

sys.path.insert(0, str(Path(__file__).resolve().parent))
from quality import CLASSPATH  # noqa: E402

PHOTO = Path(__file__).resolve().parent.parent / "functions/core/src/test/resources/photos/hubble_deep_field.jpg"
KS = (6, 16, 32)


def palettes(classpath, pixels):
    """{k: ["#rrggbb", ...], "mse": {k: mse}} from QualityBench on the photo."""
    with tempfile.TemporaryDirectory() as tmp:
        raw = Path(tmp) / "hubble.rgb"
        np.ascontiguousarray(pixels).tofile(raw)
        listing = Path(tmp) / "list.txt"
        listing.write_text(f"hubble {raw} {pixels.shape[1]} {pixels.shape[0]}\n")
        out = subprocess.run(["java", "-cp", classpath, "palette.core.cluster.QualityBench",
                              str(listing), "1", "rgb", *map(str, KS)],
                             check=True, capture_output=True, text=True).stdout
    return [json.loads(line) for line in out.splitlines()]


def rgb(colors):
    return np.array([[int(c[i:i + 2], 16) for i in (1, 3, 5)] for c in colors], float)


def lab(colors):
    return color.rgb2lab(rgb(colors)[None] / 255.0)[0]


def report(name, rows, reddest):
    for r in rows:
        labs = lab(r["colors"])
        pairs = [color.deltaE_ciede2000(labs[i], labs[j])
                 for i in range(len(labs)) for j in range(i + 1, len(labs))]
        red = color.deltaE_ciede2000(np.repeat(reddest[None], len(labs), 0), labs).min()
        print(f"{name:9} k={r['k']:2}  closest pair ΔE00 {min(pairs):5.2f}  pairs under 2.3: "
              f"{sum(1 for d in pairs if d < 2.3):2}  reddest pixels to nearest colour ΔE00 "
              f"{red:5.1f}  MSE {r['mse']:7.2f}")


def swatches(directory, before, after):
    for k in (16, 32):
        rows = [("before", before[k]), ("after", after[k])]
        width, height, pad, label = 960, 48, 8, 64
        image = Image.new("RGB", (width + label, 2 * height + 3 * pad), (255, 255, 255))
        draw = ImageDraw.Draw(image)
        for row, (name, colors) in enumerate(rows):
            ordered = sorted(colors, key=lambda c: lab([c])[0][0])
            y = pad + row * (height + pad)
            draw.text((4, y + height // 2 - 6), name, fill=(0, 0, 0))
            for i, c in enumerate(ordered):
                x0 = label + round(i * width / len(ordered))
                x1 = label + round((i + 1) * width / len(ordered))
                draw.rectangle([x0, y, x1 - 1, y + height - 1], fill=tuple(int(v) for v in rgb([c])[0]))
        image.save(Path(directory) / f"hubble-k{k}.png", optimize=True)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--classpath", default=CLASSPATH)
    parser.add_argument("--baseline", help="another build's classpath, shown as 'before'")
    parser.add_argument("--swatches", help="write before/after swatch images here (needs --baseline)")
    args = parser.parse_args()
    pixels = np.asarray(Image.open(PHOTO).convert("RGB"))
    flat = color.rgb2lab(pixels / 255.0).reshape(-1, 3)
    saturated = np.hypot(flat[:, 1], flat[:, 2]) >= 50
    reddest = flat[saturated].mean(axis=0)
    print(f"pixels of chroma >= 50: {saturated.sum()} ({saturated.mean():.2%})")
    runs = {}
    for name, classpath in (("before", args.baseline), ("after", args.classpath)):
        if classpath:
            rows = palettes(classpath, pixels)
            report(name, rows, reddest)
            runs[name] = {r["k"]: r["colors"] for r in rows}
    if args.swatches and args.baseline:
        swatches(args.swatches, runs["before"], runs["after"])


if __name__ == "__main__":
    main()
