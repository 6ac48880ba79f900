//! The render graph and GPU resources
