//! IRM's rating scales (section 8): indicators, their levels with the exact names and OGP's
//! dataset codes, and the sentinels of absent data (`ND`, `NR`, `NA`).
