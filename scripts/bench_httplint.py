#!/usr/bin/env python3
"""Lints the benchmark messages with httplint (the engine behind REDbot) and prints the time
per response in microseconds (median of five batches) as JSON:
  {"api-12-headers": us, "html-25-headers": us,                    the response alone
   "exchange:api-12-headers": us, "exchange:html-25-headers": us}   with the request it answered
The request is the one the criterion and browser benchmarks give Status Lab: GET
https://app.example.com/items/42 with `Origin: https://app.example.com`. httplint lints it too
(that is what it does with a request) and its response checks read it (status, CORS, caching).
Usage: bench_httplint.py DATA_DIR [ITERATIONS]"""
import json, sys, time
from pathlib import Path

from httplint import HttpRequestLinter, HttpResponseLinter

REQUEST = (b"GET", b"https://app.example.com/items/42", b"HTTP/1.1", [(b"Origin", b"https://app.example.com")])


def parse(raw: bytes):
    head, _, body = raw.partition(b"\r\n\r\n")
    lines = head.split(b"\r\n")
    version, status, reason = (lines[0].split(b" ", 2) + [b""])[:3]
    headers = [tuple(x.strip() for x in l.split(b":", 1)) for l in lines[1:]]
    return version, status, reason, headers, body


def lint_once(msg, with_request=False):
    version, status, reason, headers, body = msg
    request = None
    if with_request:
        method, target, req_version, req_headers = REQUEST
        request = HttpRequestLinter()
        request.process_request_topline(method, target, req_version)
        request.process_headers(req_headers)
        request.finish_content(True)
    linter = HttpResponseLinter(_related=request)
    if request is not None:
        request.response = linter
    linter.process_response_topline(version, status, reason)
    linter.process_headers(headers)
    linter.feed_content(body)
    linter.finish_content(True)
    return linter.notes


def main():
    data = Path(sys.argv[1])
    n = int(sys.argv[2]) if len(sys.argv) > 2 else 2000
    out = {}
    for with_request in (False, True):
        for name, file in [("api-12-headers", "api-12.http"), ("html-25-headers", "html-25.http")]:
            key = ("exchange:" if with_request else "") + name
            msg = parse((data / file).read_bytes())
            notes = lint_once(msg, with_request)
            for _ in range(50):  # warm-up
                lint_once(msg, with_request)
            # Five batches, the median batch: as robust to a scheduling hiccup as criterion's median.
            batches = []
            for _ in range(5):
                start = time.perf_counter()
                for _ in range(n // 5):
                    lint_once(msg, with_request)
                batches.append((time.perf_counter() - start) / (n // 5) * 1e6)
            out[key] = sorted(batches)[2]
            out[key + ".notes"] = len(notes)
    print(json.dumps(out))


if __name__ == "__main__":
    main()
