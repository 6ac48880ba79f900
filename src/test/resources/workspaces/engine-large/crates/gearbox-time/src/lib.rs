//! Clocks, timers and fixed timesteps
