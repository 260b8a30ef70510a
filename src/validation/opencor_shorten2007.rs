//! Reference values of the Shorten et al. 2007 CellML
//! (`shorten_ocallaghan_davidson_soboleva_2007.cellml`, PMR exposure
//! `159ba2f081022ca651284404f39eeb40`) from the skeletal-muscle cellular
//! qualification of `phydra-labs/phydrax` (`ShortenFastTwitchModel`): the
//! initial currents at the published initial state, and an OpenCOR trajectory
//! over 0–1 ms with the CellML's 150 µA/cm², 0.5 ms stimulus (OpenCOR
//! 2021-10-05, run `626177e490c6a1959557976e`). SCIENCE.md §5.1, targets V2
//! and V3. Copied digit for digit as the source prints them.
#![allow(clippy::excessive_precision)]

use crate::model::Model;
use crate::model::muscle_fibre::MuscleFibre;

/// The CellML stimulus amplitude I_HH during each pulse (µA/cm²).
pub const STIMULUS_UA_PER_CM2: f64 = 150.0;

/// OpenCOR vS (mV) at t = 0, 0.1, …, 1.0 ms (phydrax `_OPEN_COR_FAST_TRACE`, as the others).
pub const OPENCOR_V_SURFACE_MV: [f64; 11] = [
    -79.974,
    -70.56984893234592,
    -65.70913559330221,
    -60.78146659943978,
    -50.85026953450061,
    -16.708012321459826,
    30.95461429513052,
    34.243156102644186,
    29.068672923369597,
    23.57911324817365,
    18.850029745397745,
];
/// OpenCOR vT (mV) at t = 0, 0.1, …, 1.0 ms.
pub const OPENCOR_V_TUBULE_MV: [f64; 11] = [
    -80.2,
    -79.61131460404869,
    -78.31889340369032,
    -76.6957615003432,
    -74.50525447267584,
    -70.24867907985126,
    -60.522923881167905,
    -48.54234923766906,
    -34.540547388150806,
    -14.372310683780894,
    6.195523220276491,
];
/// OpenCOR Ca_1, triad myoplasm (µM) at t = 0, 0.1, …, 1.0 ms.
pub const OPENCOR_CA_TRIAD_UM: [f64; 11] = [
    0.1,
    0.2429379353792191,
    0.2955065541906228,
    0.3539320121406062,
    0.42105582260196767,
    0.5025792472471213,
    0.6177056990291135,
    0.8183843821635061,
    1.2168809621401484,
    2.1980420224751724,
    5.254755884007505,
];
/// OpenCOR Ca_2, bulk myoplasm (µM) at t = 0, 0.1, …, 1.0 ms.
pub const OPENCOR_CA_BULK_UM: [f64; 11] = [
    0.1,
    0.15634130294752863,
    0.1899304617885617,
    0.21645863304654478,
    0.23781586122958662,
    0.25558566826599305,
    0.2713194202402873,
    0.28723076564259564,
    0.3072660627068752,
    0.341045508490308,
    0.4218805896020381,
];
/// OpenCOR A_2, post-power-stroke crossbridges (µM) at t = 0, 0.1, …, 1.0 ms.
pub const OPENCOR_POST_STROKE_UM: [f64; 11] = [
    0.23,
    0.23027145724221798,
    0.23051068011035883,
    0.23072998972707892,
    0.23093147657653515,
    0.2311153703402217,
    0.23128160565639028,
    0.2314301159009796,
    0.23156089727517648,
    0.23167404936823247,
    0.23176986440800512,
];

/// Every initial current of the model next to phydrax's `expected_currents`
/// / `expected_algebraics` (µA/cm², outward positive): (CellML name, ours, reference).
pub fn initial_current_pairs(fibre: &MuscleFibre) -> [(&'static str, f64, f64); 13] {
    let c = fibre.currents(&fibre.initial_state());
    [
        ("I_T", c.i_t_ua_per_cm2, 1.5066666666666606),
        ("I_Cl", c.i_cl_surface_ua_per_cm2, 4.1054172489320715),
        ("I_IR", c.i_ir_surface_ua_per_cm2, 1.1083423178755314),
        ("I_DR", c.i_dr_surface_ua_per_cm2, 3.9299144639919512e-7),
        ("I_Na", c.i_na_surface_ua_per_cm2, -1.5742434721521985),
        ("I_NaK", c.i_nak_surface_ua_per_cm2, 2.6325511102937238),
        ("I_Cl_t", c.i_cl_tubule_ua_per_cm2, 0.3608557572244595),
        ("I_IR_t", c.i_ir_tubule_ua_per_cm2, 0.9789025374472027),
        ("I_DR_t", c.i_dr_tubule_ua_per_cm2, 1.551916436039707e-7),
        ("I_Na_t", c.i_na_tubule_ua_per_cm2, -0.15781307233069097),
        ("I_NaK_t", c.i_nak_tubule_ua_per_cm2, 0.26224553902732267),
        // CellML I_ionic_s includes −I_HH.
        (
            "I_ionic_s",
            c.ionic_surface_ua_per_cm2() - STIMULUS_UA_PER_CM2,
            -143.72793240205942,
        ),
        ("I_ionic_t", c.ionic_tubule_ua_per_cm2(), 1.4441909165599374),
    ]
}
