#!/usr/bin/env python3
"""Writes N intent lines for `hearth query DEVICE --batch` (issue 14's batch workload): questions a
tool asks of a whole device, drawn from what the device's own manifests declare, so the answers are
of the size such targeted questions get. Package i (in sorted order, cycling) gives one line: a
link to a host it declares, else a MIME type of its own (vnd.*), else an action of its own (not
android.*), else the HOME probe. Platform actions and common types (SEND text/plain, SEARCH, ...)
are left out: on this device 1,000+ packages declare each, so one answer is 650 KB of JSON and such
a batch measures JSON rendering, not the one load (the query benchmarks cover long answers).
Deterministic for a device.

Usage: batch_intents.py DEVICE_DIR N > intents.txt
"""
import pathlib
import re
import sys

ACTION = re.compile(r'<action android:name="([^"]+)"')
HOST = re.compile(r'android:host="([^"*]+)"')
MIME = re.compile(r'android:mimeType="([^"*]+/[^"*]+)"')
HOME = "-a android.intent.action.MAIN -c android.intent.category.HOME"


def line_for(manifest):
    text = manifest.read_text(encoding="utf-8")
    actions = [a for a in ACTION.findall(text) if not a.startswith("android.")]
    hosts = HOST.findall(text)
    mimes = [m for m in MIME.findall(text) if m.split("/", 1)[1].startswith("vnd.")]
    if hosts:
        return ("-a android.intent.action.VIEW -c android.intent.category.BROWSABLE "
                f"-d https://{hosts[0]}/item/1")
    if mimes:
        return f"-a android.intent.action.VIEW -t {mimes[0]}"
    if actions:
        return f"-a {actions[0]}"
    return HOME


def main():
    device, count = pathlib.Path(sys.argv[1]), int(sys.argv[2])
    manifests = sorted(device.glob("*/AndroidManifest.xml"))
    if not manifests:
        sys.exit(f"batch_intents.py: no */AndroidManifest.xml in {device}")
    for i in range(count):
        print(line_for(manifests[i % len(manifests)]))


if __name__ == "__main__":
    main()
