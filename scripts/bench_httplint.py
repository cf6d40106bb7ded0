#!/usr/bin/env python3
"""Lints the benchmark messages with httplint (the engine behind REDbot) and prints the time
per response in microseconds (median of five batches) as JSON: {"api-12-headers": us, "html-25-headers": us}.
Usage: bench_httplint.py DATA_DIR [ITERATIONS]"""
import json, sys, time
from pathlib import Path

from httplint import HttpResponseLinter


def parse(raw: bytes):
    head, _, body = raw.partition(b"\r\n\r\n")
    lines = head.split(b"\r\n")
    version, status, reason = (lines[0].split(b" ", 2) + [b""])[:3]
    headers = [tuple(x.strip() for x in l.split(b":", 1)) for l in lines[1:]]
    return version, status, reason, headers, body


def lint_once(msg):
    version, status, reason, headers, body = msg
    linter = HttpResponseLinter()
    linter.process_response_topline(version, status, reason)
    linter.process_headers(headers)
    linter.feed_content(body)
    linter.finish_content(True)
    return linter.notes


def main():
    data = Path(sys.argv[1])
    n = int(sys.argv[2]) if len(sys.argv) > 2 else 2000
    out = {}
    for name, file in [("api-12-headers", "api-12.http"), ("html-25-headers", "html-25.http")]:
        msg = parse((data / file).read_bytes())
        notes = lint_once(msg)
        for _ in range(50):  # warm-up
            lint_once(msg)
        # Five batches, the median batch: as robust to a scheduling hiccup as criterion's median.
        batches = []
        for _ in range(5):
            start = time.perf_counter()
            for _ in range(n // 5):
                lint_once(msg)
            batches.append((time.perf_counter() - start) / (n // 5) * 1e6)
        out[name] = sorted(batches)[2]
        out[name + ".notes"] = len(notes)
    print(json.dumps(out))


if __name__ == "__main__":
    main()
