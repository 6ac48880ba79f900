//! Vectors, matrices and bounding volumes for Gearbox
