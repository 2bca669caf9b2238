#!/usr/bin/env python3
"""How long the language server takes to check a policy again after an edit.

  python3 bench/lsp_bench.py [--posts 1000] [--edits 50] [--remit build/remit]

Writes a policy of N posts (a Chief Executive, eight directors with statutory designations, the
rest in a tree below them, in one structure.remit beside a council.remit that uses the Act's
categories) to a temporary folder, starts `remit lsp`, opens structure.remit, then sends
--edits full-text changes (alternately breaking a line and mending it) and times each from the
change sent to its diagnostics received: the whole re-check (parse, resolve, evaluate, the
diagnostics written) as the editor sees it. Prints the median, the 95th percentile and the
slowest. python3 standard library only.
"""
import argparse
import json
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)


def policy(posts, seed=42):
    rng = random.Random(seed)
    roles = ["monitoring_officer", "section_151_officer", "director_of_childrens_services",
             "director_of_adult_social_services", "director_of_public_health", None, None, None]
    lines = ['post ceo "Chief Executive" {\n  reports to council\n'
             '  designated head_of_paid_service\n}\n']
    ids = ["ceo"]
    for d in range(8):
        pid = f"dir{d}"
        role = roles[d]
        lines.append(f'post {pid} "Director {d}" {{\n  directorate "Directorate {d}"\n'
                     f'  reports to ceo\n' + (f"  designated {role}\n" if role else "") + "}\n")
        ids.append(pid)
    for n in range(posts - len(ids)):
        pid = f"p{n}"
        manager = ids[rng.randrange(max(1, len(ids) // 2), len(ids))] if n > 50 else \
            f"dir{n % 8}"
        duty = "  duties clerical\n" if rng.random() < 0.15 else ""
        lines.append(f'post {pid} "Officer {n}" {{\n  service "Service {n % 40}"\n'
                     f"  reports to {manager}\n{duty}}}\n")
        ids.append(pid)
    return "".join(lines)


class Client:
    def __init__(self, remit):
        self.proc = subprocess.Popen([remit, "lsp"], stdin=subprocess.PIPE,
                                     stdout=subprocess.PIPE)

    def send(self, message):
        body = json.dumps(message).encode()
        self.proc.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
        self.proc.stdin.flush()

    def receive(self):
        length = None
        while True:
            line = self.proc.stdout.readline()
            if not line:
                raise SystemExit("remit lsp closed its output")
            if line in (b"\r\n", b"\n"):
                break
            if line.lower().startswith(b"content-length:"):
                length = int(line.split(b":")[1])
        return json.loads(self.proc.stdout.read(length))

    def diagnostics(self, uri, version):
        while True:
            m = self.receive()
            p = m.get("params", {})
            if m.get("method") == "textDocument/publishDiagnostics" and p.get("uri") == uri \
                    and p.get("version") == version:
                return p["diagnostics"]


def main():
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--posts", type=int, default=1000)
    ap.add_argument("--edits", type=int, default=50)
    ap.add_argument("--remit", default=os.path.join(ROOT, "build", "remit"))
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        with open(os.path.join(folder, "council.remit"), "w") as f:
            f.write('use "uk/lgha1989"\nuse "uk/statutory_officers"\n'
                    'body council "Full Council"\n')
        text = policy(args.posts)
        path = os.path.join(folder, "structure.remit")
        with open(path, "w") as f:
            f.write(text)
        uri = "file://" + os.path.realpath(path)
        client = Client(args.remit)
        client.send({"jsonrpc": "2.0", "id": 1, "method": "initialize",
                     "params": {"capabilities": {}}})
        client.receive()
        client.send({"jsonrpc": "2.0", "method": "initialized", "params": {}})
        client.send({"jsonrpc": "2.0", "method": "textDocument/didOpen", "params": {
            "textDocument": {"uri": uri, "languageId": "remit", "version": 1, "text": text}}})
        if client.diagnostics(uri, 1):
            raise SystemExit("the generated policy has errors")
        broken = text.replace("reports to ceo\n", "reports to ce\n", 1)
        times = []
        for version in range(2, args.edits + 2):
            edited = broken if version % 2 == 0 else text
            start = time.perf_counter()
            client.send({"jsonrpc": "2.0", "method": "textDocument/didChange", "params": {
                "textDocument": {"uri": uri, "version": version},
                "contentChanges": [{"text": edited}]}})
            found = client.diagnostics(uri, version)
            times.append((time.perf_counter() - start) * 1000)
            if bool(found) != (version % 2 == 0):
                raise SystemExit(f"edit {version}: unexpected diagnostics {found}")
        client.send({"jsonrpc": "2.0", "id": 2, "method": "shutdown"})
        client.receive()
        client.send({"jsonrpc": "2.0", "method": "exit"})
        status = client.proc.wait(timeout=10)
    times.sort()
    p95 = times[min(len(times) - 1, int(round(0.95 * (len(times) - 1))))]
    print(f"remit lsp, {args.posts} posts ({len(text)} bytes), {args.edits} edits: re-check "
          f"median {statistics.median(times):.1f} ms, p95 {p95:.1f} ms, "
          f"slowest {times[-1]:.1f} ms (exit {status})")
    return 0 if status == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
