#!/usr/bin/env python3
"""Outside-reference numbers for the Hodgkin-Huxley (1952) squid-axon model, from NEURON.

Run:    python3 tools/reference/neuron_hh1952.py            (needs `pip install neuron`)
Output: tools/reference/neuron_hh1952.json  (+ a readable summary on stdout)

Model: one isopotential compartment (nseg = 1) with NEURON's built-in `hh`
mechanism (src/nrnoc/hh.mod): gnabar 0.12, gkbar 0.036, gl 0.0003 S/cm2,
el = -54.387 mV (NOT NEURON's default -54.3), ena = 50, ek = -77 mV,
cm = 1 uF/cm2, celsius = 6.3 degC (so the hh.mod q10 factor is exactly 1),
initialised with finitialize(-65) (v = -65 mV, m/h/n at their steady state at -65).

hh.mod by default evaluates its rate functions from a lookup TABLE (1 mV spacing,
linear interpolation).  For a reference we switch the table off
(h.usetable_hh = 0) so the exact HH exponential rate expressions are used; a
table-on run is included only as a sensitivity check.

Current density -> IClamp conversion
------------------------------------
L = diam = 100/sqrt(pi) um, so the lateral cylinder area (NEURON omits the end
caps) is pi * L * diam = 1e4 um^2 = 1e-4 cm^2 (checked against h.area()).
IClamp.amp is in nA, so
    amp_nA = I_density[uA/cm2] * area[cm2] * 1e3[nA/uA] = 0.1 * I_density.
Because the compartment is isopotential, the result is independent of the area.

Solvers (every measurement is done with each; the first is the primary value)
-------------------------------------------------------------------------------
  cvode_atol1e-10   CVODE (global, variable step, BDF), atol 1e-10, rtol 0
  cvode_atol1e-8    CVODE, atol 1e-8, rtol 0
  fixed_cn_dt0.001  fixed step dt = 1 us, secondorder = 2 (Crank-Nicolson, 2nd order)
  fixed_be_dt0.001  fixed step dt = 1 us, secondorder = 0 (backward Euler, 1st order)
  cvode_atol1e-10_table   as primary but with the hh rate TABLE on (NEURON's default)

Spike = upward crossing of 0 mV.  Crossing times are found from v sampled every
1 us (CVODE: Vector.record with Dt = 0.001 ms, which uses CVODE's interpolating
polynomial and does not perturb the step sequence; fixed step: every step) by a
cubic through the 4 samples around the crossing (linear interpolation differs by
< 1e-6 ms).  For CVODE, NetCon (threshold 0, condition_order 2) times are kept as
a cross-check.
"""

import json
import math
import multiprocessing as mp
import os
import platform
import sys
import time

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
OUT_JSON = os.path.join(HERE, "neuron_hh1952.json")

# ----------------------------------------------------------------- model constants
EL = -54.387          # mV   leak reversal (HH 1952 value shifted to rest = -65 mV convention)
ENA = 50.0            # mV
EK = -77.0            # mV
GNABAR, GKBAR, GL = 0.12, 0.036, 0.0003   # S/cm2 (hh.mod defaults, set explicitly)
CM = 1.0              # uF/cm2
CELSIUS = 6.3         # degC
V_INIT = -65.0        # mV, finitialize(V_INIT)

L_UM = DIAM_UM = 100.0 / math.sqrt(math.pi)   # -> area = 1e4 um^2
AREA_CM2 = 1e-4
NA_PER_UA_CM2 = AREA_CM2 * 1e3                  # 0.1 nA per uA/cm2

REC_DT = 0.001        # ms, sampling of v for crossing / peak detection
SPIKE_THR = 0.0       # mV

SOLVERS = {
    "cvode_atol1e-10": dict(kind="cvode", atol=1e-10, rtol=0.0, usetable=False),
    "cvode_atol1e-8": dict(kind="cvode", atol=1e-8, rtol=0.0, usetable=False),
    "fixed_cn_dt0.001": dict(kind="fixed", dt=0.001, secondorder=2, usetable=False),
    "fixed_be_dt0.001": dict(kind="fixed", dt=0.001, secondorder=0, usetable=False),
    "cvode_atol1e-10_table": dict(kind="cvode", atol=1e-10, rtol=0.0, usetable=True),
}
PRIMARY = "cvode_atol1e-10"
# solvers whose agreement with the primary is reported (the table run is a sensitivity check)
CHECK_SOLVERS = ["cvode_atol1e-8", "fixed_cn_dt0.001", "fixed_be_dt0.001"]

# ----------------------------------------------------------------- protocols
PULSE_DELAY, PULSE_DUR, PULSE_WINDOW = 10.0, 1.0, 20.0   # spike must occur in [10, 30] ms
STEP_DELAY = 10.0
STEP_DURS = [200.0, 500.0]
STEP_AFTER = 20.0          # simulate 20 ms past step end (spikes there are reported separately)
SUSTAIN_WINDOW = 50.0      # "sustained" = >= 1 spike in the last 50 ms of the step
BISECT_TOL = 1e-5          # uA/cm2, final bracket width
PULSE_GRID = np.round(np.arange(0.0, 20.0 + 1e-9, 0.1), 10)
STEP_GRID = np.round(np.arange(0.0, 12.0 + 1e-9, 0.05), 10)
P5 = dict(delay=10.0, dur=100.0, amp=10.0, tstop=120.0)
FI_AMPS = [0, 2, 4, 6, 6.5, 7, 8, 10, 15, 20, 30, 50]
FI = dict(delay=0.0, dur=1000.0, tstop=1000.0, count_from=200.0, count_to=1000.0)
P7_OTHER_SOLVER = dict(n_spikes=69, first5=[1.9010, 16.8226, 31.4718, 46.1090, 60.7453])


# ================================================================= simulation core
class HHCell:
    """Single-compartment hh cell + IClamp + recorders, set up for one solver."""

    def __init__(self, solver, record=True):
        from neuron import h
        self.h = h
        self.cfg = SOLVERS[solver]
        h.load_file("stdrun.hoc")
        sec = h.Section(name="soma")
        sec.nseg = 1
        sec.L, sec.diam = L_UM, DIAM_UM
        sec.Ra = 35.4  # irrelevant for nseg = 1
        sec.cm = CM
        sec.insert("hh")
        seg = sec(0.5)
        seg.hh.gnabar, seg.hh.gkbar, seg.hh.gl, seg.hh.el = GNABAR, GKBAR, GL, EL
        sec.ena, sec.ek = ENA, EK
        h.celsius = CELSIUS
        h.usetable_hh = 1 if self.cfg["usetable"] else 0
        area = h.area(0.5, sec=sec)
        assert abs(area * 1e-8 - AREA_CM2) < 1e-15, area
        self.sec, self.seg = sec, seg
        self.stim = h.IClamp(seg)
        self.cv = h.CVode()
        if self.cfg["kind"] == "cvode":
            self.cv.active(1)
            self.cv.atol(self.cfg["atol"])
            self.cv.rtol(self.cfg["rtol"])
            self.cv.condition_order(2)   # NetCon threshold times interpolated within a step
        else:
            self.cv.active(0)
            h.dt = self.cfg["dt"]
            h.steps_per_ms = 1.0 / self.cfg["dt"]
            h.secondorder = self.cfg["secondorder"]
            record = True                # fixed step: always sample every step
        self.nc_t = h.Vector()
        self.nc = h.NetCon(seg._ref_v, None, sec=sec)
        self.nc.threshold = SPIKE_THR
        self.nc.record(self.nc_t)
        self.record = record
        if record:
            self.vvec = h.Vector()
            self.tvec = h.Vector()
            if self.cfg["kind"] == "cvode":
                self.vvec.record(seg._ref_v, REC_DT)
            else:
                self.vvec.record(seg._ref_v)
                self.tvec.record(h._ref_t)

    def run(self, amp, delay, dur, tstop):
        """Simulate; amp in uA/cm2.  Returns dict(t, v, spikes, nc_spikes)."""
        h = self.h
        self.stim.amp = amp * NA_PER_UA_CM2
        self.stim.delay = delay
        self.stim.dur = dur
        h.finitialize(V_INIT)
        assert self.sec.ena == ENA and self.sec.ek == EK
        if self.cfg["kind"] == "cvode":
            self.cv.solve(tstop)
        else:
            h.continuerun(tstop)
        out = dict(nc_spikes=np.array(self.nc_t))
        if self.record:
            v = np.array(self.vvec)
            if self.cfg["kind"] == "cvode":
                t = np.arange(len(v)) * REC_DT
            else:
                t = np.array(self.tvec)
            out.update(t=t, v=v, spikes=crossings(t, v, SPIKE_THR, +1))
        else:
            out["spikes"] = out["nc_spikes"]
        return out


def crossings(t, v, level, direction):
    """Times where v crosses `level` (direction +1 up, -1 down); cubic refinement."""
    if direction > 0:
        idx = np.nonzero((v[:-1] < level) & (v[1:] >= level))[0]
    else:
        idx = np.nonzero((v[:-1] > level) & (v[1:] <= level))[0]
    res = []
    for i in idx:
        dt = t[i + 1] - t[i]
        x = (level - v[i]) * dt / (v[i + 1] - v[i])          # linear guess
        if i >= 1 and i + 2 < len(v):
            tt = t[i - 1:i + 3] - t[i]
            p = np.poly1d(np.polyfit(tt, v[i - 1:i + 3], 3))   # interpolating cubic
            dp = p.deriv()
            xc = x
            for _ in range(30):
                step = (p(xc) - level) / dp(xc)
                xc -= step
                if abs(step) < 1e-14:
                    break
            if 0.0 <= xc <= dt:
                x = xc
        res.append(t[i] + x)
    return np.array(res)


def peak_after(t, v, t_from, t_to):
    """Max of v in [t_from, t_to] refined with a parabola through 3 samples."""
    sel = np.nonzero((t >= t_from) & (t <= t_to))[0]
    i = sel[np.argmax(v[sel])]
    a, b, c = v[i - 1], v[i], v[i + 1]
    den = a - 2 * b + c
    off = 0.5 * (a - c) / den if den != 0 else 0.0
    dt = t[i + 1] - t[i]
    return b - 0.25 * (a - c) * off, t[i] + off * dt


def first_spike_shape(r, v_base_time):
    """Peak, time of peak, half-width of the first spike.

    Half amplitude level = (v(v_base_time) + peak) / 2, where v_base_time is the
    stimulus onset (v there is the pre-stimulus resting value)."""
    t, v, sp = r["t"], r["v"], r["spikes"]
    t0 = sp[0]
    down0 = crossings(t, v, SPIKE_THR, -1)
    t1 = down0[down0 > t0][0]
    vpk, tpk = peak_after(t, v, t0, t1)
    vbase = float(np.interp(v_base_time, t, v))
    half = 0.5 * (vbase + vpk)
    up = crossings(t, v, half, +1)
    dn = crossings(t, v, half, -1)
    t_up = up[up < tpk][-1]
    t_dn = dn[dn > tpk][0]
    return dict(peak_mV=vpk, t_peak_ms=tpk, v_base_mV=vbase, half_level_mV=half,
                t_half_up_ms=t_up, t_half_down_ms=t_dn, half_width_ms=t_dn - t_up,
                t_cross0_up_ms=t0, t_cross0_down_ms=t1)


# ================================================================= predicates
def spikes_in(sp, a, b):
    return sp[(sp >= a) & (sp <= b)]


def make_predicates(cell):
    """Predicate name -> function(amp) -> (bool, info)."""
    def pulse(amp):
        r = cell.run(amp, PULSE_DELAY, PULSE_DUR, PULSE_DELAY + PULSE_WINDOW)
        s = spikes_in(r["spikes"], PULSE_DELAY, PULSE_DELAY + PULSE_WINDOW)
        return len(s) > 0, dict(first_spike_ms=float(s[0]) if len(s) else None)

    preds = {"pulse_1ms": pulse}
    for dur in STEP_DURS:
        def step(amp, dur=dur):
            r = cell.run(amp, STEP_DELAY, dur, STEP_DELAY + dur + STEP_AFTER)
            s = spikes_in(r["spikes"], STEP_DELAY, STEP_DELAY + dur)
            return s, len(spikes_in(r["spikes"], STEP_DELAY + dur + 1e-12, 1e9))
        d = int(dur)
        preds[f"step{d}_any"] = lambda a, f=step: _p(f(a), lambda s: len(s) >= 1)
        preds[f"step{d}_repetitive"] = lambda a, f=step: _p(f(a), lambda s: len(s) >= 2)
        preds[f"step{d}_sustained"] = lambda a, f=step, dur=dur: _p(
            f(a), lambda s: len(spikes_in(s, STEP_DELAY + dur - SUSTAIN_WINDOW, STEP_DELAY + dur)) > 0)
    return preds


def _p(res, test):
    s, n_after = res
    return test(s), dict(n_spikes_in_step=int(len(s)), n_spikes_after_step=int(n_after),
                         first_spike_ms=float(s[0]) if len(s) else None,
                         last_spike_ms=float(s[-1]) if len(s) else None)


def bisect(pred, lo, hi, tol=BISECT_TOL):
    ok_lo, _ = pred(lo)
    ok_hi, info_hi = pred(hi)
    assert (not ok_lo) and ok_hi, (lo, hi, ok_lo, ok_hi)
    n = 0
    while hi - lo > tol:
        mid = 0.5 * (lo + hi)
        ok, info = pred(mid)
        if ok:
            hi, info_hi = mid, info
        else:
            lo = mid
        n += 1
    return dict(below=lo, above=hi, width=hi - lo, n_bisections=n, at_above=info_hi)


# ================================================================= tasks (each in a fresh process)
def task_scan_thresholds(solver):
    """Primary solver: grid scans (monotonicity check) then bisection of every threshold."""
    cell = HHCell(solver, record=False)   # NetCon times only: fast
    preds = make_predicates(cell)
    out = {"scans": {}, "thresholds": {}}
    # 1 ms pulse
    flags = [preds["pulse_1ms"](a)[0] for a in PULSE_GRID]
    out["scans"]["pulse_1ms"] = dict(amps=PULSE_GRID.tolist(), spike=flags)
    out["thresholds"]["pulse_1ms"] = _bisect_from_grid(preds["pulse_1ms"], PULSE_GRID, flags)
    # long steps: one grid run gives all three predicates
    for dur in STEP_DURS:
        d = int(dur)
        rows = []
        for a in STEP_GRID:
            r = cell.run(float(a), STEP_DELAY, dur, STEP_DELAY + dur + STEP_AFTER)
            s = spikes_in(r["spikes"], STEP_DELAY, STEP_DELAY + dur)
            n_after = len(spikes_in(r["spikes"], STEP_DELAY + dur + 1e-12, 1e9))
            n_end = len(spikes_in(s, STEP_DELAY + dur - SUSTAIN_WINDOW, STEP_DELAY + dur))
            rows.append((float(a), int(len(s)), int(n_after), int(n_end)))
        out["scans"][f"step{d}"] = dict(
            columns=["amp_uA_cm2", "n_spikes_in_step", "n_spikes_after_step",
                     f"n_spikes_in_last_{int(SUSTAIN_WINDOW)}ms_of_step"],
            rows=rows)
        for kind, test in [("any", lambda r: r[1] >= 1), ("repetitive", lambda r: r[1] >= 2),
                           ("sustained", lambda r: r[3] >= 1)]:
            flags = [test(r) for r in rows]
            out["thresholds"][f"step{d}_{kind}"] = _bisect_from_grid(
                preds[f"step{d}_{kind}"], STEP_GRID, flags)
    return out


def _bisect_from_grid(pred, grid, flags):
    first = flags.index(True)
    monotone = all(flags[first:]) and not any(flags[:first])
    res = bisect(pred, float(grid[first - 1]), float(grid[first]))
    res["grid_monotone"] = monotone
    res["grid_step"] = float(grid[1] - grid[0])
    return res


def task_bisect_near(solver, brackets):
    """Non-primary solvers: bisection started from the primary's bracket (widened until valid)."""
    cell = HHCell(solver, record=False)
    preds = make_predicates(cell)
    out = {}
    for name, (lo, hi) in brackets.items():
        pred = preds[name]
        w = 0.001
        lo, hi = lo - w, hi + w
        while pred(lo)[0]:
            w *= 2
            lo -= w
        w = 0.001
        while not pred(hi)[0]:
            w *= 2
            hi += w
        out[name] = bisect(pred, lo, hi)
    return out


def task_rest(solver):
    cell = HHCell(solver, record=False)
    h = cell.h
    cell.stim.amp = 0.0
    h.finitialize(V_INIT)
    res = {}
    for tt in (50.0, 500.0):
        if cell.cfg["kind"] == "cvode":
            cell.cv.solve(tt)
        else:
            h.continuerun(tt)
        res[f"v_at_{int(tt)}ms"] = cell.seg.v
        res[f"t_actual_{int(tt)}ms"] = h.t
    res["m_h_n_at_500ms"] = [cell.seg.hh.m, cell.seg.hh.h, cell.seg.hh.n]
    return res


def task_protocol5(solver):
    cell = HHCell(solver)
    r = cell.run(P5["amp"], P5["delay"], P5["dur"], P5["tstop"])
    shape = first_spike_shape(r, P5["delay"])
    return dict(spike_times_ms=r["spikes"].tolist(), n_spikes=int(len(r["spikes"])),
                netcon_spike_times_ms=r["nc_spikes"].tolist(), first_spike=shape)


def task_pulse_overshoot(solver, amp):
    cell = HHCell(solver)
    r = cell.run(amp, PULSE_DELAY, PULSE_DUR, PULSE_DELAY + 30.0)
    shape = first_spike_shape(r, PULSE_DELAY)
    return dict(amp_uA_cm2=amp, spike_times_ms=r["spikes"].tolist(), first_spike=shape)


def task_fI(solver):
    cell = HHCell(solver)
    rows = {}
    for amp in FI_AMPS:
        r = cell.run(float(amp), FI["delay"], FI["dur"], FI["tstop"])
        sp = r["spikes"]
        win = spikes_in(sp, FI["count_from"], FI["count_to"])
        isi_rate = 1000.0 / np.mean(np.diff(win)) if len(win) >= 2 else 0.0
        row = dict(n_spikes_total=int(len(sp)), n_spikes_200_1000=int(len(win)),
                   rate_Hz=len(win) / ((FI["count_to"] - FI["count_from"]) / 1000.0),
                   rate_from_mean_isi_Hz=float(isi_rate))
        if amp == 10:
            row["spike_times_ms"] = sp.tolist()
            row["netcon_spike_times_ms"] = r["nc_spikes"].tolist()
        rows[str(amp)] = row
    return rows


def run_task(args):
    name, fn, fargs = args
    t0 = time.time()
    res = globals()[fn](*fargs)
    return name, res, time.time() - t0


# ================================================================= independent check of rest
def hh_rest_root():
    """Rest potential from the hh.mod formulas (no NEURON): I_ion(V, gates at steady state) = 0."""
    def vtrap(x, y):
        return y * (1 - x / y / 2) if abs(x / y) < 1e-6 else x / (math.exp(x / y) - 1)

    def iion(v):
        am, bm = 0.1 * vtrap(-(v + 40), 10), 4 * math.exp(-(v + 65) / 18)
        ah, bh = 0.07 * math.exp(-(v + 65) / 20), 1 / (math.exp(-(v + 35) / 10) + 1)
        an, bn = 0.01 * vtrap(-(v + 55), 10), 0.125 * math.exp(-(v + 65) / 80)
        m, hh, n = am / (am + bm), ah / (ah + bh), an / (an + bn)
        return GNABAR * m**3 * hh * (v - ENA) + GKBAR * n**4 * (v - EK) + GL * (v - EL)

    lo, hi = -70.0, -60.0
    assert iion(lo) < 0 < iion(hi)
    for _ in range(200):
        mid = 0.5 * (lo + hi)
        if iion(mid) < 0:
            lo = mid
        else:
            hi = mid
    return 0.5 * (lo + hi)


# ================================================================= main
def main():
    import neuron
    t_start = time.time()
    ctx = mp.get_context("spawn")
    pool = ctx.Pool(processes=min(2, os.cpu_count() or 1), maxtasksperchild=1)

    # phase 1: primary threshold scans + all trajectory protocols for every solver
    tasks = [("scan", "task_scan_thresholds", (PRIMARY,))]
    for s in SOLVERS:
        tasks += [(f"fI:{s}", "task_fI", (s,)), (f"p5:{s}", "task_protocol5", (s,)),
                  (f"rest:{s}", "task_rest", (s,))]
    R, T = {}, {}
    for name, res, el in pool.imap_unordered(run_task, tasks):
        R[name], T[name] = res, el
        print(f"  done {name:32s} {el:6.1f} s", file=sys.stderr, flush=True)

    # phase 2: other solvers' thresholds; pulse overshoot at 2x threshold (same amp for all)
    prim_thr = R["scan"]["thresholds"]
    brackets = {k: (v["below"], v["above"]) for k, v in prim_thr.items()}
    pulse_thr = 0.5 * (prim_thr["pulse_1ms"]["below"] + prim_thr["pulse_1ms"]["above"])
    amp2x = round(2 * pulse_thr, 4)
    tasks = [(f"pulse2x:{s}", "task_pulse_overshoot", (s, amp2x)) for s in SOLVERS]
    tasks += [(f"thr:{s}", "task_bisect_near", (s, brackets)) for s in SOLVERS if s != PRIMARY]
    for name, res, el in pool.imap_unordered(run_task, tasks):
        R[name], T[name] = res, el
        print(f"  done {name:32s} {el:6.1f} s", file=sys.stderr, flush=True)
    pool.close()
    pool.join()
    R[f"thr:{PRIMARY}"] = prim_thr
    wall = time.time() - t_start

    out = assemble(R, T, amp2x, neuron.__version__, wall)
    with open(OUT_JSON, "w") as f:
        json.dump(out, f, indent=1)
        f.write("\n")
    print_summary(out)
    print(f"\nwrote {OUT_JSON}  (wall time {wall:.0f} s)")


def by_solver(R, prefix, getter):
    return {s: getter(R[f"{prefix}:{s}"]) for s in SOLVERS}


def max_dev(d, keys=None):
    """Max |value - primary| over CHECK_SOLVERS (and separately for the table run)."""
    def dev(a, b):
        a, b = np.atleast_1d(np.asarray(a, float)), np.atleast_1d(np.asarray(b, float))
        if a.shape != b.shape:
            return f"different count ({a.size} vs {b.size})"
        return float(np.max(np.abs(a - b))) if a.size else 0.0
    p = d[PRIMARY]
    return dict({s: dev(d[s], p) for s in CHECK_SOLVERS},
                **{"cvode_atol1e-10_table (sensitivity)": dev(d["cvode_atol1e-10_table"], p)})


def assemble(R, T, amp2x, nrn_version, wall):
    res = {}
    # 1. rest
    for key in ("v_at_50ms", "v_at_500ms"):
        d = by_solver(R, "rest", lambda r, k=key: r[k])
        res[f"rest_{key}_mV"] = dict(value=d[PRIMARY], by_solver=d, max_abs_dev=max_dev(d))
    res["rest_gates_m_h_n_at_500ms"] = R[f"rest:{PRIMARY}"]["m_h_n_at_500ms"]
    res["rest_steady_state_root_python_mV"] = hh_rest_root()

    # 2./3. thresholds
    thr = {}
    for name in R[f"thr:{PRIMARY}"]:
        d = {s: R[f"thr:{s}"][name] for s in SOLVERS}
        brk = {s: [d[s]["below"], d[s]["above"]] for s in SOLVERS}
        p = brk[PRIMARY]
        # gap between a solver's bracket and the primary's (0 = the brackets overlap,
        # i.e. the solvers agree to within the bisection tolerance)
        gap = {s: max(0.0, b[0] - p[1], p[0] - b[1]) for s, b in brk.items() if s != PRIMARY}
        thr[name] = dict(bracket_uA_cm2=p, by_solver=brk, bracket_gap_vs_primary=gap,
                         primary_detail=d[PRIMARY])
    res["thresholds"] = thr
    res["threshold_scans_primary"] = R["scan"]["scans"]

    # 5. protocol 5 (+ 4. overshoot of the 10 uA/cm2 step)
    p5 = by_solver(R, "p5", lambda r: r)
    res["protocol5_step10_from10_to110_tstop120"] = dict(
        spike_times_ms=p5[PRIMARY]["spike_times_ms"],
        n_spikes=p5[PRIMARY]["n_spikes"],
        first_spike=p5[PRIMARY]["first_spike"],
        spike_times_by_solver={s: p5[s]["spike_times_ms"] for s in SOLVERS},
        netcon_spike_times_primary_ms=p5[PRIMARY]["netcon_spike_times_ms"],
        max_abs_dev_spike_times=max_dev({s: p5[s]["spike_times_ms"] for s in SOLVERS}),
        first_spike_by_solver={s: p5[s]["first_spike"] for s in SOLVERS},
        max_abs_dev_peak=max_dev({s: p5[s]["first_spike"]["peak_mV"] for s in SOLVERS}),
        max_abs_dev_half_width=max_dev({s: p5[s]["first_spike"]["half_width_ms"] for s in SOLVERS}))

    # 4. overshoot
    pk = by_solver(R, "pulse2x", lambda r: r)
    res["overshoot"] = dict(
        step10_first_spike_peak_mV=p5[PRIMARY]["first_spike"]["peak_mV"],
        pulse_2x_threshold=dict(
            amp_uA_cm2=amp2x, first_spike=pk[PRIMARY]["first_spike"],
            spike_times_ms=pk[PRIMARY]["spike_times_ms"],
            peak_by_solver={s: pk[s]["first_spike"]["peak_mV"] for s in SOLVERS},
            max_abs_dev_peak=max_dev({s: pk[s]["first_spike"]["peak_mV"] for s in SOLVERS})))

    # 6. f-I and 7. 1000 ms step at 10 uA/cm2
    fi = by_solver(R, "fI", lambda r: r)
    res["fI_step_0_to_1000_count_200_to_1000"] = dict(
        primary={a: fi[PRIMARY][a] for a in fi[PRIMARY]},
        rate_Hz_by_solver={s: {a: fi[s][a]["rate_Hz"] for a in fi[s]} for s in SOLVERS},
        counts_identical_across_solvers={
            s: all(fi[s][a]["n_spikes_total"] == fi[PRIMARY][a]["n_spikes_total"] for a in fi[s])
            for s in SOLVERS})
    p7 = {s: fi[s]["10"]["spike_times_ms"] for s in SOLVERS}
    p7nc = fi[PRIMARY]["10"].get("netcon_spike_times_ms")
    for s in SOLVERS:   # keep spike lists out of the f-I table (they go to protocol 7 below)
        for a in fi[s]:
            fi[s][a].pop("netcon_spike_times_ms", None)
            fi[s][a].pop("spike_times_ms", None)
    first5 = p7[PRIMARY][:5]
    res["protocol7_step10_from0_to1000"] = dict(
        n_spikes=len(p7[PRIMARY]), first5_ms=first5, all_spike_times_ms=p7[PRIMARY],
        n_spikes_by_solver={s: len(p7[s]) for s in SOLVERS},
        first5_by_solver={s: p7[s][:5] for s in SOLVERS},
        last_spike_by_solver={s: p7[s][-1] for s in SOLVERS},
        max_abs_dev_all_spike_times=max_dev(p7),
        netcon_vs_interpolated_max_abs_diff_ms=(
            float(np.max(np.abs(np.array(p7nc) - np.array(p7[PRIMARY])))) if p7nc else None),
        comparison_other_solver=dict(
            reference=P7_OTHER_SOLVER,
            n_spikes_match=len(p7[PRIMARY]) == P7_OTHER_SOLVER["n_spikes"],
            first5_diff_ms=(np.array(first5) - np.array(P7_OTHER_SOLVER["first5"])).tolist()))

    meta = dict(
        neuron_version=nrn_version, python=platform.python_version(), numpy=np.__version__,
        platform=platform.platform(), generated_utc=time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
        wall_time_s=round(wall, 1), task_times_s={k: round(v, 2) for k, v in T.items()},
        model=dict(mechanism="NEURON built-in hh (src/nrnoc/hh.mod)", gnabar_S_cm2=GNABAR,
                   gkbar_S_cm2=GKBAR, gl_S_cm2=GL, el_mV=EL, ena_mV=ENA, ek_mV=EK, cm_uF_cm2=CM,
                   celsius=CELSIUS, v_init_mV=V_INIT, init="h.finitialize(-65): gates at steady state",
                   usetable_hh="0 (exact rate functions) except the *_table sensitivity run"),
        geometry=dict(nseg=1, L_um=L_UM, diam_um=DIAM_UM, area_um2=math.pi * L_UM * DIAM_UM,
                      area_cm2=AREA_CM2,
                      conversion="IClamp.amp[nA] = I[uA/cm2] * area[cm2] * 1e3 = 0.1 * I[uA/cm2]"),
        solvers=SOLVERS, primary_solver=PRIMARY,
        spike_detection=("upward crossing of 0 mV; v sampled every 1 us (CVODE: Vector.record Dt=0.001, "
                         "interpolated by CVODE; fixed: every step), crossing refined with a cubic "
                         "through 4 samples"),
        definitions=dict(
            pulse_threshold="1 ms pulse at t=10 ms; spike if v crosses 0 mV in [10, 30] ms",
            step_any="step from t=10 ms of duration D; >= 1 spike with crossing time in [10, 10+D]",
            step_repetitive=">= 2 spikes in [10, 10+D]",
            step_sustained=f">= 1 spike in the last {SUSTAIN_WINDOW:g} ms of the step [10+D-50, 10+D]",
            bisection=f"from a bracket of the grid scan (grid_step), bisected to width <= {BISECT_TOL:g} uA/cm2; "
                      "'below' gives no spike/criterion false, 'above' gives it",
            half_width="width at (v(stim onset) + peak)/2, times interpolated",
            fI_rate="spikes with crossing time in [200, 1000] ms / 0.8 s; step on from t=0 to 1000 ms"))
    return dict(meta=meta, results=res)


def fmt_dev(d):
    return ", ".join(f"{k}: {v:.2e}" if isinstance(v, float) else f"{k}: {v}" for k, v in d.items())


def print_summary(out):
    r, m = out["results"], out["meta"]
    print(f"\nNEURON {m['neuron_version']}  HH 1952, el={EL}, celsius={CELSIUS}, primary solver {PRIMARY}")
    print("deviations are max |x - primary| for: " + ", ".join(CHECK_SOLVERS) + ", table-on run")
    print("\n1. resting potential")
    for k in ("rest_v_at_50ms_mV", "rest_v_at_500ms_mV"):
        print(f"   {k:22s} {r[k]['value']:.6f} mV   dev {fmt_dev(r[k]['max_abs_dev'])}")
    print(f"   steady-state root of I_ion (python, hh.mod formulas) {r['rest_steady_state_root_python_mV']:.6f} mV")
    print("\n2./3. thresholds (uA/cm2), bracket [below, above]; gap 0 = brackets overlap")
    for k, v in r["thresholds"].items():
        b = v["bracket_uA_cm2"]
        mono = v["primary_detail"]["grid_monotone"]
        print(f"   {k:22s} [{b[0]:.6f}, {b[1]:.6f}]  grid-monotone={mono}  "
              f"width {b[1] - b[0]:.1e}")
        for s, bb in v["by_solver"].items():
            if s != PRIMARY:
                print(f"        {s:24s} [{bb[0]:.6f}, {bb[1]:.6f}]   gap to primary "
                      f"{v['bracket_gap_vs_primary'][s]:.1e}")
    p5 = r["protocol5_step10_from10_to110_tstop120"]
    o = r["overshoot"]
    print("\n4. overshoot")
    print(f"   10 uA/cm2 step at 10 ms: first-spike peak {o['step10_first_spike_peak_mV']:.4f} mV")
    pp = o["pulse_2x_threshold"]
    print(f"   1 ms pulse {pp['amp_uA_cm2']} uA/cm2 (2x threshold): peak {pp['first_spike']['peak_mV']:.4f} mV "
          f"at {pp['first_spike']['t_peak_ms']:.4f} ms, 0-mV crossing {pp['first_spike']['t_cross0_up_ms']:.4f} ms, "
          f"half-width {pp['first_spike']['half_width_ms']:.4f} ms; dev {fmt_dev(pp['max_abs_dev_peak'])}")
    print("\n5. 10 uA/cm2 from 10 to 110 ms, tstop 120")
    print("   spike times (ms): " + ", ".join(f"{x:.4f}" for x in p5["spike_times_ms"]))
    fs = p5["first_spike"]
    print(f"   first spike: peak {fs['peak_mV']:.4f} mV at {fs['t_peak_ms']:.4f} ms; v_rest(10 ms) {fs['v_base_mV']:.4f}; "
          f"half-width {fs['half_width_ms']:.4f} ms (level {fs['half_level_mV']:.4f} mV)")
    print(f"   dev spike times {fmt_dev(p5['max_abs_dev_spike_times'])}")
    print(f"   dev peak {fmt_dev(p5['max_abs_dev_peak'])}")
    print(f"   dev half-width {fmt_dev(p5['max_abs_dev_half_width'])}")
    fi = r["fI_step_0_to_1000_count_200_to_1000"]
    print("\n6. f-I (step 0-1000 ms, spikes in [200,1000] ms / 0.8 s)")
    print("   I(uA/cm2)  n[200,1000]  rate(Hz)  1000/meanISI(Hz)  n_total  | rate by solver")
    for a, row in fi["primary"].items():
        oth = " ".join(f"{fi['rate_Hz_by_solver'][s][a]:.2f}" for s in SOLVERS if s != PRIMARY)
        print(f"   {a:>6s}     {row['n_spikes_200_1000']:5d}     {row['rate_Hz']:8.3f}  {row['rate_from_mean_isi_Hz']:10.4f}"
              f"      {row['n_spikes_total']:5d}   | {oth}")
    print(f"   spike counts identical across solvers: {fi['counts_identical_across_solvers']}")
    p7 = r["protocol7_step10_from0_to1000"]
    print("\n7. 10 uA/cm2 from 0 to 1000 ms")
    print(f"   n_spikes {p7['n_spikes']}; first 5: " + ", ".join(f"{x:.4f}" for x in p7["first5_ms"]))
    print(f"   last spike by solver: " + ", ".join(f"{s}: {v:.4f}" for s, v in p7["last_spike_by_solver"].items()))
    print(f"   dev all spike times {fmt_dev(p7['max_abs_dev_all_spike_times'])}")
    c = p7["comparison_other_solver"]
    print(f"   vs other solver (69 spikes, {c['reference']['first5']}): count match {c['n_spikes_match']}, "
          f"first5 diff " + ", ".join(f"{x:+.5f}" for x in c["first5_diff_ms"]))


if __name__ == "__main__":
    main()
