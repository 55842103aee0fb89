#!/usr/bin/python3
"""Quality bench: our palette's error relative to scikit-learn's best of 10, on the corpus.

For each corpus image (bench/corpus.py) and k, runs palette.core.cluster.QualityBench (one JVM,
default limit 20, seed 42) and divides its error by the cached reference of bench/references.py,
KMeans(n_init=10, max_iter=300) on the same pixels.

RGB (the default): MSE over all pixels. "k-means" is the engine's k-means result, the figure the
targets are about; "palette" is what users get, after colours closer than a just-noticeable
difference gave way to unserved details (palette.core.cluster.Accents), which costs squared error
on purpose. Each is divided by the reference with float centres ("ratio") and with its centres
rounded to 8-bit colours ("8-bit": what any palette of 8-bit colours pays; the fair comparison,
since a palette is 8-bit colours).

The reference is itself one draw. Once `references.py --seed 1` has been run for a split, the
summary also gives scikit-learn's own best of 10 from other starts over the reference
("scikit-learn, seed 1"): how close the reference's own method comes to it, the yardstick for
the worst cases.

--space oklab: both sides cluster in OKLab; the figure is the mean CIEDE2000 difference between
each pixel and its palette colour (8-bit sRGB, nearest in OKLab), ours over the reference's.

  mvn -B -o -q -pl functions/core test-compile
  /usr/bin/python3 bench/references.py [--space oklab]        # only what bench/references.json lacks
  /usr/bin/python3 bench/quality.py [--split held-out] [--space oklab] [--markdown FILE]
"""

import argparse
import functools
import json
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import corpus  # noqa: E402
import references  # noqa: E402

import numpy as np  # noqa: E402

ROOT = corpus.BENCH.parent
CLASSPATH = ":".join(str(ROOT / "functions/core/target" / d) for d in ("classes", "test-classes"))


YARDSTICK_SEED = 1  # scikit-learn from other starts, where computed (see the docstring)


def ours(items, ks, runs, classpath, space):
    with tempfile.NamedTemporaryFile("w", suffix=".txt") as listing:
        for i in items:
            listing.write(f"{i['name']} {i['raw']} {i['width']} {i['height']}\n")
        listing.flush()
        run = subprocess.run(
            ["java", "-Xmx8g", "-cp", classpath, "palette.core.cluster.QualityBench", listing.name,
             str(runs), space, *map(str, ks)], capture_output=True, text=True)
    if run.returncode != 0:
        sys.exit(f"QualityBench failed (exit {run.returncode}):\n{run.stderr}")
    return [json.loads(line) for line in run.stdout.splitlines()]


@functools.lru_cache(maxsize=1)
def distinct_colours(name):
    """The distinct colours of a corpus image and their pixel counts, once per image (rows of
    one image arrive together, one per k)."""
    item = next(i for i in corpus.load_index() if i["name"] == name)
    return references.distinct(references.pixels(item))


def delta_e00(item, colors):
    """Mean ΔE00 of the pixels of item to a palette of "#rrggbb" colours, nearest in OKLab."""
    points, weights = distinct_colours(item["name"])
    palette = np.array([[int(c[i:i + 2], 16) for i in (1, 3, 5)] for c in colors], float)
    return references.mean_delta_e00(points, weights, palette)


def rows(items, ks, runs, classpath, space, refs):
    by_name = {i["name"]: i for i in items}
    table = []
    for r in ours(items, ks, runs, classpath, space):
        item = by_name[r["image"]]
        ref = refs.get(references.key(item, r["k"], space))
        if not ref:
            continue
        r.update(split=item["split"], size=f"{item['width']}x{item['height']}", kind=item["kind"])
        if space == "oklab":
            r.update(ref=ref["delta_e00"], ours=delta_e00(item, r["colors"]))
            r.update(ratio=r["ours"] / r["ref"])
        else:
            r.update(ref=ref["mse"], ref8=ref["mse_8bit"],
                     ratio=r["kmeans_mse"] / ref["mse"], ratio8=r["kmeans_mse"] / ref["mse_8bit"],
                     palette8=r["mse"] / ref["mse_8bit"])
            yardstick = references.seed_ratio(refs, item, r["k"], YARDSTICK_SEED, space)
            if yardstick is not None:
                r.update(sklearn8=yardstick)
        table.append(r)
    return table


def worst_and_median(part, column):
    worst = max(part, key=lambda r: r[column])
    return (f"{statistics.median(r[column] for r in part):.4f} "
            f"| {worst[column]:.4f} ({worst['image']})")


def summary(table, ks, space):
    if space == "oklab":
        head = ["| split | k | images | median ΔE00 ratio | worst ΔE00 ratio | median ms | max ms |",
                "|---|---|---|---|---|---|---|"]
        columns = ["ratio"]
    else:
        head = ["| split | k | images | k-means: median ratio | worst ratio | median 8-bit "
                "| worst 8-bit | palette: median 8-bit | worst 8-bit | palettes changed "
                "| median ms | max ms | scikit-learn, seed 1: median 8-bit | worst 8-bit |",
                "|---|---|---|---|---|---|---|---|---|---|---|---|---|---|"]
        columns = ["ratio", "ratio8", "palette8"]
    lines = []
    for split in reversed(corpus.SPLITS):  # the newest split first
        for k in ks:
            part = [r for r in table if r["split"] == split and r["k"] == k]
            if not part:
                continue
            cells = [worst_and_median(part, c) for c in columns]
            if space != "oklab":
                cells.append(str(sum(1 for r in part if r["mse"] != r["kmeans_mse"])))
            line = (f"| {split} | {k} | {len(part)} | " + " | ".join(cells)
                    + f" | {statistics.median(r['median_ms'] for r in part):.1f} "
                    f"| {max(r['median_ms'] for r in part):.1f} |")
            if space != "oklab":
                yardstick = [r for r in part if "sklearn8" in r]
                line += (f" {worst_and_median(yardstick, 'sklearn8')} |"
                         if len(yardstick) == len(part) else " not computed | |")
            lines.append(line)
    return head + lines


def detail(table, space):
    if space == "oklab":
        out = ["| image | split | size | kind | k | reference ΔE00 | our ΔE00 | ratio | ms "
               "| iterations | stop |", "|---|---|---|---|---|---|---|---|---|---|---|"]
        for r in sorted(table, key=lambda r: (r["split"], r["image"], r["k"])):
            out.append(f"| {r['image']} | {r['split']} | {r['size']} | {r['kind']} | {r['k']} "
                       f"| {r['ref']:.3f} | {r['ours']:.3f} | {r['ratio']:.4f} "
                       f"| {r['median_ms']:.1f} | {r['iterations']} | {r['stop']} |")
        return out
    out = ["| image | split | size | kind | k | reference MSE | k-means MSE | ratio | 8-bit "
           "| palette MSE | palette 8-bit | ms | iterations | stop |",
           "|---|---|---|---|---|---|---|---|---|---|---|---|---|---|"]
    for r in sorted(table, key=lambda r: (r["split"], r["image"], r["k"])):
        out.append(f"| {r['image']} | {r['split']} | {r['size']} | {r['kind']} | {r['k']} "
                   f"| {r['ref']:.3f} | {r['kmeans_mse']:.3f} | {r['ratio']:.4f} "
                   f"| {r['ratio8']:.4f} | {r['mse']:.3f} | {r['palette8']:.4f} "
                   f"| {r['median_ms']:.1f} | {r['iterations']} | {r['stop']} |")
    return out


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--split", choices=corpus.SPLITS)
    parser.add_argument("--space", choices=["rgb", "oklab"], default="rgb")
    parser.add_argument("--ks", nargs="*", type=int, default=list(references.KS))
    parser.add_argument("--runs", type=int, default=3, help="timed runs per image and k")
    parser.add_argument("--images", nargs="*", help="only these corpus images")
    parser.add_argument("--classpath", default=CLASSPATH, help="another build of the engine")
    parser.add_argument("--json", help="also write the rows to this file")
    parser.add_argument("--markdown", help="write summary and table to this file")
    parser.add_argument("--partial", action="store_true",
                        help="summarise the images that have references, leaving out the others")
    args = parser.parse_args()
    items = [i for i in corpus.load_index() if args.split in (None, i["split"])
             and (not args.images or i["name"] in args.images)]
    refs = references.load()
    missing = sorted({i["name"] for i in items for k in args.ks
                      if references.key(i, k, args.space) not in refs})
    if missing:
        message = (f"{len(missing)} of {len(items)} images lack a reference at some k: "
                   f"{' '.join(missing)}\ncompute them with /usr/bin/python3 bench/references.py"
                   f"{' --split ' + args.split if args.split else ''}"
                   f"{' --space oklab' if args.space == 'oklab' else ''} (needs scikit-learn)")
        if not args.partial:
            sys.exit(message + ", or pass --partial to leave them out")
        print(message + "; left out (--partial)", file=sys.stderr)
    table = rows(items, args.ks, args.runs, args.classpath, args.space, refs)
    print("\n".join(summary(table, args.ks, args.space)))
    print()
    print("\n".join(detail(table, args.space)))
    if args.json:
        Path(args.json).write_text(json.dumps(table, indent=1) + "\n")
    if args.markdown:
        Path(args.markdown).write_text(
            "\n".join(summary(table, args.ks, args.space) + [""] + detail(table, args.space))
            + "\n")


if __name__ == "__main__":
    main()
