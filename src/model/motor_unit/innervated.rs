//! The muscle fibre with its endplate: the states of the fibre (the
//! Shorten fibre's 57, or the Cannon membrane with Shorten's Ca²⁺/force
//! part, 60) plus the two components of the endplate conductance, driven
//! by packets of transmitter applied as kicks ([`crate::solve::Kicks`]).

use crate::model::cannon_fibre::contractile::{self, ContractileCannonFibre};
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

/// A fibre's layout of `N` states followed by the endplate's two (`M` = `N` + 2).
const fn with_endplate<const N: usize, const M: usize>(
    fibre: &[StateVariable; N],
) -> [StateVariable; M] {
    let mut layout = [ENDPLATE_VARIABLES[0]; M];
    let mut i = 0;
    while i < N {
        layout[i] = fibre[i];
        i += 1;
    }
    layout[N + 1] = ENDPLATE_VARIABLES[1];
    layout
}

/// The Shorten fibre's layout followed by the endplate's.
pub static STATE_VARIABLES: [StateVariable; STATE_COUNT] =
    with_endplate(&muscle_fibre::STATE_VARIABLES);

/// States of the innervated Cannon fibre (`fibre_model = "cannon"`).
pub const CANNON_STATE_COUNT: usize = contractile::STATE_COUNT + 2;

/// The Cannon fibre's layout ([`contractile::STATE_VARIABLES`]) followed by the endplate's.
pub static CANNON_STATE_VARIABLES: [StateVariable; CANNON_STATE_COUNT] =
    with_endplate(&contractile::STATE_VARIABLES);

/// A fibre of `N` states that can carry the endplate (`M` = `N` + 2 states
/// with it): its sarcolemma is column 0, and its Ca²⁺/force states can be
/// seen in the Shorten fibre's layout, which the muscle analysis reads.
pub trait EndplateFibre<const N: usize, const M: usize>:
    Model<N> + Clone + std::fmt::Debug
{
    /// The layout with the endplate.
    fn innervated_variables() -> &'static [StateVariable; M];

    /// The fibre's part of `y` in the Shorten fibre's layout (the columns the
    /// muscle analysis reads: vS, K_t, bulk Ca²⁺, A_2).
    fn shorten_view(y: &State<M>) -> State<{ muscle_fibre::STATE_COUNT }>;

    /// Total troponin (µM), the force scale of the muscle analysis.
    fn troponin_total_um(&self) -> f64;
}

impl EndplateFibre<{ muscle_fibre::STATE_COUNT }, STATE_COUNT> for MuscleFibre {
    fn innervated_variables() -> &'static [StateVariable; STATE_COUNT] {
        &STATE_VARIABLES
    }

    fn shorten_view(y: &State<STATE_COUNT>) -> State<{ muscle_fibre::STATE_COUNT }> {
        y.fixed_rows::<{ muscle_fibre::STATE_COUNT }>(0)
            .into_owned()
    }

    fn troponin_total_um(&self) -> f64 {
        self.config().crossbridges.troponin_total_um
    }
}

impl EndplateFibre<{ contractile::STATE_COUNT }, CANNON_STATE_COUNT> for ContractileCannonFibre {
    fn innervated_variables() -> &'static [StateVariable; CANNON_STATE_COUNT] {
        &CANNON_STATE_VARIABLES
    }

    fn shorten_view(y: &State<CANNON_STATE_COUNT>) -> State<{ muscle_fibre::STATE_COUNT }> {
        Self::shorten_view(&y.fixed_rows::<{ contractile::STATE_COUNT }>(0).into_owned())
    }

    fn troponin_total_um(&self) -> f64 {
        self.calcium.config().crossbridges.troponin_total_um
    }
}

/// A fibre of `N` states whose sarcolemma receives the endplate current
/// I_EPC = g (V − E_rev) on top of any applied stimulus (`M` = `N` + 2
/// states; the Shorten fibre by default).
#[derive(Debug, Clone, Copy)]
pub struct InnervatedFibre<
    'a,
    F = MuscleFibre,
    const N: usize = { muscle_fibre::STATE_COUNT },
    const M: usize = STATE_COUNT,
> {
    fibre: &'a F,
    /// 1/τ_decay (ms⁻¹) at the run's temperature.
    decay_rate_per_ms: f64,
    /// 1/τ_rise (ms⁻¹).
    rise_rate_per_ms: f64,
    /// mS/cm² per unit of A − B.
    conductance_per_quantum_ms_per_cm2: f64,
    /// E_rev (mV).
    reversal_mv: f64,
}

impl<'a, F: EndplateFibre<N, M>, const N: usize, const M: usize> InnervatedFibre<'a, F, N, M> {
    /// Index of A, the decaying component (quanta).
    const DECAY: usize = N;
    /// Index of B, the rising component (quanta).
    const RISE: usize = N + 1;

    /// `fibre` with the endplate of `junction`.
    pub fn new(fibre: &'a F, junction: &Junction) -> Self {
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
    pub fn state_from(fibre_state: &State<N>) -> State<M> {
        let mut y = State::<M>::zeros();
        y.fixed_rows_mut::<N>(0).copy_from(fibre_state);
        y
    }

    /// Endplate current density (µA/cm², outward positive) at `y`.
    #[inline]
    pub fn endplate_current(&self, y: &State<M>) -> f64 {
        let g = self.conductance_per_quantum_ms_per_cm2 * (y[Self::DECAY] - y[Self::RISE]);
        // Column 0 is the sarcolemma in both fibres (muscle_fibre::index::V_SURFACE, cannon_fibre::V_SARC).
        endplate_current::endplate_current_ua_per_cm2(g, y[0], self.reversal_mv)
    }
}

impl<F: EndplateFibre<N, M>, const N: usize, const M: usize> Model<M>
    for InnervatedFibre<'_, F, N, M>
{
    fn state_variables(&self) -> &'static [StateVariable; M] {
        F::innervated_variables()
    }

    fn initial_state(&self) -> State<M> {
        Self::state_from(&self.fibre.initial_state())
    }

    #[inline]
    fn derivatives(&self, t_ms: f64, y: &State<M>, i_stim: f64, dydt: &mut State<M>) {
        let fibre_state: State<N> = y.fixed_rows::<N>(0).into_owned();
        let mut fibre_rates = State::<N>::zeros();
        // The stimulus is positive depolarizing and the endplate current
        // positive outward, so the fibre sees their difference.
        let drive = i_stim - self.endplate_current(y);
        self.fibre
            .derivatives(t_ms, &fibre_state, drive, &mut fibre_rates);
        dydt.fixed_rows_mut::<N>(0).copy_from(&fibre_rates);
        dydt[Self::DECAY] = -self.decay_rate_per_ms * y[Self::DECAY];
        dydt[Self::RISE] = -self.rise_rate_per_ms * y[Self::RISE];
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

/// The kicks act on the last two states, the endplate's, whatever the fibre.
impl<const M: usize> Kicks<M> for ReleaseKicks {
    fn times_ms(&self) -> &[f64] {
        &self.times_ms
    }

    fn apply(&mut self, index: usize, y: &mut State<M>) {
        y[M - 2] += self.quanta[index];
        y[M - 1] += self.quanta[index];
    }
}
