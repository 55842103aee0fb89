#!/usr/bin/python3
"""Quality bench: our palette's MSE relative to scikit-learn's best of 10, on the corpus.

For each corpus image (bench/corpus.py) and k, runs palette.core.cluster.QualityBench (one JVM, default
limit 20, seed 42) and divides its MSE by the cached reference of bench/references.py: KMeans(
n_init=10, max_iter=300) with float centres ("ratio"), and the same centres rounded to 8-bit
colours ("ratio 8-bit", what any palette of 8-bit colours pays). Prints a table and the worst
case and median per k and split; --markdown FILE writes them as a page.

  mvn -B -o -q -pl functions/core test-compile
  /usr/bin/python3 bench/references.py            # once; cached
  /usr/bin/python3 bench/quality.py [--split held-out] [--markdown docs/quality.md]
"""

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import corpus  # noqa: E402
import references  # noqa: E402

ROOT = corpus.BENCH.parent
CLASSPATH = ":".join(str(ROOT / "functions/core/target" / d) for d in ("classes", "test-classes"))


def ours(items, ks, runs, classpath):
    with tempfile.NamedTemporaryFile("w", suffix=".txt") as listing:
        for i in items:
            listing.write(f"{i['name']} {i['raw']} {i['width']} {i['height']}\n")
        listing.flush()
        out = subprocess.run(
            ["java", "-Xmx8g", "-cp", classpath, "palette.core.cluster.QualityBench", listing.name,
             str(runs), "rgb", *map(str, ks)], check=True, capture_output=True, text=True).stdout
    return [json.loads(line) for line in out.splitlines()]


def rows(items, ks, runs, classpath):
    refs = references.load()
    by_name = {i["name"]: i for i in items}
    table = []
    for r in ours(items, ks, runs, classpath):
        item = by_name[r["image"]]
        ref = refs.get(references.key(item, r["k"]))
        if ref:
            r.update(split=item["split"], size=f"{item['width']}x{item['height']}",
                     kind=item["kind"], ref=ref["mse"], ratio=r["mse"] / ref["mse"],
                     ratio8=r["mse"] / ref["mse_8bit"])
            table.append(r)
    return table


def summary(table, ks):
    lines = []
    for split in ("held-out", "tuning"):
        for k in ks:
            part = [r for r in table if r["split"] == split and r["k"] == k]
            if part:
                worst = max(part, key=lambda r: r["ratio"])
                worst8 = max(part, key=lambda r: r["ratio8"])
                lines.append(
                    f"| {split} | {k} | {len(part)} | {statistics.median(r['ratio'] for r in part):.4f} "
                    f"| {worst['ratio']:.4f} ({worst['image']}) "
                    f"| {statistics.median(r['ratio8'] for r in part):.4f} "
                    f"| {worst8['ratio8']:.4f} ({worst8['image']}) "
                    f"| {statistics.median(r['median_ms'] for r in part):.1f} "
                    f"| {max(r['median_ms'] for r in part):.1f} |")
    return ["| split | k | images | median ratio | worst ratio | median ratio 8-bit "
            "| worst ratio 8-bit | median ms | max ms |", "|---|---|---|---|---|---|---|---|---|",
            *lines]


def detail(table):
    out = ["| image | split | size | kind | k | reference MSE | our MSE | ratio | ratio 8-bit "
           "| ms | iterations | stop |", "|---|---|---|---|---|---|---|---|---|---|---|---|"]
    for r in sorted(table, key=lambda r: (r["split"], r["image"], r["k"])):
        out.append(f"| {r['image']} | {r['split']} | {r['size']} | {r['kind']} | {r['k']} "
                   f"| {r['ref']:.3f} | {r['mse']:.3f} | {r['ratio']:.4f} | {r['ratio8']:.4f} "
                   f"| {r['median_ms']:.1f} | {r['iterations']} | {r['stop']} |")
    return out


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--split", choices=["tuning", "held-out"])
    parser.add_argument("--ks", nargs="*", type=int, default=list(references.KS))
    parser.add_argument("--runs", type=int, default=3, help="timed runs per image and k")
    parser.add_argument("--images", nargs="*", help="only these corpus images")
    parser.add_argument("--classpath", default=CLASSPATH, help="another build of the engine")
    parser.add_argument("--json", help="also write the rows to this file")
    parser.add_argument("--markdown", help="write summary and table to this file")
    args = parser.parse_args()
    items = [i for i in corpus.load_index() if args.split in (None, i["split"])
             and (not args.images or i["name"] in args.images)]
    table = rows(items, args.ks, args.runs, args.classpath)
    print("\n".join(summary(table, args.ks)))
    print()
    print("\n".join(detail(table)))
    if args.json:
        Path(args.json).write_text(json.dumps(table, indent=1) + "\n")
    if args.markdown:
        Path(args.markdown).write_text("\n".join(summary(table, args.ks) + [""] + detail(table))
                                       + "\n")


if __name__ == "__main__":
    main()
