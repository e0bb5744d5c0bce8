#!/usr/bin/env python3
"""Command-line render of the benchmark report in a fresh process, two builds interleaved (issue 13).

Each run starts `dotnet <build>/Renderer.Host.dll render <report> --format pdf` as a new process, with the report's
CSV data source pointed at the given rows, and measures its wall time and CPU time (utime+stime of the process and the
children it reaped: the compile worker and the sandbox chain). Builds alternate run by run (A B A B ...), so machine
load from other work falls on both alike; each build keeps its own data folder (warm expression cache after the
first, untimed, run of each).
Usage: python3 bench/cli-fresh-process.py <before-bin-dir> <after-bin-dir> <report.rdlc> <rows.csv> [runs]
Extra settings for one build: BEFORE_ENV / AFTER_ENV, as "Key=Value;Key=Value" (e.g. AFTER_ENV="Sandbox__Layers=...").
COLD=1 gives every run a new, empty data folder (no expression cache, no sample database yet): a user's first command
on a fresh machine. HOST_ONLY=1 adds `--param NoSuchParameter=1`: the command starts, reads and compiles the report and stops with exit
code 1 before any sandbox starts, which measures the host's own start-up work alone.
"""
import os, resource, statistics, subprocess, sys, tempfile, time

before, after, report, rows = (os.path.abspath(a) for a in sys.argv[1:5])
runs = int(sys.argv[5]) if len(sys.argv) > 5 else 10
builds = {"before": before, "after": after}
data = {name: tempfile.mkdtemp(prefix=f"cli-bench-{name}-") for name in builds}
out = tempfile.mkdtemp(prefix="cli-bench-out-")
HOST_ONLY = ["--param", "NoSuchParameter=1"] if os.environ.get("HOST_ONLY") == "1" else []
COLD = os.environ.get("COLD") == "1"

def run(name):
    folder = tempfile.mkdtemp(prefix=f"cli-bench-{name}-cold-") if COLD else data[name]
    env = dict(os.environ, DataFolder=folder, Sandbox__PoolSize="0",
               DataBroker__DataSources__LocalSource__Provider="csv", DataBroker__DataSources__LocalSource__ConnectionString=rows)
    extra = os.environ.get(name.upper() + "_ENV", "")
    env.update(pair.split("=", 1) for pair in extra.split(";") if "=" in pair)
    started = time.perf_counter()
    process = subprocess.Popen(["dotnet", os.path.join(builds[name], "Renderer.Host.dll"), "render", report, "--format", "pdf",
                                "--out", os.path.join(out, name + ".pdf")] + HOST_ONLY, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    stdout, stderr = process.communicate()
    wall = time.perf_counter() - started
    if process.returncode != (1 if HOST_ONLY else 0): sys.exit(f"{name} failed ({process.returncode}): {stderr.decode()[-2000:]}")
    lines = (stdout.decode() + stderr.decode()).strip().splitlines()
    return wall, lines[-1] if lines else ""

def cpu():
    r = resource.getrusage(resource.RUSAGE_CHILDREN)
    return r.ru_utime + r.ru_stime

results = {name: {"wall": [], "cpu": []} for name in builds}
for name in builds: print(f"warm-up {name}: {run(name)[1]}", flush=True)
for i in range(runs):
    for name in (builds if i % 2 == 0 else reversed(list(builds))):
        c0 = cpu()
        wall, line = run(name)
        results[name]["wall"].append(wall)
        results[name]["cpu"].append(cpu() - c0)
        print(f"run {i + 1} {name}: {wall:.2f} s wall, {results[name]['cpu'][-1]:.2f} s CPU ({line})", flush=True)

print()
print("| build | runs | wall median (s) | wall min (s) | CPU median (s) | CPU min (s) |")
print("|---|---:|---:|---:|---:|---:|")
for name, r in results.items():
    print(f"| {name} | {runs} | {statistics.median(r['wall']):.2f} | {min(r['wall']):.2f} | {statistics.median(r['cpu']):.2f} | {min(r['cpu']):.2f} |")
