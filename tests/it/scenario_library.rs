//! The cramp scenario library (issue 6 point 1): every cause in
//! `scenarios/` against `scenarios/normal.toml` on named metrics — resting
//! potential, nerve-to-muscle transmission, after-discharges, sustained
//! contraction (force in the quiet time after the train), force, T-tubule
//! K⁺, and where the cause is about excitability the 50 ms rheobase and
//! spontaneous firing (`endplate::excitability`).
//!
//! The sizes asserted are the ones measured with these files (each file's
//! header gives them), with a tolerance that keeps the direction and the
//! order of magnitude; where the literature reports an effect the model does
//! not produce, the test asserts what the model does and says so. No
//! scenario value was chosen to pass a test: every value is sourced in its
//! file's header.
//!
//! Each scenario is simulated (and its excitability measured) at most once
//! per test binary, whichever test asks first.

use std::fs;
use std::ops::Range;
use std::path::Path;
use std::sync::OnceLock;

use crate::arguments;
use endplate::excitability::{self, Excitability, TissueExcitability};
use endplate::model::muscle_fibre::index;
use endplate::protocol::Train;
use endplate::scenario;
use endplate::simulation::{self, JunctionMetrics, RunMetrics, Trace};

/// What a library file is, for the checks of its header and protocol.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Kind {
    /// normal.toml.
    Control,
    /// A deficiency: its header also names the clinical co-factors.
    Deficiency,
    /// Another cause, run with normal.toml's protocol.
    Condition,
    /// A cause that is the protocol itself (its own nerve drive).
    OwnProtocol,
    /// The HypoPP file: a muscle-fibre scenario with its own control
    /// (tests/it/scenario_hypokalemic_periodic_paralysis.rs), about the fibre's
    /// own 1 ms threshold, which a nerve-driven motor unit cannot measure.
    FibreOnly,
}

/// The library, normal first.
const LIBRARY: [(&str, Kind); 14] = [
    ("normal", Kind::Control),
    ("hypokalemia-mild", Kind::Deficiency),
    ("hypokalemia-moderate", Kind::Deficiency),
    ("hypokalemia-severe", Kind::Deficiency),
    ("hypocalcemia", Kind::Deficiency),
    ("hypomagnesemia", Kind::Deficiency),
    ("diuretic", Kind::Deficiency),
    ("poor-circulation", Kind::Condition),
    ("fatigue", Kind::OwnProtocol),
    ("neuropathy", Kind::OwnProtocol),
    ("dehydration", Kind::Deficiency),
    ("statin", Kind::Condition),
    ("myotonia", Kind::Condition),
    ("hypokalemic-periodic-paralysis", Kind::FibreOnly),
];

/// The quiet window, in which a sustained contraction is looked for, starts
/// this long after the scenario's nerve train ends (ms): normal.toml's force
/// is below 10 % of its peak 65 ms after its train.
const QUIET_AFTER_TRAIN_MS: f64 = 100.0;

/// Mean force rise in the quiet window below which a fibre counts as relaxed
/// (µM): 5 % of normal.toml's peak (1.05 µM); normal.toml's own is 0.012.
const RELAXED_FORCE_UM: f64 = 0.05;

/// End of normal.toml's nerve train (ms): its 50th pulse starts at 500 ms.
const TRAIN_END_MS: f64 = 500.1;

fn path(name: &str) -> String {
    format!("scenarios/{name}.toml")
}

fn position(name: &str) -> usize {
    LIBRARY
        .iter()
        .position(|(n, _)| *n == name)
        .unwrap_or_else(|| panic!("{name} is not in the library"))
}

/// A_2 (force) in the quiet window of a run, raw (not above baseline).
#[derive(Debug)]
struct QuietForce {
    from_ms: f64,
    sum_um: f64,
    samples: usize,
    max_um: f64,
}

impl Trace for QuietForce {
    fn row(&mut self, t_ms: f64, state: &[f64], _i_stim: f64) {
        if t_ms >= self.from_ms {
            let a2 = state[index::POST_STROKE];
            self.sum_um += a2;
            self.samples += 1;
            self.max_um = self.max_um.max(a2);
        }
    }
}

/// What a scenario's run shows.
#[derive(Debug)]
struct Outcome {
    metrics: RunMetrics,
    /// Myoplasmic phosphate at the end of the run (mM).
    phosphate_end_mm: f64,
    /// Mean force rise above the pre-stimulus baseline in the quiet window (µM).
    quiet_force_mean_um: f64,
    /// Largest force rise in the quiet window (µM).
    quiet_force_max_um: f64,
}

impl Outcome {
    fn junction(&self) -> &JunctionMetrics {
        self.metrics.junction.as_ref().unwrap()
    }
    fn muscle(&self) -> &endplate::analysis::MuscleMetrics {
        self.metrics.muscle.as_ref().unwrap()
    }
    fn rest_mv(&self) -> f64 {
        self.metrics.membrane.resting_mv
    }
    fn muscle_spikes(&self) -> usize {
        self.metrics.membrane.spike_count
    }
    fn force_peak_um(&self) -> f64 {
        self.muscle().force_peak_um
    }
    fn sustained_ms(&self) -> f64 {
        self.muscle().sustained_contraction_ms.unwrap()
    }
    fn after_discharges(&self) -> usize {
        self.muscle().after_discharge_count
    }
    /// Nerve impulses of the train answered by an overshooting action
    /// potential (peak above 0 mV); the spike count also holds smaller
    /// crossings of the −40 mV analysis threshold.
    fn full_action_potentials(&self) -> usize {
        self.muscle()
            .per_stimulus
            .iter()
            .filter(|r| r.ap_peak_mv.is_some_and(|v| v > 0.0))
            .count()
    }
    fn tubule_k_peak_mm(&self) -> f64 {
        self.muscle().tubule_k_peak_mm
    }
}

/// The axon the measured numbers of these tests (and of the files' headers)
/// were taken with: the Sweeney 1987 node, the motor unit's default before
/// issue 10 made it the Gaines 2018 human axon. Pinned so that the numbers
/// stay what they were measured with; what the Gaines axon changes is in
/// the README ("Causes of cramp").
const MEASURED_AXON: &str = "parameters.axon_model=sweeney-1987";

/// `overrides` with the axon pinned to [`MEASURED_AXON`] (motor-unit files).
fn pinned(name: &str, overrides: &[&str]) -> Vec<String> {
    let mut all = arguments(overrides);
    if LIBRARY[position(name)].1 != Kind::FibreOnly {
        all.push(MEASURED_AXON.to_owned());
    }
    all
}

fn simulate(name: &str, overrides: &[&str]) -> Outcome {
    let run = scenario::load(Path::new(&path(name)), &pinned(name, overrides)).unwrap();
    let train_end_ms = run
        .protocol
        .trains
        .iter()
        .map(Train::end_ms)
        .fold(0.0, f64::max);
    let mut quiet = QuietForce {
        from_ms: train_end_ms + QUIET_AFTER_TRAIN_MS,
        sum_um: 0.0,
        samples: 0,
        max_um: f64::NEG_INFINITY,
    };
    let result = simulation::execute(&run, &mut quiet).unwrap();
    let metrics = result.metrics;
    assert!(metrics.rest.as_ref().is_some_and(|r| r.converged), "{name}");
    let baseline = metrics.muscle.as_ref().unwrap().force_baseline_um;
    Outcome {
        phosphate_end_mm: result.final_state[index::PHOSPHATE_MYOPLASM],
        quiet_force_mean_um: quiet.sum_um / quiet.samples as f64 - baseline,
        quiet_force_max_um: quiet.max_um - baseline,
        metrics,
    }
}

/// The library scenario's run, simulated once.
fn outcome(name: &str) -> &'static Outcome {
    static OUTCOMES: [OnceLock<Outcome>; LIBRARY.len()] =
        [const { OnceLock::new() }; LIBRARY.len()];
    OUTCOMES[position(name)].get_or_init(|| simulate(name, &[]))
}

/// The library scenario's excitability, measured once.
fn excitability_of(name: &str) -> &'static Excitability {
    static MEASURED: [OnceLock<Excitability>; LIBRARY.len()] =
        [const { OnceLock::new() }; LIBRARY.len()];
    MEASURED[position(name)].get_or_init(|| {
        let run = scenario::load(Path::new(&path(name)), &pinned(name, &[])).unwrap();
        excitability::measure(&run).unwrap()
    })
}

fn rheobase(tissue: &TissueExcitability) -> f64 {
    tissue.rheobase_50ms_ua_per_cm2.unwrap()
}

/// Rheobase of `name` over normal's: (fibre, axon).
fn rheobase_ratios(name: &str) -> (f64, f64) {
    let (normal, cause) = (excitability_of("normal"), excitability_of(name));
    (
        rheobase(&cause.membrane) / rheobase(&normal.membrane),
        rheobase(&cause.axon.unwrap()) / rheobase(&normal.axon.unwrap()),
    )
}

/// Neither the fibre nor the axon fires in 1 s without a stimulus.
fn assert_no_spontaneous_firing(name: &str) {
    let measured = excitability_of(name);
    assert_eq!(measured.membrane.spontaneous_rate_hz, 0.0, "{name} fibre");
    assert_eq!(
        measured.axon.unwrap().spontaneous_rate_hz,
        0.0,
        "{name} axon"
    );
}

/// The 50 ms rheobases of fibre and axon over normal's lie in the given
/// ranges, and neither tissue fires on its own.
fn assert_excitability(name: &str, fibre: Range<f64>, axon: Range<f64>) {
    let (fibre_ratio, axon_ratio) = rheobase_ratios(name);
    assert_within(name, "fibre rheobase ratio", fibre_ratio, fibre);
    assert_within(name, "axon rheobase ratio", axon_ratio, axon);
    assert_no_spontaneous_firing(name);
}

/// The axon's rheobase ratio for causes that act on the fibre only (±0.5 %).
const AXON_UNCHANGED: Range<f64> = 0.995..1.005;

/// `value` lies in `range`, with the scenario and metric named on failure.
fn assert_within(name: &str, metric: &str, value: f64, range: Range<f64>) {
    assert!(
        range.contains(&value),
        "{name}: {metric} = {value}, expected {range:?}"
    );
}

/// Every nerve impulse of the train gives one muscle action potential, and
/// nothing fires after the train.
fn assert_transmits_without_after_discharges(name: &str) {
    let o = outcome(name);
    assert_eq!(o.junction().axon_spike_count, 50, "{name}");
    assert_eq!(o.muscle_spikes(), 50, "{name}");
    assert_eq!(o.after_discharges(), 0, "{name}");
}

/// The force relaxes after the train as normal's does (within ±15 % of the
/// time normal takes) and stays relaxed in the quiet window.
fn assert_relaxes_like_normal(name: &str) {
    let o = outcome(name);
    assert_within(
        name,
        "sustained contraction / normal",
        o.sustained_ms() / outcome("normal").sustained_ms(),
        0.85..1.15,
    );
    assert!(o.quiet_force_mean_um < RELAXED_FORCE_UM, "{name}: {o:?}");
}

/// The header: the leading block of `#` lines.
fn header(text: &str) -> String {
    text.lines()
        .take_while(|line| line.starts_with('#'))
        .collect::<Vec<_>>()
        .join("\n")
}

/// A citation: a four-digit year of 1900–2099 or a SCIENCE.md section.
fn cites(text: &str) -> bool {
    text.contains("SCIENCE.md §")
        || text.as_bytes().windows(4).any(|w| {
            w.iter().all(u8::is_ascii_digit) && (w.starts_with(b"19") || w.starts_with(b"20"))
        })
}

#[test]
fn every_scenario_file_builds() {
    // What `endplate check scenarios/*.toml` does: parse, check and build.
    let mut count = 0;
    for entry in fs::read_dir("scenarios").unwrap() {
        let file = entry.unwrap().path();
        if file.extension().is_some_and(|e| e == "toml") {
            scenario::load(&file, &[]).unwrap_or_else(|e| panic!("{}: {e}", file.display()));
            count += 1;
        }
    }
    assert!(count >= LIBRARY.len());
}

#[test]
fn every_library_file_names_its_sources_and_its_measured_outcome() {
    let normal = scenario::load(Path::new(&path("normal")), &[]).unwrap();
    for (name, kind) in LIBRARY {
        let text = fs::read_to_string(path(name)).unwrap();
        let header = header(&text);
        assert!(cites(&header), "{name}: no source in its header");
        assert!(
            header.contains("Outcome as measured") || header.contains("What the model shows"),
            "{name}: no measured outcome in its header"
        );
        if kind == Kind::Deficiency {
            assert!(header.contains("Co-factors"), "{name}: no co-factors");
        }
        if kind == Kind::FibreOnly {
            continue;
        }
        let run = scenario::load(Path::new(&path(name)), &[]).unwrap();
        assert_eq!(
            run.model.entry().name(),
            normal.model.entry().name(),
            "{name}"
        );
        assert!(run.equilibrate, "{name}: starts from rest");
        assert_eq!(run.temperature_celsius(), 37.0, "{name}");
        let ions = [
            "k_o_mm",
            "na_o_mm",
            "cl_o_mm",
            "ca_o_mm",
            "mg_o_mm",
            "mg_i_um",
            "temperature_celsius",
        ];
        for key in ions {
            assert!(
                text.lines().any(|l| l.starts_with(&format!("{key} = "))),
                "{name}: [ions] {key} is not explicit"
            );
        }
        if kind != Kind::OwnProtocol {
            assert_eq!(run.protocol, normal.protocol, "{name}: normal's protocol");
            assert_eq!(run.simulation, normal.simulation, "{name}");
        }
    }
}

#[test]
fn normal_transmits_every_impulse_relaxes_and_does_not_fire_on_its_own() {
    let normal = outcome("normal");
    assert_transmits_without_after_discharges("normal");
    // Measured −86.3 mV; skeletal muscle rests at −80 to −90 mV, ≈ −85 mV at
    // 4 mM K⁺ (SCIENCE.md §6; Jurkat-Rott et al. 2009).
    assert_within("normal", "rest (mV)", normal.rest_mv(), -90.0..-84.0);
    // Measured: force below 10 % of its peak 64.8 ms after the train.
    assert_within(
        "normal",
        "sustained (ms)",
        normal.sustained_ms(),
        30.0..100.0,
    );
    assert!(normal.quiet_force_mean_um < RELAXED_FORCE_UM, "{normal:?}");
    assert_eq!(normal.full_action_potentials(), 50);
    assert_no_spontaneous_firing("normal");
}

#[test]
fn hypokalemia_hyperpolarizes_slightly_and_changes_nothing_else() {
    // Measured rest: −86.3 (normal), −87.7 (3.25 mM), −88.1 (2.75), −88.1
    // (2.0): 1.4–1.9 mV more negative, shrinking steps as K⁺ falls. The
    // literature's weakness, cramps and, in severe hypokalaemia, paradoxical
    // depolarization (Jurkat-Rott et al. 2009) are not reproduced.
    let normal_rest = outcome("normal").rest_mv();
    let mut previous = normal_rest;
    for name in [
        "hypokalemia-mild",
        "hypokalemia-moderate",
        "hypokalemia-severe",
    ] {
        let rest = outcome(name).rest_mv();
        assert_within(name, "hyperpolarization (mV)", normal_rest - rest, 0.7..3.0);
        assert!(rest <= previous + 0.05, "{name}: {rest} after {previous}");
        previous = rest;
        assert_transmits_without_after_discharges(name);
        assert_relaxes_like_normal(name);
    }
    // Severe: the fibre's 50 ms rheobase rises 3 % (80.5 against 78.3
    // µA/cm²); the axon's does not move, since the Sweeney node has no K⁺
    // conductance.
    assert_excitability("hypokalemia-severe", 1.0..1.1, AXON_UNCHANGED);
}

#[test]
fn hypocalcemia_lowers_both_rheobases_but_gives_no_tetany_and_less_force() {
    // The literature's direction: measured −35 % (fibre, 50.8 against 78.3
    // µA/cm²) and −30 % (axon, 986.5 against 1409).
    // Tetany (spontaneous discharge) is reported at this Ca²⁺; the model
    // fires neither on its own nor after the train.
    assert_excitability("hypocalcemia", 0.55..0.75, 0.6..0.8);
    assert_transmits_without_after_discharges("hypocalcemia");
    // Release falls to m = 45.3 quanta (normal 151.5; Dodge & Rahamimoff
    // [CaX]⁴), safety factor 1.79: still enough for every impulse.
    let (normal, low) = (outcome("normal"), outcome("hypocalcemia"));
    let ratio = low.junction().mean_quantal_content / normal.junction().mean_quantal_content;
    assert_within("hypocalcemia", "quantal content ratio", ratio, 0.2..0.4);
    let safety = low
        .junction()
        .endplate
        .as_ref()
        .unwrap()
        .safety_factor
        .unwrap();
    assert_within("hypocalcemia", "safety factor", safety, 1.2..2.5);
    assert_eq!(low.full_action_potentials(), 50);
    // Force peaks 28 % lower (0.75 against 1.05 µM; the action potentials
    // overshoot less). Uwera et al. 2020 (V15) found tetanic force about
    // unchanged at low Ca²⁺ and normal K⁺: the model differs.
    let force = low.force_peak_um() / normal.force_peak_um();
    assert_within("hypocalcemia", "force peak ratio", force, 0.6..0.85);
    assert!(low.quiet_force_mean_um < RELAXED_FORCE_UM, "{low:?}");
}

#[test]
fn hypomagnesemia_raises_release_and_lowers_rheobase_a_little() {
    // Measured: m 169.8 against 151.5 quanta (+12 %), rheobase −6 % (fibre,
    // 73.3) and −5 % (axon, 1336). The direction is the literature's
    // (hyperexcitability); the size gives no cramp.
    let name = "hypomagnesemia";
    let ratio = outcome(name).junction().mean_quantal_content
        / outcome("normal").junction().mean_quantal_content;
    assert_within(name, "quantal content ratio", ratio, 1.05..1.2);
    assert_excitability(name, 0.85..0.98, 0.85..0.98);
    assert_transmits_without_after_discharges(name);
    assert_relaxes_like_normal(name);
    let rest_change = outcome(name).rest_mv() - outcome("normal").rest_mv();
    assert_within(name, "rest change (mV)", rest_change, -0.3..0.3);
}

#[test]
fn diuretic_low_k_and_low_mg_nearly_cancel() {
    // Measured: rest 1.6 mV more negative (low K⁺), rheobase −2.6 % in
    // fibre and axon (low Mg²⁺), otherwise normal: no cramp, where patients
    // on diuretics report them.
    let name = "diuretic";
    let hyperpolarization = outcome("normal").rest_mv() - outcome(name).rest_mv();
    assert_within(name, "hyperpolarization (mV)", hyperpolarization, 0.8..2.5);
    assert_excitability(name, 0.93..1.0, 0.93..1.0);
    assert_transmits_without_after_discharges(name);
    assert_relaxes_like_normal(name);
}

#[test]
fn poor_circulation_raises_tubular_k_slightly_and_washout_does_not_matter_in_seconds() {
    // Measured: T-tubule K⁺ peak 8.81 against 8.71 mM, rheobase −1.8 %,
    // rest within 0.1 mV: the 25 % pump loss is all of it, and it is small.
    let name = "poor-circulation";
    let (normal, poor) = (outcome("normal"), outcome(name));
    let extra_k = poor.tubule_k_peak_mm() - normal.tubule_k_peak_mm();
    assert_within(name, "extra T-tubule K⁺ (mM)", extra_k, 0.02..0.5);
    assert_within(
        name,
        "rest change (mV)",
        poor.rest_mv() - normal.rest_mv(),
        -0.3..0.3,
    );
    assert_excitability(name, 0.95..1.0, AXON_UNCHANGED);
    assert_transmits_without_after_discharges(name);
    assert_relaxes_like_normal(name);
    // Washout's τ is minutes (src/physiology/washout.rs): with no blood flow
    // at all the 2 s run is the same to a part in 10⁴.
    let no_flow = simulate(
        name,
        &["parameters.washout.blood_flow_ml_per_min_per_100g=0"],
    );
    assert!((no_flow.rest_mv() - poor.rest_mv()).abs() < 1e-3);
    let relative = |a: f64, b: f64| ((a - b) / b).abs();
    assert!(relative(no_flow.tubule_k_peak_mm(), poor.tubule_k_peak_mm()) < 1e-4);
    assert!(relative(no_flow.sustained_ms(), poor.sustained_ms()) < 1e-4);
}

#[test]
fn fatigue_loses_force_during_a_long_train_without_an_after_effect() {
    // Measured: all 200 impulses transmitted; force 1.05 µM at its peak,
    // 0.38 µM at the last pulse (36 %); phosphate 0.26 mM against 0.19 at
    // the end of normal.toml; relaxed 48 ms after the train (normal 65).
    let name = "fatigue";
    let (normal, tired) = (outcome("normal"), outcome(name));
    assert_eq!(tired.junction().axon_spike_count, 200);
    assert_eq!(tired.muscle_spikes(), 200);
    assert_eq!(tired.after_discharges(), 0);
    let last_pulse_force = tired
        .muscle()
        .per_stimulus
        .last()
        .and_then(|r| r.force_peak_um)
        .unwrap();
    assert_within(
        name,
        "last-pulse force / peak",
        last_pulse_force / tired.force_peak_um(),
        0.2..0.5,
    );
    assert_within(
        name,
        "phosphate ratio",
        tired.phosphate_end_mm / normal.phosphate_end_mm,
        1.15..1.6,
    );
    assert!(tired.sustained_ms() < normal.sustained_ms());
    assert!(tired.quiet_force_mean_um < RELAXED_FORCE_UM, "{tired:?}");
}

#[test]
fn neuropathy_fires_the_motor_unit_in_the_quiet_time_as_twitches_not_a_cramp() {
    let name = "neuropathy";
    let (normal, ectopic) = (outcome("normal"), outcome(name));
    // 14.5 Hz for 2 s: 29 ectopic impulses expected; a Poisson count has SD
    // √29 ≈ 5.4, accept 3 SD (the seed fixes the draw: 29 measured).
    let extra = ectopic.junction().axon_spike_count as f64 - 50.0;
    assert_within(name, "ectopic axon spikes", extra, 13.0..45.0);
    // Every ectopic impulse is transmitted.
    assert_eq!(ectopic.muscle_spikes(), ectopic.junction().axon_spike_count);
    // Spontaneous firing: muscle action potentials after the train, where
    // normal has none (24 measured).
    let after_train = |o: &Outcome| {
        o.metrics
            .membrane
            .spike_times_ms
            .iter()
            .filter(|&&t| t > TRAIN_END_MS + 2.0)
            .count()
    };
    assert_eq!(after_train(normal), 0);
    assert!(after_train(ectopic) >= 10, "{}", after_train(ectopic));
    // The quiet window holds twitches (mean 0.068 µM, largest 0.33 µM where
    // two impulses summate) but no contraction near the tetanic force:
    // fasciculation, not the cramp the literature links to such discharge.
    assert!(
        ectopic.quiet_force_mean_um > RELAXED_FORCE_UM,
        "{ectopic:?}"
    );
    assert!(ectopic.quiet_force_max_um < 0.5 * normal.force_peak_um());
}

#[test]
fn dehydration_makes_the_fibre_less_excitable() {
    // Measured: rheobase +30 % (fibre, 102.1 against 78.3 µA/cm²) and +8 %
    // (axon, 1519 against 1409) from the raised Ca²⁺ and Mg²⁺; rest 1.1 mV
    // more negative; relaxed sooner (58.3 against 64.8 ms). In line with
    // Schwellnus et al. 2004 (no link of hydration to cramps), not with
    // the popular view that dehydration causes them.
    let name = "dehydration";
    assert_excitability(name, 1.15..1.45, 1.03..1.15);
    let hyperpolarization = outcome("normal").rest_mv() - outcome(name).rest_mv();
    assert_within(name, "hyperpolarization (mV)", hyperpolarization, 0.5..2.0);
    assert_transmits_without_after_discharges(name);
    assert!(outcome(name).sustained_ms() < outcome("normal").sustained_ms());
}

#[test]
fn statin_lowers_the_fibre_rheobase_and_prolongs_relaxation_a_little() {
    // Measured with g_Cl at 60 %: fibre rheobase −35 % (50.8 against 78.3
    // µA/cm²), axon unchanged; force peak +25 %; relaxed 74.2 ms after the
    // train (+14 %); no after-discharges. Sonoda et al. 1994 saw repetitive
    // firing in statin-treated rabbit muscle; the model does not fire again.
    let name = "statin";
    let (normal, statin) = (outcome("normal"), outcome(name));
    assert_excitability(name, 0.55..0.75, AXON_UNCHANGED);
    assert_transmits_without_after_discharges(name);
    let force = statin.force_peak_um() / normal.force_peak_um();
    assert_within(name, "force peak ratio", force, 1.1..1.4);
    let sustained = statin.sustained_ms() / normal.sustained_ms();
    assert_within(name, "sustained contraction ratio", sustained, 1.04..1.3);
    assert!(statin.quiet_force_mean_um < RELAXED_FORCE_UM, "{statin:?}");
}

#[test]
fn myotonia_holds_a_sustained_contraction_on_a_plateau_without_after_discharges() {
    // Measured with g_Cl at 38.3 %: rheobase −49 % (39.8 against 78.3
    // µA/cm²); T-tubule K⁺ 26.1 mM (normal 8.7); after 16 action potentials
    // the fibre sits on a plateau near −50 mV with force high: peak 4.17 µM
    // (4 × normal), above 10 % of it for 1354 ms after the train (normal 65),
    // mean 2.3 µM in the quiet window. Myotonic after-discharges (runs of
    // spikes, SCIENCE.md §1.5) are what the literature reports; the model
    // gives none, and its plateau resembles the plateau potentials of
    // Becker-disease mice instead.
    let name = "myotonia";
    let (normal, myotonic) = (outcome("normal"), outcome(name));
    assert_excitability(name, 0.4..0.6, AXON_UNCHANGED);
    assert_eq!(myotonic.junction().axon_spike_count, 50);
    let full = myotonic.full_action_potentials();
    assert!(full < 30, "{full} overshooting action potentials");
    assert_eq!(myotonic.after_discharges(), 0);
    assert!(myotonic.tubule_k_peak_mm() > 2.0 * normal.tubule_k_peak_mm());
    assert!(myotonic.force_peak_um() > 3.0 * normal.force_peak_um());
    assert!(
        myotonic.sustained_ms() > 1000.0,
        "{}",
        myotonic.sustained_ms()
    );
    assert!(myotonic.quiet_force_mean_um > 1.0, "{myotonic:?}");
}

#[test]
fn myotonia_is_the_library_s_largest_sustained_contraction() {
    // examples/08_cramp.rs draws the worst case against normal; this is the
    // measurement that picks it: the mean force after the train.
    let worst = LIBRARY
        .iter()
        .filter(|(_, kind)| *kind != Kind::FibreOnly)
        .map(|(name, _)| *name)
        .max_by(|a, b| {
            outcome(a)
                .quiet_force_mean_um
                .total_cmp(&outcome(b).quiet_force_mean_um)
        })
        .unwrap();
    assert_eq!(worst, "myotonia");
}
