//! Scenes: serialized sets of entities
