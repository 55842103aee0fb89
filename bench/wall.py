#!/usr/bin/env python3
"""Wall time and peak memory of whole commands, JVM start included, alternated with a baseline.

    python3 bench/wall.py --runs 15 -- ./palette run ref.jpg -o /tmp/a \
        ::: /tmp/base/palette run ref.jpg -o /tmp/b

Each command group is run in turn (A, B, A, B, ...) after one unmeasured run of each, so both see
the same load; for each it prints the median wall time with its spread and the median peak
resident set size (the child's own ru_maxrss, from wait4), then the ratio of the medians. A
command that exits non-zero stops the bench: a failing run is not a fast one.
"""

import argparse
import os
import statistics
import subprocess
import sys
import time


def run_once(command):
    start = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(process.pid, 0)
    wall = time.perf_counter() - start
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode != 0:
        sys.exit(f"{' '.join(command)} exited with {process.returncode}:\n"
                 + process.stderr.read().decode(errors="replace"))
    return wall * 1000, usage.ru_maxrss / 1024  # ms, MB (Linux reports kB)


def quartiles(values):
    ordered = sorted(values)
    q = statistics.quantiles(ordered, n=4) if len(ordered) > 1 else [ordered[0]] * 3
    return ordered[len(ordered) // 2] if len(ordered) % 2 else statistics.median(ordered), q[0], q[2], ordered[0]


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("command", nargs=argparse.REMAINDER)
    args = parser.parse_args()
    words = args.command[1:] if args.command[:1] == ["--"] else args.command
    groups, current = [], []
    for word in words:
        if word == ":::":
            groups.append(current)
            current = []
        else:
            current.append(word)
    groups.append(current)
    if not groups[0]:
        parser.error("give a command after --")
    for command in groups:
        run_once(command)  # warm the file cache and any build or class-data archive
    walls = [[] for _ in groups]
    peaks = [[] for _ in groups]
    for _ in range(args.runs):
        for i, command in enumerate(groups):
            wall, peak = run_once(command)
            walls[i].append(wall)
            peaks[i].append(peak)
    print(f"{args.runs} runs each, alternated; load average {os.getloadavg()[0]:.2f}")
    print(f"{'':10}{'median':>10}{'p25':>10}{'p75':>10}{'min':>10}{'peak RSS':>12}")
    for i, command in enumerate(groups):
        median, p25, p75, low = quartiles(walls[i])
        label = "this" if i == 0 else f"base{i if len(groups) > 2 else ''}"
        print(f"{label:10}{median:8.0f}ms{p25:8.0f}ms{p75:8.0f}ms{low:8.0f}ms"
              f"{statistics.median(peaks[i]):9.0f} MB   {' '.join(command)}")
    for i in range(1, len(groups)):
        ratio = statistics.median(walls[0]) / statistics.median(walls[i])
        print(f"median wall ratio this/base{i if len(groups) > 2 else ''}: {ratio:.2f}")


if __name__ == "__main__":
    main()
