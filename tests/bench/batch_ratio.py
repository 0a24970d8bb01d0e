#!/usr/bin/env python3
"""Times two commands alternately in fresh processes (cold, batch, cold, batch, ...) so that both
see the same load on a shared machine, and writes their median CPU time (user + sys of the child,
from wait4), median wall time and median peak RSS, and the ratios batch / cold, as JSON. scripts/bench uses it for
issue 14's "10,000 intents in one process at most 2x the cold load alone".

Usage: batch_ratio.py --runs N --out FILE --cold "CMD" --batch "CMD"   (stdout of both discarded)
       batch_ratio.py --report FILE                                    (one Markdown line)
"""
import argparse
import json
import os
import shlex
import statistics
import subprocess
import sys
import time


def timed(command):
    """Runs command once with stdout and stderr discarded; returns (CPU seconds of the child,
    wall seconds, the child's peak RSS in KiB as /usr/bin/time's %M reports it)."""
    start = time.perf_counter()
    with open(os.devnull, "wb") as devnull:
        child = subprocess.Popen(shlex.split(command), stdout=devnull, stderr=devnull)
        _, status, usage = os.wait4(child.pid, 0)
    wall = time.perf_counter() - start
    code = os.waitstatus_to_exitcode(status)
    if code not in (0, 3, 4):  # 3 chooser, 4 nothing found: answers, not failures
        sys.exit(f"batch_ratio.py: '{command}' exited {code}")
    return usage.ru_utime + usage.ru_stime, wall, usage.ru_maxrss


def alternate(commands, runs):
    """Runs every command of {name: command} once (a warm-up: the file cache), then `runs` rounds
    of each in turn, so that all see the same load; returns their median CPU time, wall time and
    peak RSS as {NAME_cpu, NAME_wall, NAME_rss_kib, NAME_cpu_runs, NAME_command, runs}."""
    for command in commands.values():
        timed(command)
    samples = {name: [] for name in commands}
    for _ in range(runs):
        for name, command in commands.items():
            samples[name].append(timed(command))
    result = {"runs": runs}
    for name, taken in samples.items():
        result[f"{name}_command"] = commands[name]
        result[f"{name}_cpu"] = statistics.median(cpu for cpu, _, _ in taken)
        result[f"{name}_wall"] = statistics.median(wall for _, wall, _ in taken)
        result[f"{name}_rss_kib"] = statistics.median(rss for _, _, rss in taken)
        result[f"{name}_cpu_runs"] = [round(cpu, 4) for cpu, _, _ in taken]
    return result


def command_line(names, measure, report):
    """The main() of a ratio script: `--runs N --out FILE --NAME "CMD"...` measures (stdout of
    every command discarded) and writes the JSON, `--report FILE` prints its Markdown line."""
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--out")
    parser.add_argument("--report")
    for name in names:
        parser.add_argument(f"--{name}")
    args = parser.parse_args()
    if args.report:
        with open(args.report) as f:
            print(report(json.load(f)))
        return
    result = measure({name: getattr(args, name) for name in names}, args.runs)
    with open(args.out, "w") as out:
        json.dump(result, out, indent=2)
    print(report(result), file=sys.stderr)


def measure(commands, runs):
    result = alternate(commands, runs)
    result["ratio_cpu"] = result["batch_cpu"] / result["cold_cpu"]
    result["ratio_wall"] = result["batch_wall"] / result["cold_wall"]
    return result


def report(r):
    verdict = "met" if r["ratio_cpu"] <= 2 else "MISSED"
    return (f"10,000 intents in one process / the cold load alone: {r['batch_cpu'] * 1e3:.0f} / "
            f"{r['cold_cpu'] * 1e3:.0f} ms CPU = {r['ratio_cpu']:.2f}x (wall {r['batch_wall'] * 1e3:.0f} / "
            f"{r['cold_wall'] * 1e3:.0f} ms = {r['ratio_wall']:.2f}x), medians of {r['runs']} alternating "
            f"runs; target <= 2x CPU: {verdict}")


if __name__ == "__main__":
    command_line(("cold", "batch"), measure, report)
