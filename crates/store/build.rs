//! `sqlx::migrate!` reads the migration folders at compile time; without this, a new migration
//! file alone does not rebuild the crate, and the binary silently lacks it.
fn main() {
    println!("cargo:rerun-if-changed=migrations");
}
