//! [`Simulated`] for any model that is one membrane: a [`Model<N>`] run as
//! it is, its stimulus on its own potential, no parts beside it. What a new
//! single-membrane model of the catalogue uses instead of writing
//! [`Simulated`] out (`hh1952` does, and the toy model of the catalogue test).

use std::any::Any;
use std::fmt;

use crate::catalogue::{Curve, Figures, ModelEntry, Part, Simulated};
use crate::model::conditions::Conditions;
use crate::model::{Model, StateVariable};
use crate::scenario::Run;
use crate::simulation::{self, MembraneOnly, RestOutcome, RunResult, Trace};
use crate::solve::SolveError;
use crate::solve::steady_state::RestReport;

/// The potential figure of a single membrane.
const POTENTIAL: [Curve; 1] = [Curve {
    column: 0,
    label: "",
}];

/// A single-membrane model built in its conditions.
#[derive(Clone)]
pub struct Membrane<M, const N: usize> {
    /// The model.
    pub model: M,
    /// Its entry in the catalogue.
    pub entry: &'static dyn ModelEntry,
    /// The conditions it was built in.
    pub conditions: Conditions,
    /// The `[ions]` keys it acts on (the others its entry refuses).
    pub honours: &'static [&'static str],
    /// Whether its gating follows the divalent law of `parameters.surface_charge`.
    pub follows_divalent_law: bool,
}

impl<M: fmt::Debug, const N: usize> fmt::Debug for Membrane<M, N> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Membrane")
            .field("entry", &self.entry.name())
            .field("model", &self.model)
            .field("conditions", &self.conditions)
            .finish()
    }
}

impl<M: PartialEq, const N: usize> PartialEq for Membrane<M, N> {
    fn eq(&self, other: &Self) -> bool {
        self.entry.name() == other.entry.name()
            && self.model == other.model
            && self.conditions == other.conditions
    }
}

impl<M, const N: usize> Simulated for Membrane<M, N>
where
    M: Model<N> + Clone + PartialEq + fmt::Debug + Send + 'static,
{
    fn entry(&self) -> &'static dyn ModelEntry {
        self.entry
    }

    fn state_variables(&self) -> &'static [StateVariable] {
        self.model.state_variables()
    }

    fn conditions(&self) -> &Conditions {
        &self.conditions
    }

    fn figures(&self) -> Figures {
        Figures {
            potentials: &POTENTIAL,
            detail: None,
            force: None,
        }
    }

    fn execute(&self, run: &Run, trace: &mut dyn Trace) -> Result<RunResult, SolveError> {
        simulation::execute_model(&self.model, run, trace, MembraneOnly)
    }

    fn find_rest(&self, run: &Run) -> Result<RestOutcome, SolveError> {
        simulation::rest_of(&self.model, run)
    }

    fn rest_from(
        &self,
        run: &Run,
        previous: Option<&[f64]>,
        start_mv: f64,
    ) -> Result<(Vec<f64>, RestReport), SolveError> {
        simulation::rest_from(&self.model, run, previous, start_mv)
    }

    /// The membrane keeps its published start: its initial state is a
    /// function of its parameters, which a rest found once does not change.
    fn starting_from(&self, _state: &[f64]) -> Box<dyn Simulated> {
        self.clone_box()
    }

    fn stimulated_alone(&self) -> Box<dyn Simulated> {
        self.clone_box()
    }

    fn axon_spike_count(&self, _run: &Run) -> Result<Option<usize>, SolveError> {
        Ok(None)
    }

    fn parts(&self) -> Vec<Part> {
        vec![Part {
            name: "membrane".to_owned(),
            honours: self.honours.to_vec(),
            ignores: Vec::new(),
            follows_divalent_law: self.follows_divalent_law,
            signature: simulation::signature(&self.model),
        }]
    }

    fn clone_box(&self) -> Box<dyn Simulated> {
        Box::new(self.clone())
    }

    fn as_any(&self) -> &dyn Any {
        self
    }

    fn same_as(&self, other: &dyn Simulated) -> bool {
        other.as_any().downcast_ref::<Self>() == Some(self)
    }
}
