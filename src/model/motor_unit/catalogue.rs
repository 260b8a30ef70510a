//! `motor-unit` in the model catalogue: axon → junction → fibre, in one
//! set of conditions.

use std::any::Any;

use crate::catalogue::axons::{self, AXONS, AxonEntry, BuiltAxon};
use crate::catalogue::membrane::Membrane;
use crate::catalogue::{self, Curve, Figures, IonUse, ModelEntry, Part, Simulated};
use crate::model::cannon_fibre::contractile;
use crate::model::conditions::Conditions;
use crate::model::ions::Ions;
use crate::model::motoneuron::MotoneuronConfig;
use crate::model::motoneuron::nerve::NerveCouplingParams;
use crate::model::motor_axon::PUBLISHED_TEMPERATURE_CELSIUS;
use crate::model::motor_unit::motoneuron::MotoneuronStage;
use crate::model::motor_unit::{InnervatedFibre, JunctionSettings, MotorUnit, cannon, innervated};
use crate::model::muscle_fibre::catalogue::{
    BuiltMuscleFibre, FIBRE_HONOURS, MUSCLE_FIGURE, fibre_config, fibre_options, fibre_part,
    fibre_section_options, resolve_conditions,
};
use crate::model::muscle_fibre::{MuscleFibreConfig, index};
use crate::model::{Model, ParameterGroup, StateVariable};
use crate::physiology::endplate_current::EndplateCurrentParams;
use crate::scenario::build::{Context, deserialize, section};
use crate::scenario::error::did_you_mean;
use crate::scenario::keys::{Key, ValueKind, option_key};
use crate::scenario::path::KeyPath;
use crate::scenario::{Run, ScenarioError};
use crate::simulation::{self, RestOutcome, RunResult, Trace, motor_unit as unit_run};
use crate::solve::steady_state::RestReport;
use crate::solve::{Method, SolveError};

/// The catalogue entry.
pub static ENTRY: MotorUnitEntry = MotorUnitEntry;

/// `motor-unit` as the catalogue describes it.
#[derive(Debug, Clone, Copy)]
pub struct MotorUnitEntry;

/// The motor unit's own sub-tables of `[parameters]`, beside the fibre's
/// and the axons'.
const JUNCTION_SECTIONS: [&str; 3] = ["release", "endplate", "junction"];

/// Why the motoneuron acts on no `[ions]` key.
const MOTONEURON_FIXED: &str = "Booth et al. 1997 fix every reversal potential and give turtle rates without a temperature or Q10 (see src/model/motoneuron/mod.rs)";

/// Why the junction does not act on the other `[ions]` keys.
const RELEASE_DIVALENTS_ONLY: &str = "Dodge–Rahamimoff release depends on ionized Ca²⁺ and Mg²⁺ only (and on pH through ionized Ca²⁺); the endplate current's reversal potential is fixed";

/// The potential figure of a motor unit: axon and fibre.
const POTENTIALS: [Curve; 2] = [
    Curve {
        column: innervated::STATE_COUNT + super::AXON_V,
        label: "motor axon",
    },
    Curve {
        column: 0,
        label: "muscle fibre",
    },
];

impl ModelEntry for MotorUnitEntry {
    fn name(&self) -> &'static str {
        "motor-unit"
    }

    fn summary(&self) -> &'static str {
        "motor unit: Gaines et al. (2018) human motor axon with its myelinated cable (37 °C; \
         `axon_model` also offers Sweeney 1987 and Hennings 2005) → Dodge–Rahamimoff release \
         (mean or binomial) → dual-exponential endplate current → the muscle-fibre model"
    }

    /// 37 °C, human body temperature, at which every axon's rates are set
    /// (Sweeney et al. 1987 publish 37 °C rates; the Gaines and Hennings
    /// axons scale theirs by Q10).
    fn published_temperature_celsius(&self) -> f64 {
        PUBLISHED_TEMPERATURE_CELSIUS
    }

    fn state_variables(&self) -> &'static [StateVariable] {
        self.default_unit().state_variables()
    }

    fn default_initial_state(&self) -> Vec<f64> {
        let unit = self.default_unit();
        let fibre = InnervatedFibre::new(&unit.fibre, &unit.junction).initial_state();
        fibre
            .iter()
            .copied()
            .chain(unit.axon.initial_state())
            .collect()
    }

    /// The fibre's Rodas4P (the axon uses its entry's method, [`AxonEntry::method`]).
    fn default_method(&self) -> Method {
        Method::Rosenbrock
    }

    fn parameters(&self) -> Vec<ParameterGroup> {
        MotorUnit::parameter_groups()
    }

    fn options(&self) -> Vec<Key> {
        let mut keys = fibre_options();
        let summaries: Vec<String> = AXONS
            .iter()
            .map(|axon| {
                format!(
                    "`{}`: {} (`parameters.{}`)",
                    axon.name(),
                    axon.summary(),
                    axon.section()
                )
            })
            .collect();
        keys.push(option_key(
            "axon_model",
            ValueKind::Choice(AXONS.iter().map(|axon| axon.name()).collect()),
            AXONS[0].name(),
            &format!("The motor axon. {}.", summaries.join("; ")),
            "src/catalogue/axons.rs",
        ));
        keys.push(option_key(
            "fibre_model",
            ValueKind::Choice(cannon::FIBRE_MODELS.to_vec()),
            cannon::FIBRE_MODELS[0],
            "The muscle fibre. `shorten`: the Shorten et al. 2007 fibre whole (Wallinga membrane, \
             the default; every scenario before this option runs bitwise the same); `cannon`: the \
             Cannon-lab membrane (`parameters.cannon`, the tables of model `cannon-fibre`) driving \
             the Shorten fibre's Ca²⁺ release and force through its T-tubule potential (the Shorten \
             membrane tables are then not read).",
            "src/model/motor_unit/cannon.rs",
        ));
        keys.push(option_key(
            "motoneuron_model",
            ValueKind::Choice(MOTONEURON_MODELS.to_vec()),
            MOTONEURON_MODELS[0],
            "The spinal motoneuron at the head of the unit. `none`: the unit starts at the axon \
             (the default; every scenario before the motoneuron runs bitwise the same); \
             `booth-rinzel-kiehn`: Booth, Rinzel & Kiehn 1997 two-compartment motoneuron with a \
             dendritic L-type Ca²⁺ PIC (`parameters.motoneuron`, its kinetics in \
             `parameters.motoneuron.<sodium|potassium|calcium_n_type|calcium_l_type|calcium_pool|persistent_sodium>`, \
             its coupling to the stimulated nerve in `parameters.motoneuron.nerve`).",
            "src/model/motor_unit/motoneuron.rs",
        ));
        keys
    }

    fn section_options(&self, section: &str) -> Vec<Key> {
        if section == "junction" {
            return vec![option_key(
                "stochastic",
                ValueKind::Switch,
                "false",
                "Binomial quanta per impulse (seeded) instead of the mean quantal content.",
                "src/model/motor_unit/junction.rs",
            )];
        }
        if section == "gaines_axon" {
            return vec![option_key(
                "ion_accumulation",
                ValueKind::Switch,
                "false",
                "Axoplasmic Na⁺ and periaxonal K⁺ follow the currents and the pump (ischaemia with \
                 `pump_block_fraction`); off: both held at rest, the published axon.",
                "src/physiology/periaxonal_potassium.rs",
            )];
        }
        if let Some(own) = section.strip_prefix("cannon.") {
            return crate::model::cannon_fibre::catalogue::ENTRY.section_options(own);
        }
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
        let mut table = parameters;
        let axon_entry = axon_choice(&mut table, at, ctx)?;
        let motoneuron = motoneuron_stage(&mut table, at, ctx)?;
        let cannon_params = cannon::take(&mut table, at, ctx)?;
        let mut own = |name: &str| take_table(&mut table, name, at, ctx);
        let axon_table = own(axon_entry.section())?;
        let other_axons = AXONS
            .iter()
            .filter(|a| a.section() != axon_entry.section())
            .map(|&other| own(other.section()).map(|table| (other, table)))
            .collect::<Result<Vec<_>, _>>()?;
        let [release, endplate, junction] = JUNCTION_SECTIONS.map(&mut own);
        let junction = junction_settings(release?, endplate?, junction?, at, ctx)?;
        if table.contains_key("thermodynamics") {
            return Err(ctx
                .value_error(
                    &at.key("thermodynamics"),
                    "a motor unit has one temperature for axon, junction and fibre",
                )
                .with_allowed("ions.temperature_celsius"));
        }
        let config = fibre_config(table, ions, at, ctx).map_err(unit_keys)?;
        let conditions =
            resolve_conditions(ions, &config, self.published_temperature_celsius(), ctx)?;
        for (other, table) in other_axons {
            let Some(key) = table.keys().next().cloned() else {
                continue;
            };
            // Its own errors (unknown keys, ranges) first, as for the axon in use.
            other.build(table, &conditions, &at.key(other.section()), ctx)?;
            return Err(ctx
                .value_error(
                    &at.key(other.section()).key(&key),
                    format!(
                        "parameters.{} belongs to another axon; axon_model = \"{}\" reads parameters.{}",
                        other.section(),
                        axon_entry.name(),
                        axon_entry.section()
                    ),
                )
                .with_allowed(format!(
                    "parameters.{}, or axon_model set to match",
                    axon_entry.section()
                )));
        }
        let axon = axon_entry.build(axon_table, &conditions, &at.key(axon_entry.section()), ctx)?;
        let mut unit = MotorUnit::new(BuiltAxon(axon), junction, config, &conditions);
        if let Some(params) = cannon_params {
            unit = unit.with_cannon_fibre(params);
        }
        Ok(Box::new(match motoneuron {
            Some(stage) => unit.with_motoneuron(stage),
            None => unit,
        }))
    }
}

impl MotorUnitEntry {
    /// The unit with every default: the first axon, published parameters.
    fn default_unit(&self) -> MotorUnit {
        let conditions = Conditions::published(self.published_temperature_celsius());
        let axon = AXONS[0].default_axon(&conditions);
        MotorUnit::new(
            BuiltAxon(axon),
            JunctionSettings::default(),
            MuscleFibreConfig::default(),
            &conditions,
        )
    }
}

/// `[parameters] axon_model`, taken out of the table (default: the first axon).
fn axon_choice(
    table: &mut toml::Table,
    at: &KeyPath,
    ctx: &Context<'_>,
) -> Result<&'static dyn AxonEntry, ScenarioError> {
    let Some(value) = table.remove("axon_model") else {
        return Ok(AXONS[0]);
    };
    let path = at.key("axon_model");
    let name: String = deserialize(value, &path, ctx)?;
    axons::find(&name).ok_or_else(|| {
        let names: Vec<&str> = AXONS.iter().map(|axon| axon.name()).collect();
        ctx.value_error(&path, "unknown value")
            .with_allowed(names.join(", "))
            .with_suggestion(did_you_mean(&name, names.iter().copied()))
    })
}

/// The choices of `motoneuron_model`, the default first.
const MOTONEURON_MODELS: [&str; 2] = ["none", "booth-rinzel-kiehn"];

/// The kinetics sub-tables of `[parameters.motoneuron]` (the fields of
/// [`MotoneuronConfig`] but its own numbers), and the nerve coupling.
const MOTONEURON_SECTIONS: [&str; 8] = [
    "sodium",
    "potassium",
    "calcium_n_type",
    "calcium_l_type",
    "calcium_pool",
    "persistent_sodium",
    "inputs",
    "nerve",
];

/// `[parameters] motoneuron_model` and `[parameters.motoneuron]`, taken out
/// of the table: the stage, or `None` (then the table must be absent).
fn motoneuron_stage(
    table: &mut toml::Table,
    at: &KeyPath,
    ctx: &Context<'_>,
) -> Result<Option<MotoneuronStage>, ScenarioError> {
    let name = take_choice(table, "motoneuron_model", &MOTONEURON_MODELS, at, ctx)?;
    let mut own = take_table(table, "motoneuron", at, ctx)?;
    let here = at.key("motoneuron");
    // Its own errors (unknown keys, ranges) first, whichever the choice.
    let first_key = own.keys().next().cloned();
    let mut sub = |name: &str| take_table(&mut own, name, &here, ctx);
    let tables = MOTONEURON_SECTIONS.map(&mut sub);
    let [
        sodium,
        potassium,
        calcium_n_type,
        calcium_l_type,
        calcium_pool,
        persistent_sodium,
        inputs,
        nerve,
    ] = tables;
    let config = MotoneuronConfig {
        sodium: section(sodium?, &here.key("sodium"), ctx)?,
        potassium: section(potassium?, &here.key("potassium"), ctx)?,
        calcium_n_type: section(calcium_n_type?, &here.key("calcium_n_type"), ctx)?,
        calcium_l_type: section(calcium_l_type?, &here.key("calcium_l_type"), ctx)?,
        calcium_pool: section(calcium_pool?, &here.key("calcium_pool"), ctx)?,
        persistent_sodium: section(persistent_sodium?, &here.key("persistent_sodium"), ctx)?,
        inputs: section(inputs?, &here.key("inputs"), ctx)?,
        motoneuron: section(own, &here, ctx).map_err(|mut e| {
            if e.problem == "unknown key" {
                let allowed = e.allowed.take().unwrap_or_default();
                e.allowed = Some(format!("{}, {allowed}", MOTONEURON_SECTIONS.join(", ")));
            }
            e
        })?,
    };
    let nerve: NerveCouplingParams = section(nerve?, &here.key("nerve"), ctx)?;
    if name == MOTONEURON_MODELS[0] {
        return match first_key {
            None => Ok(None),
            Some(key) => Err(ctx
                .value_error(
                    &here.key(&key),
                    "parameters.motoneuron belongs to the motoneuron; motoneuron_model = \"none\" has none",
                )
                .with_allowed(
                    "motoneuron_model = \"booth-rinzel-kiehn\", or no parameters.motoneuron",
                )),
        };
    }
    Ok(Some(MotoneuronStage::new(config, nerve)))
}

/// The choice `key` taken out of `table`, one of `choices` (default: the first).
pub(super) fn take_choice(
    table: &mut toml::Table,
    key: &str,
    choices: &[&str],
    at: &KeyPath,
    ctx: &Context<'_>,
) -> Result<String, ScenarioError> {
    let path = at.key(key);
    let name = match table.remove(key) {
        Some(value) => deserialize::<String>(value, &path, ctx)?,
        None => choices[0].to_owned(),
    };
    if !choices.contains(&name.as_str()) {
        return Err(ctx
            .value_error(&path, "unknown value")
            .with_allowed(choices.join(", "))
            .with_suggestion(did_you_mean(&name, choices.iter().copied())));
    }
    Ok(name)
}

/// The sub-table `name` taken out of `table` (empty when absent).
pub(super) fn take_table(
    table: &mut toml::Table,
    name: &str,
    at: &KeyPath,
    ctx: &Context<'_>,
) -> Result<toml::Table, ScenarioError> {
    match table.remove(name) {
        Some(toml::Value::Table(sub)) => Ok(sub),
        Some(other) => Err(ctx
            .value_error(&at.key(name), "wrong type")
            .with_value(other.to_string())
            .with_allowed("a table")),
        None => Ok(toml::Table::new()),
    }
}

/// `[parameters.release]`, `.endplate` and `.junction` (with its switch
/// `stochastic`), range-checked, the endplate's rise faster than its decay.
fn junction_settings(
    release: toml::Table,
    endplate: toml::Table,
    mut junction: toml::Table,
    at: &KeyPath,
    ctx: &Context<'_>,
) -> Result<JunctionSettings, ScenarioError> {
    let junction_path = at.key("junction");
    let stochastic = match junction.remove("stochastic") {
        Some(value) => deserialize::<bool>(value, &junction_path.key("stochastic"), ctx)?,
        None => false,
    };
    let endplate: EndplateCurrentParams = section(endplate, &at.key("endplate"), ctx)?;
    if endplate.tau_rise_ms >= endplate.tau_decay_ms {
        return Err(ctx
            .value_error(
                &at.key("endplate").key("tau_rise_ms"),
                "the endplate current needs a rise faster than its decay",
            )
            .with_allowed(format!(
                "< endplate.tau_decay_ms = {} ms",
                endplate.tau_decay_ms
            )));
    }
    Ok(JunctionSettings {
        release: section(release, &at.key("release"), ctx)?,
        endplate,
        junction: section(junction, &junction_path, ctx).map_err(|mut e| {
            if e.problem == "unknown key" {
                let allowed = e.allowed.take().unwrap_or_default();
                e.allowed = Some(format!("stochastic, {allowed}"));
            }
            e
        })?,
        stochastic,
    })
}

/// The fibre's parser lists the fibre's tables; a motor unit has its own
/// (the axons', the junction's, `axon_model`) and no thermodynamics.
fn unit_keys(mut e: ScenarioError) -> ScenarioError {
    if e.problem == "unknown key" && e.key_path.matches('.').count() == 1 {
        if let Some(allowed) = e.allowed.take() {
            let own = AXONS
                .iter()
                .map(|axon| axon.section())
                .chain(JUNCTION_SECTIONS)
                .chain([
                    "axon_model",
                    "motoneuron",
                    "motoneuron_model",
                    "fibre_model",
                    cannon::SECTION,
                ]);
            let mut names: Vec<&str> = allowed
                .split(", ")
                .filter(|name| *name != "thermodynamics")
                .chain(own)
                .collect();
            names.sort_unstable();
            e.allowed = Some(names.join(", "));
        }
    }
    e
}

impl Simulated for MotorUnit {
    fn entry(&self) -> &'static dyn ModelEntry {
        &ENTRY
    }

    fn state_variables(&self) -> &'static [StateVariable] {
        MotorUnit::state_variables(self)
    }

    fn conditions(&self) -> &Conditions {
        MotorUnit::conditions(self)
    }

    fn figures(&self) -> Figures {
        match self.cannon {
            None => Figures {
                potentials: &POTENTIALS,
                detail: Some(MUSCLE_FIGURE),
                force: Some(index::POST_STROKE),
            },
            Some(_) => Figures {
                potentials: &cannon::POTENTIALS,
                detail: Some(cannon::MUSCLE_FIGURE),
                force: Some(cannon::FORCE),
            },
        }
    }

    fn execute(&self, run: &Run, trace: &mut dyn Trace) -> Result<RunResult, SolveError> {
        unit_run::execute(self, run, trace)
    }

    /// The fibre's rest (the axon finds its own at the start of every run).
    fn find_rest(&self, run: &Run) -> Result<RestOutcome, SolveError> {
        match &self.cannon {
            None => simulation::rest_of(&self.fibre, run),
            Some(fibre) => simulation::rest_of(fibre, run),
        }
    }

    fn rest_from(
        &self,
        run: &Run,
        previous: Option<&[f64]>,
        start_mv: f64,
    ) -> Result<(Vec<f64>, RestReport), SolveError> {
        match &self.cannon {
            None => simulation::rest_from(&self.fibre, run, previous, start_mv),
            Some(fibre) => simulation::rest_from(fibre, run, previous, start_mv),
        }
    }

    /// The unit with its fibre starting from `state` (the fibre's layout).
    fn starting_from(&self, state: &[f64]) -> Box<dyn Simulated> {
        let mut unit = self.clone();
        match &self.cannon {
            None => {
                unit.fibre = self
                    .fibre
                    .starting_from(&crate::model::State::from_column_slice(state));
            }
            Some(fibre) => {
                unit.cannon =
                    Some(fibre.starting_from(&crate::model::State::from_column_slice(state)));
            }
        }
        Box::new(unit)
    }

    fn stimulated_alone(&self) -> Box<dyn Simulated> {
        match &self.cannon {
            None => Box::new(BuiltMuscleFibre::of(self.fibre.clone(), *self.conditions())),
            Some(fibre) => Box::new(Membrane::<_, { contractile::STATE_COUNT }> {
                model: fibre.clone(),
                entry: &crate::model::cannon_fibre::catalogue::ENTRY,
                conditions: *self.conditions(),
                honours: &FIBRE_HONOURS,
                follows_divalent_law: true,
            }),
        }
    }

    fn has_axon(&self) -> bool {
        true
    }

    fn axon_spike_count(&self, run: &Run) -> Result<Option<usize>, SolveError> {
        Ok(Some(
            unit_run::run_axon(self, run, false)?.spike_times_ms.len(),
        ))
    }

    fn parts(&self) -> Vec<Part> {
        let honoured = FIBRE_HONOURS;
        let axon = self.axon.entry();
        let (axon_honours, axon_ignores) = split(&honoured, |key| axon.ignores(key));
        let (junction_honours, junction_ignores) = split(&honoured, |key| {
            (!matches!(key, "ca_o_mm" | "mg_o_mm" | "ph" | "temperature_celsius"))
                .then_some(RELEASE_DIVALENTS_ONLY)
        });
        let (tau_rise, tau_decay) = self.junction.time_constants_ms();
        let fibre = match &self.cannon {
            None => fibre_part("fibre", &self.fibre),
            Some(fibre) => Part {
                signature: simulation::signature(fibre),
                ..fibre_part("fibre (cannon membrane, shorten Ca²⁺/force)", &self.fibre)
            },
        };
        let mut parts = vec![
            fibre,
            Part {
                name: format!("axon ({})", axon.name()),
                honours: axon_honours,
                ignores: axon_ignores,
                follows_divalent_law: true,
                signature: self.axon.signature(),
            },
            Part {
                name: "junction".to_owned(),
                honours: junction_honours,
                ignores: junction_ignores,
                follows_divalent_law: false,
                signature: vec![self.junction.mean_quantal_content(), tau_rise, tau_decay],
            },
        ];
        if let Some(stage) = &self.motoneuron {
            let (_, ignores) = split(&honoured, |_| Some(MOTONEURON_FIXED));
            let p = &stage.cell.config.motoneuron;
            parts.push(Part {
                name: "motoneuron (booth-rinzel-kiehn)".to_owned(),
                honours: Vec::new(),
                ignores,
                follows_divalent_law: false,
                signature: vec![
                    p.dendrite_calcium_l_ms_per_cm2 * p.pic_gain,
                    p.k_ca_gain,
                    p.dendrite_excitatory_ms_per_cm2,
                    p.dendrite_inhibitory_ms_per_cm2,
                ],
            });
        }
        parts
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

/// The keys a part honours and those it ignores, with why, by `ignores`.
type Split = (Vec<&'static str>, Vec<(&'static str, &'static str)>);

fn split(keys: &[&'static str], ignores: impl Fn(&str) -> Option<&'static str>) -> Split {
    let mut honours = Vec::new();
    let mut ignored = Vec::new();
    for &key in keys {
        match ignores(key) {
            Some(why) => ignored.push((key, why)),
            None => honours.push(key),
        }
    }
    (honours, ignored)
}
