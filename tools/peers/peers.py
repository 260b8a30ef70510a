#!/usr/bin/env python3
"""endplate's speed against its peers, at equal accuracy (issue 14, point 4).

Run by hand, never by CI (it installs and compiles outside simulators):

    python3 -m venv /tmp/peers && /tmp/peers/bin/pip install -r tools/peers/requirements.txt
    cargo build --release
    cargo bench --bench hh1952 -- --measurement-time 5      # endplate's in-process times
    cargo bench --bench stiff_runs -- --measurement-time 5
    /tmp/peers/bin/python tools/peers/peers.py [--cellml FILE]

Two protocols, each run by every tool at a working tolerance and at a tight
one; a tool's working result must lie within the accuracy bound of its own
tight result (so every tool is held to the same accuracy, and a small
difference between the implementations does not count against either; the
tight results of the tools are compared with each other too and printed):

1. **HH 1952**, 1 s under a 10 uA/cm2 step from t = 0 at 6.3 degC (the
   `hh1952` bench: `scenarios/hh1952-step.toml` with the step stretched):
   NEURON 9 (its `hh` mechanism, rate table off, CVODE) and Brian2
   (cpp_standalone, the same equations). Bound: every spike time
   (upward crossing of 0 mV) within 0.01 ms, and the same spike count.
2. **The Shorten et al. 2007 fibre**, nine 150 uA/cm2 x 0.5 ms pulses at
   20 Hz, 500 ms from the published state (`scenarios/muscle-20hz.toml`):
   Myokit with CVODES, from the CellML. Bound: peak bulk Ca (Ca_2) and
   peak force (rise of A_2 above its value at t = 0), both read on the
   0.05 ms output grid, within 1e-4 relative.

The CellML is not stored in this repository. It is the Physiome Model
Repository's `shorten_ocallaghan_davidson_soboleva_2007.cellml` (CC BY 3.0),
changeset 637da9ef28f7992e40fe79947364a51a38ec818c, 184 890 bytes,
SHA-256 e14e2aeffeb7b935017414a5ef53c06e43ed6b5fd4d7a92f07e0518b48b413c1:
https://models.physiomeproject.org/workspace/shorten_ocallaghan_davidson_soboleva_2007/rawfile/637da9ef28f7992e40fe79947364a51a38ec818c/shorten_ocallaghan_davidson_soboleva_2007.cellml
Download it once and pass it with --cellml; the script checks the hash and
never uses the network itself. Its stimulus (a piecewise function of time,
`wal_environment.I_HH`, positive inward) is replaced by 150 uA/cm2 times
Myokit's pacing signal, so CVODES restarts at every pulse edge as endplate's
solver does.

Times are in-process: endplate's are criterion's mean estimates of the two
benches (target/criterion/*/new/estimates.json, so run the benches first);
NEURON's and Myokit's are the best of five calls of the integration
(`h.continuerun`, `Simulation.run`) after one warm-up; Brian2's is the run
time its compiled standalone program reports (`device._last_run_time`),
best of five, compilation excluded. The table printed at the end is the
README's "Performance" table.
"""

import argparse
import hashlib
import json
import math
import os
import platform
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(os.path.dirname(HERE))
CELLML_SHA256 = "e14e2aeffeb7b935017414a5ef53c06e43ed6b5fd4d7a92f07e0518b48b413c1"

SPIKE_BOUND_MS = 0.01
PEAK_BOUND_RELATIVE = 1e-4
REPEATS = 5

# HH 1952 as NEURON's hh.mod with the constants of tools/reference/neuron_hh1952.py.
HH_DURATION_MS = 1000.0
HH_STEP_UA_PER_CM2 = 10.0
HH_V0_MV = -65.0

# The fibre protocol (scenarios/muscle-20hz.toml).
FIBRE_DURATION_MS = 500.0
FIBRE_PULSE_UA_PER_CM2 = 150.0
FIBRE_PULSE_MS = 0.5
FIBRE_PERIOD_MS = 50.0
FIBRE_PULSES = 9
FIBRE_OUTPUT_DT_MS = 0.05


def best_of(call, repeats=REPEATS):
    """Smallest wall time (s) of `repeats` calls after one warm-up call."""
    call()
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        call()
        times.append(time.perf_counter() - start)
    return min(times)


def criterion_seconds(bench_file, group, bench):
    """criterion's mean estimate (s) of endplate's bench `group/bench`
    (in benches/BENCH_FILE.rs)."""
    path = os.path.join(REPO, "target", "criterion", group, bench, "new", "estimates.json")
    try:
        with open(path) as f:
            return json.load(f)["mean"]["point_estimate"] * 1e-9
    except OSError:
        sys.exit(f"{path} is missing: run `cargo bench --bench {bench_file}` first "
                 "(see this script's header)")


def endplate_run(scenario, overrides):
    """metrics.json of `endplate run SCENARIO --set ...` (the release binary)."""
    binary = os.path.join(REPO, "target", "release", "endplate")
    with tempfile.TemporaryDirectory() as out:
        command = [binary, "run", os.path.join(REPO, scenario), "--out", out]
        for override in overrides:
            command += ["--set", override]
        subprocess.run(command, check=True, stdout=subprocess.DEVNULL)
        with open(os.path.join(out, "metrics.json")) as f:
            return json.load(f)


# ------------------------------------------------------------------ accuracy

def spike_error_ms(spikes, reference):
    """Largest spike-time difference (ms); infinite when the counts differ."""
    if len(spikes) != len(reference):
        return math.inf
    return max((abs(a - b) for a, b in zip(spikes, reference)), default=0.0)


def peak_error(peaks, reference):
    """Largest relative difference of (peak Ca, peak force)."""
    return max(abs(a - b) / abs(b) for a, b in zip(peaks, reference))


# ------------------------------------------------------------------ endplate

HH_OVERRIDES = [
    f"simulation.duration_ms={HH_DURATION_MS}",
    "stimulus.steps[0].start_ms=0",
    f"stimulus.steps[0].duration_ms={HH_DURATION_MS}",
    f"stimulus.steps[0].amplitude_ua_per_cm2={HH_STEP_UA_PER_CM2}",
    "solver.method=dopri5",
]


def endplate_hh(tolerance):
    metrics = endplate_run("scenarios/hh1952-step.toml",
                           HH_OVERRIDES + [f"solver.rtol={tolerance}", f"solver.atol={tolerance}"])
    return metrics["spike_times_ms"]


def endplate_fibre(tolerance):
    metrics = endplate_run("scenarios/muscle-20hz.toml",
                           ["solver.method=rosenbrock", f"solver.rtol={tolerance}",
                            f"solver.atol={tolerance}"])
    muscle = metrics["muscle"]
    return (muscle["ca_peak_uM"], muscle["force_peak_uM"])


# ------------------------------------------------------------------ NEURON

def neuron_hh():
    """(run(atol) -> spike times, timed(atol) -> seconds, version)."""
    import neuron
    from neuron import h
    h.load_file("stdrun.hoc")
    soma = h.Section(name="soma")
    soma.L = soma.diam = 100.0 / math.sqrt(math.pi)   # area 1e-4 cm2
    soma.nseg = 1
    soma.cm = 1.0
    soma.insert("hh")
    for seg in soma:
        seg.hh.gnabar, seg.hh.gkbar, seg.hh.gl, seg.hh.el = 0.12, 0.036, 0.0003, -54.387
        seg.ena, seg.ek = 50.0, -77.0
    h.usetable_hh = 0
    h.celsius = 6.3
    clamp = h.IClamp(soma(0.5))
    clamp.delay, clamp.dur = 0.0, HH_DURATION_MS
    clamp.amp = HH_STEP_UA_PER_CM2 * 1e-4 * 1e3           # nA
    cvode = h.CVode()
    cvode.active(1)
    cvode.condition_order(2)
    spikes = h.Vector()
    netcon = h.NetCon(soma(0.5)._ref_v, None, sec=soma)
    netcon.threshold = 0.0
    netcon.record(spikes)

    cell = (soma, clamp, netcon)   # NEURON frees a section nothing in Python holds

    def integrate(atol):
        assert cell
        cvode.atol(atol)
        cvode.rtol(0.0)
        h.finitialize(HH_V0_MV)
        h.continuerun(HH_DURATION_MS)

    def run(atol):
        integrate(atol)
        return list(spikes)

    return run, lambda atol: best_of(lambda: integrate(atol)), neuron.__version__


# ------------------------------------------------------------------ Brian2

BRIAN_EQUATIONS = """
dv/dt = (I - gNa*m**3*h*(v - ENa) - gK*n**4*(v - EK) - gL*(v - EL)) / Cm : volt
dm/dt = alpha_m*(1 - m) - beta_m*m : 1
dh/dt = alpha_h*(1 - h) - beta_h*h : 1
dn/dt = alpha_n*(1 - n) - beta_n*n : 1
alpha_m = 1/exprel(-(v + 40*mV)/(10*mV))/ms : Hz
beta_m = 4*exp(-(v + 65*mV)/(18*mV))/ms : Hz
alpha_h = 0.07*exp(-(v + 65*mV)/(20*mV))/ms : Hz
beta_h = 1/(exp(-(v + 35*mV)/(10*mV)) + 1)/ms : Hz
alpha_n = 0.1/exprel(-(v + 55*mV)/(10*mV))/ms : Hz
beta_n = 0.125*exp(-(v + 65*mV)/(80*mV))/ms : Hz
"""


def brian_hh():
    """(run(dt) -> spike times, timed(dt) -> seconds, version); dt in ms."""
    import brian2 as b2

    def simulate(dt_ms, build_dir):
        b2.device.reinit()
        b2.device.activate()
        b2.set_device("cpp_standalone", directory=build_dir, build_on_run=False)
        b2.defaultclock.dt = dt_ms * b2.ms
        namespace = dict(
            I=HH_STEP_UA_PER_CM2 * b2.uamp / b2.cm**2, Cm=1 * b2.ufarad / b2.cm**2,
            gNa=120 * b2.msiemens / b2.cm**2, gK=36 * b2.msiemens / b2.cm**2,
            gL=0.3 * b2.msiemens / b2.cm**2,
            ENa=50 * b2.mV, EK=-77 * b2.mV, EL=-54.387 * b2.mV,
        )
        cell = b2.NeuronGroup(1, BRIAN_EQUATIONS, method="rk4", threshold="v > 0*mV",
                              refractory="v > 0*mV", namespace=namespace)
        v0 = HH_V0_MV

        def rates(a, b):
            return a / (a + b)

        am = 1.0 / _exprel(-(v0 + 40) / 10)
        bm = 4 * math.exp(-(v0 + 65) / 18)
        ah = 0.07 * math.exp(-(v0 + 65) / 20)
        bh = 1 / (math.exp(-(v0 + 35) / 10) + 1)
        an = 0.1 / _exprel(-(v0 + 55) / 10)
        bn = 0.125 * math.exp(-(v0 + 65) / 80)
        cell.v = v0 * b2.mV
        cell.m, cell.h, cell.n = rates(am, bm), rates(ah, bh), rates(an, bn)
        monitor = b2.SpikeMonitor(cell)
        b2.run(HH_DURATION_MS * b2.ms)
        b2.device.build(directory=build_dir, compile=True, run=False)
        return monitor

    def run(dt_ms):
        with tempfile.TemporaryDirectory() as build_dir:
            monitor = simulate(dt_ms, build_dir)
            b2.device.run(directory=build_dir)
            return [float(t / b2.ms) for t in monitor.t]

    def timed(dt_ms):
        with tempfile.TemporaryDirectory() as build_dir:
            simulate(dt_ms, build_dir)
            times = []
            for _ in range(REPEATS + 1):
                b2.device.run(directory=build_dir)
                times.append(b2.device._last_run_time)
            return min(times[1:])

    return run, timed, b2.__version__


def _exprel(x):
    return 1.0 if x == 0 else math.expm1(x) / x


# ------------------------------------------------------------------ Myokit

def myokit_fibre(cellml):
    """(run(tol) -> (peak Ca, peak force), timed(tol) -> seconds, version)."""
    import myokit
    import myokit.formats
    model = myokit.formats.importer("cellml").model(cellml)
    stimulus = model.get("wal_environment.I_HH")
    pace = stimulus.parent().add_variable_allow_renaming("pace_level")
    pace.set_rhs(0)
    pace.set_binding("pace")
    stimulus.set_rhs(myokit.Multiply(myokit.Number(FIBRE_PULSE_UA_PER_CM2), myokit.Name(pace)))
    protocol = myokit.Protocol()
    protocol.schedule(1.0, 0.0, FIBRE_PULSE_MS, FIBRE_PERIOD_MS, FIBRE_PULSES)
    simulation = myokit.Simulation(model, protocol)
    ca, force = "razumova.Ca_2", "razumova.A_2"

    def integrate(tolerance):
        simulation.reset()
        simulation.set_tolerance(abs_tol=tolerance, rel_tol=tolerance)
        return simulation.run(FIBRE_DURATION_MS, log=[ca, force],
                              log_interval=FIBRE_OUTPUT_DT_MS)

    def run(tolerance):
        log = integrate(tolerance)
        a2 = list(log[force])
        return (max(log[ca]), max(a2) - a2[0])

    return run, lambda tol: best_of(lambda: integrate(tol)), myokit.__version__


# ------------------------------------------------------------------ the comparison

def within(error, bound, text):
    """`text` when `error` meets `bound`, else a failure that names both."""
    return text if error <= bound else f"FAILS: {error:.1e} > {bound:g}"


def loosest_that_passes(run, settings, reference, error, bound):
    """The first of `settings` (loosest first) whose result is within
    `bound` of `reference`, with its error."""
    for setting in settings:
        e = error(run(setting), reference)
        if e <= bound:
            return setting, e
    return None, math.inf


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--cellml", help="the Shorten 2007 CellML (see the header)")
    arguments = parser.parse_args()
    rows = []

    # HH: every tool against its own tight run.
    hh_tolerances = [1e-4, 1e-5, 1e-6, 1e-7, 1e-8]
    reference = endplate_hh(1e-12)
    e = spike_error_ms(endplate_hh(1e-6), reference)
    endplate_hh_s = criterion_seconds("hh1952", "hh1952_1s_10uA", "dopri5_rtol1e-6")
    rows.append(("HH 1 s", "endplate (dopri5)", "rtol = atol = 1e-6",
                 within(e, SPIKE_BOUND_MS, f"spikes within {e:.1e} ms"), endplate_hh_s, 1.0))
    endplate_reference = reference
    try:
        run, timed, version = neuron_hh()
        reference = run(1e-10)
        print(f"HH tight runs: NEURON vs endplate spike times differ by "
              f"{spike_error_ms(reference, endplate_reference):.2e} ms")
        setting, e = loosest_that_passes(run, hh_tolerances, reference, spike_error_ms,
                                         SPIKE_BOUND_MS)
        if setting is not None:
            seconds = timed(setting)
            rows.append(("HH 1 s", f"NEURON {version} (CVODE)", f"atol = {setting:g}, rtol = 0",
                         f"spikes within {e:.1e} ms", seconds, seconds / endplate_hh_s))
    except ImportError as error:
        print(f"NEURON not run: {error}")
    try:
        run, timed, version = brian_hh()
        reference = run(0.0005)
        print(f"HH tight runs: Brian2 vs endplate spike times differ by "
              f"{spike_error_ms(reference, endplate_reference):.2e} ms")
        setting, e = loosest_that_passes(run, [0.01, 0.005, 0.0025, 0.001], reference,
                                         spike_error_ms, SPIKE_BOUND_MS)
        if setting is not None:
            seconds = timed(setting)
            rows.append(("HH 1 s", f"Brian2 {version} (cpp_standalone, rk4)",
                         f"dt = {setting:g} ms", f"spikes within {e:.1e} ms", seconds,
                         seconds / endplate_hh_s))
    except ImportError as error:
        print(f"Brian2 not run: {error}")

    # The fibre.
    reference = endplate_fibre(1e-10)
    e = peak_error(endplate_fibre(1e-6), reference)
    endplate_fibre_s = criterion_seconds("stiff_runs", "stiff_runs", "fibre_20hz_x9_rtol1e-6")
    rows.append(("fibre 20 Hz x 9", "endplate (rosenbrock)", "rtol = atol = 1e-6",
                 within(e, PEAK_BOUND_RELATIVE, f"peaks within {e:.1e}"), endplate_fibre_s, 1.0))
    if arguments.cellml is None:
        print("Myokit not run: no --cellml (where to get it: see this script's header)")
    else:
        with open(arguments.cellml, "rb") as f:
            digest = hashlib.sha256(f.read()).hexdigest()
        if digest != CELLML_SHA256:
            sys.exit(f"{arguments.cellml}: SHA-256 {digest}, expected {CELLML_SHA256}")
        run, timed, version = myokit_fibre(arguments.cellml)
        myokit_reference = run(1e-10)
        print(f"fibre tight runs: Myokit vs endplate peaks differ by "
              f"{peak_error(myokit_reference, reference):.2e} relative")
        setting, e = loosest_that_passes(run, [1e-4, 1e-5, 1e-6, 1e-7, 1e-8], myokit_reference,
                                         peak_error, PEAK_BOUND_RELATIVE)
        if setting is not None:
            seconds = timed(setting)
            rows.append(("fibre 20 Hz x 9", f"Myokit {version} (CVODES)",
                         f"rtol = atol = {setting:g}", f"peaks within {e:.1e}", seconds,
                         seconds / endplate_fibre_s))

    print(f"\n{time.strftime('%Y-%m-%d', time.gmtime())}, {platform.node()}, "
          f"{os.cpu_count()} cores, load {os.getloadavg()[0]:.1f}, Python {platform.python_version()}")
    print("| protocol | tool | setting | accuracy (own tight run) | time | tool time / endplate time |")
    print("|---|---|---|---|---|---|")
    for protocol, tool, setting, accuracy, seconds, ratio in rows:
        print(f"| {protocol} | {tool} | {setting} | {accuracy} | "
              f"{seconds * 1e3:.2f} ms | {ratio:.2f} |")


if __name__ == "__main__":
    main()
