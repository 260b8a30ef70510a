//! The Cannon-lab skeletal-muscle fibre: sarcolemma and one lumped T-tubule
//! joined by an access resistance, GHK currents through NaV1.4 (fast and
//! slow inactivation, a non-inactivating fraction), Kdr, Kir (Hagiwara),
//! KCNQ, ClC-1 and a HypoPP gating pore, the α1/α2 Na⁺/K⁺ pump, NKCC1, and
//! K⁺, Na⁺, Cl⁻ tracked in the tubule and the myoplasm.
//!
//! ## Source
//! Cannon, Brown & Corey 1993 (Biophys J 65:270), as the lab maintains it
//! in `Cannon-Lab/Muscle-Fiber-Simulation`: `docs/Simulated Muscle Fiber.pdf`
//! (July 2024) for the equations and `muscle_sim/Muscle_Default_Params.xlsx`
//! (v9) for every parameter. The program itself (FreeBASIC, shipped as an
//! .exe only) is not public, so where the PDF is silent the reading taken
//! is said where it is used. Its strings (`muscle_sim_V3.5.exe`, built from
//! `muscle_sim_GitHub_2024-07-08.bas`) name features the PDF does not
//! describe and this port does not have: per-ion `Fix_in/out/TT_*` flags
//! (any concentration may be held), an osmotic volume change ("Auto Volume
//! change in response to osmolarity"), an osmo-responsive NKCC1 ("NKCC
//! Osm-responsive ON", `Osm_Offset`, `K_Osm`: the file's C58–C59), a finite
//! extracellular volume (`Vol_ECF`, the file's ECV/ICV 0.2) and a
//! "Steady-State Cl_in" search; its NKCC dialog labels J0 µmol/(cm²·s)
//! where the file says pmol. Which of them are on by default cannot be read.
//!
//! ```text
//! C_m dV_s/dt = I_stim − Σ I_ion,s − (V_s − V_t)/R_a                      (PDF eqn 1)
//! C_m dV_t/dt = (V_s − V_t)/(γ R_a) − Σ I_ion,t                           (PDF eqn 2)
//! γ = (r/2)(ρ/ζ) = 4.76
//! d[X]_TT/dt = (efflux of X into the tubule)/ζ − ([X]_TT − [X]_o)/τ_diff   (PDF p. 7)
//! d[X]_i/dt  = −(efflux through sarcolemma + γ · efflux through tubule)/(r/2)
//! ```
//! Bath concentrations are fixed (an isolated fibre in a chamber, PDF p. 7).
//! The myoplasmic volume per unit sarcolemma is taken as r/2 (the tubular
//! volume fraction, 0.3 %, is ignored).
//!
//! ## Audit against the sources (review of the port)
//! Checked equation by equation against the PDF (pp. 2–7) and the xlsx v9,
//! at the file's 295 K (every Q10 factor is 1 there: the file's temperature
//! is both the run's and the rates' reference, "Ohmic model at 295 oK"):
//! eqns 1–2 and γ; R_a 0.04 kΩ·cm² (the size r/(8 G_lumen σ ρ) = 42 Ω·cm²
//! has from the file's G_lumen, σ, ρ: this crate's check); the GHK
//! current (P in cm/s × F × mM is µA/cm²); the three rate types of row 127
//! and the Boltzmann x∞ with HH τ; m³ s [h(1 − f) + f]; n⁴ p with τ_p 315 ms;
//! Hagiwara Kir through E_K of the compartment; the ClC-1 surface-charge
//! IV (same reversal as E_Cl); the Wallinga pump f(V), σ and K_m terms;
//! NKCC1; the tubular and myoplasmic mass balances (1/(F·depth), ζ and r/2)
//! and the τ_diff exchange. No porting error was found. Readings that stay
//! the porter's and cannot be settled without the program's source: the
//! activation Boltzmanns written rising (the file keeps k > 0 for both
//! m and h, so the program must use two forms), ClC-1 by the file's rate
//! type 2 (the PDF's printed α sign is the template it also prints for α_h,
//! whose sign the file carries in k = −9.97), and the gating pore's
//! DVgp = 20 mV not applied (sign undocumented; Scale_GP is 0 by default).
//!
//! What the shipped parameters do (not a port error, measured in the
//! tests and in this review's traces): rheobase is 3–5 µA/cm², and at 5 or
//! 10 µA/cm² after the first spike the AHP reaches only −57 mV, a second
//! spike aborts at −32 mV and the sarcolemma settles at −42 mV through a
//! damped oscillation (FrNI 0.003), or sits at ≈ −8 mV with n⁴p ≈ 0.7
//! (FrNI 0.05); h stays below 0.01 in both (h∞ has V½ −80 mV), so the fibre
//! is in depolarization block, not in a train (trace of this review).
//! The 1993 threshold (P_open 0.0075) was for a model without the slow
//! inactivation s; within a 500 ms step s stays ≈ 0.93 (τ_s 2–4 s), so the
//! persistent P_open is ≈ f, and f ≥ 0.01 is already above it.
//!
//! ## Rest with every ion settled (review, issue 11)
//! The lab's initial state is the one where the net flux of every ion and
//! dV/dt vanish (PDF p. 8). The file's concentrations are not it: with
//! `[rest] hold_ion_concentrations = false` (hours of fibre time) the
//! shipped fibre settles at −51.1 mV at 4 mM K⁺ (Cl_i 19.2 mM: NKCC1 with
//! the file's J0 4 loads Cl⁻); with J0 2, the value C57 calls baseline, it
//! rests at −85.9 mV (P1) at 4 mM and has a second, inexcitable state near
//! −52 mV (P2) from 3.5 mM down, the only one at ≤ 1.5 mM — Jurkat-Rott
//! et al. 2009's paradoxical depolarization (tests
//! `with_every_ion_at_steady_state_…`; `scenarios/cannon-fibre-low-k.toml`).
//! Fast inactivation recovers with τ_h ≈ 26 ms at −83 mV (α_h, β_h of the
//! file), so the fibre follows neither a 10 µA/cm² step nor a 50 Hz train
//! beyond one or two spikes, at any ClC-1 scale
//! (`scenarios/sweeps/cannon-myotonia.toml`).
//!
//! ## Chloride scale
//! The file ships `Scale_Cl` = 0.2 (C107), and that is the default here (a
//! port reproduces the published model first). Whether 0.2 is the wild type
//! or a myotonia-like preset the documentation does not say: the PDF gives
//! no scale, and the file's other defaults look like a working preset too
//! (NKCC J0 = 4 with the comment "= 2 at baseline"). What the model shows
//! (test `rest_and_chloride_share_at_the_file_s_conditions`): at 0.2 the
//! Cl⁻ share of the resting conductance is below the 70–80 % usually
//! quoted for normal muscle and the rest is near Jurkat-Rott's P1 (−85 mV);
//! at 1 the share is above that range and the rest ~8 mV more depolarized.
//! The after-discharge sweep over the scale is in
//! `after_discharges_against_the_chloride_scale`.
//!
//! ## Conditions
//! - temperature: `conditions.temperature_celsius`; the file's 295 K
//!   (21.85 °C) is the reference: gating rates scale with Q10 2.5,
//!   permeabilities and 1/τ_diff with the "diffusion" Q10 1.5, RT/F with T.
//!   The pump and NKCC1 have no Q10 in the file and are not scaled.
//! - `k_o_mm`, `na_o_mm`, `cl_o_mm`: the fixed bath values (and the
//!   starting tubular values).
//! - divalents: `conditions.gating_shifts()` is added to V½ of the NaV1.4
//!   gates (na_mv) and of the Kdr and KCNQ gates (k_mv), as on the Shorten
//!   fibre. The Cannon model itself has no Ca²⁺ handling of gating (Ca_o
//!   2 mM is listed but enters no equation; its CaV is off, P_Ca = 0).
//! - `mg_i_um`: not used (the model has no intracellular Mg²⁺).
//!
//! No Ca²⁺ release, buffering or force: the model is a membrane. In a motor
//! unit (`[parameters] fibre_model = "cannon"`) it drives the Shorten 2007
//! Ca²⁺/crossbridge part through its T-tubule potential ([`contractile`]),
//! and the endplate current is the motor unit's (a dual exponential,
//! [`crate::physiology::endplate_current`]). The nAChR of the file (Scale_nAChR 0, an all-or-none 0.5 ms opening) is not
//! included: its opening is a protocol event this model cannot receive.

pub mod catalogue;
mod config;
pub mod contractile;
mod state;
#[cfg(test)]
mod tests;

pub use config::{
    BASELINE_NKCC_J0, CannonFibreParams, CannonGeometryParams, CannonIonParams,
    CannonPhysicalParams, CannonScaleParams, CannonTubuleDensityParams, NKCC_PRESETS,
};
pub use state::*;

use crate::model::conditions::Conditions;
use crate::model::{KELVIN_AT_ZERO_CELSIUS, Model, State, StateVariable, celsius_from_kelvin};
use crate::physiology::ghk::{ghk_current_ua_per_cm2, nernst_mv};
use crate::physiology::nkcc1::cation_influx_pmol_per_cm2_per_s;
use crate::physiology::surface_charge::GatingShifts;
use crate::physiology::temperature::q10_factor;
use crate::physiology::tubule_exchange::{
    diffusion_mm_per_ms, mm_per_ms_per_pmol_per_cm2_per_s, mm_per_ms_per_ua_per_cm2,
};
use crate::physiology::{
    clc1_channel, gating_pore_ghk, kcnq_channel, kdr_inactivating, kir_hagiwara, nak_pump_isoforms,
    nav14_channel,
};

/// Densities of one membrane (scale × η for the tubule), permeabilities
/// already at the run's temperature.
#[derive(Debug, Clone, Copy, PartialEq)]
struct Membrane {
    p_na: f64,
    p_kdr: f64,
    p_kir: f64,
    p_kcnq: f64,
    p_cl: f64,
    p_gp_na: f64,
    p_gp_k: f64,
    pump: f64,
    alpha2_fraction: f64,
    nkcc: f64,
}

/// Currents of one membrane (µA/cm² of that membrane, positive outward)
/// and its NKCC1 cation influx.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct MembraneCurrents {
    /// NaV1.4.
    pub na: f64,
    /// Delayed rectifier.
    pub kdr: f64,
    /// Inward rectifier.
    pub kir: f64,
    /// KCNQ.
    pub kcnq: f64,
    /// ClC-1 (positive: Cl⁻ flowing in).
    pub cl: f64,
    /// Gating pore, Na⁺ part.
    pub gp_na: f64,
    /// Gating pore, K⁺ part.
    pub gp_k: f64,
    /// Na⁺/K⁺ pump (net outward charge).
    pub pump: f64,
    /// NKCC1 Na⁺ (= K⁺) influx, pmol/(cm²·s); Cl⁻ influx is twice this.
    pub nkcc_pmol_per_cm2_per_s: f64,
}

impl MembraneCurrents {
    /// Net ionic current (NKCC1 carries none).
    pub fn total(&self) -> f64 {
        self.na + self.kdr + self.kir + self.kcnq + self.cl + self.gp_na + self.gp_k + self.pump
    }
    /// Na⁺ efflux as current (channels + 3 per pump cycle).
    fn na_efflux(&self) -> f64 {
        self.na + self.gp_na + 3.0 * self.pump
    }
    /// K⁺ efflux as current (channels − 2 per pump cycle).
    fn k_efflux(&self) -> f64 {
        self.kdr + self.kir + self.kcnq + self.gp_k - 2.0 * self.pump
    }
}

/// The fibre, ready to integrate.
#[derive(Debug, Clone, PartialEq)]
pub struct CannonFibre {
    params: CannonFibreParams,
    f_over_rt: f64,
    rate_phi: f64,
    diffusion_phi: f64,
    gamma: f64,
    shifts: GatingShifts,
    na_o: f64,
    k_o: f64,
    cl_o: f64,
    sarc: Membrane,
    tubule: Membrane,
    temperature_celsius: f64,
}

/// The file's temperature, 295 K, in °C (21.85).
pub fn published_temperature_celsius() -> f64 {
    celsius_from_kelvin(CannonPhysicalParams::default().reference_temperature_k)
}

impl CannonFibre {
    /// The fibre with `params` under `conditions` (see the module doc for
    /// which fields are used).
    pub fn new(params: CannonFibreParams, conditions: &Conditions) -> Self {
        let ph = &params.physical;
        let reference_celsius = celsius_from_kelvin(ph.reference_temperature_k);
        let t = conditions.temperature_celsius;
        let rate_phi = q10_factor(ph.rate_q10, t, reference_celsius);
        let diffusion_phi = q10_factor(ph.diffusion_q10, t, reference_celsius);
        let f_over_rt = ph.faraday_c_per_mol
            / (ph.gas_constant_mv_c_per_k_per_mol * (t + KELVIN_AT_ZERO_CELSIUS));
        let membrane = |scale: &CannonScaleParams, eta: Option<&CannonTubuleDensityParams>| {
            let e = |sarc_eta: fn(&CannonTubuleDensityParams) -> f64| eta.map_or(1.0, sarc_eta);
            Membrane {
                p_na: diffusion_phi * scale.na * e(|d| d.na) * params.sodium_channel.p_na_cm_per_s,
                p_kdr: diffusion_phi
                    * scale.kdr
                    * e(|d| d.kdr)
                    * params.delayed_rectifier.p_k_cm_per_s,
                p_kir: diffusion_phi
                    * scale.kir
                    * e(|d| d.kir)
                    * params.inward_rectifier.p_k_cm_per_s,
                p_kcnq: diffusion_phi * scale.kcnq * e(|d| d.kcnq) * params.kcnq.p_k_cm_per_s,
                p_cl: diffusion_phi
                    * scale.cl
                    * e(|d| d.cl)
                    * params.chloride_channel.p_cl_cm_per_s,
                p_gp_na: diffusion_phi
                    * scale.gating_pore
                    * e(|d| d.gating_pore)
                    * params.gating_pore.p_na_cm_per_s,
                p_gp_k: diffusion_phi
                    * scale.gating_pore
                    * e(|d| d.gating_pore)
                    * params.gating_pore.p_k_cm_per_s,
                pump: scale.pump * e(|d| d.pump),
                alpha2_fraction: if eta.is_some() {
                    params.pump.tubule_alpha2_fraction
                } else {
                    params.pump.sarcolemma_alpha2_fraction
                },
                nkcc: scale.nkcc * e(|d| d.nkcc),
            }
        };
        Self {
            f_over_rt,
            rate_phi,
            diffusion_phi,
            gamma: params.geometry.tubule_area_ratio(),
            shifts: conditions.gating_shifts(),
            na_o: conditions.na_o_mm.unwrap_or(params.ions.na_o_mm),
            k_o: conditions.k_o_mm.unwrap_or(params.ions.k_o_mm),
            cl_o: conditions.cl_o_mm.unwrap_or(params.ions.cl_o_mm),
            sarc: membrane(&params.scale, None),
            tubule: membrane(&params.scale, Some(&params.tubule_density)),
            temperature_celsius: t,
            params,
        }
    }

    /// The parameters.
    pub fn params(&self) -> &CannonFibreParams {
        &self.params
    }

    /// Temperature of the run (°C).
    pub fn temperature_celsius(&self) -> f64 {
        self.temperature_celsius
    }

    /// γ, tubular membrane per unit sarcolemma.
    pub fn tubule_area_ratio(&self) -> f64 {
        self.gamma
    }

    /// Bath (K⁺, Na⁺, Cl⁻) in mM.
    pub fn bath_mm(&self) -> (f64, f64, f64) {
        (self.k_o, self.na_o, self.cl_o)
    }

    /// RT/F in mV at the run's temperature.
    pub fn rt_over_f_mv(&self) -> f64 {
        1.0 / self.f_over_rt
    }

    #[allow(clippy::too_many_arguments)]
    fn membrane_currents(
        &self,
        m: &Membrane,
        v: f64,
        g: &[f64],
        (k_in, na_in, cl_in): (f64, f64, f64),
        (k_out, na_out, cl_out): (f64, f64, f64),
    ) -> MembraneCurrents {
        let p = &self.params;
        let faraday = p.physical.faraday_c_per_mol;
        let frt = self.f_over_rt;
        let ghk = |perm: f64, x_in: f64, x_out: f64, z: f64| {
            ghk_current_ua_per_cm2(perm, v, x_in, x_out, z, faraday, frt)
        };
        let i_na_open = ghk(1.0, na_in, na_out, 1.0);
        let i_k_open = ghk(1.0, k_in, k_out, 1.0);
        let e_k = nernst_mv(k_out, k_in, 1.0, frt);
        let na_open =
            nav14_channel::open_probability(&p.sodium_channel, g[gate::M], g[gate::H], g[gate::S]);
        let kdr_open = kdr_inactivating::open_probability(g[gate::N], g[gate::P]);
        let kir_open = kir_hagiwara::open_probability(&p.inward_rectifier, v, k_out, e_k, frt);
        let gp_open = gating_pore_ghk::open_probability(&p.gating_pore, v);
        MembraneCurrents {
            na: m.p_na * na_open * i_na_open,
            kdr: m.p_kdr * kdr_open * i_k_open,
            kir: m.p_kir * kir_open * i_k_open,
            kcnq: m.p_kcnq * g[gate::Q] * i_k_open,
            cl: g[gate::C]
                * clc1_channel::open_current_ua_per_cm2(
                    m.p_cl,
                    p.chloride_channel.surface_potential_mv,
                    v,
                    cl_in,
                    cl_out,
                    faraday,
                    frt,
                ),
            gp_na: m.p_gp_na * gp_open * i_na_open,
            gp_k: m.p_gp_k * gp_open * i_k_open,
            pump: m.pump
                * nak_pump_isoforms::current_ua_per_cm2(
                    &p.pump,
                    m.alpha2_fraction,
                    v,
                    k_out,
                    na_in,
                    na_out,
                    faraday,
                    frt,
                ),
            nkcc_pmol_per_cm2_per_s: m.nkcc
                * cation_influx_pmol_per_cm2_per_s(
                    &p.nkcc, na_out, na_in, k_out, k_in, cl_out, cl_in,
                ),
        }
    }

    /// Currents of the sarcolemma and of the tubule at state `y`.
    pub fn currents(&self, y: &State<STATE_COUNT>) -> (MembraneCurrents, MembraneCurrents) {
        let inside = (y[K_I], y[NA_I], y[CL_I]);
        let sarc = self.membrane_currents(
            &self.sarc,
            y[V_SARC],
            &y.as_slice()[GATES_SARC..GATES_SARC + gate::COUNT],
            inside,
            (self.k_o, self.na_o, self.cl_o),
        );
        let tubule = self.membrane_currents(
            &self.tubule,
            y[V_TT],
            &y.as_slice()[GATES_TT..GATES_TT + gate::COUNT],
            inside,
            (y[K_TT], y[NA_TT], y[CL_TT]),
        );
        (sarc, tubule)
    }

    fn gate_derivatives(&self, v: f64, g: &[f64], out: &mut [f64]) {
        let p = &self.params;
        let phi = self.rate_phi;
        let (dm, dh, ds) = nav14_channel::gate_rates_per_ms(
            &p.sodium_channel,
            v,
            self.shifts.na_mv,
            phi,
            g[gate::M],
            g[gate::H],
            g[gate::S],
        );
        let (dn, dp) = kdr_inactivating::gate_rates_per_ms(
            &p.delayed_rectifier,
            v,
            self.shifts.k_mv,
            phi,
            g[gate::N],
            g[gate::P],
        );
        out[gate::M] = dm;
        out[gate::H] = dh;
        out[gate::S] = ds;
        out[gate::N] = dn;
        out[gate::P] = dp;
        out[gate::Q] =
            kcnq_channel::gate_rate_per_ms(&p.kcnq, v, self.shifts.k_mv, phi, g[gate::Q]);
        out[gate::C] = clc1_channel::gate_rate_per_ms(&p.chloride_channel, v, phi, g[gate::C]);
    }

    fn steady_gates(&self, v: f64) -> [f64; gate::COUNT] {
        let p = &self.params;
        let v_na = v - self.shifts.na_mv;
        let v_k = v - self.shifts.k_mv;
        let (n, inact) = kdr_inactivating::steady_state(&p.delayed_rectifier, v_k);
        [
            nav14_channel::m_inf(&p.sodium_channel, v_na),
            nav14_channel::h_inf(&p.sodium_channel, v_na),
            nav14_channel::s_inf(&p.sodium_channel, v_na),
            n,
            inact,
            kcnq_channel::q_inf(&p.kcnq, v_k),
            clc1_channel::c_inf(&p.chloride_channel, v),
        ]
    }
}

impl Model<STATE_COUNT> for CannonFibre {
    fn state_variables(&self) -> &'static [StateVariable; STATE_COUNT] {
        &STATE_VARIABLES
    }

    /// Both membranes at `ions.v_start_mv` with every gate at its steady
    /// state there; the file's concentrations, the tubule at the bath value
    /// when `[ions]` overrides the bath.
    fn initial_state(&self) -> State<STATE_COUNT> {
        let ions = &self.params.ions;
        let v = ions.v_start_mv;
        let mut y = State::<STATE_COUNT>::zeros();
        y[V_SARC] = v;
        y[V_TT] = v;
        let gates = self.steady_gates(v);
        for (i, g) in gates.iter().enumerate() {
            y[GATES_SARC + i] = *g;
            y[GATES_TT + i] = *g;
        }
        let tubule_start =
            |given: f64, bath: f64, file_bath: f64| if bath == file_bath { given } else { bath };
        y[K_TT] = tubule_start(ions.k_tt_mm, self.k_o, ions.k_o_mm);
        y[NA_TT] = tubule_start(ions.na_tt_mm, self.na_o, ions.na_o_mm);
        y[CL_TT] = tubule_start(ions.cl_tt_mm, self.cl_o, ions.cl_o_mm);
        y[K_I] = ions.k_i_mm;
        y[NA_I] = ions.na_i_mm;
        y[CL_I] = ions.cl_i_mm;
        y
    }

    fn derivatives(
        &self,
        _t_ms: f64,
        y: &State<STATE_COUNT>,
        i_stim: f64,
        dydt: &mut State<STATE_COUNT>,
    ) {
        let p = &self.params;
        let (sarc, tubule) = self.currents(y);
        let c_m = p.physical.c_m_uf_per_cm2;
        let i_access = (y[V_SARC] - y[V_TT]) / p.geometry.r_a_kohm_cm2;
        dydt[V_SARC] = (i_stim - sarc.total() - i_access) / c_m;
        dydt[V_TT] = (i_access / self.gamma - tubule.total()) / c_m;
        {
            let (head, tail) = dydt.as_mut_slice().split_at_mut(GATES_TT);
            self.gate_derivatives(
                y[V_SARC],
                &y.as_slice()[GATES_SARC..GATES_TT],
                &mut head[GATES_SARC..],
            );
            self.gate_derivatives(
                y[V_TT],
                &y.as_slice()[GATES_TT..GATES_TT + gate::COUNT],
                &mut tail[..gate::COUNT],
            );
        }
        let faraday = p.physical.faraday_c_per_mol;
        let zeta = p.geometry.tubule_volume_per_area_cm;
        let to_tt = mm_per_ms_per_ua_per_cm2(faraday, zeta);
        let flux_tt = mm_per_ms_per_pmol_per_cm2_per_s(zeta);
        let depth_i = 0.5 * p.geometry.radius_cm;
        let to_i = mm_per_ms_per_ua_per_cm2(faraday, depth_i);
        let flux_i = mm_per_ms_per_pmol_per_cm2_per_s(depth_i);
        let diff =
            |x_tt: f64, x_o: f64| diffusion_mm_per_ms(&p.tubule, x_tt, x_o, self.diffusion_phi);
        let j_tt = tubule.nkcc_pmol_per_cm2_per_s;
        dydt[K_TT] = tubule.k_efflux() * to_tt - j_tt * flux_tt + diff(y[K_TT], self.k_o);
        dydt[NA_TT] = tubule.na_efflux() * to_tt - j_tt * flux_tt + diff(y[NA_TT], self.na_o);
        dydt[CL_TT] = -tubule.cl * to_tt - 2.0 * j_tt * flux_tt + diff(y[CL_TT], self.cl_o);
        let g = self.gamma;
        let j_i = sarc.nkcc_pmol_per_cm2_per_s + g * j_tt;
        dydt[K_I] = -(sarc.k_efflux() + g * tubule.k_efflux()) * to_i + j_i * flux_i;
        dydt[NA_I] = -(sarc.na_efflux() + g * tubule.na_efflux()) * to_i + j_i * flux_i;
        dydt[CL_I] = (sarc.cl + g * tubule.cl) * to_i + 2.0 * j_i * flux_i;
    }

    /// The myoplasmic K⁺, Na⁺ and Cl⁻: a rest search holds these, and lets
    /// the tubule settle against the bath (its rest K⁺ is above the bath's,
    /// 4.559 against 4.5 mM in the file). With `[rest]
    /// hold_ion_concentrations = false` they settle too: the lab's own
    /// initial state, where the net flux of every ion and dV/dt vanish (PDF
    /// p. 8); that takes hours of fibre time (`[rest] max_ms` ≈ 3.6e7).
    fn ion_concentration_indices(&self) -> &'static [usize] {
        &[K_I, NA_I, CL_I]
    }
}
