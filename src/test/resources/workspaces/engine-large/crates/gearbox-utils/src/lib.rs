//! Small helpers shared by the Gearbox engine crates
