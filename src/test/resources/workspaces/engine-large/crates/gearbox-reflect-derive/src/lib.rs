//! Derive implementations for gearbox-reflect
