//! Physiology building blocks: one file per mechanism, pure functions and
//! parameter structs, no I/O. Models in [`crate::model`] compose them.

pub mod calcium_buffers;
pub mod calcium_compartments;
pub mod calcium_release;
pub mod chloride_channel;
pub mod crossbridges;
pub mod delayed_rectifier;
pub mod endplate_current;
pub mod gating_pore;
pub mod ghk;
pub mod howells_fast_potassium;
pub mod howells_hcn;
pub mod inward_rectifier;
pub mod ion_accumulation;
pub mod mrg_slow_potassium;
pub mod mrg_sodium;
pub mod rates;
pub mod ryanodine_magnesium;
pub mod sarcoplasmic_reticulum;
pub mod sodium_channel;
pub mod sodium_potassium_pump;
pub mod surface_charge;
pub mod temperature;
pub mod transmitter_release;
pub mod troponin_magnesium;
pub mod washout;
