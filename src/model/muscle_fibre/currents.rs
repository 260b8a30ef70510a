//! The membrane currents of the muscle fibre at a given state, by name.

use serde::Serialize;

use super::MuscleFibre;
use super::config::{InwardRectifierForm, SodiumSlowInactivation, TubulePump, Variant};
use super::state::{STATE_COUNT, index};
use crate::model::State;
use crate::physiology::chloride_channel::ChlorideDistribution;
use crate::physiology::ghk::{ghk_current_ua_per_cm2, ghk_driving_term_mv_mm, nernst_mv};
use crate::physiology::nkcc1::cation_influx_pmol_per_cm2_per_s;
use crate::physiology::{
    chloride_channel, delayed_rectifier, gating_pore, inward_rectifier, kir_hagiwara,
    nak_pump_isoforms, sodium_channel, sodium_potassium_pump, sodium_slow_inactivation_pedestal,
};

/// µA per mA: the CellML's `1000/1` in `I_T = 1000 (vS − vT)/R_a`
/// (mV over Ω·cm² is mA/cm²).
const UA_PER_MA: f64 = 1000.0;

/// µA/cm² carried by 1 pmol/(cm²·s) of a monovalent ion per (C/mol) of
/// Faraday's constant: 1e-12 mol · F C/mol /s = F · 1e-12 A = F · 1e-6 µA.
const UA_PER_PMOL_PER_S_PER_FARADAY: f64 = 1e-6;

/// Membrane currents (µA/cm², positive outward) at one state.
///
/// Surface currents are per cm² of sarcolemma; T-tubule currents are per
/// cm² of T-tubule membrane and already include the T-tubule density ratio
/// η of their channel, as the CellML's `I_*_t` do. The stimulus is not
/// included anywhere.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Currents {
    /// Current from the sarcolemma into the T-tubule through the access
    /// resistance, I_T = 1000 (vS − vT)/R_a (CellML `I_T`); it leaves the
    /// surface compartment and enters the T-tubule one, divided by γ.
    pub i_t_ua_per_cm2: f64,
    /// ClC-1, sarcolemma (CellML `I_Cl`).
    pub i_cl_surface_ua_per_cm2: f64,
    /// Inward rectifier, sarcolemma (CellML `I_IR`; outward-only in [`Variant::Published`]).
    pub i_ir_surface_ua_per_cm2: f64,
    /// Delayed rectifier, sarcolemma (CellML `I_DR`).
    pub i_dr_surface_ua_per_cm2: f64,
    /// Na⁺ channel, sarcolemma (CellML `I_Na`).
    pub i_na_surface_ua_per_cm2: f64,
    /// Na⁺/K⁺ pump, sarcolemma (CellML `I_NaK`).
    pub i_nak_surface_ua_per_cm2: f64,
    /// ClC-1, T-tubule (CellML `I_Cl_t`).
    pub i_cl_tubule_ua_per_cm2: f64,
    /// Inward rectifier, T-tubule (CellML `I_IR_t`).
    pub i_ir_tubule_ua_per_cm2: f64,
    /// Delayed rectifier, T-tubule (CellML `I_DR_t`).
    pub i_dr_tubule_ua_per_cm2: f64,
    /// Na⁺ channel, T-tubule (CellML `I_Na_t`).
    pub i_na_tubule_ua_per_cm2: f64,
    /// Na⁺/K⁺ pump, T-tubule (CellML `I_NaK_t`).
    pub i_nak_tubule_ua_per_cm2: f64,
    /// Na⁺ part of the HypoPP gating-pore leak, sarcolemma (0 by default).
    pub i_gp_na_surface_ua_per_cm2: f64,
    /// K⁺ part of the HypoPP gating-pore leak, sarcolemma (0 by default).
    pub i_gp_k_surface_ua_per_cm2: f64,
    /// NKCC1 Na⁺ (= K⁺) influx through the sarcolemma as the current one
    /// of them would carry, F·J (µA/cm²; 0 unless `chloride_distribution =
    /// "dynamic"`). Electroneutral: in no voltage equation.
    pub nkcc_surface_ua_per_cm2: f64,
    /// The same through the T-tubule wall (per cm² of T-tubule membrane, η included).
    pub nkcc_tubule_ua_per_cm2: f64,
    /// Background currents I_K,rest + I_Na,rest counted in the voltage
    /// equations of both membranes: 0 in [`Variant::Published`], where they
    /// act on concentrations only.
    pub i_background_ua_per_cm2: f64,
}

impl Currents {
    /// Cl⁻ influx through the sarcolemma as outward current (ClC-1 and the
    /// two Cl⁻ of NKCC1), µA/cm².
    #[inline]
    pub fn chloride_influx_surface_ua_per_cm2(&self) -> f64 {
        self.i_cl_surface_ua_per_cm2 + 2.0 * self.nkcc_surface_ua_per_cm2
    }

    /// Cl⁻ influx through the T-tubule wall as outward current, µA/cm² of T-tubule membrane.
    #[inline]
    pub fn chloride_influx_tubule_ua_per_cm2(&self) -> f64 {
        self.i_cl_tubule_ua_per_cm2 + 2.0 * self.nkcc_tubule_ua_per_cm2
    }

    /// Ionic current of the sarcolemma that drives dvS/dt, stimulus
    /// excluded (CellML `I_ionic_s + I_HH`).
    #[inline]
    pub fn ionic_surface_ua_per_cm2(&self) -> f64 {
        self.i_cl_surface_ua_per_cm2
            + self.i_ir_surface_ua_per_cm2
            + self.i_dr_surface_ua_per_cm2
            + self.i_na_surface_ua_per_cm2
            + self.i_nak_surface_ua_per_cm2
            + self.i_background_ua_per_cm2
            + self.i_gp_na_surface_ua_per_cm2
            + self.i_gp_k_surface_ua_per_cm2
    }

    /// Ionic current of the T-tubule membrane that drives dvT/dt (CellML `I_ionic_t`).
    #[inline]
    pub fn ionic_tubule_ua_per_cm2(&self) -> f64 {
        self.i_cl_tubule_ua_per_cm2
            + self.i_ir_tubule_ua_per_cm2
            + self.i_dr_tubule_ua_per_cm2
            + self.i_na_tubule_ua_per_cm2
            + self.i_nak_tubule_ua_per_cm2
            + self.i_background_ua_per_cm2
    }
}

impl MuscleFibre {
    /// The membrane currents at state `y` (CellML algebraic `I_*`).
    pub fn currents(&self, y: &State<STATE_COUNT>) -> Currents {
        let c = &self.config;
        let frt = self.f_over_rt_per_mv;
        let faraday = c.thermodynamics.faraday_c_per_mol;
        let (v_s, v_t) = (y[index::V_SURFACE], y[index::V_TUBULE]);
        let k_i = y[index::K_MYOPLASM];
        let (k_t, k_e) = (y[index::K_TUBULE], y[index::K_INTERSTITIAL]);
        let na_i = y[index::NA_MYOPLASM];
        let cl_i = y[index::CL_MYOPLASM];
        let (na_t, na_e) = (y[index::NA_TUBULE], y[index::NA_INTERSTITIAL]);

        let surface = MembraneSide {
            v_mv: v_s,
            k_out_mm: k_e,
            na_out_mm: na_e,
            n: y[index::N_SURFACE],
            h_k: y[index::H_K_SURFACE],
            m: y[index::M_SURFACE],
            h: y[index::H_SURFACE],
            s: y[index::S_SURFACE],
        }
        .currents(self, k_i, na_i, cl_i, frt, faraday);
        let tubule = MembraneSide {
            v_mv: v_t,
            k_out_mm: k_t,
            na_out_mm: na_t,
            n: y[index::N_TUBULE],
            h_k: y[index::H_K_TUBULE],
            m: y[index::M_TUBULE],
            h: y[index::H_TUBULE],
            s: y[index::S_TUBULE],
        }
        .currents(self, k_i, na_i, cl_i, frt, faraday);

        // Quirk 1 of the published model: the sarcolemmal Kir passes outward current only.
        let ir_gate = match c.variant {
            Variant::Published => inward_rectifier::published_sarcolemmal_gate(surface.j_k_mv_mm),
            Variant::Corrected => 1.0,
        };
        // Quirk 3: the background currents are left out of the voltage equations.
        let i_background = match c.variant {
            Variant::Published => 0.0,
            Variant::Corrected => {
                c.ion_accumulation.i_k_rest_ua_per_cm2 + c.ion_accumulation.i_na_rest_ua_per_cm2
            }
        };
        let (i_gp_na, i_gp_k) = gating_pore::currents_ua_per_cm2(
            &c.gating_pore,
            v_s,
            nernst_mv(na_e, na_i, 1.0, frt),
            nernst_mv(k_e, k_i, 1.0, frt),
        );
        Currents {
            i_t_ua_per_cm2: UA_PER_MA * ((v_s - v_t) / c.membrane.access_resistance_ohm_cm2),
            i_cl_surface_ua_per_cm2: surface.i_cl,
            i_ir_surface_ua_per_cm2: surface.i_ir * ir_gate,
            i_dr_surface_ua_per_cm2: surface.i_dr,
            i_na_surface_ua_per_cm2: surface.i_na,
            i_nak_surface_ua_per_cm2: surface.i_nak,
            i_cl_tubule_ua_per_cm2: c.chloride_channel.tubule_density_ratio * tubule.i_cl,
            i_ir_tubule_ua_per_cm2: c.inward_rectifier.tubule_density_ratio * tubule.i_ir,
            i_dr_tubule_ua_per_cm2: c.delayed_rectifier.tubule_density_ratio * tubule.i_dr,
            i_na_tubule_ua_per_cm2: c.sodium_channel.tubule_density_ratio * tubule.i_na,
            i_nak_tubule_ua_per_cm2: match c.tubule_pump {
                TubulePump::Wallinga => c.sodium_potassium_pump.tubule_density_ratio * tubule.i_nak,
                TubulePump::Alpha2 => {
                    let pump = &c.sodium_potassium_pump;
                    let alpha2 = nak_pump_isoforms::NakPumpIsoformParams {
                        j_max_umol_per_cm2_per_s: pump.j_max_umol_per_cm2_per_s,
                        alpha2_k_m_k_mm: c.tubule_alpha2_pump.k_m_k_mm,
                        alpha2_k_m_na_mm: pump.k_m_na_mm,
                        ..Default::default()
                    };
                    c.tubule_alpha2_pump.density_ratio
                        * nak_pump_isoforms::current_ua_per_cm2(
                            &alpha2, 1.0, v_t, k_t, na_i, na_t, faraday, frt,
                        )
                }
            },
            i_gp_na_surface_ua_per_cm2: i_gp_na,
            i_gp_k_surface_ua_per_cm2: i_gp_k,
            i_background_ua_per_cm2: i_background,
            nkcc_surface_ua_per_cm2: surface.nkcc,
            nkcc_tubule_ua_per_cm2: c.chloride_channel.nkcc_tubule_density_ratio * tubule.nkcc,
        }
    }
}

/// What one membrane (sarcolemma or T-tubule) sees: its potential, the
/// outside concentrations and its gates.
struct MembraneSide {
    v_mv: f64,
    k_out_mm: f64,
    na_out_mm: f64,
    n: f64,
    h_k: f64,
    m: f64,
    h: f64,
    s: f64,
}

/// Currents per unit area of one membrane, before T-tubule density ratios
/// and the sarcolemmal Kir gate.
struct SideCurrents {
    j_k_mv_mm: f64,
    i_cl: f64,
    i_ir: f64,
    i_dr: f64,
    i_na: f64,
    i_nak: f64,
    nkcc: f64,
}

impl MembraneSide {
    fn currents(
        &self,
        fibre: &MuscleFibre,
        k_in_mm: f64,
        na_in_mm: f64,
        cl_state_mm: f64,
        frt: f64,
        faraday: f64,
    ) -> SideCurrents {
        let c = &fibre.config;
        let v = self.v_mv;
        let e_k = nernst_mv(self.k_out_mm, k_in_mm, 1.0, frt);
        let j_k = ghk_driving_term_mv_mm(v, k_in_mm, self.k_out_mm, 1.0, frt);
        let j_na = ghk_driving_term_mv_mm(v, na_in_mm, self.na_out_mm, 1.0, frt);
        let (cl_in, cl_out) = chloride_channel::chloride_mm(
            &c.chloride_channel,
            c.chloride_distribution,
            e_k,
            frt,
            cl_state_mm,
        );
        let nkcc = match c.chloride_distribution {
            ChlorideDistribution::Dynamic => {
                c.chloride_channel.nkcc_scale
                    * cation_influx_pmol_per_cm2_per_s(
                        &c.nkcc1,
                        self.na_out_mm,
                        na_in_mm,
                        self.k_out_mm,
                        k_in_mm,
                        cl_out,
                        cl_in,
                    )
                    * faraday
                    * UA_PER_PMOL_PER_S_PER_FARADAY
            }
            ChlorideDistribution::WithPotassium | ChlorideDistribution::Fixed => 0.0,
        };
        let j_cl = ghk_driving_term_mv_mm(v, cl_in, cl_out, -1.0, frt);
        let i_ir = match c.inward_rectifier_form {
            InwardRectifierForm::Wallinga => {
                let g_ir = inward_rectifier::conductance_ms_per_cm2(
                    &c.inward_rectifier,
                    v,
                    self.k_out_mm,
                    e_k,
                    frt,
                );
                inward_rectifier::current_ua_per_cm2(&c.inward_rectifier, g_ir, j_k)
            }
            InwardRectifierForm::Hagiwara => {
                let p = &c.kir_hagiwara;
                kir_hagiwara::open_probability(p, v, self.k_out_mm, e_k, frt)
                    * ghk_current_ua_per_cm2(
                        p.p_k_cm_per_s,
                        v,
                        k_in_mm,
                        self.k_out_mm,
                        1.0,
                        faraday,
                        frt,
                    )
            }
        };
        SideCurrents {
            j_k_mv_mm: j_k,
            i_cl: chloride_channel::current_ua_per_cm2(&c.chloride_channel, v, j_cl),
            i_ir,
            i_dr: delayed_rectifier::current_ua_per_cm2(
                &c.delayed_rectifier,
                self.n,
                self.h_k,
                j_k,
            ),
            i_na: match c.sodium_slow_inactivation {
                SodiumSlowInactivation::Wallinga => sodium_channel::current_ua_per_cm2(
                    &c.sodium_channel,
                    self.m,
                    self.h,
                    self.s,
                    j_na,
                ),
                // m³ ((1 − f) h S + f): the product h·S of the published law replaced.
                SodiumSlowInactivation::Pedestal => sodium_channel::current_ua_per_cm2(
                    &c.sodium_channel,
                    self.m,
                    sodium_slow_inactivation_pedestal::inactivation_factor(
                        &c.sodium_pedestal,
                        self.h,
                        self.s,
                    ),
                    1.0,
                    j_na,
                ),
            },
            i_nak: sodium_potassium_pump::current_ua_per_cm2(
                &c.sodium_potassium_pump,
                v,
                self.k_out_mm,
                na_in_mm,
                self.na_out_mm,
                faraday,
                frt,
            ),
            nkcc,
        }
    }
}

/// Slope conductances of the resting fibre per cm² of sarcolemma, T-tubule
/// membrane included (×γ), as a small-signal DC measurement sees them with
/// both membranes at the same potential: dI/dV with every slow gate held
/// (ClC-1's and the Kir's gates are instantaneous, so they are included).
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct SlopeConductances {
    /// ClC-1 (mS/cm²).
    pub g_cl_ms_per_cm2: f64,
    /// Inward and delayed rectifiers and the gating pore's K⁺ part (mS/cm²).
    pub g_k_ms_per_cm2: f64,
    /// Na⁺ channel and the gating pore's Na⁺ part (mS/cm²).
    pub g_na_ms_per_cm2: f64,
    /// Input resistance of 1 cm², 1000/(G_Cl + G_K + G_Na + G_pump) (Ω·cm²).
    pub r_m_ohm_cm2: f64,
}

/// Half the voltage step of the central difference (mV).
const SLOPE_STEP_MV: f64 = 0.01;

impl MuscleFibre {
    /// The slope conductances at state `y` (normally a rest state).
    pub fn slope_conductances(&self, y: &State<STATE_COUNT>) -> SlopeConductances {
        let gamma = self.config.membrane.tubule_area_ratio;
        let at = |dv: f64| {
            let mut shifted = *y;
            shifted[index::V_SURFACE] += dv;
            shifted[index::V_TUBULE] += dv;
            let c = self.currents(&shifted);
            [
                c.i_cl_surface_ua_per_cm2 + gamma * c.i_cl_tubule_ua_per_cm2,
                c.i_ir_surface_ua_per_cm2
                    + c.i_dr_surface_ua_per_cm2
                    + c.i_gp_k_surface_ua_per_cm2
                    + gamma * (c.i_ir_tubule_ua_per_cm2 + c.i_dr_tubule_ua_per_cm2),
                c.i_na_surface_ua_per_cm2
                    + c.i_gp_na_surface_ua_per_cm2
                    + gamma * c.i_na_tubule_ua_per_cm2,
                c.i_nak_surface_ua_per_cm2 + gamma * c.i_nak_tubule_ua_per_cm2,
            ]
        };
        let (up, down) = (at(SLOPE_STEP_MV), at(-SLOPE_STEP_MV));
        // µA/cm² per mV is mS/cm².
        let g = |i: usize| (up[i] - down[i]) / (2.0 * SLOPE_STEP_MV);
        SlopeConductances {
            g_cl_ms_per_cm2: g(0),
            g_k_ms_per_cm2: g(1),
            g_na_ms_per_cm2: g(2),
            r_m_ohm_cm2: UA_PER_MA / (g(0) + g(1) + g(2) + g(3)),
        }
    }
}

/// How far a state is from a rest with every ion balanced, and its slope
/// conductances: what `endplate rest` prints for the fibre.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct RestBalance {
    /// Slope conductances at the state.
    pub slope: SlopeConductances,
    /// Net change of myoplasmic K⁺, Na⁺ and Cl⁻ (mM per minute): zero when
    /// each ion's net transmembrane flux is zero.
    pub k_myoplasm_mm_per_min: f64,
    /// See `k_myoplasm_mm_per_min`.
    pub na_myoplasm_mm_per_min: f64,
    /// See `k_myoplasm_mm_per_min` (0 unless Cl⁻ is dynamic).
    pub cl_myoplasm_mm_per_min: f64,
    /// T-tubule minus interstitial K⁺ (mM).
    pub k_tubule_minus_interstitial_mm: f64,
    /// Sarcolemmal E_Cl minus V (mV).
    pub e_cl_minus_v_mv: f64,
}

/// Milliseconds per minute.
const MS_PER_MIN: f64 = 60_000.0;

impl MuscleFibre {
    /// The ion balance and slope conductances at state `y` (normally a rest state).
    pub fn rest_balance(&self, y: &State<STATE_COUNT>) -> RestBalance {
        let c = &self.config;
        let mut dydt = State::<STATE_COUNT>::zeros();
        crate::model::Model::derivatives(self, 0.0, y, 0.0, &mut dydt);
        let frt = self.f_over_rt_per_mv;
        let (k_e, k_i) = (y[index::K_INTERSTITIAL], y[index::K_MYOPLASM]);
        let (cl_i, cl_o) = chloride_channel::chloride_mm(
            &c.chloride_channel,
            c.chloride_distribution,
            nernst_mv(k_e, k_i, 1.0, frt),
            frt,
            y[index::CL_MYOPLASM],
        );
        RestBalance {
            slope: self.slope_conductances(y),
            k_myoplasm_mm_per_min: dydt[index::K_MYOPLASM] * MS_PER_MIN,
            na_myoplasm_mm_per_min: dydt[index::NA_MYOPLASM] * MS_PER_MIN,
            cl_myoplasm_mm_per_min: dydt[index::CL_MYOPLASM] * MS_PER_MIN,
            k_tubule_minus_interstitial_mm: y[index::K_TUBULE] - k_e,
            e_cl_minus_v_mv: nernst_mv(cl_o, cl_i, -1.0, frt) - y[index::V_SURFACE],
        }
    }
}
