//! Low-K⁺ rest states of the muscle fibre (issue 4 point 6): what the model
//! does, with and without the HypoPP gating-pore leak, reported as measured.

use std::path::Path;
use std::process::Command;

use endplate::rest_scan::{self, Branch};
use endplate::scenario::Template;

fn scan(overrides: &[String]) -> Vec<rest_scan::RestPoint> {
    scan_at(&rest_scan::values(0.5, 12.0, 12), overrides)
}

fn scan_at(k_o_mm: &[f64], overrides: &[String]) -> Vec<rest_scan::RestPoint> {
    let template = Template::parse(Path::new("fibre.toml"), "model = \"muscle-fibre\"\n").unwrap();
    rest_scan::scan(&template, "ions.k_o_mm", k_o_mm, overrides).unwrap()
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
    // met by this model; this test documents that rather than tuning it
    // (with fixed Cl⁻ see the next test).
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
fn with_fixed_chloride_the_fibre_depolarizes_below_3_mm_k_but_keeps_one_rest_state() {
    // Measured (0.1–12 mM, steps down to 0.05 mM): with Cl_i/Cl_o fixed at
    // Senneff & Lowery's 5.83/128 mM (E_Cl = −78.0 mV) the rest potential is
    // most negative near 3 mM (−83.6 mV) and rises again below it, to
    // −78.6 mV at 0.5 mM: the direction of the paradoxical depolarization,
    // but gradual, with one state at every K and the HypoPP leak at the top
    // of its range (19.5 µS/cm², Jurkat-Rott 2009) moving it by ~0.3 mV.
    // Jurkat-Rott 2009 report a jump to a second state P2 ≈ −60 mV below
    // ~1 mM (SCIENCE.md §2.3, V10); this model does not show it because the
    // fixed Cl⁻ conductance, 19.65 mS/cm² against a Kir that has fallen to
    // a few per cent of G_K, pins the fibre near E_Cl.
    let k_o_mm = [0.5, 1.0, 2.0, 3.0, 4.0];
    // A rest tolerance 100× looser than the default halves the search and
    // moves no rest potential by more than 1e-3 mV (measured).
    let settings = [
        "parameters.chloride_distribution=fixed".to_owned(),
        "rest.tolerance_per_ms=1e-7".to_owned(),
    ];
    let published = scan_at(&[0.5], &settings[1..]);
    let mut rest_by_leak = Vec::new();
    for g in [0.0, 0.0195] {
        let mut overrides = settings.to_vec();
        overrides.push(format!("parameters.gating_pore.g_ms_per_cm2={g}"));
        let points = scan_at(&k_o_mm, &overrides);
        assert!(points.iter().all(|p| p.report.converged), "g {g}");
        assert_eq!(rest_scan::bistable_range(&points), None, "g {g}");
        let rest: Vec<f64> = k_o_mm
            .iter()
            .map(|&k| {
                let (up, down) = (v_at(&points, Branch::Up, k), v_at(&points, Branch::Down, k));
                assert!((up - down).abs() <= rest_scan::SAME_STATE_MV, "g {g} K {k}");
                up
            })
            .collect();
        // Paradoxical: lower K depolarizes once below ~3 mM.
        assert!(rest[0] > rest[3] + 2.0, "g {g}: {rest:?}");
        assert!(rest[1] > rest[3] && rest[2] > rest[3], "g {g}: {rest:?}");
        // Far from the published fibre, which follows E_K to −144 mV.
        assert!(rest[0] > v_at(&published, Branch::Up, 0.5) + 50.0, "g {g}");
        rest_by_leak.push(rest);
    }
    // The leak is inward at rest: it depolarizes, by under 1 mV.
    for (without, with) in rest_by_leak[0].iter().zip(&rest_by_leak[1]) {
        let shift = with - without;
        assert!(shift > 0.0 && shift < 1.0, "leak shift {shift} mV");
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
