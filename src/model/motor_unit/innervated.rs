//! The muscle fibre with its endplate: the 57 states of the fibre plus the
//! two components of the endplate conductance, driven by packets of
//! transmitter applied as kicks ([`crate::solve::Kicks`]).

use crate::model::muscle_fibre::{self, MuscleFibre};
use crate::model::{Model, State, StateVariable};
use crate::physiology::endplate_current;
use crate::solve::Kicks;

use super::junction::{Junction, Release};

/// Fibre states followed by the endplate's two.
pub const STATE_COUNT: usize = muscle_fibre::STATE_COUNT + 2;
/// Index of A, the decaying component of the endplate conductance (quanta).
pub const ENDPLATE_DECAY: usize = muscle_fibre::STATE_COUNT;
/// Index of B, the rising component of the endplate conductance (quanta).
pub const ENDPLATE_RISE: usize = muscle_fibre::STATE_COUNT + 1;

/// The two endplate states, in layout order.
pub const ENDPLATE_VARIABLES: [StateVariable; 2] = [
    StateVariable {
        name: "endplate_decay_quanta",
        unit: "quanta",
        description: "endplate conductance, decaying component A (g ∝ A − B)",
        source_name: "A (NEURON Exp2Syn)",
    },
    StateVariable {
        name: "endplate_rise_quanta",
        unit: "quanta",
        description: "endplate conductance, rising component B (g ∝ A − B)",
        source_name: "B (NEURON Exp2Syn)",
    },
];

/// The fibre's layout followed by the endplate's.
pub static STATE_VARIABLES: [StateVariable; STATE_COUNT] = {
    let mut layout = [ENDPLATE_VARIABLES[0]; STATE_COUNT];
    let mut i = 0;
    while i < muscle_fibre::STATE_COUNT {
        layout[i] = muscle_fibre::STATE_VARIABLES[i];
        i += 1;
    }
    layout[ENDPLATE_RISE] = ENDPLATE_VARIABLES[1];
    layout
};

/// A fibre whose sarcolemma receives the endplate current
/// I_EPC = g (V − E_rev) on top of any applied stimulus.
#[derive(Debug, Clone, Copy)]
pub struct InnervatedFibre<'a> {
    fibre: &'a MuscleFibre,
    /// 1/τ_decay (ms⁻¹) at the run's temperature.
    decay_rate_per_ms: f64,
    /// 1/τ_rise (ms⁻¹).
    rise_rate_per_ms: f64,
    /// mS/cm² per unit of A − B.
    conductance_per_quantum_ms_per_cm2: f64,
    /// E_rev (mV).
    reversal_mv: f64,
}

impl<'a> InnervatedFibre<'a> {
    /// `fibre` with the endplate of `junction`.
    pub fn new(fibre: &'a MuscleFibre, junction: &Junction) -> Self {
        let (tau_rise, tau_decay) = junction.time_constants_ms();
        Self {
            fibre,
            decay_rate_per_ms: 1.0 / tau_decay,
            rise_rate_per_ms: 1.0 / tau_rise,
            conductance_per_quantum_ms_per_cm2: junction.conductance_per_quantum_ms_per_cm2(),
            reversal_mv: junction.endplate.reversal_mv,
        }
    }

    /// The fibre's resting state `fibre_state` with no conductance open.
    pub fn state_from(fibre_state: &State<{ muscle_fibre::STATE_COUNT }>) -> State<STATE_COUNT> {
        let mut y = State::<STATE_COUNT>::zeros();
        y.fixed_rows_mut::<{ muscle_fibre::STATE_COUNT }>(0)
            .copy_from(fibre_state);
        y
    }

    /// Endplate current density (µA/cm², outward positive) at `y`.
    #[inline]
    pub fn endplate_current(&self, y: &State<STATE_COUNT>) -> f64 {
        let g = self.conductance_per_quantum_ms_per_cm2 * (y[ENDPLATE_DECAY] - y[ENDPLATE_RISE]);
        endplate_current::endplate_current_ua_per_cm2(
            g,
            y[muscle_fibre::index::V_SURFACE],
            self.reversal_mv,
        )
    }
}

impl Model<STATE_COUNT> for InnervatedFibre<'_> {
    fn state_variables(&self) -> &'static [StateVariable; STATE_COUNT] {
        &STATE_VARIABLES
    }

    fn initial_state(&self) -> State<STATE_COUNT> {
        Self::state_from(&self.fibre.initial_state())
    }

    #[inline]
    fn derivatives(
        &self,
        t_ms: f64,
        y: &State<STATE_COUNT>,
        i_stim: f64,
        dydt: &mut State<STATE_COUNT>,
    ) {
        let fibre_state: State<{ muscle_fibre::STATE_COUNT }> = y
            .fixed_rows::<{ muscle_fibre::STATE_COUNT }>(0)
            .into_owned();
        let mut fibre_rates = State::<{ muscle_fibre::STATE_COUNT }>::zeros();
        // The stimulus is positive depolarizing and the endplate current
        // positive outward, so the fibre sees their difference.
        let drive = i_stim - self.endplate_current(y);
        self.fibre
            .derivatives(t_ms, &fibre_state, drive, &mut fibre_rates);
        dydt.fixed_rows_mut::<{ muscle_fibre::STATE_COUNT }>(0)
            .copy_from(&fibre_rates);
        dydt[ENDPLATE_DECAY] = -self.decay_rate_per_ms * y[ENDPLATE_DECAY];
        dydt[ENDPLATE_RISE] = -self.rise_rate_per_ms * y[ENDPLATE_RISE];
    }

    fn ion_concentration_indices(&self) -> &'static [usize] {
        self.fibre.ion_concentration_indices()
    }
}

/// Packets of transmitter as kicks of both endplate components.
#[derive(Debug, Clone, PartialEq)]
pub struct ReleaseKicks {
    times_ms: Vec<f64>,
    quanta: Vec<f64>,
}

impl ReleaseKicks {
    /// The kicks of `releases` (sorted by time, as the axon's spikes are).
    pub fn new(releases: &[Release]) -> Self {
        Self {
            times_ms: releases.iter().map(|r| r.time_ms).collect(),
            quanta: releases.iter().map(|r| r.quanta).collect(),
        }
    }
}

impl Kicks<STATE_COUNT> for ReleaseKicks {
    fn times_ms(&self) -> &[f64] {
        &self.times_ms
    }

    fn apply(&mut self, index: usize, y: &mut State<STATE_COUNT>) {
        y[ENDPLATE_DECAY] += self.quanta[index];
        y[ENDPLATE_RISE] += self.quanta[index];
    }
}
