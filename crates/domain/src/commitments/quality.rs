//! The quality checks shown beside the drafting form (OGP Local's checks 10, 11 and 12): never
//! blocking a save, each with a plain-language explanation. Computed here, in one place, so the
//! standards dashboard calls the same function.
