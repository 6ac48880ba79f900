//! Derive macros of gearbox-render
