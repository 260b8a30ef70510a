//! The motoneuron at the head of the motor unit (`[parameters]
//! motoneuron_model = "booth-rinzel-kiehn"`): a stage before the axon pass.
//!
//! ```text
//! nerve pulses (the protocol's trains) ─▶ antidromic + Ia kicks ─▶ BRK motoneuron ([`crate::model::motoneuron`])
//!        forwarded soma spike at t ─▶ one axon pulse at t + conduction delay, added to the protocol of the axon pass
//! ```
//! Nothing flows back from the axon or the fibre to the motoneuron (no
//! Renshaw loop, no spindle feedback: recurrent and Ib inhibition are
//! conductances of the motoneuron, constant or, for Ib, a timed pulse), so the stage runs first, on
//! its own, as the axon pass runs before the fibre pass. Coupling and
//! simplifications: [`crate::model::motoneuron::nerve`].
//!
//! The motoneuron keeps its source's fixed reversal potentials and turtle
//! rates: the unit's ions and temperature do not reach it (its part says so).

use crate::model::motoneuron::nerve::{self, NerveCouplingParams};
use crate::model::motoneuron::{Motoneuron, MotoneuronConfig, STATE_COUNT};
use crate::model::{Model, State};
use crate::protocol::{Protocol, Step};
use crate::solve::{SolveError, SolverSettings};

/// How long the motoneuron settles without input before the run (ms): its
/// slowest variable, the L-type gate (τ = 40 ms), and the Ca²⁺ pools
/// (τ = 1/(f·k_Ca) = 50 ms) settle within 1 s; a cell that fires on its
/// own keeps firing, from where it is then.
pub const SETTLE_MS: f64 = 1000.0;

/// Width of the axon pulse a forwarded spike delivers when the protocol
/// has no train to copy it from (ms): the motor-unit scenario's nerve pulse.
pub const AXON_PULSE_WIDTH_MS: f64 = 0.1;
/// Its amplitude (µA/cm²): supramaximal at the node, as
/// `scenarios/motor-unit.toml` (each pulse gives exactly one axon spike).
pub const AXON_PULSE_UA_PER_CM2: f64 = 5000.0;

/// The motoneuron and its coupling to the nerve, fixed for a run.
#[derive(Debug, Clone, PartialEq)]
pub struct MotoneuronStage {
    /// The cell (its inputs are its parameters).
    pub cell: Motoneuron,
    /// Volleys in, spikes out.
    pub nerve: NerveCouplingParams,
}

/// What the motoneuron did in a run.
#[derive(Debug, Clone, PartialEq)]
pub struct MotoneuronSpikes {
    /// Every somatic spike (ms), antidromic ones included.
    pub soma_ms: Vec<f64>,
    /// Those that leave for the muscle (ms, at the soma).
    pub forwarded_ms: Vec<f64>,
}

impl MotoneuronStage {
    /// The stage of `config` (the motoneuron in its source's own conditions).
    pub fn new(config: MotoneuronConfig, nerve: NerveCouplingParams) -> Self {
        let cell = Motoneuron::new(
            config,
            &crate::model::conditions::Conditions::published(
                crate::model::motor_axon::PUBLISHED_TEMPERATURE_CELSIUS,
            ),
        )
        .expect("published conditions give no temperature or ions to refuse");
        Self { cell, nerve }
    }

    /// The cell after [`SETTLE_MS`] without input (its timed Ib pulse
    /// off too), from its initial state.
    pub fn settled(&self, settings: &SolverSettings) -> Result<State<STATE_COUNT>, SolveError> {
        let mut quiet = self.cell.clone();
        quiet.config.inputs.ib_pulse_ms_per_cm2 = 0.0;
        let (_, y) = quiet.spike_times_under_volleys(
            &self.cell.initial_state(),
            &Protocol::default(),
            &[],
            &self.nerve,
            SETTLE_MS,
            settings,
        )?;
        Ok(y)
    }

    /// The motoneuron's spikes under the nerve pulses of `protocol` and its
    /// own timed somatic inputs (`[parameters.motoneuron.inputs]`, from
    /// t = 0 of the run; not during the settling), from its settled state.
    pub fn spikes(
        &self,
        protocol: &Protocol,
        duration_ms: f64,
        settings: &SolverSettings,
    ) -> Result<MotoneuronSpikes, SolveError> {
        // Every pulse of the scenario's trains is a nerve volley, however late.
        let volleys = protocol.pulse_onsets_ms(f64::INFINITY);
        let y0 = self.settled(settings)?;
        let (soma_ms, _) = self.cell.spike_times_under_volleys(
            &y0,
            &self.cell.config.inputs.protocol(),
            &volleys,
            &self.nerve,
            duration_ms,
            settings,
        )?;
        let forwarded_ms = nerve::forwarded_spikes_ms(&soma_ms, &volleys, &self.nerve);
        Ok(MotoneuronSpikes {
            soma_ms,
            forwarded_ms,
        })
    }

    /// The protocol of the axon pass: `protocol` (the nerve pulses act on
    /// the axon too) plus one pulse per forwarded spike, a conduction delay
    /// later, shaped as the protocol's first train's pulses (else
    /// [`AXON_PULSE_WIDTH_MS`], [`AXON_PULSE_UA_PER_CM2`]).
    pub fn axon_protocol(&self, protocol: &Protocol, spikes: &MotoneuronSpikes) -> Protocol {
        let (width, amplitude) = protocol
            .trains
            .first()
            .map_or((AXON_PULSE_WIDTH_MS, AXON_PULSE_UA_PER_CM2), |train| {
                (train.width_ms, train.amplitude_ua_per_cm2)
            });
        let mut driven = protocol.clone();
        driven
            .steps
            .extend(spikes.forwarded_ms.iter().map(|&t| Step {
                start_ms: t + self.nerve.conduction_delay_ms,
                duration_ms: width,
                amplitude_ua_per_cm2: amplitude,
            }));
        driven
    }
}
