#!/usr/bin/env python3
"""remit's benchmark: SPEC.md's synthetic council (bench/gen_workload.py) at several sizes.

For each size it runs, with the policy bench/spec.remit (SPEC.md's derivation):
  derive  remit derive bench/spec.remit --structure S --format csv -o OUT
  check   remit check  bench/spec.remit --structure S --holders H --format json -o OUT
  whatif  remit whatif bench/spec.remit --structure S --move POST=MANAGER -o OUT
          (a post two levels down moved under a chief officer)
  whatif-branch  the same, moving a director and its whole branch to another chief officer
  diff    remit diff S S2 --policy bench/spec.remit -o OUT, S2 a second export of the same
          council (a post in a thousand moved under a chief officer, one in 997 retitled)
  explain remit explain bench/spec.remit POST --structure S -o OUT (the post the what-if moves)
and reports the median wall time over the repeats, the peak resident memory, and the phase
timings remit prints with --verbose (parse+load, resolve, graph, evaluate, check, what-if,
compare). When ../shared is there it also builds the hand-written program of
../shared/bench/hand.cpp (Boost CSR graph) into the data folder, runs it on the same workload,
interleaved with remit's jobs, checks that it lists the same categories as remit, and prints
the two side by side with the ratio remit / hand.
Usage:  bench/run.py [--sizes 1000,100000,1000000] [--repeat 5] [--remit build/remit]
                     [--generator own|shared] [--jobs derive,check,...]
        bench/run.py --scaling [--sizes 10000,...,2000000]   derive (and the hand-written
                     program) only, with the cost per post at each size
        bench/run.py --categories 10000 [--sizes 100000]     derive with a generated policy of
                     that many categories (bench/data/categories-N.remit)
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


def second_export(structure_csv):
    """The same council a while later, for `diff`: every thousandth post that is two or more
    levels down moved under the first chief officer (no cycle can follow), every 997th post
    retitled. Written beside the export once; made in a separate process, like pick_move."""
    out = os.path.join(os.path.dirname(structure_csv), "structure-later.csv")
    if not os.path.exists(out) or os.path.getmtime(out) < os.path.getmtime(structure_csv):
        subprocess.run([sys.executable, __file__, "--second-export", structure_csv, out],
                       check=True)
    return out


def second_export_here(structure_csv, out):
    with open(structure_csv, newline="") as f:
        rows = list(csv.reader(f))
    header, body = rows[0], rows[1:]
    at = {name: k for k, name in enumerate(header)}
    ident, manager, title = at["id"], at["reports_to"], at["title"]
    manager_of = {r[ident]: r[manager] for r in body}
    root = next(r[ident] for r in body if not r[manager])
    chiefs = {r[ident] for r in body if r[manager] == root}
    first_chief = next(r[ident] for r in body if r[manager] == root)
    for k, r in enumerate(body):
        m = r[manager]
        if k % 1000 == 0 and m and m != root and manager_of.get(m) != root and \
                r[ident] not in chiefs:
            r[manager] = first_chief
        if k % 997 == 0:
            r[title] += " (regraded)"
    with open(out, "w", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(header)
        w.writerows(body)


def many_categories_policy(count, data_dir):
    """A policy of `count` categories over SPEC.md's vocabulary, each a few clauses deep (a
    designation or two duties, not a clerical post, reporting directly to the category before),
    to see whether memory grows with the size of the policy."""
    path = os.path.join(data_dir, f"categories-{count}.remit")
    if os.path.exists(path):
        return path
    duties = ["delegated_powers", "advises_authority", "speaks_to_media"]
    lines = ['use "uk/roles"', ""]
    for n in range(1, count + 1):
        if n == 1:
            when = "designated head_of_paid_service"
        else:
            a, b = duties[n % 3], duties[(n + 1) % 3]
            when = (f"(duty {a} or duty {b} or reports directly to category {n - 1})\n"
                    f"   and not duty clerical")
        lines.append(f'category {n} "Category {n}" {{\n  when {when}\n}}')
    with open(path, "w") as f:
        f.write("\n".join(lines) + "\n")
    return path


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
    if len(sys.argv) == 4 and sys.argv[1] == "--second-export":
        second_export_here(sys.argv[2], sys.argv[3])
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
    ap.add_argument("--jobs", default="derive,check,whatif,whatif-branch,diff,explain,hand",
                    help="which jobs to run, of derive, check, whatif, whatif-branch, diff, "
                         "explain and hand")
    ap.add_argument("--scaling", action="store_true",
                    help="derive and the hand-written program only, from 10,000 to 2,000,000 "
                         "posts unless --sizes says, with the cost per post")
    ap.add_argument("--categories", type=int, default=0,
                    help="derive with a generated policy of this many categories (at 100,000 "
                         "posts unless --sizes says)")
    args = ap.parse_args()
    if args.scaling:
        if args.sizes == ap.get_default("sizes"):
            args.sizes = "10000,100000,500000,1000000,2000000"
        args.jobs = "derive,hand"
    if args.categories:
        if args.sizes == ap.get_default("sizes"):
            args.sizes = "100000"
        args.jobs = "derive"
    wanted = set(args.jobs.split(","))
    if not os.path.exists(GENERATORS[args.generator]):
        ap.error(f"--generator {args.generator}: {GENERATORS[args.generator]} is not there")
    policy = os.path.join(HERE, "spec.remit")
    os.makedirs(args.data, exist_ok=True)
    if args.categories:
        policy = many_categories_policy(args.categories, args.data)
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
        moved = pick_move(s)
        jobs = {
            "derive": [args.remit, "derive", policy, "--structure", s, "--format", "csv", "-o",
                       derived, "-v"],
            "check": [args.remit, "check", policy, "--structure", s, "--holders", h, "--format",
                      "json", "-o", os.path.join(out, "check.json"), "-v"],
            "whatif": [args.remit, "whatif", policy, "--structure", s, "--move", moved,
                       "-o", os.path.join(out, "whatif.txt"), "-v"],
            "whatif-branch": [args.remit, "whatif", policy, "--structure", s, "--move",
                              pick_move(s, "branch"), "-o", os.path.join(out, "whatif.txt"),
                              "-v"],
            "diff": [args.remit, "diff", s, second_export(s), "--policy", policy, "-o",
                     os.path.join(out, "diff.txt"), "-v"],
            "explain": [args.remit, "explain", policy, moved.split("=")[0], "--structure", s,
                        "-o", os.path.join(out, "explain.txt"), "-v"],
        }
        if hand:
            jobs["hand"] = [hand, d, out]
        jobs = {job: cmd for job, cmd in jobs.items() if job in wanted}
        for job, (wall, rss, phases) in measure(jobs, repeat, out).items():
            rows.append((size, job, wall, rss, phases))
            print(f"{size:>9} {job:<13} {wall:7.3f} s {rss:8.1f} MiB  " +
                  "  ".join(f"{k} {v:.1f}" for k, v in phases.items()), flush=True)
        if hand and "hand" in jobs and "derive" in jobs:
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
        if job in ("diff", "explain") and size in derive_wall:
            print(f"{size:>9} {job}: {wall:.3f} s = {wall / derive_wall[size]:.2f}x derive "
                  f"({derive_wall[size]:.3f} s)")
    print(f"\nworkload: {args.generator} generator, seed 42")
    print("\n| posts | command | median wall | peak RSS | phases (ms) |")
    print("|---:|---|---:|---:|---|")
    for size, job, wall, rss, phases in rows:
        if job == "hand":
            continue
        ph = ", ".join(f"{k} {v:.1f}" for k, v in phases.items())
        print(f"| {size:,} | {job} | {wall:.3f} s | {rss:.0f} MiB | {ph} |")
    if args.scaling:
        # Linear cost is a constant cost per post: time and memory per post at each size.
        print("\n| posts | remit derive | per post | hand-written | per post | derive / hand |")
        print("|---:|---:|---:|---:|---:|---:|")
        for size in [int(x) for x in args.sizes.split(",")]:
            w, m = next((r[2], r[3]) for r in rows if r[0] == size and r[1] == "derive")
            cells = [f"{w:.3f} s, {m:.0f} MiB",
                     f"{w / size * 1e6:.2f} µs, {m * 1048576 / size:.0f} B"]
            hw = next(((r[2], r[3]) for r in rows if r[0] == size and r[1] == "hand"), None)
            if hw:
                cells += [f"{hw[0]:.3f} s, {hw[1]:.0f} MiB",
                          f"{hw[0] / size * 1e6:.2f} µs, {hw[1] * 1048576 / size:.0f} B",
                          f"{w / hw[0]:.2f}x time, {m / hw[1]:.2f}x memory"]
            else:
                cells += ["", "", ""]
            print(f"| {size:,} | " + " | ".join(cells) + " |")
        return
    if not hand or not beside or "check" not in wanted:
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
