//! Derive macros shared across Gearbox
