//! Physiology building blocks: one file per mechanism, pure functions and
//! parameter structs, no I/O. Models in [`crate::model`] compose them.

pub mod axon;
pub mod calcium_buffers;
pub mod calcium_compartments;
pub mod calcium_release;
pub mod chloride_channel;
pub mod clc1_channel;
pub mod crossbridges;
pub mod delayed_rectifier;
pub mod endplate_current;
pub mod gating_pore;
pub mod gating_pore_ghk;
pub mod ghk;
pub mod hh_rate_types;
pub mod inward_rectifier;
pub mod ion_accumulation;
pub mod kcnq_channel;
pub mod kdr_inactivating;
pub mod kir_hagiwara;
pub mod leak;
pub mod nak_pump_isoforms;
pub mod nav14_channel;
pub mod nkcc1;
pub mod rates;
pub mod ryanodine_magnesium;
pub mod sarcoplasmic_reticulum;
pub mod sodium_channel;
pub mod sodium_potassium_pump;
pub mod surface_charge;
pub mod temperature;
pub mod transmitter_release;
pub mod troponin_magnesium;
pub mod tubule_exchange;
pub mod washout;
