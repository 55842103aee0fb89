"""Checks the film palette against scikit-learn on the same weighted pixels.

Usage: OMP_WAIT_POLICY=PASSIVE python3 bench/film_mse.py STILLS_DIR FILM_JSON [K]

Pools the pixels of every image in STILLS_DIR, each still weighing the same (as `palette film`
does), reduces them to distinct colours with summed weights (exact), runs scikit-learn's KMeans
with those sample weights from three seeds, and prints the weighted mean squared RGB error of the
palette in FILM_JSON next to scikit-learn's best. Not part of CI.
"""

import glob
import json
import os
import sys

import numpy as np
from PIL import Image
from sklearn.cluster import KMeans


def pooled(folder):
    colours, weights = [], []
    for path in sorted(glob.glob(os.path.join(folder, "*"))):
        try:
            rgb = np.asarray(Image.open(path).convert("RGB")).reshape(-1, 3).astype(np.int64)
        except OSError:
            continue
        packed = (rgb[:, 0] << 16) | (rgb[:, 1] << 8) | rgb[:, 2]
        unique, counts = np.unique(packed, return_counts=True)
        colours.append(unique)
        weights.append(counts / len(packed))
    every, inverse = np.unique(np.concatenate(colours), return_inverse=True)
    weight = np.bincount(inverse, weights=np.concatenate(weights))
    points = np.stack([(every >> 16) & 255, (every >> 8) & 255, every & 255], 1).astype(float)
    return points, weight


def mse(points, weight, centres):
    d = ((points[:, None, :] - centres[None, :, :]) ** 2).sum(2).min(1)
    return (d * weight).sum() / weight.sum()


def main():
    folder, film_json = sys.argv[1], sys.argv[2]
    k = int(sys.argv[3]) if len(sys.argv) > 3 else 6
    points, weight = pooled(folder)
    with open(film_json, encoding="utf-8") as f:
        ours = np.array([c["rgb"] for c in json.load(f)["film"]["colors"]], float)
    best = min(
        mse(points, weight, np.round(KMeans(k, n_init=1, random_state=s).fit(
            points, sample_weight=weight).cluster_centers_))
        for s in range(3))
    print(f"{len(points)} distinct colours; film palette mse {mse(points, weight, ours):.2f}, "
          f"scikit-learn best of 3 {best:.2f}, ratio {mse(points, weight, ours) / best:.4f}")


if __name__ == "__main__":
    main()
