//! The MRG fibre's dimensions from its diameter: the interpolation used by
//! ASCENT for MRG fibres of any diameter (wmglab-duke/ascent,
//! `src/neuron/HOC_Files/CreateAxon_Myel.hoc`, `geometry_determination_method
//! == 1`, "MRG_INTERPOLATION"; fitted to McIntyre, Richardson & Grill 2002,
//! Table 1). Lengths and diameters in µm.

/// The dimensions of one node-to-node period of the fibre.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Geometry {
    /// Fibre (outer myelin) diameter D (`fiberD`).
    pub fibre_diameter_um: f64,
    /// Node (and MYSA) axon diameter, `nodeD = 0.01093 D² + 0.1008 D + 1.099`.
    pub node_diameter_um: f64,
    /// FLUT and STIN axon diameter, `paraD2 = axonD = 0.02361 D² + 0.3673 D + 0.7122`.
    pub axon_diameter_um: f64,
    /// FLUT length, `paralength2 = −0.1652 D² + 6.354 D − 0.2862`.
    pub flut_length_um: f64,
    /// Node-to-node distance, `deltaz = −8.215 D² + 272.4 D − 780.2` (D ≥ 5.643 µm), else `81.08 D + 37.84`.
    pub internodal_period_um: f64,
    /// Myelin lamellae, `nl = −0.4749 D² + 16.85 D − 0.7648` (not rounded in the source).
    pub lamellae: f64,
}

impl Geometry {
    /// The interpolation at fibre diameter `d_um`.
    pub fn of_fibre(d_um: f64) -> Self {
        let internodal_period_um = if d_um >= 5.643 {
            -8.215 * d_um * d_um + 272.4 * d_um - 780.2
        } else {
            81.08 * d_um + 37.84
        };
        Self {
            fibre_diameter_um: d_um,
            node_diameter_um: 0.01093 * d_um * d_um + 0.1008 * d_um + 1.099,
            axon_diameter_um: 0.02361 * d_um * d_um + 0.3673 * d_um + 0.7122,
            flut_length_um: -0.1652 * d_um * d_um + 6.354 * d_um - 0.2862,
            internodal_period_um,
            lamellae: -0.4749 * d_um * d_um + 16.85 * d_um - 0.7648,
        }
    }

    /// Length of one of the six STIN sections:
    /// `interlength = (deltaz − nodelength − 2 paralength1 − 2 paralength2)/6`.
    pub fn stin_length_um(&self, node_length_um: f64, mysa_length_um: f64) -> f64 {
        (self.internodal_period_um
            - node_length_um
            - 2.0 * mysa_length_um
            - 2.0 * self.flut_length_um)
            / 6.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_10_um_fibre_is_close_to_mrg_table_1() {
        // MRG 2002 Table 1 (as in CreateAxon_Myel.hoc, MRG_DISCRETE, fiberD 10.0):
        // nodeD 3.3, axonD 6.9, paralength2 46, deltaz 1150, nl 120.
        let g = Geometry::of_fibre(10.0);
        assert!((g.node_diameter_um - 3.3).abs() < 0.15, "{g:?}");
        assert!((g.axon_diameter_um - 6.9).abs() < 0.2, "{g:?}");
        assert!((g.flut_length_um - 46.0).abs() < 1.0, "{g:?}");
        assert!((g.internodal_period_um - 1150.0).abs() < 30.0, "{g:?}");
        assert!((g.lamellae - 120.0).abs() < 1.0, "{g:?}");
        // By hand: (1122.3 − 1 − 6 − 93.4676)/6 = 170.3054 µm.
        assert!((g.stin_length_um(1.0, 3.0) - 170.3054).abs() < 1e-4);
    }
}
