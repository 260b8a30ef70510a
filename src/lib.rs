//! # endplate
//!
//! A simulator of the neuromuscular junction and the skeletal-muscle
//! membrane, built to answer one question: how do low potassium, calcium and
//! magnesium (and pump failure, fatigue, nerve damage, diuretics,
//! dehydration) make muscle hyperexcitable and produce a cramp?
//!
//! The chain, top to bottom: a scenario file is parsed and validated
//! ([`scenario`]) into a [`scenario::Run`]; the run's [`model`] (built from
//! [`physiology`] mechanisms) is integrated by [`solve`] between the edges of
//! its [`protocol`]; [`analysis`] turns the trajectory into metrics; and
//! [`output`] writes traces, metrics and plots atomically.
//!
//! Units everywhere: ms, mV, mM (µM for myoplasmic Ca), µA/cm², mS/cm²,
//! µF/cm². Ionic currents are positive outward; applied stimuli are positive
//! when they depolarize.
#![warn(missing_docs)]
// Scenario and solve errors carry the file, the key path, the value and the
// named state by design; they are built once on the cold path, so their size
// does not matter.
#![allow(clippy::result_large_err)]

pub mod analysis;
pub mod bisection;
pub mod catalogue;
pub mod cramp_threshold;
pub mod excitability;
pub mod model;
pub mod output;
pub mod params;
pub mod physiology;
pub mod protocol;
pub mod random;
pub mod rest_scan;
pub mod scenario;
pub mod serve;
pub mod simulation;
pub mod solve;
pub mod sweep;
pub mod threshold_tracking;
pub mod validation;
