//! Procedural macros of gearbox-ecs
