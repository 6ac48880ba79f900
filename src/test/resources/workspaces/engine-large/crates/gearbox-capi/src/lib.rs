//! C bindings of the Gearbox runtime
