//! `cannon-fibre` in the model catalogue: the Cannon-lab two-compartment
//! muscle fibre ([`crate::model::cannon_fibre`]), a membrane without Ca²⁺
//! handling or force.

use crate::catalogue::membrane::Membrane;
use crate::catalogue::{IonUse, ModelEntry, Simulated};
use crate::model::cannon_fibre::{
    self, CannonFibre, CannonFibreParams, NKCC_PRESETS, STATE_COUNT, STATE_VARIABLES,
};
use crate::model::conditions::Conditions;
use crate::model::ions::Ions;
use crate::model::{Model, ParameterGroup, StateVariable};
use crate::params::{OutOfRange, ParameterSet};
use crate::physiology::surface_charge::{GrahameParams, SurfaceChargeParams};
use crate::scenario::ScenarioError;
use crate::scenario::build::{Context, deserialize, out_of_range, section};
use crate::scenario::error::did_you_mean;
use crate::scenario::keys::{Key, ValueKind, option_key};
use crate::scenario::path::KeyPath;
use crate::solve::Method;

/// The catalogue entry.
pub static ENTRY: CannonFibreEntry = CannonFibreEntry;

/// A built `cannon-fibre`.
pub type BuiltCannonFibre = Membrane<CannonFibre, STATE_COUNT>;

/// `cannon-fibre` as the catalogue describes it.
#[derive(Debug, Clone, Copy)]
pub struct CannonFibreEntry;

/// The `[ions]` keys the fibre acts on.
const HONOURS: [&str; 7] = [
    "k_o_mm",
    "na_o_mm",
    "cl_o_mm",
    "ca_o_mm",
    "mg_o_mm",
    "temperature_celsius",
    "ph",
];

/// The divalent law's tables, which the fibre shares with `muscle-fibre`.
const LAW_SECTIONS: [&str; 2] = ["surface_charge", "surface_charge_grahame"];

impl ModelEntry for CannonFibreEntry {
    fn name(&self) -> &'static str {
        "cannon-fibre"
    }

    fn summary(&self) -> &'static str {
        "Cannon-lab muscle fibre (Cannon, Brown & Corey 1993; 2024 parameter file): sarcolemma + T-tubule, \
         GHK NaV1.4 with slow inactivation, Kdr, Hagiwara Kir, KCNQ, ClC-1, α1/α2 pump, NKCC1, gating pore; \
         no Ca²⁺ handling (22 states, 22 °C)"
    }

    fn published_temperature_celsius(&self) -> f64 {
        cannon_fibre::published_temperature_celsius()
    }

    fn state_variables(&self) -> &'static [StateVariable] {
        &STATE_VARIABLES
    }

    fn default_initial_state(&self) -> Vec<f64> {
        let conditions = Conditions::published(self.published_temperature_celsius());
        CannonFibre::new(CannonFibreParams::default(), &conditions)
            .initial_state()
            .iter()
            .copied()
            .collect()
    }

    /// Rodas4P, as for the other fibre: the T-tubule and the fast Na⁺ gates are stiff together.
    fn default_method(&self) -> Method {
        Method::Rosenbrock
    }

    fn parameters(&self) -> Vec<ParameterGroup> {
        let mut groups = CannonFibreParams::parameter_groups();
        groups.extend([
            ParameterGroup {
                section: LAW_SECTIONS[0],
                parameters: SurfaceChargeParams::INFO,
            },
            ParameterGroup {
                section: LAW_SECTIONS[1],
                parameters: GrahameParams::INFO,
            },
        ]);
        groups
    }

    fn section_options(&self, section: &str) -> Vec<Key> {
        match section {
            "surface_charge" => {
                crate::model::muscle_fibre::catalogue::fibre_section_options(section)
            }
            "nkcc" => vec![nkcc_preset_key()],
            "inward_rectifier" => vec![option_key(
                "form",
                ValueKind::Choice(vec!["hagiwara", "standen-stanfield"]),
                "hagiwara",
                "`hagiwara`: rectification against V − E_K (the Cannon-lab model); \
                 `standen-stanfield`: against V (the Wallinga/Shorten form), an option.",
                "src/physiology/kir_hagiwara.rs",
            )],
            _ => Vec::new(),
        }
    }

    fn ion_use(&self, key: &str) -> IonUse {
        if HONOURS.contains(&key) {
            IonUse::Honoured
        } else {
            IonUse::Refused(
                "the Cannon-lab fibre has no intracellular Mg²⁺ (nothing in it depends on it)",
            )
        }
    }

    fn build(
        &self,
        parameters: toml::Table,
        ions: &Ions,
        at: &KeyPath,
        ctx: &Context<'_>,
    ) -> Result<Box<dyn Simulated>, ScenarioError> {
        let mut table = parameters;
        let mut law = |name: &str| match table.remove(name) {
            Some(toml::Value::Table(sub)) => Ok(sub),
            Some(other) => Err(ctx
                .value_error(&at.key(name), "wrong type")
                .with_value(other.to_string())
                .with_allowed("a table")),
            None => Ok(toml::Table::new()),
        };
        let (charge, grahame) = (law(LAW_SECTIONS[0])?, law(LAW_SECTIONS[1])?);
        let charge: SurfaceChargeParams = section(charge, &at.key(LAW_SECTIONS[0]), ctx)?;
        let grahame: GrahameParams = section(grahame, &at.key(LAW_SECTIONS[1]), ctx)?;
        apply_nkcc_preset(&mut table, at, ctx)?;
        let params: CannonFibreParams = deserialize(toml::Value::Table(table), at, ctx)
            .map_err(|e| with_nkcc_preset(with_law_sections(e)))?;
        check_ranges(&params).map_err(|(name, e)| out_of_range(&e, &at.key(name), ctx))?;
        let conditions = Conditions::resolve(
            ions,
            &charge,
            &grahame,
            self.published_temperature_celsius(),
        )
        .map_err(|_| {
            ctx.value_error(
                &KeyPath::root().key("ions").key("ca_o_mm"),
                "the Grahame law finds no surface potential here",
            )
            .with_allowed("the empirical law (parameters.surface_charge.mode = \"empirical\")")
        })?;
        Ok(Box::new(BuiltCannonFibre {
            model: CannonFibre::new(params, &conditions),
            entry: &ENTRY,
            conditions,
            honours: &HONOURS,
            follows_divalent_law: true,
        }))
    }
}

/// The fibre's parser lists its own tables; the divalent law's two are the
/// entry's, so an unknown key's list of allowed keys names them too.
fn with_law_sections(mut e: ScenarioError) -> ScenarioError {
    if e.problem == "unknown key" && e.key_path.matches('.').count() == 1 {
        if let Some(allowed) = e.allowed.take() {
            let mut names: Vec<&str> = allowed.split(", ").chain(LAW_SECTIONS).collect();
            names.sort_unstable();
            e.allowed = Some(names.join(", "));
        }
    }
    e
}

/// `[parameters.nkcc] preset`: which J0 NKCC1 has when the table does not
/// give `j0_pmol_per_cm2_per_s` ([`NKCC_PRESETS`]).
pub fn nkcc_preset_key() -> Key {
    option_key(
        "preset",
        ValueKind::Choice(NKCC_PRESETS.iter().map(|(name, _)| *name).collect()),
        NKCC_PRESETS[0].0,
        "NKCC1's J0 unless `j0_pmol_per_cm2_per_s` is given. `baseline`: 2 pmol/(cm²·s), the \
         wild-type value the parameter file's C57 label gives (\"= 2 at baseline\"); with every \
         ion settled it rests at P1, −85.9 mV at 4 mM K⁺. `file`: 4, the value C57 ships, a \
         raised NKCC1 (rest −51.1 mV at 4 mM with every ion settled). The declared default of \
         `j0_pmol_per_cm2_per_s` is the mechanism's (src/physiology/nkcc1.rs); this fibre's is \
         the preset's.",
        "src/model/cannon_fibre/config.rs",
    )
}

/// Resolves `preset` in the `nkcc` sub-table of `params` (the Cannon
/// fibre's parameter table, at `at`): removes it and writes its J0 unless
/// the table gives one, so a partial `[parameters.nkcc]` keeps the
/// baseline too.
pub fn apply_nkcc_preset(
    params: &mut toml::Table,
    at: &KeyPath,
    ctx: &Context<'_>,
) -> Result<(), ScenarioError> {
    let here = at.key("nkcc");
    let nkcc = match params
        .entry("nkcc")
        .or_insert_with(|| toml::Value::Table(toml::Table::new()))
    {
        toml::Value::Table(nkcc) => nkcc,
        other => {
            return Err(ctx
                .value_error(&here, "wrong type")
                .with_value(other.to_string())
                .with_allowed("a table"));
        }
    };
    let path = here.key("preset");
    let name = match nkcc.remove("preset") {
        Some(value) => deserialize::<String>(value, &path, ctx)?,
        None => NKCC_PRESETS[0].0.to_owned(),
    };
    let names = NKCC_PRESETS.iter().map(|(name, _)| *name);
    let Some((_, j0)) = NKCC_PRESETS.iter().find(|(n, _)| *n == name) else {
        return Err(ctx
            .value_error(&path, "unknown value")
            .with_value(name.clone())
            .with_allowed(names.clone().collect::<Vec<_>>().join(", "))
            .with_suggestion(did_you_mean(&name, names)));
    };
    nkcc.entry("j0_pmol_per_cm2_per_s")
        .or_insert(toml::Value::Float(*j0));
    Ok(())
}

/// An unknown key of `[parameters.nkcc]` lists `preset` among the allowed
/// ones too (the parser of [`crate::physiology::nkcc1::Nkcc1Params`] does
/// not know it: [`apply_nkcc_preset`] takes it out first).
pub fn with_nkcc_preset(mut e: ScenarioError) -> ScenarioError {
    let in_nkcc = e
        .key_path
        .rsplit_once('.')
        .is_some_and(|(table, _)| table == "nkcc" || table.ends_with(".nkcc"));
    if e.problem == "unknown key" && in_nkcc {
        if let Some(allowed) = e.allowed.take() {
            let mut names: Vec<&str> = allowed.split(", ").chain(["preset"]).collect();
            names.sort_unstable();
            e.allowed = Some(names.join(", "));
        }
    }
    e
}

/// Every sub-table of `params` within its declared ranges (the motor
/// unit's `[parameters.cannon]` too).
pub fn check_ranges(params: &CannonFibreParams) -> Result<(), (&'static str, OutOfRange)> {
    let p = params;
    let checks = [
        ("physical", p.physical.check_ranges()),
        ("geometry", p.geometry.check_ranges()),
        ("ions", p.ions.check_ranges()),
        ("scale", p.scale.check_ranges()),
        ("tubule_density", p.tubule_density.check_ranges()),
        ("sodium_channel", p.sodium_channel.check_ranges()),
        ("delayed_rectifier", p.delayed_rectifier.check_ranges()),
        ("inward_rectifier", p.inward_rectifier.check_ranges()),
        ("kcnq", p.kcnq.check_ranges()),
        ("chloride_channel", p.chloride_channel.check_ranges()),
        ("pump", p.pump.check_ranges()),
        ("nkcc", p.nkcc.check_ranges()),
        ("gating_pore", p.gating_pore.check_ranges()),
        ("tubule", p.tubule.check_ranges()),
    ];
    for (name, result) in checks {
        result.map_err(|e| (name, e))?;
    }
    Ok(())
}
