//! `muscle-fibre` in the model catalogue: the Shorten et al. 2007 fibre,
//! and the parsing of its `[parameters]` that the motor unit shares.

use std::any::Any;

use crate::analysis::MuscleAnalysis;
use crate::catalogue::{
    self, Curve, DetailFigure, DetailPanel, Figures, IonUse, ModelEntry, Part, Simulated,
};
use crate::model::conditions::Conditions;
use crate::model::ions::Ions;
use crate::model::muscle_fibre::{
    MuscleFibre, MuscleFibreConfig, PUBLISHED_INITIAL_STATE, STATE_COUNT, STATE_VARIABLES, index,
};
use crate::model::{ParameterGroup, State, StateVariable, celsius_from_kelvin};
use crate::physiology::chloride_channel::ChlorideDistribution;
use crate::scenario::build::{Context, deserialize, out_of_range};
use crate::scenario::keys::{Key, ValueKind, option_key};
use crate::scenario::path::KeyPath;
use crate::scenario::{Run, ScenarioError};
use crate::simulation::{self, RestOutcome, RunResult, Trace};
use crate::solve::steady_state::RestReport;
use crate::solve::{Method, SolveError};

/// The catalogue entry.
pub static ENTRY: MuscleFibreEntry = MuscleFibreEntry;

/// `muscle-fibre` as the catalogue describes it.
#[derive(Debug, Clone, Copy)]
pub struct MuscleFibreEntry;

/// A built `muscle-fibre`.
#[derive(Debug, Clone, PartialEq)]
pub struct BuiltMuscleFibre {
    /// The fibre.
    pub fibre: MuscleFibre,
    conditions: Conditions,
}

/// The potential figure of a fibre: its surface membrane.
pub const POTENTIALS: [Curve; 1] = [Curve {
    column: 0,
    label: "",
}];

/// `muscle.png`: surface and tubular potential, bulk Ca²⁺, force (the rise
/// of A₂ above its pre-stimulus value, as in the metrics) and T-tubule K⁺.
/// A motor unit's trace starts with the fibre's columns, so it draws the same.
pub const MUSCLE_FIGURE: DetailFigure = DetailFigure {
    file_stem: "muscle",
    title: "potentials, bulk Ca²⁺, force (A₂ rise), T-tubule K⁺",
    panels: &[
        DetailPanel {
            y_label: "V (mV)",
            curves: &[
                Curve {
                    column: index::V_SURFACE,
                    label: "surface",
                },
                Curve {
                    column: index::V_TUBULE,
                    label: "T-tubule",
                },
            ],
            force: false,
        },
        DetailPanel {
            y_label: "bulk Ca²⁺ (µM)",
            curves: &[Curve {
                column: index::CA_BULK,
                label: "",
            }],
            force: false,
        },
        DetailPanel {
            y_label: "force (µM)",
            curves: &[Curve {
                column: index::POST_STROKE,
                label: "",
            }],
            force: true,
        },
        DetailPanel {
            y_label: "tubule K⁺ (mM)",
            curves: &[Curve {
                column: index::K_TUBULE,
                label: "",
            }],
            force: false,
        },
    ],
};

impl ModelEntry for MuscleFibreEntry {
    fn name(&self) -> &'static str {
        "muscle-fibre"
    }

    fn summary(&self) -> &'static str {
        "Shorten et al. (2007) rat fast-twitch fibre: Wallinga 1999 sarcolemma + T-tubule, Ríos–Stern Ca release, \
         buffers with Ca–Mg competition, Razumova crossbridges (CellML, 56 states + Cl_i, 20 °C)"
    }

    fn published_temperature_celsius(&self) -> f64 {
        celsius_from_kelvin(MuscleFibreConfig::default().thermodynamics.temperature_k)
    }

    fn state_variables(&self) -> &'static [StateVariable] {
        &STATE_VARIABLES
    }

    fn default_initial_state(&self) -> Vec<f64> {
        PUBLISHED_INITIAL_STATE.to_vec()
    }

    /// Rodas4P: the RyR kinetics (k_Lm = 1000 ms⁻¹) make explicit methods crawl.
    fn default_method(&self) -> Method {
        Method::Rosenbrock
    }

    fn parameters(&self) -> Vec<ParameterGroup> {
        MuscleFibreConfig::parameter_groups()
    }

    fn options(&self) -> Vec<Key> {
        fibre_options()
    }

    fn section_options(&self, section: &str) -> Vec<Key> {
        fibre_section_options(section)
    }

    fn ion_use(&self, _key: &str) -> IonUse {
        IonUse::Honoured
    }

    fn build(
        &self,
        parameters: toml::Table,
        ions: &Ions,
        at: &KeyPath,
        ctx: &Context<'_>,
    ) -> Result<Box<dyn Simulated>, ScenarioError> {
        let config = fibre_config(parameters, ions, at, ctx)?;
        let published = celsius_from_kelvin(config.thermodynamics.temperature_k);
        let conditions = resolve_conditions(ions, &config, published, ctx)?;
        Ok(Box::new(BuiltMuscleFibre {
            fibre: MuscleFibre::new_in(config, &conditions),
            conditions,
        }))
    }
}

/// The run's conditions under the fibre's divalent law
/// (`parameters.surface_charge`), or the located error of a Grahame
/// equation without a root.
pub fn resolve_conditions(
    ions: &Ions,
    config: &MuscleFibreConfig,
    published_temperature_celsius: f64,
    ctx: &Context<'_>,
) -> Result<Conditions, ScenarioError> {
    Conditions::resolve(
        ions,
        &config.surface_charge,
        &config.surface_charge_grahame,
        published_temperature_celsius,
    )
    .map_err(|none| {
        ctx.value_error(
            &KeyPath::root().key("ions").key("ca_o_mm"),
            format!(
                "the Grahame law finds no surface potential at Ca {} mM, Mg {} mM",
                none.ca_o_mm, none.mg_o_mm
            ),
        )
        .with_allowed("the empirical law (parameters.surface_charge.mode = \"empirical\")")
    })
}

/// Keys of the fibre's `[parameters]` that no `parameters!` table declares.
pub fn fibre_options() -> Vec<Key> {
    vec![
        Key {
            name: "variant",
            value: ValueKind::Choice(vec!["published", "corrected"]),
            unit: "",
            default: "published".to_owned(),
            allowed: String::new(),
            doc: "`published`: the CellML exactly, quirks included. `corrected`: the \
                  sarcolemmal Kir conducts both ways, τ_hK has the sarcolemma's scale in the \
                  T-tubule too, and the background K⁺/Na⁺ currents carry charge."
                .to_owned(),
            source: "../shared/SCIENCE.md §2.1; src/model/muscle_fibre/config.rs",
        },
        option_key(
            "chloride_distribution",
            ValueKind::Choice(vec!["with-potassium", "fixed", "dynamic"]),
            "with-potassium",
            "`with-potassium`: Cl⁻ follows K⁺ (Donnan, published). `fixed`: Cl_i and Cl_o held \
             (Senneff & Lowery 2021; not a steady state). `dynamic`: Cl_i a state moved by ClC-1 \
             and NKCC1 (Gallaher et al. 2009). With `fixed` and `dynamic`, `ions.cl_o_mm` acts.",
            "src/physiology/chloride_channel.rs",
        ),
        option_key(
            "inward_rectifier_form",
            ValueKind::Choice(vec!["wallinga", "hagiwara"]),
            "wallinga",
            "`wallinga`: the published Kir, blocked against absolute V. `hagiwara`: rectification \
             follows V − E_K (Hagiwara & Takahashi 1974; the Cannon-lab Kir, \
             `parameters.kir_hagiwara`), P_Kir 4.35e-6 cm/s at 22 °C, Kir Q10 1.55.",
            "src/physiology/kir_hagiwara.rs",
        ),
        option_key(
            "resting_conductance",
            ValueKind::Choice(vec!["published", "measured"]),
            "published",
            "`published`: the Shorten/Wallinga g_Cl and Kir. `measured`: scaled to rat diaphragm \
             at 37 °C (Palade & Barchi 1977) by `parameters.measured_rest`, g_Cl Q10 ≈ 1 above 25 °C.",
            "src/model/muscle_fibre/config.rs",
        ),
        option_key(
            "tubule_pump",
            ValueKind::Choice(vec!["wallinga", "alpha2"]),
            "wallinga",
            "`wallinga`: the sarcolemmal pump at 0.1 of its density in the T-tubule (published). \
             `alpha2`: an α2 pump, K_m,K 2.5 mM (DiFranco et al. 2015), at the surface density \
             (`parameters.tubule_alpha2_pump`).",
            "src/physiology/nak_pump_isoforms.rs",
        ),
        option_key(
            "sodium_slow_inactivation",
            ValueKind::Choice(vec!["wallinga", "pedestal"]),
            "wallinga",
            "`wallinga`: S_∞ → 0 (published). `pedestal`: S_∞ = 0.115 + 0.885/(1 + e^((V+59)/10.6)) \
             (Hayward, Brown & Cannon 1997) and 0.3 % non-inactivating Na⁺ channels \
             (`parameters.sodium_pedestal`).",
            "src/physiology/sodium_slow_inactivation_pedestal.rs",
        ),
        option_key(
            "tubule_bookkeeping",
            ValueKind::Choice(vec!["published", "area-ratio"]),
            "published",
            "`published`: tubular fluxes reach the myoplasm as if the T-tubule had f_T ζ_i/ζ_t = 8 \
             times the sarcolemma's area. `area-ratio`: ζ_t = f_T ζ_i/γ, the γ = 4.8 of the \
             voltage equations.",
            "src/model/muscle_fibre/config.rs",
        ),
    ]
}

/// Non-numeric keys of the fibre's `[parameters.<section>]` tables.
pub fn fibre_section_options(section: &str) -> Vec<Key> {
    let enabled = |doc: &str, source: &'static str| {
        vec![option_key(
            "enabled",
            ValueKind::Switch,
            "false",
            doc,
            source,
        )]
    };
    match section {
        "surface_charge" => vec![option_key(
            "mode",
            ValueKind::Choice(vec!["empirical", "grahame"]),
            "empirical",
            "Divalent gating shift: the empirical log law, or Gouy–Chapman–Grahame screening \
             (`parameters.surface_charge_grahame`).",
            "src/physiology/surface_charge.rs",
        )],
        "kir_hagiwara" => vec![option_key(
            "form",
            ValueKind::Choice(vec!["hagiwara", "standen-stanfield"]),
            "hagiwara",
            "Rectification of the `inward_rectifier_form = \"hagiwara\"` Kir: following V − E_K \
             (Hagiwara & Takahashi 1974), or the Standen–Stanfield block of the Cannon-lab file.",
            "src/physiology/kir_hagiwara.rs",
        )],
        "troponin_magnesium" => enabled(
            "Free Mg²⁺ competes at troponin's Ca²⁺ sites (Ogawa 1985).",
            "src/physiology/troponin_magnesium.rs",
        ),
        "ryanodine_magnesium" => enabled(
            "Free Mg²⁺ inhibits SR Ca²⁺ release (Jóna et al., IC50 174 µM).",
            "src/physiology/ryanodine_magnesium.rs",
        ),
        _ => Vec::new(),
    }
}

/// The muscle fibre's `[parameters]`, range-checked; its temperature may
/// come from `ions.temperature_celsius` or `thermodynamics.temperature_k`, not both.
pub fn fibre_config(
    parameters: toml::Table,
    ions: &Ions,
    at: &KeyPath,
    ctx: &Context<'_>,
) -> Result<MuscleFibreConfig, ScenarioError> {
    let sets_kelvin = parameters
        .get("thermodynamics")
        .and_then(toml::Value::as_table)
        .is_some_and(|t| t.contains_key("temperature_k"));
    if sets_kelvin && ions.temperature_celsius.is_some() {
        let path = at.key("thermodynamics").key("temperature_k");
        return Err(ctx
            .value_error(&path, "the temperature is set twice")
            .with_allowed(
                "either ions.temperature_celsius or parameters.thermodynamics.temperature_k",
            ));
    }
    let sets_chloride_out = parameters
        .get("chloride_channel")
        .and_then(toml::Value::as_table)
        .is_some_and(|t| t.contains_key("fixed_chloride_out_mm"));
    let config: MuscleFibreConfig = deserialize(toml::Value::Table(parameters), at, ctx)?;
    config
        .check_ranges()
        .map_err(|(section_name, e)| out_of_range(&e, &at.key(section_name), ctx))?;
    check_chloride(&config, ions, sets_chloride_out, ctx)?;
    Ok(config)
}

/// `ions.cl_o_mm` acts on the fibre only with fixed Cl⁻, and only once:
/// the published Cl⁻ follows K⁺, and with fixed Cl⁻ it would otherwise
/// overwrite `parameters.chloride_channel.fixed_chloride_out_mm`.
fn check_chloride(
    config: &MuscleFibreConfig,
    ions: &Ions,
    sets_chloride_out: bool,
    ctx: &Context<'_>,
) -> Result<(), ScenarioError> {
    if ions.cl_o_mm.is_none() {
        return Ok(());
    }
    let path = KeyPath::root().key("ions").key("cl_o_mm");
    match config.chloride_distribution {
        ChlorideDistribution::WithPotassium => Err(ctx
            .value_error(
                &path,
                "the published muscle fibre's Cl⁻ is passively distributed with K⁺ (Cl_i = 156.5/(5 + e^(−E_K F/RT)), Cl_o = 156.5 − 5 Cl_i), so Cl_o cannot be set on its own",
            )
            .with_allowed(
                "k_o_mm, na_o_mm, ca_o_mm, mg_o_mm, mg_i_um, temperature_celsius; \
                 cl_o_mm too with parameters.chloride_distribution = \"fixed\" or \"dynamic\"",
            )),
        ChlorideDistribution::Fixed | ChlorideDistribution::Dynamic if sets_chloride_out => Err(ctx
            .value_error(&path, "the fixed extracellular Cl⁻ is set twice")
            .with_allowed(
                "either ions.cl_o_mm or parameters.chloride_channel.fixed_chloride_out_mm",
            )),
        ChlorideDistribution::Fixed | ChlorideDistribution::Dynamic => Ok(()),
    }
}

/// The `[ions]` keys the fibre acts on.
pub const FIBRE_HONOURS: [&str; 8] = [
    "k_o_mm",
    "na_o_mm",
    "cl_o_mm",
    "ca_o_mm",
    "mg_o_mm",
    "mg_i_um",
    "temperature_celsius",
    "ph",
];

/// The fibre as a part of a model.
pub fn fibre_part(name: &str, fibre: &MuscleFibre) -> Part {
    Part {
        name: name.to_owned(),
        honours: FIBRE_HONOURS.to_vec(),
        ignores: Vec::new(),
        follows_divalent_law: true,
        signature: simulation::signature(fibre),
    }
}

impl Simulated for BuiltMuscleFibre {
    fn entry(&self) -> &'static dyn ModelEntry {
        &ENTRY
    }

    fn state_variables(&self) -> &'static [StateVariable] {
        &STATE_VARIABLES
    }

    fn conditions(&self) -> &Conditions {
        &self.conditions
    }

    fn figures(&self) -> Figures {
        Figures {
            potentials: &POTENTIALS,
            detail: Some(MUSCLE_FIGURE),
            force: Some(index::POST_STROKE),
        }
    }

    fn execute(&self, run: &Run, trace: &mut dyn Trace) -> Result<RunResult, SolveError> {
        let muscle = MuscleAnalysis::new(
            &run.protocol,
            run.simulation.duration_ms,
            self.fibre.config().crossbridges.troponin_total_um,
        );
        simulation::execute_model(&self.fibre, run, trace, muscle)
    }

    fn find_rest(&self, run: &Run) -> Result<RestOutcome, SolveError> {
        simulation::rest_of(&self.fibre, run)
    }

    fn rest_from(
        &self,
        run: &Run,
        previous: Option<&[f64]>,
        start_mv: f64,
    ) -> Result<(Vec<f64>, RestReport), SolveError> {
        simulation::rest_from(&self.fibre, run, previous, start_mv)
    }

    fn starting_from(&self, state: &[f64]) -> Box<dyn Simulated> {
        Box::new(Self {
            fibre: self
                .fibre
                .starting_from(&State::<STATE_COUNT>::from_column_slice(state)),
            conditions: self.conditions,
        })
    }

    fn stimulated_alone(&self) -> Box<dyn Simulated> {
        self.clone_box()
    }

    fn axon_spike_count(&self, _run: &Run) -> Result<Option<usize>, SolveError> {
        Ok(None)
    }

    fn parts(&self) -> Vec<Part> {
        vec![fibre_part("fibre", &self.fibre)]
    }

    fn clone_box(&self) -> Box<dyn Simulated> {
        Box::new(self.clone())
    }

    fn as_any(&self) -> &dyn Any {
        self
    }

    fn same_as(&self, other: &dyn Simulated) -> bool {
        catalogue::same_as(self, other)
    }
}

impl BuiltMuscleFibre {
    /// The fibre of a motor unit as a model of its own, in the unit's conditions.
    pub fn of(fibre: MuscleFibre, conditions: Conditions) -> Self {
        Self { fibre, conditions }
    }
}
