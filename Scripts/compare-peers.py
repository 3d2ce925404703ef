#!/usr/bin/env python3
"""Renders the seed figure and a 1M-point line with matplotlib, vl-convert and Plotline in one
run, alternating, and prints medians and ratios. On demand, never in CI:

    swift build -c release --product plotline
    python3 Scripts/compare-peers.py            # makes .peer-venv/ with matplotlib and vl-convert

Each case runs as a whole process (start-up, reading the data, rendering, writing the PNG), which
is what a user waits for; matplotlib and vl-convert also get an in-process time (render only,
after import and reading the CSV). Peak memory is each process's maximum resident set size, from
GNU time (Debian package `time`)."""
import json, os, random, statistics, subprocess, sys, tempfile, time, venv

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
VENV = os.path.join(ROOT, ".peer-venv")
PY = os.path.join(VENV, "bin", "python")
PLOTLINE = os.path.join(ROOT, ".build", "release", "plotline")
RUNS = int(os.environ.get("RUNS", "5"))

def ensure_venv():
    if not os.path.exists(PY):
        venv.create(VENV, with_pip=True)
    # Install when either package is missing, so an interrupted first run recovers.
    if subprocess.run([PY, "-c", "import matplotlib, vl_convert"], capture_output=True).returncode != 0:
        subprocess.run([PY, "-m", "pip", "install", "-q", "matplotlib", "vl-convert-python"], check=True)

def versions():
    out = subprocess.run([PY, "-c", "import matplotlib, vl_convert; print(matplotlib.__version__, vl_convert.__version__)"],
                         capture_output=True, text=True, check=True).stdout.split()
    return {"matplotlib": out[0], "vl-convert": out[1]}

MPL = r'''
import csv, sys, time
t0 = time.perf_counter()
import matplotlib; matplotlib.use("Agg")
import matplotlib.pyplot as plt
xs, ys = [], []
with open(sys.argv[1]) as f:
    r = csv.reader(f); next(r)
    for row in r: xs.append(float(row[0])); ys.append(float(row[1]))
t1 = time.perf_counter()
fig, ax = plt.subplots(figsize=(8, 5), dpi=100)
ax.plot(xs, ys, color="lightcoral", linewidth=2)
ax.set_xlabel(sys.argv[3]); ax.set_ylabel(sys.argv[4]); ax.grid(True)
fig.savefig(sys.argv[2])
print(time.perf_counter() - t1)
'''

VL = r'''
import csv, json, sys, time
import vl_convert as vlc
rows = []
with open(sys.argv[1]) as f:
    r = csv.reader(f); next(r)
    for row in r: rows.append({"x": float(row[0]), "y": float(row[1])})
t1 = time.perf_counter()
spec = {"$schema": "https://vega.github.io/schema/vega-lite/v5.json", "width": 720, "height": 420,
        "data": {"values": rows}, "mark": {"type": "line", "color": "lightcoral", "strokeWidth": 2},
        "encoding": {"x": {"field": "x", "type": "quantitative", "title": sys.argv[3]},
                     "y": {"field": "y", "type": "quantitative", "title": sys.argv[4], "scale": {"zero": False}}}}
png = vlc.vegalite_to_png(json.dumps(spec))
open(sys.argv[2], "wb").write(png)
print(time.perf_counter() - t1)
'''

def run(cmd):
    """Wall time, peak RSS in MiB (GNU time's %M), and the in-process time the child printed (if any)."""
    t = time.perf_counter()
    proc = subprocess.run(["/usr/bin/time", "-f", "%M"] + cmd, capture_output=True, text=True, check=True)
    wall = time.perf_counter() - t
    peak = int(proc.stderr.strip().splitlines()[-1]) / 1024
    inner = None
    try:
        inner = float(proc.stdout.strip().splitlines()[-1])
    except (ValueError, IndexError):
        pass
    return wall, peak, inner

def main():
    if not os.path.exists(PLOTLINE):
        sys.exit("build Plotline first: swift build -c release --product plotline")
    ensure_venv()
    work = tempfile.mkdtemp(prefix="plotline-peers-")
    seed_csv = os.path.join(ROOT, "Templates", "data", "mmlu-pro-rl.csv")
    big_csv = os.path.join(work, "big.csv")
    random.seed(1)
    with open(big_csv, "w") as f:
        f.write("t,v\n")
        v = 0.0
        for i in range(1_000_000):
            v += random.gauss(0, 1)
            f.write(f"{i},{v:.3f}\n")
    big_spec = os.path.join(work, "big.json")
    json.dump({"x": {"label": "step"}, "y": {"label": "value"},
               "series": [{"color": "lightcoral", "data": {"csv": big_csv, "x": "t", "y": "v"}}]}, open(big_spec, "w"))
    for name, source in [("mpl.py", MPL), ("vl.py", VL)]:
        open(os.path.join(work, name), "w").write(source)
    cases = {
        "seed": (seed_csv, os.path.join(ROOT, "Templates", "mmlu-pro-rl.json"), "RL training steps", "MMLU-Pro"),
        "1M points": (big_csv, big_spec, "step", "value"),
    }
    results = {}
    for case, (data, spec, xl, yl) in cases.items():
        tools = {
            "plotline": [PLOTLINE, "render", spec, "-o", work, "--format", "png"],
            "matplotlib": [PY, os.path.join(work, "mpl.py"), data, os.path.join(work, "mpl.png"), xl, yl],
            "vl-convert": [PY, os.path.join(work, "vl.py"), data, os.path.join(work, "vl.png"), xl, yl],
        }
        samples = {t: [] for t in tools}
        for _ in range(RUNS):  # alternating, so a busy moment hurts every tool alike
            for tool, cmd in tools.items():
                samples[tool].append(run(cmd))
        results[case] = samples
    print(f"Peers, {RUNS} alternating runs, medians; {os.cpu_count()} cores; {versions()}")
    for case, samples in results.items():
        print(f"\n{case}:")
        base = statistics.median(s[0] for s in samples["plotline"])
        for tool, s in samples.items():
            wall = statistics.median(x[0] for x in s)
            peak = max(x[1] for x in s)
            inner = [x[2] for x in s if x[2] is not None]
            extra = f", render in-process {statistics.median(inner) * 1000:.0f} ms" if inner else ""
            ratio = "" if tool == "plotline" else f"  ({wall / base:.1f}× Plotline's time)"
            print(f"  {tool:<11} whole process {wall * 1000:7.0f} ms, peak {peak:6.0f} MiB{extra}{ratio}")

if __name__ == "__main__":
    main()
