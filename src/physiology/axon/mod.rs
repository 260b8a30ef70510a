//! Channels of the motor-axon models, one file per channel.
//!
//! They live apart from the fibre's channels ([`super::sodium_channel`],
//! [`super::delayed_rectifier`], …) because they are other channels:
//! squid axon (Hodgkin & Huxley 1952), rabbit node of Ranvier (Sweeney et
//! al. 1987) and human node (Schwarz et al. 1995 as used by Hennings et al.
//! 2005), each measured in its own preparation. A file is named by its
//! source and channel; each holds the rate functions in the paper's form
//! (through [`crate::physiology::rates`]), its conductance and current,
//! and tests against hand-computed values. The axon models in
//! [`crate::model`] own the conductances, reversal potentials, temperature
//! factors and divalent shifts and compose these channels; the plain leak
//! they share is [`crate::physiology::leak`].

pub mod hennings_fast_potassium_channel;
pub mod hennings_persistent_sodium_channel;
pub mod hennings_slow_potassium_channel;
pub mod hennings_transient_sodium_channel;
pub mod hh_potassium_channel;
pub mod hh_sodium_channel;
pub mod sweeney_sodium_channel;
