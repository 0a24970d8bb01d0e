#!/usr/bin/env python3
"""Times a cold `hearth query` on a device folder beside load_floor (read and pugixml-parse every
manifest on one thread, nothing else) alternately in fresh processes (hearth, floor, hearth, ...),
so that both see the same load on a shared machine, and writes as JSON their median CPU time (user
+ sys), median wall time and median peak RSS, the CPU ratio hearth / floor and the ratio of
hearth's peak RSS to the bytes of the manifests (as load_floor counts them). scripts/bench --load
uses it for issue 14: a cold query within 2x the floor's CPU and 1.5x the manifests' bytes of RSS.

hyperfine 1.15 runs every run of one command before the next command, so the alternation is done
here, with the same timing as batch_ratio.py (wait4 of the child).

Usage: load_ratio.py --runs N --out FILE --hearth "CMD" --floor "CMD"
       load_ratio.py --report FILE                                    (one Markdown line)
"""
import os
import re
import shlex
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
# One home for timing commands alternately and for the scripts' command line.
from batch_ratio import alternate, command_line  # noqa: E402

CPU_TARGET = 2.0  # hearth CPU / floor CPU
RSS_TARGET = 1.5  # hearth peak RSS / bytes of the manifests


def manifest_bytes(floor_command):
    out = subprocess.run(shlex.split(floor_command), capture_output=True, text=True, check=True).stdout
    found = re.search(r"manifests (\d+) bytes (\d+)", out)
    if not found:
        sys.exit(f"load_ratio.py: unexpected output of '{floor_command}': {out!r}")
    return int(found.group(1)), int(found.group(2))


def measure(commands, runs):
    manifests, size = manifest_bytes(commands["floor"])
    result = alternate(commands, runs)
    result.update(manifests=manifests, manifest_bytes=size)
    result["ratio_cpu"] = result["hearth_cpu"] / result["floor_cpu"]
    result["ratio_wall"] = result["hearth_wall"] / result["floor_wall"]
    result["ratio_rss"] = result["hearth_rss_kib"] * 1024 / size
    return result


def verdict(ok):
    return "met" if ok else "MISSED"


def report(r):
    mb = 1e6
    return (f"cold `hearth query` (web probe) / load_floor on {r['manifests']:,} manifests: "
            f"{r['hearth_cpu'] * 1e3:.0f} / {r['floor_cpu'] * 1e3:.0f} ms CPU = {r['ratio_cpu']:.2f}x "
            f"(wall {r['hearth_wall'] * 1e3:.0f} / {r['floor_wall'] * 1e3:.0f} ms = {r['ratio_wall']:.2f}x); "
            f"peak RSS {r['hearth_rss_kib'] * 1024 / mb:.1f} MB (floor {r['floor_rss_kib'] * 1024 / mb:.1f} MB) "
            f"for {r['manifest_bytes'] / mb:.1f} MB of manifests = {r['ratio_rss']:.2f}x; medians of "
            f"{r['runs']} alternating runs; targets <= {CPU_TARGET:g}x CPU: "
            f"{verdict(r['ratio_cpu'] <= CPU_TARGET)}, <= {RSS_TARGET:g}x RSS: "
            f"{verdict(r['ratio_rss'] <= RSS_TARGET)}")


if __name__ == "__main__":
    command_line(("hearth", "floor"), measure, report)
