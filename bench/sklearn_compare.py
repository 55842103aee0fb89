#!/usr/bin/env python3
"""Compare palette's k-means (palette.core.cluster.KMeans) with scikit-learn on the same pixels.

For each real photo shipped with scikit-image, plus a 2560x1600 JPEG made from one of them, and
for each k, it reports:
  - our clustering time (median, min, max over --runs runs after warm-up) and MSE over all pixels;
  - scikit-learn KMeans(n_clusters=k, n_init=1, max_iter=20) fit time and MSE (same work budget);
  - the best MSE of scikit-learn KMeans(n_clusters=k, n_init=10) run to convergence (reference).
MSE is the mean over all pixels of the squared RGB distance (0-255 per channel) to the pixel's
centroid; ours uses the 8-bit palette colours, scikit-learn its unrounded float centroids.

Installs nothing. Prerequisites (see bench/README.md):
  pip install scikit-learn scikit-image pillow
  mvn -q -o -pl functions/core test-compile
"""

import argparse
import io
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

# OpenMP reads this once at start-up; its default spin-waiting is much slower on a 2-core machine.
if os.environ.get("OMP_WAIT_POLICY") != "PASSIVE":
    os.environ["OMP_WAIT_POLICY"] = "PASSIVE"
    os.execv(sys.executable, [sys.executable] + sys.argv)

import numpy as np  # noqa: E402
from PIL import Image  # noqa: E402
from skimage import data  # noqa: E402
from sklearn.cluster import KMeans  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
CLASSPATH = os.pathsep.join(
    str(ROOT / "functions/core/target" / d) for d in ("classes", "test-classes")
)
PHOTOS = {
    "astronaut": data.astronaut,
    "chelsea": data.chelsea,
    "coffee": data.coffee,
    "rocket": data.rocket,
    "motorcycle_left": lambda: data.stereo_motorcycle()[0],
    "immunohistochemistry": data.immunohistochemistry,
    "hubble_deep_field": data.hubble_deep_field,
}
BIG = "coffee-2560x1600"


def big_photo():
    """skimage's coffee (600x400) upscaled with Lanczos to 2560x1600, saved as JPEG q=90, decoded."""
    upscaled = Image.fromarray(data.coffee()).resize((2560, 1600), Image.LANCZOS)
    jpeg = io.BytesIO()
    upscaled.save(jpeg, "JPEG", quality=90)
    return np.asarray(Image.open(io.BytesIO(jpeg.getvalue())).convert("RGB"))


def load(name):
    if name == BIG:
        return big_photo()
    return np.ascontiguousarray(PHOTOS[name]()[..., :3])


def ours(name, pixels, k, limit, runs, workdir):
    height, width, _ = pixels.shape
    raw = Path(workdir) / f"{name}.rgb"
    if not raw.exists():
        pixels.astype(np.uint8).tofile(raw)
    out = subprocess.run(
        ["java", "-cp", CLASSPATH, "palette.core.cluster.ClusterBench", str(raw), str(width),
         str(height), str(k), str(limit), str(runs)],
        check=True, capture_output=True, text=True,
    )
    return json.loads(out.stdout)


def sklearn_budget(x, k, limit, runs):
    """Median fit time and MSE of KMeans(n_init=1, max_iter=limit), the same budget as ours."""
    times, mse = [], None
    for run in range(runs):
        start = time.perf_counter()
        km = KMeans(n_clusters=k, n_init=1, max_iter=limit, random_state=run).fit(x)
        times.append((time.perf_counter() - start) * 1000)
        mse = km.inertia_ / len(x) if mse is None else mse
    return statistics.median(times), mse


def sklearn_best(x, k):
    km = KMeans(n_clusters=k, n_init=10, random_state=0).fit(x)
    return km.inertia_ / len(x)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--photos", nargs="*", default=[BIG] + list(PHOTOS))
    parser.add_argument("--ks", nargs="*", type=int, default=[6, 16])
    parser.add_argument("--limit", type=int, default=20)
    parser.add_argument("--runs", type=int, default=21, help="timed runs of our engine")
    parser.add_argument("--sklearn-runs", type=int, default=3, help="timed sklearn fits")
    parser.add_argument("--no-best", action="store_true", help="skip the n_init=10 reference")
    parser.add_argument("--json", help="also write the rows to this file")
    args = parser.parse_args()
    if not (ROOT / "functions/core/target/test-classes/palette/core/cluster/ClusterBench.class").exists():
        sys.exit("run `mvn -q -o -pl functions/core test-compile` first")

    header = (f"{'image':22} {'size':>9} {'k':>2} | {'ours ms (min-max)':>20} {'cpu ms':>6} {'sklearn ms':>10} "
              f"{'speed-up':>8} | {'ours MSE':>9} {'sk@20 MSE':>9} {'best10 MSE':>10} {'ours/best':>9}")
    print(header)
    print("-" * len(header))
    rows = []
    with tempfile.TemporaryDirectory() as workdir:
        for name in args.photos:
            pixels = load(name)
            x = pixels.reshape(-1, 3).astype(np.float64)
            for k in args.ks:
                mine = ours(name, pixels, k, args.limit, args.runs, workdir)
                sk_ms, sk_mse = sklearn_budget(x, k, args.limit, args.sklearn_runs)
                best = None if args.no_best else sklearn_best(x, k)
                row = {
                    "image": name, "width": pixels.shape[1], "height": pixels.shape[0], "k": k,
                    "ours_median_ms": mine["median_ms"], "ours_min_ms": mine["min_ms"],
                    "ours_max_ms": mine["max_ms"], "ours_cpu_ms": mine["cpu_ms"],
                    "ours_mse": mine["mse"],
                    "ours_iterations": mine["iterations"], "ours_stop": mine["stop"],
                    "sklearn_ms": sk_ms, "sklearn_mse": sk_mse, "best_mse": best,
                }
                rows.append(row)
                ratio = f"{mine['mse'] / best:9.4f}" if best else f"{'-':>9}"
                best_text = f"{best:10.2f}" if best else f"{'-':>10}"
                timing = f"{mine['median_ms']:.1f} ({mine['min_ms']:.1f}-{mine['max_ms']:.1f})"
                print(f"{name:22} {pixels.shape[1]:>4}x{pixels.shape[0]:<4} {k:>2} | {timing:>20} "
                      f"{mine['cpu_ms']:6.1f} "
                      f"{sk_ms:10.1f} {sk_ms / mine['median_ms']:7.1f}x | {mine['mse']:9.2f} "
                      f"{sk_mse:9.2f} {best_text} {ratio}", flush=True)
    if args.json:
        Path(args.json).write_text(json.dumps(rows, indent=2) + "\n")


if __name__ == "__main__":
    main()
