//! Untyped and type-erased pointers for the Gearbox ECS
