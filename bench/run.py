#!/usr/bin/env python3
"""remit's benchmark: SPEC.md's synthetic council (bench/gen_workload.py) at several sizes.

For each size it runs, with the policy bench/spec.remit (SPEC.md's derivation):
  derive  remit derive bench/spec.remit --structure S --format csv -o OUT
  check   remit check  bench/spec.remit --structure S --holders H --format json -o OUT
  whatif  remit whatif bench/spec.remit --structure S --move POST=MANAGER -o OUT
          (a post two levels down moved under a chief officer)
  whatif-branch  the same, moving a director and its whole branch to another chief officer
and reports the median wall time over the repeats, the peak resident memory, and the phase
timings remit prints with --verbose (parse+load, resolve, graph, evaluate, check, what-if,
compare). When ../shared is there it also builds the hand-written program of
../shared/bench/hand.cpp (Boost CSR graph) into the data folder, runs it on the same workload,
interleaved with remit's jobs, checks that it lists the same categories as remit, and prints
the two side by side with the ratio remit / hand.
Usage:  bench/run.py [--sizes 1000,100000,1000000] [--repeat 5] [--remit build/remit]
                     [--generator own|shared]
"""
import argparse
import csv
import hashlib
import os
import re
import statistics
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
SHARED = os.path.join(os.path.dirname(ROOT), "shared")


GENERATORS = {
    "own": os.path.join(HERE, "gen_workload.py"),
    "shared": os.path.join(SHARED, "bench", "gen_org.py"),
}
HAND_SOURCE = os.path.join(SHARED, "bench", "hand.cpp")


def workload(size, data_dir, generator="own"):
    """The workload's folder, generated again when the generator has changed since."""
    script = GENERATORS[generator]
    if not os.path.exists(script):
        raise SystemExit(f"the {generator} generator ({script}) is not there")
    with open(script, "rb") as f:
        stamp = hashlib.sha256(f.read()).hexdigest()
    out = os.path.join(data_dir, f"{generator}-{size}")
    stamp_file = os.path.join(out, "generator.sha256")
    if not os.path.exists(stamp_file) or read_text(stamp_file) != stamp:
        subprocess.run([sys.executable, script, "--posts", str(size), "--seed", "42", "--out",
                        out], check=True, stdout=subprocess.DEVNULL)
        with open(stamp_file, "w") as f:
            f.write(stamp)
    return out


def read_text(path):
    with open(path) as f:
        return f.read()


def build_hand(data_dir):
    """The hand-written program of ../shared/bench/hand.cpp, built into the data folder (never
    committed) when its source is newer; None without ../shared."""
    if not os.path.exists(HAND_SOURCE):
        return None
    exe = os.path.join(data_dir, "hand_csr")
    if not os.path.exists(exe) or os.path.getmtime(exe) < os.path.getmtime(HAND_SOURCE):
        subprocess.run(["g++", "-O2", "-std=c++17", "-DHAND_CSR", HAND_SOURCE, "-o", exe],
                       check=True)
    return exe


def same_categories(remit_csv, hand_csv):
    """Whether remit's derive (category,id,... with a header) and the hand-written program
    (id,category, no header) list the same posts in the same categories. Run in a separate
    process, like pick_move."""
    with open(remit_csv, newline="") as f:
        remit = {(r["id"], r["category"]) for r in csv.DictReader(f)}
    with open(hand_csv, newline="") as f:
        hand = {(r[0], r[1]) for r in csv.reader(f)}
    return remit == hand


def pick_move(structure_csv, kind="post"):
    """The --move of a what-if job: real restructurings that cannot create a cycle. Worked out
    in a separate process: reading a million rows here would grow this process, and a child's
    peak memory (ru_maxrss) counts the pages it shares with its parent between fork and exec."""
    return subprocess.run([sys.executable, __file__, "--pick-move", kind, structure_csv],
                          check=True, capture_output=True, text=True).stdout.strip()


def pick_move_here(structure_csv, kind="post"):
    """post: a post two or more levels down, moved under the first post that reports to the
    root. branch: the director with the most direct reports under the first chief officer,
    moved with everything below it under the second chief officer."""
    with open(structure_csv, newline="") as f:
        rows = list(csv.DictReader(f))
    manager = {r["id"]: r["reports_to"] for r in rows}
    root = next(r["id"] for r in rows if not r["reports_to"])
    under_root = [r["id"] for r in rows if r["reports_to"] == root]
    if kind == "branch":
        reports = {}
        for r in rows:
            if manager.get(r["reports_to"]) == under_root[0]:
                reports[r["reports_to"]] = reports.get(r["reports_to"], 0) + 1
        director = max(reports, key=reports.get)
        return f"{director}={under_root[1]}"
    for r in rows[len(rows) // 2:]:
        m = r["reports_to"]
        if m and m != root and manager.get(m) and r["id"] != under_root[0]:
            return f"{r['id']}={under_root[0]}"
    raise SystemExit("no post to move")


# A child's peak memory (ru_maxrss) starts at what its parent had resident when it forked, so
# measured from this Python process every figure would be at least this process's ~20 MiB.
# GNU time forks the command from its own small process and writes the command's own peak.
GNU_TIME = "/usr/bin/time" if os.access("/usr/bin/time", os.X_OK) else None


def run_once(cmd, scratch):
    """Wall time, peak resident memory (MiB) of this one process, and its phase timings."""
    peak_file = os.path.join(scratch, "peak-kib")
    launch = [GNU_TIME, "-f", "%M", "-o", peak_file] + cmd if GNU_TIME else cmd
    with open(os.devnull, "w") as devnull, subprocess.Popen(
            launch, stdout=devnull, stderr=subprocess.PIPE, text=True) as p:
        start = time.perf_counter()
        stderr = p.stderr.read()
        _, status, usage = os.wait4(p.pid, 0)  # this child's own rusage, not all children's
        wall = time.perf_counter() - start
        p.returncode = os.waitstatus_to_exitcode(status)
    if p.returncode not in (0, 1):
        raise SystemExit(f"failed ({p.returncode}): {' '.join(cmd)}\n{stderr}")
    peak_kib = usage.ru_maxrss
    if GNU_TIME:
        with open(peak_file) as f:
            peak_kib = int(f.read().split()[-1])
    phases = {m.group(1): float(m.group(2))
              for m in re.finditer(r"phase (\S+)\s+([0-9.]+) ms", stderr)}
    return wall, peak_kib / 1024.0, phases


def measure(jobs, repeat, scratch):
    """Each job `repeat` times, the jobs taking turns (derive, check, ..., derive, check, ...)
    so that a slower spell of a shared machine falls on all of them alike. For each job: median
    wall time, peak resident memory, and the phase timings of the run closest to the median."""
    runs = {job: [] for job in jobs}
    for _ in range(repeat):
        for job, cmd in jobs.items():
            runs[job].append(run_once(cmd, scratch))
    result = {}
    for job, job_runs in runs.items():
        median = statistics.median(r[0] for r in job_runs)
        chosen = min(job_runs, key=lambda r: abs(r[0] - median))
        result[job] = (median, max(r[1] for r in job_runs), chosen[2])
    return result


def main():
    if len(sys.argv) == 4 and sys.argv[1] == "--pick-move":
        print(pick_move_here(sys.argv[3], sys.argv[2]))
        return
    if len(sys.argv) == 4 and sys.argv[1] == "--same-categories":
        print("yes" if same_categories(sys.argv[2], sys.argv[3]) else "no")
        return
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--sizes", default="1000,100000,1000000")
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument("--remit", default=os.path.join(ROOT, "build", "remit"))
    ap.add_argument("--data", default=os.path.join(HERE, "data"))
    ap.add_argument("--generator", choices=sorted(GENERATORS), default="own",
                    help="own: bench/gen_workload.py (the default); shared: "
                         "../shared/bench/gen_org.py, the reference generator")
    args = ap.parse_args()
    if not os.path.exists(GENERATORS[args.generator]):
        ap.error(f"--generator {args.generator}: {GENERATORS[args.generator]} is not there")
    policy = os.path.join(HERE, "spec.remit")
    os.makedirs(args.data, exist_ok=True)
    out = os.path.join(args.data, "results")  # the outputs of every job, replaced each run
    os.makedirs(out, exist_ok=True)
    hand = build_hand(args.data)
    if hand is None:
        print(f"The hand-written comparison is skipped: {HAND_SOURCE} is not there.", flush=True)
    rows, beside = [], []
    for size in [int(s) for s in args.sizes.split(",")]:
        d = workload(size, args.data, args.generator)
        s, h = os.path.join(d, "structure.csv"), os.path.join(d, "holders.csv")
        repeat = args.repeat if size < 1_000_000 else max(3, args.repeat // 2)
        derived = os.path.join(out, "derive.csv")
        jobs = {
            "derive": [args.remit, "derive", policy, "--structure", s, "--format", "csv", "-o",
                       derived, "-v"],
            "check": [args.remit, "check", policy, "--structure", s, "--holders", h, "--format",
                      "json", "-o", os.path.join(out, "check.json"), "-v"],
            "whatif": [args.remit, "whatif", policy, "--structure", s, "--move", pick_move(s),
                       "-o", os.path.join(out, "whatif.txt"), "-v"],
            "whatif-branch": [args.remit, "whatif", policy, "--structure", s, "--move",
                              pick_move(s, "branch"), "-o", os.path.join(out, "whatif.txt"),
                              "-v"],
        }
        if hand:
            jobs["hand"] = [hand, d, out]
        for job, (wall, rss, phases) in measure(jobs, repeat, out).items():
            rows.append((size, job, wall, rss, phases))
            print(f"{size:>9} {job:<13} {wall:7.3f} s {rss:8.1f} MiB  " +
                  "  ".join(f"{k} {v:.1f}" for k, v in phases.items()), flush=True)
        if hand:
            agree = subprocess.run([sys.executable, __file__, "--same-categories", derived,
                                    os.path.join(out, "categories.csv")], check=True,
                                   capture_output=True, text=True).stdout.strip()
            beside.append((size, agree))
            print(f"{size:>9} remit and the hand-written program list the same categories: "
                  f"{agree}", flush=True)
    # What a what-if adds once the structure is loaded and derived (its "what-if" and "compare"
    # phases), against the whole derive job: the issues ask for well under a tenth.
    derive_wall = {size: wall for size, job, wall, _, _ in rows if job == "derive"}
    for size, job, wall, rss, phases in rows:
        if job.startswith("whatif") and size in derive_wall:
            extra = phases.get("what-if", 0.0) + phases.get("compare", 0.0)
            share = 100 * extra / 1000 / derive_wall[size]
            print(f"{size:>9} {job}: what-if + compare {extra:.1f} ms = {share:.1f}% of derive "
                  f"({derive_wall[size]:.3f} s)")
    print(f"\nworkload: {args.generator} generator, seed 42")
    print("\n| posts | command | median wall | peak RSS | phases (ms) |")
    print("|---:|---|---:|---:|---|")
    for size, job, wall, rss, phases in rows:
        if job == "hand":
            continue
        ph = ", ".join(f"{k} {v:.1f}" for k, v in phases.items())
        print(f"| {size:,} | {job} | {wall:.3f} s | {rss:.0f} MiB | {ph} |")
    if not hand:
        print("\nThe hand-written comparison is skipped (no ../shared/bench/hand.cpp).")
        return
    # Side by side: the hand-written program computes SPEC.md's categories, violations and
    # aggregate in one run; remit's derive lists the categories, its check the categories and
    # the breaches.
    measured = {(size, job): (wall, rss) for size, job, wall, rss, _ in rows}
    print("\n| posts | hand-written (CSR) | remit derive | derive / hand | remit check "
          "| check / hand | same categories |")
    print("|---:|---:|---:|---:|---:|---:|---|")
    for size, agree in beside:
        hw, hm = measured[(size, "hand")]
        cells = [f"{hw:.3f} s, {hm:.0f} MiB"]
        for job in ("derive", "check"):
            w, m = measured[(size, job)]
            cells += [f"{w:.3f} s, {m:.0f} MiB", f"{w / hw:.2f}x time, {m / hm:.2f}x memory"]
        print(f"| {size:,} | " + " | ".join(cells) + f" | {agree} |")


if __name__ == "__main__":
    main()
