//! Axis labels from key names: every key carries its unit as a suffix
//! (`amplitude_ua_per_cm2`, `peak_mV`, `temperature_celsius`), so a plot
//! can label `stimulus.steps[0].amplitude (µA/cm²)` without a unit table
//! per parameter.

/// Suffixes (compared without case) and the units they stand for, longest
/// first so that `_ms_per_cm2` (a conductance) wins over `_ms`.
const SUFFIXES: [(&str, &str); 19] = [
    ("_ua_per_cm2", "µA/cm²"),
    ("_ms_per_cm2", "mS/cm²"),
    ("_uf_per_cm2", "µF/cm²"),
    ("_um3_per_ms", "µm³/ms"),
    ("_um_per_ms", "µM/ms"),
    ("_mm_per_ms", "mM/ms"),
    ("_ms_per_mv", "ms/mV"),
    ("_c_per_mol", "C/mol"),
    ("_per_ms", "1/ms"),
    ("_per_mv", "1/mV"),
    ("_celsius", "°C"),
    ("_cm2", "cm²"),
    ("_hz", "Hz"),
    ("_ms", "ms"),
    ("_mv", "mV"),
    ("_mm", "mM"),
    ("_um", "µM"),
    ("_cm", "cm"),
    ("_s", "s"),
];

/// The unit a key's name ends with, if any.
pub fn unit(key: &str) -> Option<&'static str> {
    split(key).map(|(_, unit)| unit)
}

/// `name (unit)` for a key path, the unit suffix replaced by the unit; the
/// path unchanged when it has no unit suffix.
pub fn label(key: &str) -> String {
    match split(key) {
        Some((name, unit)) => format!("{name} ({unit})"),
        None => key.to_owned(),
    }
}

/// The key without its unit suffix, and the unit.
fn split(key: &str) -> Option<(&str, &'static str)> {
    let lower = key.to_ascii_lowercase();
    SUFFIXES.iter().find_map(|(suffix, unit)| {
        let stem = lower.strip_suffix(suffix)?;
        // A bare unit (`ms`) or a path ending in `._ms` is not a suffix.
        (!stem.is_empty() && !stem.ends_with('.') && !stem.ends_with(']'))
            .then(|| (&key[..stem.len()], *unit))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_carry_the_unit_of_the_suffix() {
        assert_eq!(
            label("stimulus.steps[0].amplitude_ua_per_cm2"),
            "stimulus.steps[0].amplitude (µA/cm²)"
        );
        assert_eq!(label("first_spike.peak_mV"), "first_spike.peak (mV)");
        assert_eq!(
            label("parameters.g_k_ms_per_cm2"),
            "parameters.g_k (mS/cm²)"
        );
        assert_eq!(label("ions.temperature_celsius"), "ions.temperature (°C)");
        assert_eq!(label("firing_rate_hz"), "firing_rate (Hz)");
        assert_eq!(label("k_out_mm"), "k_out (mM)");
        assert_eq!(label("ca_myoplasm_um"), "ca_myoplasm (µM)");
        assert_eq!(label("simulation.duration_ms"), "simulation.duration (ms)");
        assert_eq!(label("spike_count"), "spike_count");
        assert_eq!(label("solver.steps"), "solver.steps");
        assert_eq!(unit("solver.rtol"), None);
    }
}
