//! Derive macros of gearbox-asset
