//! Parent and child relations between entities
