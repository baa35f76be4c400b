#![allow(clippy::unwrap_used, clippy::expect_used)] // tests fail loudly on purpose
//! HTTP integration tests: one test binary (one link step), every test run against SQLite and,
//! when `BASHKE_TEST_POSTGRES_URL` is set, PostgreSQL.

mod accounts;
mod api;
mod audit;
mod cache;
mod calls;
mod commitments_drafting;
mod commitments_ogp;
mod commitments_public;
mod commitments_routes;
mod defects;
mod forum_health;
mod forum_meetings;
mod forum_minutes;
mod forum_routes;
mod forum_setup;
mod helpers;
mod input_answers;
mod input_discussion;
mod input_routes;
mod input_submit;
mod pages;
mod permissions;
mod queries;
mod review_pages;
mod security;
mod server;
