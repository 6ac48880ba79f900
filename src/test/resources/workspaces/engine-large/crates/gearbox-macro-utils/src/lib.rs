//! Helpers for writing Gearbox procedural macros
