//! Gearbox: re-exports the engine.
pub use gearbox_internal::*;
