//! Pages of public input: phases and settings (`phases`), the list, the input page and its form
//! (`inputs`), the discussion under an input (`discussion`), moderation (`moderation`), grouping
//! (`grouping`) and answers, coverage and feeds (`answers`). Templates are in
//! `templates/input/`, texts in `locales/<lang>/input*.ftl`.

pub mod answers;
pub mod discussion;
pub mod grouping;
pub mod inputs;
pub mod moderation;
pub mod phases;
