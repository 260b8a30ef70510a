//! The Cannon-lab membrane with the Shorten et al. 2007 excitation–contraction
//! coupling: the motor unit's fibre under `[parameters] fibre_model = "cannon"`.
//!
//! ## How the two are coupled
//! - The Cannon-lab fibre ([`super::CannonFibre`], 22 states) gives the
//!   sarcolemma and the T-tubule potentials and the ions; it has no Ca²⁺
//!   handling (its CaV1.1 is off, P_Ca = 0, `Simulated Muscle Fiber.pdf`).
//! - The Ca²⁺/force part of [`crate::model::muscle_fibre`] (states 18–55 of
//!   its layout: Ríos–Stern DHPR–RyR release units, two myoplasmic and two
//!   SR compartments, SERCA, parvalbumin, ATP, calsequestrin, troponin,
//!   Razumova crossbridges, phosphate; Shorten, O'Callaghan, Davidson &
//!   Soboleva 2007, CellML components `sternrios` and `razumova`) follows
//!   it, through [`MuscleFibre::calcium_derivatives`] unchanged.
//! - The one link: the Ríos–Stern voltage sensors are driven by the
//!   **T-tubular membrane potential** V_TT of the Cannon fibre (mV) in place
//!   of Shorten's vT (mV): `k_C = 0.5 α₁ exp((V_TT − V̄)/(8K))`,
//!   `k_Cm = 0.5 α₁ exp((V̄ − V_TT)/(8K))` (SCIENCE.md §5.1; CellML
//!   `sternrios`). Same quantity, same unit, so no conversion. The DHPRs sit
//!   in the tubular membrane in both models (Ríos & Pizarro 1991), which is
//!   why V_TT and not the sarcolemma drives them.
//! - No geometric conversion is needed: Shorten's release, uptake and
//!   buffer fluxes are per volume of its half-sarcomere compartments
//!   (V_o = 0.95·L_x·π·R_R², µm³), not per membrane area, so they do not
//!   depend on the Cannon fibre's radius or γ.
//! - The coupling is one-way, as in Shorten 2007: no charge-movement
//!   current and no Ca²⁺ current act back on the membrane (neither model
//!   has them), and myoplasmic Ca²⁺ gates no membrane channel.
//! - Temperature: the membrane scales from its 295 K with the Cannon-lab
//!   Q10s (2.5 gating, 1.5 diffusion); the Ca²⁺/force part is unscaled, as
//!   in [`MuscleFibre::new_in`] (Senneff & Lowery 2021 list no Q10 for it).
//!
//! ## Layout (60 states)
//! The Cannon fibre's 22 ([`super::STATE_VARIABLES`], column 0 the
//! sarcolemma), then Shorten's states 18–55 in their order
//! ([`crate::model::muscle_fibre::STATE_VARIABLES`]).

use crate::model::muscle_fibre::{self, MuscleFibre, index};
use crate::model::{Model, State, StateVariable};

use super::CannonFibre;

/// States of the Cannon membrane.
pub const MEMBRANE_COUNT: usize = super::STATE_COUNT;
/// First state of Shorten's Ca²⁺/force part in its own layout (C_0).
pub const CALCIUM_FIRST: usize = index::RYR_CLOSED;
/// States of Shorten's Ca²⁺/force part: C_0 up to the SR precipitate. The
/// Shorten fibre's last state, its myoplasmic Cl⁻, is not part of it: the
/// Cannon membrane tracks its own Cl⁻.
pub const CALCIUM_COUNT: usize = index::CL_MYOPLASM - CALCIUM_FIRST;
/// Number of state variables.
pub const STATE_COUNT: usize = MEMBRANE_COUNT + CALCIUM_COUNT;

/// Column in this layout of Shorten's state `shorten_index` (≥ 18).
pub const fn calcium(shorten_index: usize) -> usize {
    shorten_index - CALCIUM_FIRST + MEMBRANE_COUNT
}

/// The layout: the Cannon membrane's, then Shorten's Ca²⁺/force states.
pub static STATE_VARIABLES: [StateVariable; STATE_COUNT] = {
    let mut layout = [super::STATE_VARIABLES[0]; STATE_COUNT];
    let mut i = 0;
    while i < MEMBRANE_COUNT {
        layout[i] = super::STATE_VARIABLES[i];
        i += 1;
    }
    while i < STATE_COUNT {
        layout[i] = muscle_fibre::STATE_VARIABLES[i - MEMBRANE_COUNT + CALCIUM_FIRST];
        i += 1;
    }
    layout
};

/// The Cannon membrane driving Shorten's Ca²⁺ release and force.
#[derive(Debug, Clone, PartialEq)]
pub struct ContractileCannonFibre {
    /// The membrane.
    pub membrane: CannonFibre,
    /// The Shorten fibre whose Ca²⁺/force part (only) is used.
    pub calcium: MuscleFibre,
    /// A starting state found once (a rest), else `None`: the membrane's
    /// initial state and Shorten's published Ca²⁺/force values.
    start: Option<[f64; STATE_COUNT]>,
}

impl ContractileCannonFibre {
    /// `membrane` with the Ca²⁺/force part of `calcium`.
    pub fn new(membrane: CannonFibre, calcium: MuscleFibre) -> Self {
        Self {
            membrane,
            calcium,
            start: None,
        }
    }

    /// The same fibre starting from `state` (this layout).
    pub fn starting_from(&self, state: &State<STATE_COUNT>) -> Self {
        let mut start = [0.0; STATE_COUNT];
        start.copy_from_slice(state.as_slice());
        Self {
            start: Some(start),
            ..self.clone()
        }
    }

    /// `y` in the Shorten fibre's layout: the Cannon sarcolemma, T-tubule
    /// and tubular K⁺ in Shorten's vS, vT and K_t, the Ca²⁺/force states in
    /// theirs, every other Shorten membrane state 0 (nothing reads them:
    /// the Ca²⁺/force part reads vT only, the muscle analysis vS and K_t).
    #[inline]
    pub fn shorten_view(y: &State<STATE_COUNT>) -> State<{ muscle_fibre::STATE_COUNT }> {
        let mut view = State::<{ muscle_fibre::STATE_COUNT }>::zeros();
        view[index::V_SURFACE] = y[super::V_SARC];
        view[index::V_TUBULE] = y[super::V_TT];
        view[index::K_TUBULE] = y[super::K_TT];
        view.fixed_rows_mut::<CALCIUM_COUNT>(CALCIUM_FIRST)
            .copy_from(&y.fixed_rows::<CALCIUM_COUNT>(MEMBRANE_COUNT));
        view
    }
}

impl Model<STATE_COUNT> for ContractileCannonFibre {
    fn state_variables(&self) -> &'static [StateVariable; STATE_COUNT] {
        &STATE_VARIABLES
    }

    /// The rest found once if any, else the membrane's initial state and
    /// Shorten's initial Ca²⁺/force states (a rest search settles both).
    fn initial_state(&self) -> State<STATE_COUNT> {
        if let Some(start) = &self.start {
            return State::from_column_slice(start);
        }
        let mut y = State::<STATE_COUNT>::zeros();
        y.fixed_rows_mut::<MEMBRANE_COUNT>(0)
            .copy_from(&self.membrane.initial_state());
        y.fixed_rows_mut::<CALCIUM_COUNT>(MEMBRANE_COUNT).copy_from(
            &self
                .calcium
                .initial_state()
                .fixed_rows::<CALCIUM_COUNT>(CALCIUM_FIRST),
        );
        y
    }

    #[inline]
    fn derivatives(
        &self,
        t_ms: f64,
        y: &State<STATE_COUNT>,
        i_stim: f64,
        dydt: &mut State<STATE_COUNT>,
    ) {
        let membrane: State<MEMBRANE_COUNT> = y.fixed_rows::<MEMBRANE_COUNT>(0).into_owned();
        let mut membrane_rates = State::<MEMBRANE_COUNT>::zeros();
        self.membrane
            .derivatives(t_ms, &membrane, i_stim, &mut membrane_rates);
        dydt.fixed_rows_mut::<MEMBRANE_COUNT>(0)
            .copy_from(&membrane_rates);
        let view = Self::shorten_view(y);
        let mut rates = State::<{ muscle_fibre::STATE_COUNT }>::zeros();
        self.calcium.calcium_derivatives(&view, &mut rates);
        dydt.fixed_rows_mut::<CALCIUM_COUNT>(MEMBRANE_COUNT)
            .copy_from(&rates.fixed_rows::<CALCIUM_COUNT>(CALCIUM_FIRST));
    }

    /// The membrane's myoplasmic K⁺, Na⁺, Cl⁻ (same columns).
    fn ion_concentration_indices(&self) -> &'static [usize] {
        self.membrane.ion_concentration_indices()
    }
}
