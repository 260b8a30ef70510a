//! The metrics a sweep collects: metrics.json keys named by path
//! (`firing_rate_hz`, `first_spike.peak_mV`, `solver.steps`,
//! `spike_times_ms[0]`), checked before any point runs and read from each
//! point's [`RunMetrics`] serialized once to JSON. `endplate compare`
//! tabulates its metrics by the same paths and in the same number format.

use crate::analysis::{FirstSpike, MembraneMetrics, MuscleMetrics};
use crate::excitability::Excitability;
use crate::scenario::error::did_you_mean;
use crate::scenario::path::{KeyPath, Segment};
use crate::simulation::{EndplateMeasurements, JunctionMetrics, SolverReport};
use crate::solve::SolverStats;
use crate::solve::steady_state::RestReport;

/// A checked metric path.
#[derive(Debug, Clone, PartialEq)]
pub struct Metric {
    /// The path as written (the column name in results.csv).
    pub name: String,
    path: KeyPath,
}

impl Metric {
    /// Whether reading this metric needs the extra runs of
    /// [`crate::excitability::measure`] (paths under `excitability`).
    pub fn needs_excitability(&self) -> bool {
        self.path.0.first() == Some(&Segment::Key("excitability".to_owned()))
    }

    /// Whether reading this metric needs a motor unit's endplate
    /// measurements ([`EndplateMeasurements`]: `junction.epp_amplitude_mv`,
    /// `junction.safety_factor`, …), which a sweep point makes only then.
    pub fn needs_endplate_measurements(&self) -> bool {
        let measured = serde_json::to_value(EndplateMeasurements::shape()).unwrap_or_default();
        match self.path.0.as_slice() {
            [Segment::Key(first), Segment::Key(second), ..] => {
                first == "junction" && measured.get(second).is_some()
            }
            _ => false,
        }
    }

    /// Checks `name` against the keys metrics.json can hold; the error says
    /// what is wrong and what would be accepted.
    pub fn parse(name: &str) -> Result<Self, MetricError> {
        let path = KeyPath::parse(name).ok_or_else(|| {
            MetricError::new(
                "not a key path",
                "dot-separated keys with [i] for list items, e.g. first_spike.peak_mV",
            )
        })?;
        let schema = schema();
        let mut here = &schema;
        let mut at = KeyPath::root();
        for segment in &path.0 {
            here = match (here, segment) {
                (serde_json::Value::Object(map), Segment::Key(key)) => {
                    map.get(key).ok_or_else(|| MetricError {
                        problem: format!("metrics.json has no `{}`", at.key(key)),
                        allowed: keys(map),
                        suggestion: did_you_mean(key, map.keys().map(String::as_str)),
                    })?
                }
                (serde_json::Value::Array(items), Segment::Index(_)) => &items[0],
                (serde_json::Value::Object(map), Segment::Index(_)) => {
                    return Err(MetricError::new(
                        format!("`{at}` is a table, not a list"),
                        members(&at, map),
                    ));
                }
                (serde_json::Value::Array(_), Segment::Key(_)) => {
                    return Err(MetricError::new(
                        format!("`{at}` is a list"),
                        format!("one item, e.g. {at}[0]"),
                    ));
                }
                (_, _) => {
                    return Err(MetricError::new(
                        format!("`{at}` is a single value, with nothing inside"),
                        format!("`{at}` itself"),
                    ));
                }
            };
            at = match segment {
                Segment::Key(key) => at.key(key),
                Segment::Index(i) => at.index(*i),
            };
        }
        match here {
            serde_json::Value::Object(map) => Err(MetricError::new(
                format!("`{name}` is a table, not a single value"),
                members(&path, map),
            )),
            serde_json::Value::Array(_) => Err(MetricError::new(
                format!("`{name}` is a list, not a single value"),
                format!("one item, e.g. {name}[0]"),
            )),
            _ => Ok(Self {
                name: name.to_owned(),
                path,
            }),
        }
    }

    /// Every single value of `metrics` (metrics.json as JSON), lists left
    /// out, in the order they appear: the rows of `endplate compare`.
    pub fn scalars(metrics: &serde_json::Value) -> Vec<Self> {
        fn walk(value: &serde_json::Value, at: KeyPath, out: &mut Vec<Metric>) {
            match value {
                serde_json::Value::Object(map) => {
                    for (key, inner) in map {
                        walk(inner, at.key(key), out);
                    }
                }
                serde_json::Value::Array(_) => {}
                _ => out.push(Metric {
                    name: at.to_string(),
                    path: at,
                }),
            }
        }
        let mut out = Vec::new();
        walk(metrics, KeyPath::root(), &mut out);
        out
    }

    /// This metric's value in `metrics` (metrics.json as JSON), formatted
    /// for a CSV cell; empty when absent (null, or a list item that does not exist).
    pub fn cell(&self, metrics: &serde_json::Value, out: &mut String) {
        let mut here = metrics;
        for segment in &self.path.0 {
            let next = match (here, segment) {
                (serde_json::Value::Object(map), Segment::Key(key)) => map.get(key),
                (serde_json::Value::Array(items), Segment::Index(i)) => items.get(*i),
                _ => None,
            };
            match next {
                Some(value) => here = value,
                None => return,
            }
        }
        match here {
            serde_json::Value::Number(number) => match (number.as_u64(), number.as_i64()) {
                (Some(n), _) => out.push_str(&n.to_string()),
                (None, Some(n)) => out.push_str(&n.to_string()),
                _ => out.push_str(&format_float(number.as_f64().unwrap_or(f64::NAN))),
            },
            serde_json::Value::String(text) => out.push_str(text),
            serde_json::Value::Bool(flag) => out.push_str(if *flag { "true" } else { "false" }),
            serde_json::Value::Null
            | serde_json::Value::Array(_)
            | serde_json::Value::Object(_) => {}
        }
    }
}

/// A float as results.csv writes it: the shortest text that reads back to
/// the same number (`50.0`, `0.1`, `1e-20`).
pub fn format_float(value: f64) -> String {
    format!("{value:?}")
}

/// Why a metric name is not accepted.
#[derive(Debug, Clone, PartialEq)]
pub struct MetricError {
    /// What is wrong.
    pub problem: String,
    /// What would be accepted.
    pub allowed: String,
    /// A likely fix.
    pub suggestion: Option<String>,
}

impl MetricError {
    fn new(problem: impl Into<String>, allowed: impl Into<String>) -> Self {
        Self {
            problem: problem.into(),
            allowed: allowed.into(),
            suggestion: None,
        }
    }
}

/// The keys of the table at `at`, as full paths.
fn members(at: &KeyPath, map: &serde_json::Map<String, serde_json::Value>) -> String {
    map.keys()
        .map(|k| at.key(k).to_string())
        .collect::<Vec<_>>()
        .join(", ")
}

fn keys(map: &serde_json::Map<String, serde_json::Value>) -> String {
    map.keys().cloned().collect::<Vec<_>>().join(", ")
}

/// metrics.json with every optional part present: the shape metric paths
/// are checked against. It is assembled from the parts every model reports
/// (the run's scalars, [`MembraneMetrics`] flattened, [`SolverReport`]) and
/// the sections only some runs report (`muscle`, `rest`), rather than from a
/// [`crate::simulation::RunMetrics`] literal, so a new field there does not
/// break this file; a new optional section must be added here to be
/// sweepable. A point whose run lacks a section gets empty cells.
fn schema() -> serde_json::Value {
    let membrane = MembraneMetrics {
        spike_threshold_mv: 0.0,
        spike_times_ms: vec![0.0],
        spike_count: 0,
        firing_rate_hz: Some(0.0),
        stimulus_window_ms: Some([0.0, 0.0]),
        first_spike: Some(FirstSpike {
            time_ms: 0.0,
            peak_mv: 0.0,
            half_width_ms: Some(0.0),
        }),
        resting_mv: 0.0,
        v_min_mv: 0.0,
        v_max_mv: 0.0,
        v_final_mv: 0.0,
    };
    let solver = SolverReport {
        method: "",
        stats: SolverStats::default(),
    };
    let mut schema = serde_json::json!({
        "scenario": "",
        "model": "",
        "temperature_celsius": 0.0,
        "duration_ms": 0.0,
        "solver": serde_json::to_value(solver).unwrap_or_default(),
        "muscle": serde_json::to_value(MuscleMetrics::shape()).unwrap_or_default(),
        "rest": serde_json::to_value(RestReport::default()).unwrap_or_default(),
        "junction": serde_json::to_value(JunctionMetrics::shape()).unwrap_or_default(),
        "excitability": serde_json::to_value(Excitability::shape()).unwrap_or_default(),
    });
    if let (Some(all), Ok(serde_json::Value::Object(parts))) =
        (schema.as_object_mut(), serde_json::to_value(membrane))
    {
        all.extend(parts);
    }
    schema
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accepts_nested_keys_and_list_items_and_explains_the_rest() {
        for name in [
            "firing_rate_hz",
            "first_spike.peak_mV",
            "solver.steps",
            "solver.method",
            "spike_times_ms[3]",
            "resting_mV",
        ] {
            assert!(Metric::parse(name).is_ok(), "{name}");
        }
        let error = Metric::parse("first_spike.peak_mv").unwrap_err();
        assert_eq!(error.suggestion.as_deref(), Some("did you mean `peak_mV`?"));
        assert!(error.allowed.contains("half_width_ms"), "{error:?}");
        let error = Metric::parse("first_spike").unwrap_err();
        assert!(error.problem.contains("table"), "{error:?}");
        assert!(error.allowed.contains("first_spike.time_ms"), "{error:?}");
        let error = Metric::parse("spike_times_ms").unwrap_err();
        assert!(error.allowed.contains("spike_times_ms[0]"), "{error:?}");
        assert!(Metric::parse("solver.steps.x").is_err());
        assert!(Metric::parse("a..b").is_err());
    }

    #[test]
    fn only_the_endplate_metrics_need_the_endplate_measurements() {
        for (name, needs) in [
            ("junction.safety_factor", true),
            ("junction.epp_amplitude_mv", true),
            ("junction.threshold_quantal_content", true),
            ("junction.mean_quantal_content", false),
            ("junction.axon_spike_times_ms[0]", false),
            ("excitability.membrane.spontaneous_rate_hz", false),
            ("spike_count", false),
        ] {
            let metric = Metric::parse(name).unwrap();
            assert_eq!(metric.needs_endplate_measurements(), needs, "{name}");
        }
    }

    /// Every scalar path of a real run's metrics.json, lists by their first item.
    fn leaves(value: &serde_json::Value, at: &KeyPath, out: &mut Vec<String>) {
        match value {
            serde_json::Value::Object(map) => {
                for (key, inner) in map {
                    leaves(inner, &at.key(key), out);
                }
            }
            serde_json::Value::Array(items) => {
                if let Some(first) = items.first() {
                    leaves(first, &at.index(0), out);
                }
            }
            _ => out.push(at.to_string()),
        }
    }

    #[test]
    fn every_value_a_real_run_reports_is_a_valid_metric() {
        let hh = "model = \"hh1952\"\n[simulation]\nduration_ms = 20\n[[stimulus.steps]]\nstart_ms = 2\nduration_ms = 10\namplitude_ua_per_cm2 = 20\n";
        let fibre = "model = \"muscle-fibre\"\n[simulation]\nduration_ms = 30\n[rest]\nequilibrate = true\n\
                     [[stimulus.trains]]\nstart_ms = 2\ncount = 2\ninterval_ms = 10\nwidth_ms = 0.5\namplitude_ua_per_cm2 = 150\n";
        for (text, must_have) in [
            (hh, "first_spike.peak_mV"),
            (fibre, "muscle.per_stimulus[0].force_peak_uM"),
        ] {
            let run =
                crate::scenario::load_text(std::path::Path::new("t.toml"), text, &[]).unwrap();
            let result = crate::simulation::execute(&run, &mut crate::simulation::NoTrace).unwrap();
            let json = serde_json::to_value(&result.metrics).unwrap();
            let mut paths = Vec::new();
            leaves(&json, &KeyPath::root(), &mut paths);
            assert!(paths.contains(&must_have.to_owned()), "{paths:?}");
            for path in paths {
                assert!(Metric::parse(&path).is_ok(), "{path} is not accepted");
            }
        }
    }

    #[test]
    fn cells_print_numbers_exactly_and_leave_absent_values_empty() {
        let json = serde_json::json!({
            "spike_count": 7,
            "firing_rate_hz": 68.5,
            "first_spike": null,
            "spike_times_ms": [12.25],
            "solver": {"method": "dopri5"},
            "tiny": 1e-20
        });
        let cell = |name: &str| {
            let mut out = String::new();
            Metric {
                name: name.into(),
                path: KeyPath::parse(name).unwrap(),
            }
            .cell(&json, &mut out);
            out
        };
        assert_eq!(cell("spike_count"), "7");
        assert_eq!(cell("firing_rate_hz"), "68.5");
        assert_eq!(cell("first_spike.peak_mV"), "");
        assert_eq!(cell("spike_times_ms[0]"), "12.25");
        assert_eq!(cell("spike_times_ms[1]"), "");
        assert_eq!(cell("solver.method"), "dopri5");
        assert_eq!(cell("tiny"), "1e-20");
        assert_eq!(format_float(50.0), "50.0");
    }
}
