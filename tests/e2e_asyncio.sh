#!/usr/bin/env bash
# The asyncio twin (examples/asyncio_simul.py) against simul: on its
# virtual clock (--scale 0) every total equals `simul run --chess off` to
# the microsecond, over a grid of configurations and all three policies
# (walks and a blocking opponent included: there only sync and
# round-robin, since asyncio resumes the blocked board ahead of the replies
# that fell due meanwhile, see the twin's docstring); on a real clock (--scale
# 0.002: 1 simulated s = 2 real ms) asyncio and threads come within 5 %
# (real sleeps overshoot, never undershoot).
# Usage: bash tests/e2e_asyncio.sh /path/to/simul
set -u
SIMUL=${1:?usage: e2e_asyncio.sh /path/to/simul}
. "$(dirname "$0")/e2e_common.sh"
need_tools python3
TWIN="$(cd "$(dirname "$0")/.." && pwd)/examples/asyncio_simul.py"
exec python3 - "$SIMUL" "$TWIN" <<'PY'
import json, subprocess, sys

simul, twin = sys.argv[1], sys.argv[2]
POLICIES = "sync,round-robin,ready"
fails = 0


def fail(msg):
    global fails
    print("FAIL:", msg)
    fails += 1


def twin_totals(args):
    out = subprocess.run(["python3", twin, "--json", "--policy", POLICIES] + args,
                         capture_output=True, text=True, check=True).stdout
    return {d["policy"]: d["total_s"] for d in map(json.loads, out.splitlines())}


def simul_totals(args):
    out = subprocess.run([simul, "run", "--chess", "off", "--json", "--policy", POLICIES] + args,
                         capture_output=True, text=True, check=True).stdout
    return {r["policy"]: r["total_us"] for r in json.loads(out)["runs"]}


# (twin arguments, simul's own spelling of the blocking opponent)
CONFIGS = [
    ([], []),                                               # the article: 12:00:00, 1:00:55
    (["--boards", "5", "--moves", "7", "--master-think", "3s", "--opponent-think", "20s"], []),
    (["--boards", "12", "--moves", "10", "--master-think", "10s", "--opponent-think", "30s"], []),
    (["--boards", "1", "--moves", "3", "--master-think", "5s", "--opponent-think", "55s"], []),
    (["--boards", "7", "--moves", "4", "--master-think", "1.5s", "--opponent-think", "250ms",
      "--walk", "2s"], []),
    (["--boards", "6", "--moves", "5", "--master-think", "2s", "--opponent-think", "40s",
      "--walk", "3s"], []),
    (["--boards", "8", "--moves", "6", "--master-think", "4s", "--opponent-think", "28s"], []),
    (["--boards", "6", "--moves", "5", "--blocking"], ["--blocking-opponent", "1"]),
    (["--boards", "4", "--moves", "3", "--walk", "1s", "--blocking"], ["--blocking-opponent", "1"]),
]

for twin_args, extra in CONFIGS:
    simul_args = [a for a in twin_args if a != "--blocking"] + extra
    t, s = twin_totals(twin_args), simul_totals(simul_args)
    for p in POLICIES.split(","):
        if "--blocking" in twin_args and p == "ready":
            if round(t[p] * 1e6) <= s[p]:
                fail(f"{' '.join(twin_args)} ready: the blocked board should jump the queue")
            continue
        if round(t[p] * 1e6) != s[p]:
            fail(f"{' '.join(twin_args) or 'article'} {p}: twin {t[p]} s, simul {s[p]} us")
print(f"virtual clock: {len(CONFIGS)} configurations, every policy equal to the microsecond")

# A real clock: within 5 % (two retries: the machine may be busy for a moment).
# Few, long sleeps: each real sleep overshoots by about the same small amount,
# so the fewer there are on the critical path, the less they add up.
REAL = ["--boards", "2", "--moves", "3", "--master-think", "20s", "--opponent-think", "100s",
        "--scale", "0.002"]
exact = simul_totals(REAL[:-2])
for mode in ([], ["--threads"]):
    for attempt in (1, 2, 3):
        t = twin_totals(REAL + mode)
        off = {p: abs(t[p] * 1e6 - exact[p]) / exact[p] for p in exact}
        if max(off.values()) <= 0.05:
            break
    else:
        fail(f"scale 0.002 {' '.join(mode) or 'asyncio'}: {t} vs simul {exact} us")
    print(f"scale 0.002 {' '.join(mode) or 'asyncio'}: " +
          ", ".join(f"{p} {100 * off[p]:.2f} %" for p in off))
sys.exit(1 if fails else 0)
PY
