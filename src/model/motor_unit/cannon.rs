//! `[parameters] fibre_model = "cannon"` of a motor unit: the Cannon-lab
//! membrane ([`crate::model::cannon_fibre`], its tables under
//! `[parameters.cannon]`) driving the Shorten fibre's Ca²⁺ release and force
//! ([`crate::model::cannon_fibre::contractile`]). The default,
//! `"shorten"`, is the Shorten 2007 fibre whole (every scenario before this
//! option runs bitwise the same).

use std::sync::OnceLock;

use crate::catalogue::axons::{AXONS, MotorAxonPart};
use crate::catalogue::{Curve, DetailFigure, DetailPanel};
use crate::model::cannon_fibre::contractile::{self, calcium};
use crate::model::cannon_fibre::{self, CannonFibreParams};
use crate::model::muscle_fibre::index;
use crate::model::{ParameterGroup, StateVariable};
use crate::scenario::ScenarioError;
use crate::scenario::build::{Context, deserialize, out_of_range};
use crate::scenario::path::KeyPath;

use super::catalogue::{take_choice, take_table};
use super::innervated;

/// The choices of `fibre_model`, the default first.
pub const FIBRE_MODELS: [&str; 2] = ["shorten", "cannon"];

/// The sub-table of the Cannon membrane's parameters.
pub const SECTION: &str = "cannon";

/// `[parameters] fibre_model` and `[parameters.cannon]` taken out of
/// `table`: the Cannon membrane's parameters, or `None` for the Shorten
/// fibre (then `[parameters.cannon]` must be absent).
pub fn take(
    table: &mut toml::Table,
    at: &KeyPath,
    ctx: &Context<'_>,
) -> Result<Option<CannonFibreParams>, ScenarioError> {
    let name = take_choice(table, "fibre_model", &FIBRE_MODELS, at, ctx)?;
    let here = at.key(SECTION);
    let mut own = take_table(table, SECTION, at, ctx)?;
    let first_key = own.keys().next().cloned();
    // Its own errors (unknown keys, ranges) first, whichever the choice.
    cannon_fibre::catalogue::apply_nkcc_preset(&mut own, &here, ctx)?;
    let params: CannonFibreParams = deserialize(toml::Value::Table(own), &here, ctx)
        .map_err(cannon_fibre::catalogue::with_nkcc_preset)?;
    cannon_fibre::catalogue::check_ranges(&params)
        .map_err(|(name, e)| out_of_range(&e, &here.key(name), ctx))?;
    if name == FIBRE_MODELS[0] {
        return match first_key {
            None => Ok(None),
            Some(key) => Err(ctx
                .value_error(
                    &here.key(&key),
                    "parameters.cannon belongs to the Cannon fibre; fibre_model = \"shorten\" does not read it",
                )
                .with_allowed("fibre_model = \"cannon\", or no parameters.cannon")),
        };
    }
    Ok(Some(params))
}

/// The Cannon membrane's parameter groups, under `cannon.`.
pub fn parameter_groups() -> Vec<ParameterGroup> {
    CannonFibreParams::parameter_groups()
        .into_iter()
        .map(|group| ParameterGroup {
            section: section_of(group.section),
            ..group
        })
        .collect()
}

/// `cannon.<section>` for each sub-table of [`CannonFibreParams`].
fn section_of(section: &'static str) -> &'static str {
    match section {
        "physical" => "cannon.physical",
        "geometry" => "cannon.geometry",
        "ions" => "cannon.ions",
        "scale" => "cannon.scale",
        "tubule_density" => "cannon.tubule_density",
        "sodium_channel" => "cannon.sodium_channel",
        "delayed_rectifier" => "cannon.delayed_rectifier",
        "inward_rectifier" => "cannon.inward_rectifier",
        "kcnq" => "cannon.kcnq",
        "chloride_channel" => "cannon.chloride_channel",
        "pump" => "cannon.pump",
        "nkcc" => "cannon.nkcc",
        "gating_pore" => "cannon.gating_pore",
        "tubule" => "cannon.tubule",
        other => other,
    }
}

/// The motor unit's trace layout with the Cannon fibre and `axon`: the
/// innervated Cannon fibre's 62 columns, then the axon's (built once per
/// axon of the catalogue).
pub fn unit_layout(axon: &dyn MotorAxonPart) -> &'static [StateVariable] {
    static LAYOUTS: [OnceLock<Vec<StateVariable>>; AXONS.len()] =
        [const { OnceLock::new() }; AXONS.len()];
    let name = axon.entry().name();
    let slot = AXONS
        .iter()
        .position(|entry| entry.name() == name)
        .unwrap_or(0);
    LAYOUTS[slot].get_or_init(|| {
        innervated::CANNON_STATE_VARIABLES
            .iter()
            .chain(&axon.unit_layout()[innervated::STATE_COUNT..])
            .copied()
            .collect()
    })
}

/// The potential figure: axon and fibre.
pub const POTENTIALS: [Curve; 2] = [
    Curve {
        column: innervated::CANNON_STATE_COUNT + super::AXON_V,
        label: "motor axon",
    },
    Curve {
        column: 0,
        label: "muscle fibre",
    },
];

/// `muscle.png` of the Cannon fibre: the panels of the Shorten fibre's
/// ([`crate::model::muscle_fibre::catalogue::MUSCLE_FIGURE`]) at the
/// Cannon layout's columns.
pub const MUSCLE_FIGURE: DetailFigure = DetailFigure {
    file_stem: "muscle",
    title: "potentials, bulk Ca²⁺, force (A₂ rise), T-tubule K⁺ (Cannon membrane)",
    panels: &[
        DetailPanel {
            y_label: "V (mV)",
            curves: &[
                Curve {
                    column: cannon_fibre::V_SARC,
                    label: "surface",
                },
                Curve {
                    column: cannon_fibre::V_TT,
                    label: "T-tubule",
                },
            ],
            force: false,
        },
        DetailPanel {
            y_label: "bulk Ca²⁺ (µM)",
            curves: &[Curve {
                column: calcium(index::CA_BULK),
                label: "",
            }],
            force: false,
        },
        DetailPanel {
            y_label: "force (µM)",
            curves: &[Curve {
                column: FORCE,
                label: "",
            }],
            force: true,
        },
        DetailPanel {
            y_label: "tubule K⁺ (mM)",
            curves: &[Curve {
                column: cannon_fibre::K_TT,
                label: "",
            }],
            force: false,
        },
    ],
};

/// Column of A₂, the force driver, in the Cannon unit's layout.
pub const FORCE: usize = contractile::calcium(index::POST_STROKE);
