//! Positions, rotations and scales in a hierarchy
