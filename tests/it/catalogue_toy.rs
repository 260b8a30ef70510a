//! A model added to the catalogue from outside the crate: this file is the
//! whole of it (the model, its entry, and the one registry line below, in
//! `models()`). It is checked, run and described through the same paths as
//! the shipped models, and its trace is checked against the exact solution.

use std::path::Path;

use endplate::catalogue::membrane::Membrane;
use endplate::catalogue::{self, IonUse, MODELS, ModelEntry, Simulated};
use endplate::model::conditions::Conditions;
use endplate::model::ions::Ions;
use endplate::model::{Model, ParameterGroup, State, StateVariable};
use endplate::parameters;
use endplate::params::ParameterSet;
use endplate::scenario::ScenarioError;
use endplate::scenario::build::{Context, section};
use endplate::scenario::path::KeyPath;
use endplate::simulation::{self, NoTrace};
use endplate::solve::Method;

parameters! {
    /// A passive membrane: capacitance and one leak.
    pub struct PassiveParams {
        /// Leak conductance.
        g_leak_ms_per_cm2: f64 = 0.3, "mS/cm²", 0.0..=100.0, "a test value";
        /// Leak reversal potential.
        e_leak_mv: f64 = -70.0, "mV", -200.0..=200.0, "a test value";
        /// Membrane capacitance.
        c_m_uf_per_cm2: f64 = 1.0, "µF/cm²", 0.01..=100.0, "a test value";
    }
}

static STATE: [StateVariable; 1] = [StateVariable {
    name: "v_mV",
    unit: "mV",
    description: "membrane potential",
    source_name: "v",
}];

/// C dV/dt = i_stim − g (V − E).
#[derive(Debug, Clone, PartialEq)]
struct Passive(PassiveParams);

impl Model<1> for Passive {
    fn state_variables(&self) -> &'static [StateVariable; 1] {
        &STATE
    }
    fn initial_state(&self) -> State<1> {
        State::<1>::new(self.0.e_leak_mv)
    }
    fn derivatives(&self, _t: f64, y: &State<1>, i_stim: f64, dydt: &mut State<1>) {
        let p = &self.0;
        dydt[0] = (i_stim - p.g_leak_ms_per_cm2 * (y[0] - p.e_leak_mv)) / p.c_m_uf_per_cm2;
    }
}

struct PassiveEntry;
static PASSIVE: PassiveEntry = PassiveEntry;

impl ModelEntry for PassiveEntry {
    fn name(&self) -> &'static str {
        "passive"
    }
    fn summary(&self) -> &'static str {
        "a passive RC membrane (test)"
    }
    fn published_temperature_celsius(&self) -> f64 {
        20.0
    }
    fn state_variables(&self) -> &'static [StateVariable] {
        &STATE
    }
    fn default_initial_state(&self) -> Vec<f64> {
        vec![PassiveParams::default().e_leak_mv]
    }
    fn default_method(&self) -> Method {
        Method::Dopri5
    }
    fn parameters(&self) -> Vec<ParameterGroup> {
        vec![ParameterGroup {
            section: "",
            parameters: PassiveParams::INFO,
        }]
    }
    fn ion_use(&self, _key: &str) -> IonUse {
        IonUse::Refused("a passive membrane has no ions")
    }
    fn build(
        &self,
        parameters: toml::Table,
        _ions: &Ions,
        at: &KeyPath,
        ctx: &Context<'_>,
    ) -> Result<Box<dyn Simulated>, ScenarioError> {
        let params: PassiveParams = section(parameters, at, ctx)?;
        Ok(Box::new(Membrane::<Passive, 1> {
            model: Passive(params),
            entry: &PASSIVE,
            conditions: Conditions::published(20.0),
            honours: &[],
            follows_divalent_law: false,
        }))
    }
}

/// The registry line: the shipped models and this one.
fn models() -> Vec<&'static dyn ModelEntry> {
    MODELS
        .iter()
        .copied()
        .chain([&PASSIVE as &dyn ModelEntry])
        .collect()
}

const SCENARIO: &str = "model = \"passive\"\n\
[simulation]\nduration_ms = 20.0\noutput_dt_ms = 0.1\n\
[parameters]\ng_leak_ms_per_cm2 = 0.5\n\
[[stimulus.steps]]\nstart_ms = 0.0\nduration_ms = 30.0\namplitude_ua_per_cm2 = 5.0\n";

#[test]
fn a_model_of_one_file_runs_through_the_catalogue_and_matches_its_exact_solution() {
    let run =
        catalogue::load_text_with(&models(), Path::new("passive.toml"), SCENARIO, &[]).unwrap();
    assert_eq!(run.model.entry().name(), "passive");
    let result = simulation::execute(&run, &mut NoTrace).unwrap();
    // V(t) = E + (I/g)(1 − e^(−g t / C)) at t = 20 ms, I 5 µA/cm², g 0.5 mS/cm², C 1 µF/cm².
    let exact = -70.0 + 5.0 / 0.5 * (1.0 - (-0.5 * 20.0_f64).exp());
    assert!(
        (result.final_state[0] - exact).abs() < 1e-4,
        "{} vs {exact}",
        result.final_state[0]
    );
}

#[test]
fn the_new_model_gets_the_same_checks_as_the_shipped_ones() {
    let load = |text: &str| {
        catalogue::load_text_with(&models(), Path::new("passive.toml"), text, &[]).unwrap_err()
    };
    let refused = load("model = \"passive\"\n[ions]\nk_o_mm = 3.0\n");
    assert_eq!(refused.problem, "a passive membrane has no ions");
    let out_of_range = load("model = \"passive\"\n[parameters]\ng_leak_ms_per_cm2 = -1.0\n");
    assert_eq!(out_of_range.key_path, "parameters.g_leak_ms_per_cm2");
    assert_eq!(out_of_range.allowed.as_deref(), Some("0 to 100 mS/cm²"));
    let unknown = load("model = \"pasive\"\n");
    assert!(unknown.to_string().contains("passive"), "{unknown}");
}
