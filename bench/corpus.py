#!/usr/bin/python3
"""Assemble the evaluation corpus of bench/quality.py from Debian packages, reproducibly.

For each image in bench/corpus.json: download the package at the pinned version with
`apt-get download` (once, cached), extract the one file, check its SHA-256 against the manifest,
decode it to 8-bit RGB, and cache the pixels as raw RGB under bench/.corpus/ (gitignored) with
an index recording size, provenance, licence (from the package's DEP-5 copyright file) and split.

The split into a tuning half and a held-out half is fixed by checksum order: the images sorted by
the SHA-256 of their pixels, even ranks tune, odd ranks are held out. Nobody chose which is which.
Images added later carry a "set" that names their split and are left out of that order (so the
first two halves never change). "fresh": added after the engine was tuned and after its held-out
half had been looked at, to judge the next engine change on images nobody had seen it run on.
"fresh2": added on 2026-12-07, after fresh had been run; its first run led to change 9 of
docs/quality.md, so the engine change after that needs new images again. "fresh3": added later
on 2026-12-07, after fresh2 had been run, from packages no earlier split uses; only its
scikit-learn references were computed, so the engine change after change 9 can be judged on it.
"fresh4": added on 2026-12-07 after fresh3 had been run, to judge change 11 of docs/quality.md.
"fresh5": added on 2026-12-07 after fresh4 had been run, to judge the next engine change (change 12
of docs/quality.md). "fresh6": added on 2026-12-07 after fresh5 had been run, to judge the next
engine change (change 13 of docs/quality.md). "fresh7": added on 2026-12-07 after fresh6 had been
run, to judge the next engine change (change 14 of docs/quality.md). "fresh8": added on 2026-12-08
after fresh7 had been run, to judge the next engine change (change 15 of docs/quality.md).

  /usr/bin/python3 bench/corpus.py          # fetch, verify, cache; prints the index
  /usr/bin/python3 bench/corpus.py --pin    # (re)write the checksums into corpus.json
Needs apt-get, dpkg-deb, Pillow and numpy (Debian: python3-pil python3-numpy).
"""

import argparse
import fnmatch
import functools
import hashlib
import io
import json
import subprocess
import sys
import tarfile
from pathlib import Path

import numpy as np
from PIL import Image

Image.MAX_IMAGE_PIXELS = None
BENCH = Path(__file__).resolve().parent
MANIFEST = BENCH / "corpus.json"
CACHE = BENCH / ".corpus"
LETTERBOX_ASPECT = 2.39
SPLITS = ("tuning", "held-out",  # checksum-order halves, then "set"s
          "fresh", "fresh2", "fresh3", "fresh4", "fresh5", "fresh6",
          "fresh7", "fresh8")


def deb(package, version):
    """The .deb of package at version, downloaded once into the cache.

    A mirror that no longer carries the pinned version (a point release replaced it) gives the
    version it has instead: the SHA-256 pinned for each file, checked in build(), still decides
    whether its bytes are the ones the corpus was built from."""
    debs = CACHE / "debs"
    debs.mkdir(parents=True, exist_ok=True)

    def cached(candidate):
        return next((p for p in debs.glob(f"{package}_*.deb")
                     if p.name.split("_")[1].replace("%3a", ":") == candidate), None)

    def download(candidate):
        return subprocess.run(["apt-get", "download", f"{package}={candidate}"], cwd=debs,
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL).returncode == 0

    if cached(version) or download(version):
        return cached(version)
    offered = subprocess.run(["apt-cache", "madison", package], capture_output=True,
                             text=True).stdout
    for other in (line.split("|")[1].strip() for line in offered.splitlines()):
        if other != version and (cached(other) or download(other)):
            print(f"{package}: {version} is not on the mirror, {other} instead (each file is"
                  " checked by its pinned SHA-256)", file=sys.stderr)
            return cached(other)
    sys.exit(f"{package}: neither {version} nor another version can be downloaded"
             " (apt-get update?)")


@functools.lru_cache(maxsize=2)
def archive(package, version):
    """The package's file tree as an uncompressed tar, in memory."""
    return subprocess.run(["dpkg-deb", "--fsys-tarfile", str(deb(package, version))],
                          check=True, capture_output=True).stdout


def member(package, version, path):
    """The bytes of one file inside the package."""
    with tarfile.open(fileobj=io.BytesIO(archive(package, version))) as t:
        return t.extractfile(t.getmember("./" + path)).read()


def licence(package, version, path):
    """The DEP-5 licence of path: the last Files paragraph whose pattern matches it wins."""
    text = member(package, version, f"usr/share/doc/{package}/copyright").decode("utf-8", "replace")
    found = None
    for paragraph in text.split("\n\n"):
        fields = {}
        key = None
        for line in paragraph.splitlines():
            if line[:1] not in (" ", "\t") and ":" in line:
                key, value = line.split(":", 1)
                fields[key] = value.strip()
            elif key:
                fields[key] += " " + line.strip()
        if "Files" in fields and "License" in fields:
            patterns = fields["Files"].split()
            name = path.rsplit("/", 1)[-1]
            if any(p == "*" or fnmatch.fnmatch(path, "*" + p.lstrip("*"))
                   or ("*" not in p and name == p.rsplit("/", 1)[-1]) for p in patterns):
                found = fields["License"].split()[0]
    return found


def letterbox(pixels):
    """A film still: the middle band at 2.39:1, black bars above and below, same size."""
    height, width, _ = pixels.shape
    band = min(height, round(width / LETTERBOX_ASPECT))
    top = (height - band) // 2
    out = np.zeros_like(pixels)
    out[top:top + band] = pixels[top:top + band]
    return out


def build(pin):
    manifest = json.loads(MANIFEST.read_text())
    versions = manifest["packages"]
    (CACHE / "rgb").mkdir(parents=True, exist_ok=True)
    pixels_of, index = {}, []
    for entry in manifest["images"]:
        if entry.get("derive") == "letterbox":
            pixels = letterbox(pixels_of[entry["from"]])
            source = {"derived": f"letterbox 2.39:1 of {entry['from']}"}
            file_sha = None
        else:
            package, path = entry["package"], entry["path"]
            data = member(package, versions[package], path)
            file_sha = hashlib.sha256(data).hexdigest()
            if not pin and entry.get("sha256") != file_sha:
                sys.exit(f"{entry['name']}: SHA-256 {file_sha} != pinned {entry.get('sha256')}")
            pixels = np.asarray(Image.open(io.BytesIO(data)).convert("RGB"))
            source = {"package": package, "version": versions[package], "path": path,
                      "licence": entry.get("licence") or licence(package, versions[package], path)}
        pixels = np.ascontiguousarray(pixels, dtype=np.uint8)
        pixels_of[entry["name"]] = pixels
        raw = CACHE / "rgb" / f"{entry['name']}.rgb"
        pixels.tofile(raw)
        pixel_sha = hashlib.sha256(pixels.tobytes()).hexdigest()
        if pin:
            entry["sha256"] = file_sha
            entry["pixels_sha256"] = pixel_sha
        elif entry.get("pixels_sha256") != pixel_sha:
            sys.exit(f"{entry['name']}: decoded pixels differ from the pinned ones")
        index.append({"name": entry["name"], "kind": entry["kind"], "raw": str(raw),
                      "width": pixels.shape[1], "height": pixels.shape[0],
                      "pixels_sha256": pixel_sha, **source})
        if "set" in entry:
            if entry["set"] not in SPLITS[2:]:
                sys.exit(f"{entry['name']}: set {entry['set']!r} is not one of {SPLITS[2:]}")
            index[-1]["split"] = entry["set"]
    halves = [i for i in index if "split" not in i]
    for rank, item in enumerate(sorted(halves, key=lambda i: i["pixels_sha256"])):
        item["split"] = "tuning" if rank % 2 == 0 else "held-out"
    if pin:
        MANIFEST.write_text(json.dumps(manifest, indent=1) + "\n")
    (CACHE / "index.json").write_text(json.dumps(index, indent=1) + "\n")
    return index


def load_index():
    """The cached index, building the corpus first if needed."""
    path = CACHE / "index.json"
    return json.loads(path.read_text()) if path.exists() else build(False)


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--pin", action="store_true", help="write the checksums into corpus.json")
    args = parser.parse_args()
    for item in build(args.pin):
        mp = item["width"] * item["height"] / 1e6
        print(f"{item['name']:24} {item['split']:8} {item['width']:>5}x{item['height']:<5} "
              f"{mp:5.1f} MP  {item.get('licence') or item.get('derived')}  {item['kind']}")
