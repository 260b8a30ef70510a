//! The motor unit's axon, chosen by `[parameters] axon_model`.
//!
//! - `sweeney-1987` (default): the rabbit node of Sweeney et al. 1987
//!   ([`crate::model::motor_axon`]): Na⁺ and a large leak, no K⁺ channels.
//! - `hennings-2005`: the human motor axon of Hennings et al. 2005
//!   ([`crate::model::hennings_axon`]): node and internode, with the
//!   persistent Na⁺ and slow K⁺ currents that set human axonal
//!   accommodation and spontaneous firing.
//!
//! The run integrates whichever it is on its own (the axon pass of
//! [`crate::simulation::motor_unit`]), each monomorphized: the choice is
//! made once per pass, not in the right-hand side.

use serde::{Deserialize, Serialize};

use crate::model::hennings_axon::{self, HenningsAxon};
use crate::model::motor_axon::{self, MotorAxon};
use crate::model::{Model, StateVariable};

/// Which axon model a motor unit uses.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub enum AxonModel {
    /// Sweeney et al. 1987 (CRRSS) rabbit node at 37 °C.
    #[default]
    #[serde(rename = "sweeney-1987")]
    Sweeney1987,
    /// Hennings et al. 2005 human motor axon, node and internode.
    #[serde(rename = "hennings-2005")]
    Hennings2005,
}

impl AxonModel {
    /// Every choice, in the order the reference lists them.
    pub const ALL: [AxonModel; 2] = [AxonModel::Sweeney1987, AxonModel::Hennings2005];

    /// The name a scenario writes.
    pub fn name(self) -> &'static str {
        match self {
            AxonModel::Sweeney1987 => "sweeney-1987",
            AxonModel::Hennings2005 => "hennings-2005",
        }
    }
}

/// The axon of a run, with its parameters, temperature and divalent shifts.
#[derive(Debug, Clone, PartialEq)]
pub enum Axon {
    /// Sweeney et al. 1987.
    Sweeney1987(MotorAxon),
    /// Hennings et al. 2005 (boxed: its derived constants make it large).
    Hennings2005(Box<HenningsAxon>),
}

impl Axon {
    /// Which model this is.
    pub fn model(&self) -> AxonModel {
        match self {
            Axon::Sweeney1987(_) => AxonModel::Sweeney1987,
            Axon::Hennings2005(_) => AxonModel::Hennings2005,
        }
    }

    /// The axon's own state layout (its membrane potential first).
    pub fn state_variables(&self) -> &'static [StateVariable] {
        match self {
            Axon::Sweeney1987(axon) => axon.state_variables(),
            Axon::Hennings2005(axon) => axon.as_ref().state_variables(),
        }
    }

    /// The axon's starting state before any rest search, in layout order.
    pub fn initial_state(&self) -> Vec<f64> {
        match self {
            Axon::Sweeney1987(axon) => axon.initial_state().iter().copied().collect(),
            Axon::Hennings2005(axon) => axon.initial_state().iter().copied().collect(),
        }
    }
}

/// Index of the axon's membrane potential in its own state (the same for both).
pub const V: usize = 0;

const _: () = assert!(motor_axon::index::V == V && hennings_axon::index::V == V);
