//! Audio playback for Gearbox
