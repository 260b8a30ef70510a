//! The Hennings et al. 2005 human motor axon in the motor unit: its
//! validation against the published model, and the ionized Ca²⁺ below which
//! it fires on its own (issue 4, the tetany threshold).

use std::path::Path;

use endplate::excitability::{self, firing_threshold_mm};
use endplate::model::hennings_axon::{HenningsAxon, HenningsAxonParams, index};
use endplate::model::{Model, State};
use endplate::protocol::Protocol;
use endplate::scenario::{Run, Template};
use endplate::solve::{Method, SolverSettings, SolverTolerances, simulate};

/// The motor-unit scenario with the Hennings axon at ionized Ca `ca_mm`.
fn motor_unit(ca_mm: f64) -> Run {
    Template::load(Path::new("scenarios/motor-unit.toml"))
        .unwrap()
        .build_with_arguments(&[
            "parameters.axon_model=hennings-2005".into(),
            format!("ions.ca_o_mm={ca_mm}"),
        ])
        .unwrap()
}

/// The axon with an exponentially rising current I (1 − e^{−t/τ}) (µA/cm²)
/// at the node: one extra state x with dx/dt = (1 − x)/τ, as `patch.c`'s
/// stimulus type EXPR.
struct ExponentialRise<'a> {
    axon: &'a HenningsAxon,
    tau_ms: f64,
}

impl Model<9> for ExponentialRise<'_> {
    fn state_variables(&self) -> &'static [endplate::model::StateVariable; 9] {
        unreachable!("not traced")
    }

    fn initial_state(&self) -> State<9> {
        let mut y = State::<9>::zeros();
        y.fixed_rows_mut::<8>(0)
            .copy_from(&self.axon.initial_state());
        y
    }

    fn derivatives(&self, t: f64, y: &State<9>, amplitude: f64, dydt: &mut State<9>) {
        let axon_state: State<8> = y.fixed_rows::<8>(0).into_owned();
        let mut rates = State::<8>::zeros();
        self.axon
            .derivatives(t, &axon_state, amplitude * y[8], &mut rates);
        dydt.fixed_rows_mut::<8>(0).copy_from(&rates);
        dydt[8] = (1.0 - y[8]) / self.tau_ms;
    }
}

/// Whether the node crosses −30 mV (the source's AP criterion) within `duration_ms`.
fn fires<const N: usize, M: Model<N>>(model: &M, amplitude: f64, duration_ms: f64) -> bool {
    struct Peak(f64);
    impl<const N: usize> endplate::solve::StepObserver<N> for Peak {
        fn step(&mut self, step: &endplate::solve::AcceptedStep<'_, N>) {
            self.0 = self.0.max(step.y1[index::V]);
        }
    }
    let protocol = Protocol {
        steps: vec![endplate::protocol::Step {
            start_ms: 0.0,
            duration_ms,
            amplitude_ua_per_cm2: amplitude,
        }],
        trains: Vec::new(),
    };
    let settings = SolverSettings {
        method: Method::Dopri5,
        tolerances: SolverTolerances::default(),
    };
    let mut peak = Peak(f64::NEG_INFINITY);
    simulate(
        model,
        &model.initial_state(),
        &protocol,
        duration_ms,
        &settings,
        &mut peak,
    )
    .unwrap();
    peak.0 > -30.0
}

/// Smallest amplitude (µA/cm²) that fires, to 0.1 %.
fn threshold<const N: usize, M: Model<N>>(model: &M, duration_ms: f64) -> f64 {
    let (mut low, mut high) = (0.0, 100_000.0);
    while high - low > 1e-3 * high {
        let middle = 0.5 * (low + high);
        if fires(model, middle, duration_ms) {
            high = middle;
        } else {
            low = middle;
        }
    }
    high
}

#[test]
fn accommodation_to_exponentially_rising_currents_follows_the_source_reference_curve() {
    // test_ac.m (ModelDB 55749, the code of Hennings et al. 2005 Fig. 1D):
    // thresholds of currents rising as 1 − e^{−t/τ} (run for 3τ) relative
    // to the rheobase of a 100 ms pulse, reference values Aref at
    // τ = 10, 20, 50 and 100 ms: 1.11, 1.26, 1.69, 1.89 (the curve Fig. 1D
    // draws against the model). Measured here: 1.108, 1.263, 1.688, 1.894.
    // Tolerance 2 %: the source's forward Euler (0.5 µs) against Dopri5.
    let axon = HenningsAxon::new(HenningsAxonParams::default(), 37.0, 0.0, 0.0);
    let rheobase = threshold(&axon, 101.0);
    for (tau_ms, reference) in [(10.0, 1.11), (20.0, 1.26), (50.0, 1.69), (100.0, 1.89)] {
        let rise = ExponentialRise {
            axon: &axon,
            tau_ms,
        };
        let ratio = threshold(&rise, -tau_ms * 0.05_f64.ln()) / rheobase;
        println!("τ = {tau_ms} ms: threshold/rheobase {ratio:.3} (reference {reference})");
        assert!(
            (ratio / reference - 1.0).abs() < 0.02,
            "τ = {tau_ms} ms: threshold/rheobase {ratio:.3}, reference {reference}"
        );
    }
}

#[test]
fn lowering_calcium_lowers_the_rheobase_and_the_axon_fires_on_its_own_below_a_threshold() {
    let rheobase = |ca: f64| {
        excitability::measure(&motor_unit(ca))
            .unwrap()
            .axon
            .unwrap()
            .rheobase_50ms_ua_per_cm2
            .unwrap()
    };
    let normal = rheobase(1.2);
    let low = rheobase(0.6);
    // Measured: 1311 → 442 µA/cm² (−66 %); asserted: a fall of more than a third.
    assert!(low < normal * 2.0 / 3.0, "{normal} → {low} µA/cm²");

    let spontaneous = |ca: f64| excitability::axon_spontaneous_rate_hz(&motor_unit(ca));
    assert_eq!(spontaneous(1.2).unwrap(), 0.0);
    // Measured threshold (bisection to 0.01 mM): 0.395 mM; asserted:
    // inside 0.3–0.5 mM, below the clinical tetany range (ionized Ca ≲ 0.8
    // mM, SCIENCE.md §4.2): the model fires only at lower Ca than patients do.
    let threshold = firing_threshold_mm(0.2, 1.2, 0.01, |ca| {
        Ok::<_, endplate::solve::SolveError>(spontaneous(ca)? > 0.0)
    })
    .unwrap()
    .expect("the axon fires at 0.2 mM and not at 1.2 mM");
    println!("rheobase {normal} → {low} µA/cm²; fires on its own below {threshold} mM");
    assert!((0.3..0.5).contains(&threshold), "{threshold} mM");
}
