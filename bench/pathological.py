#!/usr/bin/env python3
"""Inputs built to make remit do quadratic work, each at a size N and at 2N.

Each case is generated into bench/data/pathological/, run end to end with the built remit CLI
(the median of --repeat runs), and reported as: case, size, wall and CPU seconds, and the
ratio of the CPU time at 2N to the CPU time at N, divided by 2 (CPU time, because wall time on
a shared machine says more about the neighbours). Linear cost gives about 1; quadratic cost
gives about 2. A ratio above 1.5 (time at 2N more than 3x the time at N) fails the run.

  unknown-holders    N posts, each with a holder nobody declared (the people, N of them, come
                     from a holders CSV); every error looks for a "did you mean" among N people
  remove-manager     a what-if removing a post with N direct reports, who move up a level
  category-chain     N categories, category k+1 when category k
  undefined-refs     N categories, each referring to a category that is not defined; every
                     error lists the defined categories

Usage:  bench/pathological.py [--scale 1] [--repeat 3] [--remit build/remit]
(--scale multiplies every size: --scale 0.1 for a quick look.)
"""
import argparse
import os
import resource
import statistics
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)


def write(path, text):
    with open(path, "w") as f:
        f.write(text)


def unknown_holders(d, n):
    """Posts whose holders are misspelt ids of people in a holders CSV: each error's suggestion
    is searched for among every person."""
    policy = ['body council "Council"']
    for i in range(n):
        policy.append(f'post post_{i:07d} "Officer" {{ reports to council holder persn_{i:07d} }}')
    write(os.path.join(d, "policy.remit"), "\n".join(policy) + "\n")
    rows = ["person,post_id"] + [f"person_{i:07d},post_{i:07d}" for i in range(n)]
    write(os.path.join(d, "holders.csv"), "\n".join(rows) + "\n")
    return ["check", os.path.join(d, "policy.remit"), "--holders", os.path.join(d, "holders.csv")]


def remove_manager(d, n):
    """A what-if removing the one post that n posts report to: every report moves up to the
    chief executive."""
    rows = ["id,title,service,directorate,reports_to,designations,flags",
            "ceo,Chief Executive,,,,,", "boss,Director,,,ceo,,"]
    rows += [f"r{i},Officer,,,boss,,delegated_powers" for i in range(n)]
    write(os.path.join(d, "structure.csv"), "\n".join(rows) + "\n")
    policy = ('use "uk/roles"\n'
              'category 1 "Reporting to the chief executive" { when reports directly to ceo }\n'
              'category 2 "Below the chief executive" { when reports to ceo }\n'
              'category 3 "Managing" { when manages any post }\n')
    write(os.path.join(d, "policy.remit"), policy)
    return ["whatif", os.path.join(d, "policy.remit"), "--structure",
            os.path.join(d, "structure.csv"), "--remove", "boss"]


def category_chain(d, n):
    lines = ['post ceo "Chief Executive"', 'category 1 "C1" { when any post }']
    lines += [f'category {k + 1} "C{k + 1}" {{ when category {k} }}' for k in range(1, n)]
    write(os.path.join(d, "policy.remit"), "\n".join(lines) + "\n")
    return ["derive", os.path.join(d, "policy.remit")]


def undefined_refs(d, n):
    lines = ['post ceo "Chief Executive"']
    lines += [f'category {k} "C{k}" {{ when category {n + k} }}' for k in range(1, n + 1)]
    write(os.path.join(d, "policy.remit"), "\n".join(lines) + "\n")
    return ["derive", os.path.join(d, "policy.remit")]


CASES = [  # name, generator, N (the second size is 2N)
    ("unknown-holders", unknown_holders, 8_000),
    ("remove-manager", remove_manager, 20_000),
    ("category-chain", category_chain, 600_000),
    ("undefined-refs", undefined_refs, 20_000),
]


def cpu_of_children():
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def run(remit, args, repeat, out, timeout):
    """Median wall time and CPU time (user + system: steadier than wall time on a shared
    machine), exit status and the size of what remit wrote (stdout and stderr); the times are
    None when a run did not finish within `timeout` seconds."""
    walls, cpus = [], []
    for _ in range(repeat):
        with open(out, "w") as f:
            start, cpu = time.perf_counter(), cpu_of_children()
            try:
                status = subprocess.run([remit] + args, stdout=f, stderr=subprocess.STDOUT,
                                        timeout=timeout).returncode
            except subprocess.TimeoutExpired:
                return None, None, "-", os.path.getsize(out)
            walls.append(time.perf_counter() - start)
            cpus.append(cpu_of_children() - cpu)
    if status not in (0, 1, 2):
        raise SystemExit(f"remit failed ({status}): {' '.join(args)}")
    return statistics.median(walls), statistics.median(cpus), status, os.path.getsize(out)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--scale", type=float, default=1.0)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--remit", default=os.path.join(ROOT, "build", "remit"))
    ap.add_argument("--data", default=os.path.join(HERE, "data", "pathological"))
    ap.add_argument("--only", help="run only the case of this name")
    ap.add_argument("--timeout", type=float, default=120.0, help="seconds allowed for one run")
    args = ap.parse_args()
    rows, failed = [], []
    for name, generate, base in CASES:
        if args.only and name != args.only:
            continue
        seconds = []
        for n in (max(1, int(base * args.scale)), 2 * max(1, int(base * args.scale))):
            d = os.path.join(args.data, f"{name}-{n}")
            os.makedirs(d, exist_ok=True)
            cmd = generate(d, n)
            wall, cpu, status, written = run(args.remit, cmd, args.repeat,
                                             os.path.join(d, "out.txt"), args.timeout)
            seconds.append(cpu)
            ratio = ""
            if len(seconds) == 2:
                ratio = (f"{seconds[1] / max(seconds[0], 1e-3) / 2:.2f}"
                         if None not in seconds else "-")
            shown = f"{wall:.3f}" if wall is not None else f"> {args.timeout:.0f}"
            shown_cpu = f"{cpu:.3f}" if cpu is not None else "-"
            rows.append((name, n, shown, shown_cpu, status, written, ratio))
            print(f"{name:<16} {n:>9,} {shown:>8} s wall {shown_cpu:>8} s cpu  exit {status}  "
                  f"{written:>10,} bytes  {ratio}", flush=True)
            if wall is None:
                break
        if None in seconds or seconds[1] > 3 * max(seconds[0], 1e-3):
            failed.append(name)
    print("\n| case | size | wall s | CPU s | exit | output | CPU(2N) / CPU(N) / 2 |")
    print("|---|---:|---:|---:|---:|---:|---:|")
    for name, n, wall, cpu, status, written, ratio in rows:
        print(f"| {name} | {n:,} | {wall} | {cpu} | {status} | {written:,} B | {ratio} |")
    if failed:
        raise SystemExit("closer to quadratic than linear: " + ", ".join(failed))


if __name__ == "__main__":
    main()
