//! `muscle-fibre` against the Shorten et al. 2007 CellML's OpenCOR values
//! ([`super::opencor_shorten2007`]): initial currents and the first
//! millisecond with the CellML stimulus, through a scenario and the default
//! stiff solver.

use std::path::Path;

use crate::model::muscle_fibre::{MuscleFibre, index};
use crate::scenario::Template;
use crate::simulation::{Trace, execute};
use crate::validation::opencor_shorten2007::{
    OPENCOR_CA_BULK_UM, OPENCOR_V_SURFACE_MV, OPENCOR_V_TUBULE_MV, initial_current_pairs,
};
use crate::validation::{Target, Tolerance, Unmeasured};

const SOURCE: &str = "OpenCOR via phydrax (Shorten 2007 CellML)";

/// The CellML protocol's first millisecond: one 150 µA/cm², 0.5 ms pulse, samples every 0.1 ms.
const FIRST_MILLISECOND: &str = "model = \"muscle-fibre\"\n[simulation]\nduration_ms = 1.0\noutput_dt_ms = 0.1\n\
                                 [solver]\nrtol = 1e-8\natol = 1e-8\n\
                                 [[stimulus.steps]]\nduration_ms = 0.5\namplitude_ua_per_cm2 = 150\n";

/// Keeps the rows (all 56 states) of a short run.
struct Rows(Vec<Vec<f64>>);

impl Trace for Rows {
    fn row(&mut self, _t_ms: f64, state: &[f64], _i_stim: f64) {
        self.0.push(state.to_vec());
    }
}

/// The muscle-fibre targets.
pub fn targets() -> Result<Vec<Target>, Unmeasured> {
    let fibre = MuscleFibre::published();
    let mut targets: Vec<Target> = initial_current_pairs(&fibre)
        .into_iter()
        .filter(|(name, _, _)| ["I_T", "I_Cl", "I_IR", "I_Na", "I_NaK"].contains(name))
        .map(|(name, got, expected)| Target {
            target: format!("muscle-fibre initial {name}"),
            source: SOURCE,
            unit: "µA/cm²",
            expected,
            got,
            tolerance: Tolerance::Relative(1e-6),
        })
        .collect();

    let fail = |reason: String| Unmeasured {
        target: "muscle-fibre first millisecond".into(),
        reason,
    };
    let run = Template::parse(Path::new("validate-shorten2007.toml"), FIRST_MILLISECOND)
        .and_then(|t| t.build(&[]))
        .map_err(|e| fail(e.to_string()))?;
    let mut rows = Rows(Vec::new());
    execute(&run, &mut rows).map_err(|e| fail(e.to_string()))?;
    let at = |k: usize, i: usize| rows.0.get(k).map_or(f64::NAN, |row| row[i]);
    for k in [5, 7, 10] {
        targets.push(Target {
            target: format!("muscle-fibre vS at {:.1} ms", k as f64 * 0.1),
            source: SOURCE,
            unit: "mV",
            expected: OPENCOR_V_SURFACE_MV[k],
            got: at(k, index::V_SURFACE),
            tolerance: Tolerance::Absolute(0.01),
        });
    }
    targets.push(Target {
        target: "muscle-fibre vT at 1.0 ms".into(),
        source: SOURCE,
        unit: "mV",
        expected: OPENCOR_V_TUBULE_MV[10],
        got: at(10, index::V_TUBULE),
        tolerance: Tolerance::Absolute(0.01),
    });
    targets.push(Target {
        target: "muscle-fibre bulk Ca (Ca_2) at 1.0 ms".into(),
        source: SOURCE,
        unit: "µM",
        expected: OPENCOR_CA_BULK_UM[10],
        got: at(10, index::CA_BULK),
        tolerance: Tolerance::Relative(1e-3),
    });
    Ok(targets)
}
