//! Low-K⁺ rest states of the muscle fibre (issue 4 point 6): what the model
//! does, with and without the HypoPP gating-pore leak, reported as measured.

use std::path::Path;
use std::process::Command;

use endplate::rest_scan::{self, Branch};
use endplate::scenario::Template;

fn scan(overrides: &[String]) -> Vec<rest_scan::RestPoint> {
    let template = Template::parse(Path::new("fibre.toml"), "model = \"muscle-fibre\"\n").unwrap();
    let values = rest_scan::values(0.5, 12.0, 12);
    rest_scan::scan(&template, "ions.k_o_mm", &values, overrides).unwrap()
}

fn v_at(points: &[rest_scan::RestPoint], branch: Branch, k_o_mm: f64) -> f64 {
    points
        .iter()
        .find(|p| p.branch == branch && (p.value - k_o_mm).abs() < 1e-9)
        .unwrap()
        .v_mv
}

#[test]
fn the_published_fibre_has_one_rest_state_at_every_k_with_or_without_the_leak() {
    // Measured: the Wallinga/Shorten fibre follows E_K down to 0.5 mM
    // (−144 mV) and the gating-pore leak of HypoPP (15 µS/cm², Jurkat-Rott
    // 2009) moves it by under 2 mV; no second (P2 ≈ −60 mV) state appears.
    // Why, in part: the model's Cl⁻ is passively distributed with K⁺, so
    // E_Cl = E_K and the large g_Cl holds V at E_K whatever Kir does; even
    // with g_Cl = 0 a 15–20 µS/cm² leak leaves one state (measured). The
    // issue's expectation (two states below ~1–1.5 mM with the leak) is not
    // met by this model; this test documents that rather than tuning it.
    for g in [0.0, 0.015] {
        let points = scan(&[format!("parameters.gating_pore.g_ms_per_cm2={g}")]);
        assert!(points.iter().all(|p| p.report.converged), "g {g}");
        assert_eq!(rest_scan::bistable_range(&points), None, "g {g}");
        let at_half = v_at(&points, Branch::Up, 0.5);
        assert!(at_half < -130.0, "g {g}: {at_half} mV at 0.5 mM");
        // Both branches start 60 mV apart and still meet (within 1 mV).
        for p in &points {
            let other = v_at(&points, Branch::Down, p.value);
            assert!((p.v_mv - other).abs() <= rest_scan::SAME_STATE_MV);
        }
    }
}

#[test]
fn rest_scan_writes_both_branches_and_a_figure() {
    let work = tempfile::tempdir().unwrap();
    let scenario = work.path().join("fibre.toml");
    std::fs::write(&scenario, "model = \"muscle-fibre\"\n").unwrap();
    let out = work.path().join("scan");
    let output = Command::new(env!("CARGO_BIN_EXE_endplate"))
        .args(["rest-scan"])
        .arg(&scenario)
        .args([
            "--param",
            "ions.k_o_mm",
            "--from",
            "1",
            "--to",
            "8",
            "--steps",
            "3",
            "--out",
        ])
        .arg(&out)
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let csv = std::fs::read_to_string(out.join("rest_scan.csv")).unwrap();
    let lines: Vec<&str> = csv.lines().collect();
    assert!(lines[0].starts_with("param,value,branch,v_surface_mV,converged"));
    assert_eq!(lines.len(), 1 + 2 * 3);
    assert!(csv.contains(",up,") && csv.contains(",down,"));
    assert!(out.join("rest_scan.png").exists() && out.join("rest_scan.svg").exists());
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(stdout.contains("one stable state"), "{stdout}");
}
