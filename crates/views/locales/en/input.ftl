# Public input (see views/src/input/mod.rs). Same keys in sq and en.
