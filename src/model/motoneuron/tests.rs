//! The BRK motoneuron against published behaviour: bistability (Hounsgaard
//! & Kiehn 1989; Booth et al. 1997), f–I hysteresis (Booth et al. 1997;
//! ΔF of human motor units, Gorassini et al. 2002) and firing rates.

use super::*;

/// The source's serotonin condition: both ḡ_K(Ca) × 0.627
/// (`create_brk_inputs.m`, "with simulated 5-HT": 5 → 3.136, 1.1 → 0.69).
const SEROTONIN_K_CA_GAIN: f64 = 0.627;

fn motoneuron(edit: impl FnOnce(&mut MotoneuronParams)) -> Motoneuron {
    let mut config = MotoneuronConfig::default();
    edit(&mut config.motoneuron);
    Motoneuron::new(config, &Conditions::published(20.0)).unwrap()
}

fn spikes(model: &Motoneuron, protocol: &Protocol, duration_ms: f64) -> Vec<f64> {
    model
        .spike_times_ms(
            &model.initial_state(),
            protocol,
            duration_ms,
            &SolverSettings::default(),
        )
        .unwrap()
}

fn count(times: &[f64], from_ms: f64, to_ms: f64) -> usize {
    times.iter().filter(|&&t| t >= from_ms && t < to_ms).count()
}

/// Pulse amplitude of the bistability protocol (µA/cm²), ± on the soma.
const PULSE_UA_PER_CM2: f64 = 10.0;

/// The bistability protocol as `[parameters.motoneuron.inputs]`: a 200 ms
/// excitatory pulse at 1000 ms and a 200 ms inhibitory one at 3000 ms.
fn switching_pulses() -> inputs::TimedInputsParams {
    inputs::TimedInputsParams {
        excitatory_pulse_ua_per_cm2: PULSE_UA_PER_CM2,
        excitatory_pulse_onset_ms: 1000.0,
        excitatory_pulse_duration_ms: 200.0,
        inhibitory_pulse_ua_per_cm2: PULSE_UA_PER_CM2,
        inhibitory_pulse_onset_ms: 3000.0,
        inhibitory_pulse_duration_ms: 200.0,
        ..inputs::TimedInputsParams::default()
    }
}

/// Firing in 1 s after a 200 ms depolarizing pulse at t = 1000 ms, on a
/// steady bias, when the cell was silent before it and falls silent after
/// a 200 ms hyperpolarizing pulse at t = 3000 ms: (rate in Hz over
/// 2200–3000 ms) when the bias gives that bistable sequence, else None.
fn bistable_rate_hz(model: &Motoneuron) -> Option<f64> {
    let times = spikes(model, &switching_pulses().protocol(), 5000.0);
    let sustained = count(&times, 2200.0, 3000.0);
    (count(&times, 500.0, 1000.0) == 0 && sustained >= 4 && count(&times, 3700.0, 5000.0) == 0)
        .then(|| sustained as f64 / 0.8)
}

/// Biases (µA/cm²) from 0 to 8 in 0.25 steps at which the cell is
/// bistable, with the sustained rate (Hz).
fn bistable_window(edit: impl Fn(&mut MotoneuronParams) + Copy) -> Vec<(f64, f64)> {
    (0..=32)
        .map(|k| 0.25 * f64::from(k))
        .filter_map(|bias| {
            let model = motoneuron(|p| {
                edit(p);
                p.soma_bias_ua_per_cm2 = bias;
            });
            bistable_rate_hz(&model).map(|rate| (bias, rate))
        })
        .collect()
}

#[test]
fn layout_has_twelve_named_states_with_the_soma_first() {
    assert_eq!(STATE_VARIABLES[index::V_SOMA].source_name, "Vs");
    assert_eq!(STATE_VARIABLES[index::CA_DENDRITE].source_name, "CaD");
    for (i, a) in STATE_VARIABLES.iter().enumerate() {
        for b in &STATE_VARIABLES[i + 1..] {
            assert_ne!(a.name, b.name);
        }
    }
    let y = motoneuron(|_| ()).initial_state();
    assert_eq!(
        (y[index::V_SOMA], y[index::H_NA], y[index::CA_SOMA]),
        (-60.0, 0.9, 0.0)
    );
}

#[test]
fn refuses_the_conditions_the_source_cannot_honour() {
    let config = MotoneuronConfig::default();
    let warm = Conditions::published(20.0).at_temperature(37.0);
    assert_eq!(
        Motoneuron::new(config, &warm).unwrap_err(),
        Refused::Temperature(37.0)
    );
    let low_k = Conditions {
        k_o_mm: Some(3.0),
        ..Conditions::published(20.0)
    };
    assert_eq!(
        Motoneuron::new(config, &low_k).unwrap_err(),
        Refused::Concentration("k_o_mm")
    );
}

#[test]
fn without_input_the_cell_rests_silent_a_few_mv_above_the_leak_reversal() {
    // Booth et al. 1997: E_leak = −60 mV sets the rest of both compartments.
    let model = motoneuron(|_| ());
    let mut y = model.initial_state();
    let protocol = Protocol::default();
    let mut detector = SpikeDetector::new(index::V_SOMA, SPIKE_THRESHOLD_MV);
    let outcome = solve::simulate(
        &model,
        &y,
        &protocol,
        2000.0,
        &SolverSettings::default(),
        &mut detector,
    )
    .unwrap();
    y = outcome.final_state;
    // Measured: Vs −57.3 mV, Vd −56.6 mV after 2 s: the N-like and L-like
    // window currents hold the cell 2.7–3.4 mV above E_leak.
    println!(
        "rest: Vs {:.3} mV, Vd {:.3} mV",
        y[index::V_SOMA],
        y[index::V_DENDRITE]
    );
    assert!(detector.times_ms.is_empty());
    for v in [y[index::V_SOMA], y[index::V_DENDRITE]] {
        assert!(v > -60.0 && v < -55.0, "{v}");
    }
}

#[test]
#[ignore = "finding: with the ported numbers no bias (0–8 µA/cm², canonical or 5-HT, PIC gain up to 5) gives firing that outlasts a pulse; published: it does (Hounsgaard & Kiehn 1989; Booth et al. 1997)"]
fn a_pulse_switches_on_self_sustained_firing_with_serotonin() {
    // Published: Hounsgaard & Kiehn 1989 (J Physiol 414:265), turtle
    // motoneurons in 5-HT: a brief depolarizing pulse starts self-sustained
    // firing, a brief hyperpolarizing pulse stops it; Booth et al. 1997
    // reproduce this with ḡ_K(Ca) reduced (5-HT).
    // Measured (finding, disagreement): with the port's numbers, ±10 µA/cm²
    // pulses of 200 ms and any bias from 0 to 8 µA/cm², the cell is either
    // silent, fires only during the pulse, or fires tonically: no bias gives
    // firing that outlasts the pulse and stops after the hyperpolarizing one,
    // with the canonical or the 5-HT ḡ_K(Ca). Suspects: the paper's Table 1
    // (unread; the port's dendritic ḡ_CaN = 0.03) and the scaling of I_app.
    // The PIC gain at which a window opens is printed, not asserted.
    let serotonin = bistable_window(|p| p.k_ca_gain = SEROTONIN_K_CA_GAIN);
    let canonical = bistable_window(|_| ());
    println!("bistable (bias µA/cm², sustained Hz) with 5-HT: {serotonin:?}");
    println!("bistable, canonical ḡ_K(Ca): {canonical:?}");
    for gain in [2.0, 3.0, 5.0] {
        let window = bistable_window(|p| {
            p.k_ca_gain = SEROTONIN_K_CA_GAIN;
            p.pic_gain = gain;
        });
        println!("bistable with 5-HT and pic_gain {gain}: {window:?}");
    }
    assert!(
        !serotonin.is_empty(),
        "no bias gives self-sustained firing with 5-HT"
    );
}

#[test]
fn without_the_l_type_pic_no_pulse_gives_self_sustained_firing() {
    // Hounsgaard & Kiehn 1989: nifedipine (L-type block) abolishes the plateau.
    let blocked = bistable_window(|p| {
        p.k_ca_gain = SEROTONIN_K_CA_GAIN;
        p.pic_gain = 0.0;
    });
    assert!(blocked.is_empty());
}

/// The source's triangular ramp through `[parameters.motoneuron.inputs]`:
/// 0 → 12 → 0 µA/cm² at 5 µA/cm²/s (`create_brk_inputs.m`'s ramp of 25
/// µA/cm² over 5 s), from 500 ms.
fn source_ramp() -> inputs::TimedInputsParams {
    inputs::TimedInputsParams {
        ramp_peak_ua_per_cm2: 12.0,
        ramp_start_ms: 500.0,
        ramp_rise_ms: 2400.0,
        ramp_fall_ms: 2400.0,
        ..inputs::TimedInputsParams::default()
    }
}

/// The hysteresis of `model` on [`source_ramp`].
fn ramp_hysteresis(model: &Motoneuron) -> inputs::RampHysteresis {
    let ramp = source_ramp();
    let fired = spikes(model, &ramp.protocol(), ramp.ramp_end_ms() + 500.0);
    ramp.hysteresis(&fired)
        .expect("recruited and derecruited on the ramp")
}

#[test]
#[ignore = "finding: recruited at 5.24 and derecruited at 5.84 µA/cm² (canonical), 1.25 and 2.19 (5-HT): ΔI −0.60 and −0.94 µA/cm², ΔF-like −1.8 and −3.8 Hz, against +3 to +5 Hz (Gorassini et al. 2002)"]
fn the_f_i_relation_on_a_triangular_ramp_shows_the_published_hysteresis() {
    // Booth et al. 1997 and Hounsgaard & Kiehn 1989: on a slow triangular
    // ramp a bistable motoneuron is derecruited at a lower current than it
    // was recruited at. Human analogue: ΔF of paired motor units, about
    // 3–5 Hz (Gorassini et al. 2002, J Neurophysiol 87:1850; read from
    // SCIENCE-EXCITABILITY.md §3.3, not re-read at the source).
    // Measured (finding, disagreement): canonical, recruited at 5.24 µA/cm²
    // (12.1 Hz), derecruited at 5.84 µA/cm² (11.1 Hz), gain 3.0 Hz per
    // µA/cm²; 5-HT, 1.25 (11.7 Hz) and 2.19 µA/cm² (12.3 Hz), gain 4.1. The
    // unit is derecruited *above* its recruitment current (adaptation
    // through I_K(Ca), clockwise), so ΔI (−0.60, −0.94 µA/cm²) and ΔF-like
    // (−1.8, −3.8 Hz) are negative where the published ones are positive.
    let measured = [("canonical", 1.0), ("5-HT", SEROTONIN_K_CA_GAIN)]
        .map(|(label, gain)| (label, ramp_hysteresis(&motoneuron(|p| p.k_ca_gain = gain))));
    for (label, h) in &measured {
        println!("{label}: {h:?}");
    }
    for (label, h) in measured {
        assert!(h.delta_i_ua_per_cm2 > 0.0, "{label}");
        assert!((3.0..=5.0).contains(&h.delta_f_hz), "{label}");
    }
}

#[test]
fn the_ramp_of_the_inputs_recruits_the_cell_on_the_way_up_and_releases_it_on_the_way_down() {
    // The ramp keys reach the soma: the silent cell is recruited during the
    // rise, fires faster as the current grows (the f–I relation of
    // Booth et al. 1997 Fig. 2: rate rises with I_app) and falls silent
    // before the ramp ends.
    let model = motoneuron(|_| ());
    let ramp = source_ramp();
    let fired = spikes(&model, &ramp.protocol(), ramp.ramp_end_ms() + 500.0);
    let h = ramp.hysteresis(&fired).unwrap();
    println!("{h:?}");
    assert_eq!(count(&fired, 0.0, ramp.ramp_start_ms), 0);
    assert_eq!(count(&fired, ramp.ramp_end_ms(), f64::INFINITY), 0);
    assert!(h.recruitment_ua_per_cm2 > 0.0 && h.recruitment_ua_per_cm2 < 12.0);
    assert!(h.gain_hz_per_ua_per_cm2 > 0.0);
}

#[test]
fn dendritic_excitation_drives_firing_and_dendritic_inhibition_slows_it() {
    let mut previous = 0;
    for g in [0.05, 0.1, 0.2, 0.4] {
        let excited = motoneuron(|p| p.dendrite_excitatory_ms_per_cm2 = g);
        let times = spikes(&excited, &Protocol::default(), 3000.0);
        let inhibited = motoneuron(|p| {
            p.dendrite_excitatory_ms_per_cm2 = g;
            p.dendrite_inhibitory_ms_per_cm2 = g;
        });
        let quiet = spikes(&inhibited, &Protocol::default(), 3000.0);
        let (driven, held) = (count(&times, 2000.0, 3000.0), count(&quiet, 2000.0, 3000.0));
        // Measured: 12, 32, 50, 61 Hz; with inhibition 0, 12, 24, 33 Hz.
        println!("g_exc {g}: {driven} Hz; with equal g_inh: {held} Hz");
        assert!(driven > previous && held < driven);
        previous = driven;
    }
}

#[test]
fn the_motor_unit_stage_applies_its_input_pulses_after_settling() {
    // The pulse keys reach the motoneuron heading a motor unit: the silent
    // cell fires during the excitatory pulse (10 µA/cm² is above the 6
    // µA/cm² that gives 13 Hz) and forwards those spikes; the settling
    // before the run does not see the pulses.
    use crate::model::motor_unit::motoneuron::MotoneuronStage;
    let config = MotoneuronConfig {
        inputs: switching_pulses(),
        ..MotoneuronConfig::default()
    };
    let stage = MotoneuronStage::new(config, nerve::NerveCouplingParams::default());
    let fired = stage
        .spikes(&Protocol::default(), 5000.0, &SolverSettings::default())
        .unwrap();
    println!("{:?}", fired.forwarded_ms);
    assert_eq!(fired.forwarded_ms, fired.soma_ms);
    assert_eq!(count(&fired.forwarded_ms, 0.0, 1000.0), 0);
    assert!(count(&fired.forwarded_ms, 1000.0, 1250.0) >= 2);
}

/// Forwarded spikes of the published 5-HT cell heading a motor unit, with
/// an Ia EPSP of `afferent_epsp_mv` per volley, under a 1 s nerve burst at
/// 40 Hz from 500 ms and the timed `inputs`, over 4 s.
fn after_a_burst(afferent_epsp_mv: f64, inputs: inputs::TimedInputsParams) -> Vec<f64> {
    use crate::model::motor_unit::motoneuron::MotoneuronStage;
    use crate::protocol::Train;
    let mut config = MotoneuronConfig {
        inputs,
        ..MotoneuronConfig::default()
    };
    config.motoneuron.k_ca_gain = SEROTONIN_K_CA_GAIN;
    let coupling = nerve::NerveCouplingParams {
        afferent_epsp_mv,
        ..nerve::NerveCouplingParams::default()
    };
    let burst = Protocol {
        steps: Vec::new(),
        trains: vec![Train {
            start_ms: 500.0,
            count: 40,
            interval_ms: 25.0,
            width_ms: 0.1,
            amplitude_ua_per_cm2: 5000.0,
        }],
    };
    MotoneuronStage::new(config, coupling)
        .spikes(&burst, 4000.0, &SolverSettings::default())
        .unwrap()
        .forwarded_ms
}

#[test]
fn a_strong_ia_burst_switches_the_silent_cell_into_lasting_firing() {
    // Published: brief Ia input triggers self-sustained firing (plateaus)
    // in motoneurons of decerebrate cats (Bennett, Hultborn, Fedirchuk &
    // Gorassini 1998, J Neurophysiol 80:2023). In this port the dendrite
    // needs strong drive for it: with an Ia EPSP of 20 mV per volley (a
    // strongly facilitated afferent input) a 40 Hz burst leaves the silent
    // 5-HT cell firing on its own; with 8 mV (the cramp scenario's) it
    // stops with the burst. Measured: 32 spikes in 2000–2500 ms and 62 in
    // 3000–4000 ms with 20 mV, none after the burst with 8 mV.
    let plain = after_a_burst(20.0, inputs::TimedInputsParams::default());
    let weak = after_a_burst(8.0, inputs::TimedInputsParams::default());
    assert_eq!(count(&plain, 0.0, 500.0), 0);
    assert!(count(&plain, 3000.0, 4000.0) >= 20);
    assert_eq!(count(&weak, 2000.0, 4000.0), 0);
}

#[test]
#[ignore = "finding: a somatic inhibitory pulse of 10 µA/cm² for 200 ms does not end the burst-triggered firing (32 spikes in 2000–2500 ms, 58 in 3000–4000 ms after it); published: a brief hyperpolarizing pulse ends the plateau (Hounsgaard & Kiehn 1989)"]
fn a_brief_inhibitory_pulse_ends_the_burst_triggered_firing() {
    // Hounsgaard & Kiehn 1989 (J Physiol 414:265): a brief hyperpolarizing
    // current pulse switches the plateau off. Here the somatic pulse hardly
    // reaches the dendrite's plateau through g_c = 0.1 mS/cm²; a constant
    // dendritic Ib conductance does silence it (tests/it/motor_unit_motoneuron.rs).
    let relieved = after_a_burst(
        20.0,
        inputs::TimedInputsParams {
            inhibitory_pulse_ua_per_cm2: 10.0,
            inhibitory_pulse_onset_ms: 2500.0,
            inhibitory_pulse_duration_ms: 200.0,
            ..inputs::TimedInputsParams::default()
        },
    );
    println!(
        "spikes in 2000–2500 / 3000–4000 ms: {} / {}",
        count(&relieved, 2000.0, 2500.0),
        count(&relieved, 3000.0, 4000.0)
    );
    assert!(count(&relieved, 2000.0, 2500.0) >= 10);
    assert_eq!(count(&relieved, 3000.0, 4000.0), 0);
}
