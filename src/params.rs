//! Declared parameter sets: one declaration gives a struct, its defaults,
//! its units, sources and allowed ranges, and the table that `describe` and
//! the scenario reference print.
//!
//! Every numeric setting a scenario can hold (model parameters, simulation,
//! solver and analysis settings) is declared with [`parameters!`], so a
//! default, a unit, a range and a source can never drift apart.

/// What a scenario or `describe` needs to know about one numeric field.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ParamInfo {
    /// Field name, identical in TOML and Rust, with its unit in the name.
    pub name: &'static str,
    /// Default value.
    pub default: f64,
    /// Unit as printed (`mS/cm²`, `ms`, `1` for dimensionless).
    pub unit: &'static str,
    /// Smallest allowed value (inclusive).
    pub min: f64,
    /// Largest allowed value (inclusive).
    pub max: f64,
    /// Where the default comes from (paper, table, model file).
    pub source: &'static str,
    /// One line on what the field is.
    pub doc: &'static str,
}

/// A value outside its declared range.
#[derive(Debug, Clone, PartialEq)]
pub struct OutOfRange {
    /// The field's name (without the section prefix).
    pub field: &'static str,
    /// The offending value.
    pub value: f64,
    /// The declaration, for the allowed range and the unit.
    pub info: ParamInfo,
}

/// Numeric field types a declared parameter may have.
pub trait ParamValue: Copy {
    /// The value as f64, for range checks and tables.
    fn as_f64(self) -> f64;
    /// Converts a declared default literal.
    fn from_f64(value: f64) -> Self;
}

impl ParamValue for f64 {
    fn as_f64(self) -> f64 {
        self
    }
    fn from_f64(value: f64) -> Self {
        value
    }
}

impl ParamValue for u64 {
    fn as_f64(self) -> f64 {
        self as f64
    }
    fn from_f64(value: f64) -> Self {
        value as u64
    }
}

/// A struct of declared numeric parameters.
pub trait ParameterSet: Default {
    /// Declarations in field order.
    const INFO: &'static [ParamInfo];
    /// Current values in field order (same order as [`ParameterSet::INFO`]).
    fn values(&self) -> Vec<f64>;
    /// The first field outside its declared range, if any. NaN is always out of range.
    fn check_ranges(&self) -> Result<(), OutOfRange> {
        for (info, value) in Self::INFO.iter().zip(self.values()) {
            if !(value >= info.min && value <= info.max) {
                return Err(OutOfRange {
                    field: info.name,
                    value,
                    info: *info,
                });
            }
        }
        Ok(())
    }
}

/// Declares a parameter struct.
///
/// ```ignore
/// parameters! {
///     /// Squid axon membrane parameters.
///     pub struct AxonParams {
///         /// Maximal Na conductance.
///         g_na_ms_per_cm2: f64 = 120.0, "mS/cm²", 0.0..=1.0e4, "Hodgkin & Huxley 1952, Table 3";
///     }
///     switches {
///         /// Which form of the equations (an enum or bool with a `Default`).
///         mode: AxonMode;
///     }
/// }
/// ```
///
/// The optional `switches` block adds non-numeric fields (an option's name
/// or an on/off flag) to the same TOML table. They take their type's
/// `Default` (which must leave the published model unchanged), are not in
/// [`ParameterSet::INFO`] (they have no unit or range), and serde checks
/// their values (an unknown enum value is an error listing the allowed ones).
#[macro_export]
macro_rules! parameters {
    (
        $(#[$struct_meta:meta])*
        pub struct $name:ident {
            $(
                $(#[doc = $doc:literal])+
                $field:ident : $ty:ty = $default:expr, $unit:literal, $min:literal ..= $max:literal, $source:literal;
            )+
        }
        $(
            switches {
                $(
                    $(#[doc = $switch_doc:literal])+
                    $switch:ident : $switch_ty:ty;
                )+
            }
        )?
    ) => {
        $(#[$struct_meta])*
        #[derive(Debug, Clone, Copy, PartialEq, serde::Serialize, serde::Deserialize)]
        #[serde(default, deny_unknown_fields)]
        pub struct $name {
            $(
                $(#[doc = $doc])+
                #[doc = ""]
                #[doc = concat!("Unit: ", $unit, ". Default: ", stringify!($default), ". Allowed: ",
                                stringify!($min), " to ", stringify!($max), ". Source: ", $source, ".")]
                pub $field: $ty,
            )+
            $($(
                $(#[doc = $switch_doc])+
                pub $switch: $switch_ty,
            )+)?
        }

        impl Default for $name {
            fn default() -> Self {
                Self {
                    $( $field: <$ty as $crate::params::ParamValue>::from_f64($default as f64), )+
                    $($( $switch: <$switch_ty as Default>::default(), )+)?
                }
            }
        }

        impl $crate::params::ParameterSet for $name {
            const INFO: &'static [$crate::params::ParamInfo] = &[
                $(
                    $crate::params::ParamInfo {
                        name: stringify!($field),
                        default: $default as f64,
                        unit: $unit,
                        min: $min as f64,
                        max: $max as f64,
                        source: $source,
                        doc: concat!($($doc),+),
                    },
                )+
            ];
            fn values(&self) -> Vec<f64> {
                vec![ $( $crate::params::ParamValue::as_f64(self.$field), )+ ]
            }
        }
    };
}
