#!/usr/bin/python3
"""scikit-learn's best-of-10 k-means on each corpus image, computed once and cached.

Weighted k-means on the distinct colours, sample_weight = pixel counts, has the same objective as
k-means on all pixels (each pixel's squared distance counted once per pixel) and runs on 10-1000x
fewer points. `--check NAME K` fits both ways on one image and prints both errors.

Debian's scikit-learn (1.2) ignores sample_weight when it seeds k-means++, which on distinct
colours spreads the seeds over rare colours (a 2-5x worse start on grey images). So the 10 starts
are seeded here as scikit-learn >= 1.3 does (greedy k-means++, 2 + ln k candidates per centre,
drawn with probability weight x squared distance), and each runs as KMeans(n_init=1, init=start,
max_iter=300) with the tolerance scikit-learn would derive from all pixels; the lowest inertia wins.

With --space oklab the same runs on the colours' OKLab coordinates, and the cache also records
the mean CIEDE2000 difference (ΔE00, in CIELAB) between each pixel and its palette colour: the
centres rounded to 8-bit sRGB, each pixel given the nearest of them in OKLab, as the engine does.

  /usr/bin/python3 bench/references.py [--split held-out] [--ks 6 16 32] [--space oklab]
  /usr/bin/python3 bench/references.py --split held-out --seed 1   # the reference's own spread

The reference is one draw: --seed N runs the same best of 10 from other random starts and prints,
per k, how far its 8-bit MSE lands from the reference's (median and worst), which is how close
scikit-learn itself comes to its own reference.
Cache: bench/references.json, in git, keyed by pixel SHA-256, space and k (and the seed if not 0):
computed once, so bench/quality.py reruns from a clean checkout without scikit-learn; this script
computes only what is missing (new images, another k or seed), and needs scikit-learn for that.
"""

import argparse
import json
import os
import statistics
import sys
import time
from pathlib import Path

if os.environ.get("OMP_WAIT_POLICY") != "PASSIVE":  # spin-waiting is slow on 2 shared cores
    os.environ["OMP_WAIT_POLICY"] = "PASSIVE"
    os.execv(sys.executable, [sys.executable] + sys.argv)

import numpy as np  # noqa: E402

sys.path.insert(0, str(Path(__file__).resolve().parent))
import corpus  # noqa: E402

CACHE = corpus.BENCH / "references.json"
KS = (6, 16, 32)


def pixels(item):
    raw = np.fromfile(item["raw"], dtype=np.uint8)
    return raw.reshape(item["height"] * item["width"], 3)


def distinct(rgb):
    """The distinct colours as float64 rows and how many pixels have each."""
    packed = (rgb[:, 0].astype(np.uint32) << 16) | (rgb[:, 1].astype(np.uint32) << 8) | rgb[:, 2]
    colours, counts = np.unique(packed, return_counts=True)
    points = np.stack([(colours >> 16) & 255, (colours >> 8) & 255, colours & 255], axis=1)
    return points.astype(np.float64), counts.astype(np.float64)


def sse(points, weights, centres):
    """Weighted squared distance of each point to its nearest centre, summed (in chunks)."""
    total = 0.0
    for start in range(0, len(points), 1 << 16):
        p = points[start:start + (1 << 16)]
        d = ((p[:, None, :] - centres[None, :, :]) ** 2).sum(axis=2).min(axis=1)
        total += float((d * weights[start:start + (1 << 16)]).sum())
    return total


def kmeans_plusplus(points, weights, k, rng):
    """Greedy weighted k-means++ (scikit-learn >= 1.3's _kmeans_plusplus with sample_weight)."""
    trials = 2 + int(np.log(k))
    centres = [points[rng.choice(len(points), p=weights / weights.sum())]]
    closest = ((points - centres[0]) ** 2).sum(axis=1)
    for _ in range(1, k):
        mass = np.cumsum(weights * closest)
        candidates = np.searchsorted(mass, rng.uniform(size=trials) * mass[-1])
        candidates = np.minimum(candidates, len(points) - 1)
        best = None
        for c in candidates:
            d = np.minimum(closest, ((points - points[c]) ** 2).sum(axis=1))
            potential = float((weights * d).sum())
            if best is None or potential < best[0]:
                best = (potential, c, d)
        centres.append(points[best[1]])
        closest = best[2]
    return np.array(centres)


def best_of_10(points, weights, k, seed=0):
    """Lowest-inertia of 10 weighted runs, as KMeans(n_init=10, max_iter=300) on all pixels."""
    from sklearn.cluster import KMeans
    rng = np.random.RandomState(seed)
    mean = np.average(points, axis=0, weights=weights)
    pixel_var = float(np.average((points - mean) ** 2, axis=0, weights=weights).mean())
    tol = 1e-4 * pixel_var / max(float(points.var(axis=0).mean()), 1e-12)
    best = None
    for _ in range(10):
        start = kmeans_plusplus(points, weights, k, rng)
        km = KMeans(n_clusters=k, n_init=1, init=start, max_iter=300, tol=tol)
        km.fit(points, sample_weight=weights)
        if best is None or km.inertia_ < best.inertia_:
            best = km
    return best


def reference(item, k, space="rgb", seed=0):
    """The reference MSE (float centres) and the MSE of its centres rounded to 8 bits; in OKLab
    also the mean ΔE00 of the rounded palette."""
    points, weights = distinct(pixels(item))
    coordinates = oklab(points) if space == "oklab" else points
    start = time.perf_counter()
    km = best_of_10(coordinates, weights, k, seed)
    seconds = time.perf_counter() - start
    total = weights.sum()
    if space == "oklab":
        palette = np.clip(np.rint(srgb_of_oklab(km.cluster_centers_) * 255), 0, 255)
        return {"mse": km.inertia_ / total, "delta_e00": mean_delta_e00(points, weights, palette),
                "iterations": int(km.n_iter_), "distinct": len(points), "seconds": seconds,
                "centres": np.round(km.cluster_centers_, 6).tolist()}
    rounded = np.clip(np.rint(km.cluster_centers_), 0, 255)
    return {"mse": km.inertia_ / total, "mse_8bit": sse(points, weights, rounded) / total,
            "iterations": int(km.n_iter_), "distinct": len(points), "seconds": seconds,
            "centres": np.round(km.cluster_centers_, 4).tolist()}


def oklab(rgb):
    """OKLab (Ottosson 2020) of 8-bit sRGB rows, as the engine computes it."""
    c = rgb / 255.0
    linear = np.where(c <= 0.04045, c / 12.92, ((c + 0.055) / 1.055) ** 2.4)
    lms = np.cbrt(linear @ np.array([[0.4122214708, 0.5363325363, 0.0514459929],
                                     [0.2119034982, 0.6806995451, 0.1073969566],
                                     [0.0883024619, 0.2817188376, 0.6299787005]]).T)
    return lms @ np.array([[0.2104542553, 0.7936177850, -0.0040720468],
                           [1.9779984951, -2.4285922050, 0.4505937099],
                           [0.0259040371, 0.7827717662, -0.8086757660]]).T


def srgb_of_oklab(lab):
    """sRGB in [0, 1] (clipped) of OKLab rows."""
    lms = lab @ np.array([[1, 0.3963377774, 0.2158037573], [1, -0.1055613458, -0.0638541728],
                          [1, -0.0894841775, -1.2914855480]]).T
    linear = np.clip((lms ** 3) @ np.array([[4.0767416621, -3.3077115913, 0.2309699292],
                                            [-1.2684380046, 2.6097574011, -0.3413193965],
                                            [-0.0041960863, -0.7034186147, 1.7076147010]]).T, 0, 1)
    return np.where(linear <= 0.0031308, 12.92 * linear, 1.055 * linear ** (1 / 2.4) - 0.055)


def mean_delta_e00(points, weights, palette):
    """Pixel-weighted mean ΔE00 between each colour and its nearest palette colour in OKLab."""
    from skimage.color import deltaE_ciede2000, rgb2lab
    ok_points, ok_palette = oklab(points), oklab(palette)
    lab_points = rgb2lab(points[None] / 255.0)[0]
    lab_palette = rgb2lab(palette[None] / 255.0)[0]
    total = 0.0
    for start in range(0, len(points), 1 << 16):
        p = ok_points[start:start + (1 << 16)]
        nearest = ((p[:, None, :] - ok_palette[None, :, :]) ** 2).sum(axis=2).argmin(axis=1)
        d = deltaE_ciede2000(lab_points[start:start + (1 << 16)], lab_palette[nearest])
        total += float((d * weights[start:start + (1 << 16)]).sum())
    return total / weights.sum()


def load():
    return json.loads(CACHE.read_text()) if CACHE.exists() else {}


def save(cache):
    """One entry per line, in key order, so that a new image adds lines and changes none."""
    lines = [f"{json.dumps(k)}: {json.dumps(cache[k], sort_keys=True)}" for k in sorted(cache)]
    CACHE.write_text("{\n" + ",\n".join(lines) + "\n}\n")


def key(item, k, space="rgb", seed=0):
    """The cache key; the reference itself is seed 0, other seeds measure how much it varies."""
    return f"{item['pixels_sha256']}/{space}/{k}" + (f"/seed{seed}" if seed else "")


def check(name, k):
    from sklearn.cluster import KMeans
    item = next(i for i in corpus.load_index() if i["name"] == name)
    rgb = pixels(item).astype(np.float64)
    full = KMeans(n_clusters=k, n_init=10, max_iter=300, random_state=0).fit(rgb)
    points, weights = distinct(pixels(item))
    weighted = best_of_10(points, weights, k)
    n = len(rgb)
    assert np.isclose(weighted.inertia_, sse(points, weights, weighted.cluster_centers_))
    print(f"{name} k={k}: all {n} pixels {full.inertia_ / n:.4f}; "
          f"{len(points)} weighted colours {weighted.inertia_ / n:.4f}; "
          f"the weighted centres on all pixels {sse(rgb, np.ones(n), weighted.cluster_centers_) / n:.4f}")


def seed_ratio(cache, item, k, seed, space="rgb"):
    """scikit-learn's best of 10 from `seed` over the reference, in 8-bit MSE (as the engine's
    ratio8); None unless both are cached."""
    other, ref = cache.get(key(item, k, space, seed)), cache.get(key(item, k, space))
    return other["mse_8bit"] / ref["mse_8bit"] if other and ref else None


def spread(items, ks, space, seed, cache):
    """How far scikit-learn's own best of 10 lands from the reference with another seed: per k,
    the median and the worst of seed_ratio."""
    for k in ks:
        ratios = sorted((r, i["name"]) for i in items
                        if (r := seed_ratio(cache, i, k, seed, space)) is not None)
        if ratios:
            print(f"k={k:2}: scikit-learn seed {seed} / reference, {len(ratios)} images: median "
                  f"{statistics.median(r for r, _ in ratios):.4f}, "
                  f"worst {ratios[-1][0]:.4f} ({ratios[-1][1]})")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--split", choices=corpus.SPLITS)
    parser.add_argument("--ks", nargs="*", type=int, default=list(KS))
    parser.add_argument("--check", nargs=2, metavar=("NAME", "K"))
    parser.add_argument("--space", choices=["rgb", "oklab"], default="rgb")
    parser.add_argument("--seed", type=int, default=0,
                        help="a seed other than the reference's 0: prints how far it lands")
    args = parser.parse_args()
    if args.check:
        return check(args.check[0], int(args.check[1]))
    if args.seed and args.space != "rgb":
        parser.error("--seed compares 8-bit MSE, in RGB only")
    cache = load()
    items = [i for i in corpus.load_index() if args.split in (None, i["split"])]
    for item in sorted(items, key=lambda i: i["width"] * i["height"]):
        for k in args.ks:
            if key(item, k, args.space, args.seed) not in cache:
                r = {"image": item["name"], **reference(item, k, args.space, args.seed)}
                cache[key(item, k, args.space, args.seed)] = r
                save(cache)
                quality = (f"8-bit {r['mse_8bit']:9.3f}" if args.space == "rgb"
                           else f"ΔE00 {r['delta_e00']:.3f}")
                print(f"{item['name']:24} k={k:2} {args.space} mse {r['mse']:9.5f} {quality} "
                      f"({r['distinct']} colours, {r['seconds']:.1f} s)", flush=True)
    if args.seed:
        spread(items, args.ks, args.space, args.seed, cache)


if __name__ == "__main__":
    main()
