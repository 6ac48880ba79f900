//! Runtime reflection for Gearbox types
