#!/usr/bin/env python3
"""Times opening a device in the explorer (`hearth-gui --screenshot`: load, both home reports, every
panel filled, one frame rendered, exit) beside the CLI answering the same question (`hearth home
--compare`: load, both home reports, text out) and beside the load alone (`hearth query` of the HOME
intent), alternately in fresh processes, and writes as JSON their median wall time, CPU time and
peak RSS and the explorer's ratios to each. scripts/bench --gui uses it for issue 16: opening the
10,000-package device takes at most twice the CLI's time and memory.

Usage: gui_ratio.py --runs N --out FILE --gui "CMD" --home "CMD" --load "CMD"
       gui_ratio.py --report FILE                                          (one Markdown line)
"""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
# One home for timing commands alternately and for the scripts' command line.
from batch_ratio import alternate, command_line  # noqa: E402

TARGET = 2.0  # explorer / CLI, for wall time, CPU time and peak RSS alike


def measure(commands, runs):
    result = alternate(commands, runs)
    for peer in ("home", "load"):
        for what in ("wall", "cpu", "rss_kib"):
            result[f"ratio_{what}_{peer}"] = result[f"gui_{what}"] / result[f"{peer}_{what}"]
    return result


def verdict(ratio):
    return "met" if ratio <= TARGET else "MISSED"


def report(r):
    mb = 1024 / 1e6
    return (f"open the device in hearth-gui (--screenshot, offscreen) / `hearth home --compare`: "
            f"wall {r['gui_wall'] * 1e3:.0f} / {r['home_wall'] * 1e3:.0f} ms = "
            f"{r['ratio_wall_home']:.2f}x ({verdict(r['ratio_wall_home'])}), "
            f"CPU {r['gui_cpu'] * 1e3:.0f} / {r['home_cpu'] * 1e3:.0f} ms = "
            f"{r['ratio_cpu_home']:.2f}x ({verdict(r['ratio_cpu_home'])}), "
            f"peak RSS {r['gui_rss_kib'] * mb:.0f} / {r['home_rss_kib'] * mb:.0f} MB = "
            f"{r['ratio_rss_kib_home']:.2f}x ({verdict(r['ratio_rss_kib_home'])}); against the "
            f"load alone (`hearth query`, {r['load_wall'] * 1e3:.0f} ms wall, "
            f"{r['load_cpu'] * 1e3:.0f} ms CPU, {r['load_rss_kib'] * mb:.0f} MB): "
            f"{r['ratio_wall_load']:.2f}x wall, {r['ratio_cpu_load']:.2f}x CPU, "
            f"{r['ratio_rss_kib_load']:.2f}x RSS; medians of {r['runs']} alternating runs; "
            f"target <= {TARGET:g}x")


if __name__ == "__main__":
    command_line(("gui", "home", "load"), measure, report)
