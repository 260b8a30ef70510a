//! The motor axons a motor unit can have (`[parameters] axon_model`), and
//! what a motor unit asks of an axon. A new axon is its folder under
//! `src/model/` with a `catalogue.rs` implementing [`AxonEntry`] and
//! [`MotorAxonPart`], plus one line in [`AXONS`].

use std::any::Any;
use std::fmt;

use crate::model::conditions::Conditions;
use crate::model::{Model, StateVariable};
use crate::params::ParamInfo;
use crate::scenario::build::Context;
use crate::scenario::path::KeyPath;
use crate::scenario::{Run, ScenarioError};
use crate::simulation::{self, motor_unit::AxonPass};
use crate::solve::{Method, SolveError};

/// Every motor axon, the default first.
pub static AXONS: [&dyn AxonEntry; 3] = [
    &crate::model::gaines_axon::catalogue::ENTRY,
    &crate::model::motor_axon_catalogue::ENTRY,
    &crate::model::hennings_axon_catalogue::ENTRY,
];

/// The axon named `name`, if any.
pub fn find(name: &str) -> Option<&'static dyn AxonEntry> {
    AXONS.iter().copied().find(|entry| entry.name() == name)
}

/// What an axon is, before it is built.
pub trait AxonEntry: Sync {
    /// The name a scenario writes (`axon_model = "…"`).
    fn name(&self) -> &'static str;

    /// What the axon is, for the reference of `axon_model`.
    fn summary(&self) -> &'static str;

    /// Its table under `[parameters]` (e.g. `axon`, `hennings_axon`).
    fn section(&self) -> &'static str;

    /// Its declared parameters.
    fn parameters(&self) -> &'static [ParamInfo];

    /// The method of its pass in a motor unit (the scenario's method is the
    /// fibre's): Dormand–Prince unless the axon is stiff.
    fn method(&self) -> Method {
        Method::Dopri5
    }

    /// `None` when the axon acts on the `[ions]` key `key`, else why not.
    fn ignores(&self, key: &str) -> Option<&'static str>;

    /// It with its published parameters in `conditions`.
    fn default_axon(&self, conditions: &Conditions) -> Box<dyn MotorAxonPart>;

    /// Builds it from its table (at `at`) in `conditions`.
    fn build(
        &self,
        table: toml::Table,
        conditions: &Conditions,
        at: &KeyPath,
        ctx: &Context<'_>,
    ) -> Result<Box<dyn MotorAxonPart>, ScenarioError>;
}

/// A built motor axon.
pub trait MotorAxonPart: fmt::Debug + Send + Sync + Any {
    /// Its entry.
    fn entry(&self) -> &'static dyn AxonEntry;

    /// The motor unit's trace layout with this axon: the innervated fibre's
    /// columns, then the axon's.
    fn unit_layout(&self) -> &'static [StateVariable];

    /// Its starting state before any rest search, in its own layout.
    fn initial_state(&self) -> Vec<f64>;

    /// Pass 1 of a motor-unit run: the axon alone under `run`'s protocol
    /// (monomorphized inside).
    fn pass(&self, run: &Run, keep_rows: bool) -> Result<AxonPass, SolveError>;

    /// Its initial state and the derivatives there (see [`super::Part`]).
    fn signature(&self) -> Vec<f64>;

    /// A boxed copy.
    fn clone_box(&self) -> Box<dyn MotorAxonPart>;

    /// Itself, for a typed look.
    fn as_any(&self) -> &dyn Any;

    /// Whether `other` is the same axon with the same numbers.
    fn same_as(&self, other: &dyn MotorAxonPart) -> bool;
}

/// A motor unit's axon.
pub struct BuiltAxon(pub Box<dyn MotorAxonPart>);

impl BuiltAxon {
    /// The axon as `A`, if it is one.
    pub fn downcast_ref<A: 'static>(&self) -> Option<&A> {
        self.0.as_any().downcast_ref::<A>()
    }
}

impl std::ops::Deref for BuiltAxon {
    type Target = dyn MotorAxonPart;
    fn deref(&self) -> &Self::Target {
        self.0.as_ref()
    }
}

impl Clone for BuiltAxon {
    fn clone(&self) -> Self {
        Self(self.0.clone_box())
    }
}

impl PartialEq for BuiltAxon {
    fn eq(&self, other: &Self) -> bool {
        self.0.same_as(other.0.as_ref())
    }
}

impl fmt::Debug for BuiltAxon {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.fmt(f)
    }
}

/// [`MotorAxonPart`] for any axon model `A` with `N` states: what an axon
/// entry builds, so an axon needs no [`MotorAxonPart`] of its own.
#[derive(Clone)]
pub struct AxonOf<A, const N: usize> {
    /// The axon.
    pub axon: A,
    /// Its entry.
    pub entry: &'static dyn AxonEntry,
    /// The motor unit's trace layout with it ([`crate::model::motor_unit::joined`]).
    pub unit_layout: &'static [StateVariable],
}

impl<A: fmt::Debug, const N: usize> fmt::Debug for AxonOf<A, N> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("AxonOf")
            .field("entry", &self.entry.name())
            .field("axon", &self.axon)
            .finish()
    }
}

impl<A: PartialEq, const N: usize> PartialEq for AxonOf<A, N> {
    fn eq(&self, other: &Self) -> bool {
        self.entry.name() == other.entry.name() && self.axon == other.axon
    }
}

impl<A, const N: usize> MotorAxonPart for AxonOf<A, N>
where
    A: Model<N> + Clone + PartialEq + fmt::Debug + Send + 'static,
{
    fn entry(&self) -> &'static dyn AxonEntry {
        self.entry
    }

    fn unit_layout(&self) -> &'static [StateVariable] {
        self.unit_layout
    }

    fn initial_state(&self) -> Vec<f64> {
        self.axon.initial_state().iter().copied().collect()
    }

    fn pass(&self, run: &Run, keep_rows: bool) -> Result<AxonPass, SolveError> {
        simulation::motor_unit::axon_pass(&self.axon, self.entry.method(), run, keep_rows)
    }

    fn signature(&self) -> Vec<f64> {
        simulation::signature(&self.axon)
    }

    fn clone_box(&self) -> Box<dyn MotorAxonPart> {
        Box::new(self.clone())
    }

    fn as_any(&self) -> &dyn Any {
        self
    }

    fn same_as(&self, other: &dyn MotorAxonPart) -> bool {
        other.as_any().downcast_ref::<Self>() == Some(self)
    }
}
