//! Values every stage uses: ids, parsed texts and addresses, languages.

pub mod audit;
pub mod ids;
pub mod lang;
pub mod values;
