use super::*;
use crate::protocol::Step;

fn published() -> Motoneuron {
    Motoneuron::new(MotoneuronConfig::default(), &Conditions::published(20.0)).unwrap()
}

fn steps(list: &[(f64, f64, f64)]) -> Protocol {
    Protocol {
        steps: list
            .iter()
            .map(|&(start_ms, duration_ms, amplitude_ua_per_cm2)| Step {
                start_ms,
                duration_ms,
                amplitude_ua_per_cm2,
            })
            .collect(),
        trains: Vec::new(),
    }
}

#[test]
fn explore() {
    for kca in [1.0, 0.627] {
        let mut config = MotoneuronConfig::default();
        config.motoneuron.k_ca_gain = kca;
        let m = Motoneuron::new(config, &Conditions::published(20.0)).unwrap();
        let y0 = m.initial_state();
        for bias in [0.0, 2.0, 4.0, 6.0, 8.0, 10.0, 12.0, 15.0, 20.0, 25.0] {
            let s = m
                .spike_times_ms(&y0, &steps(&[(0.0, 3000.0, bias)]), 3000.0, &SolverSettings::default())
                .unwrap();
            let late: Vec<f64> = s.iter().copied().filter(|t| *t > 2000.0).collect();
            println!("kca {kca} bias {bias}: {} spikes, {} in last s", s.len(), late.len());
        }
    }
}
