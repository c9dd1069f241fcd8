//! Integration tests: the real app over HTTP, on SQLite or (with TEST_DATABASE_URL) PostgreSQL.

mod binary;
mod blog;
mod blog_admin;
mod caching;
mod campaigns;
mod comments;
mod contacts;
mod contacts_import;
mod demo;
mod events;
mod events_admin;
mod feeds;
mod i18n;
mod outbox;
mod pages;
mod privacy;
mod schema;
mod security;
mod series;
mod sessions;
mod support;
mod topics;

/// In CI a missing service is a failure, never a silent fall-back to SQLite.
#[test]
fn required_services_are_configured() {
    let required = std::env::var("GRILLPLATZ_TEST_REQUIRE").unwrap_or_default();
    if required.split(',').any(|s| s.trim() == "postgres") {
        assert!(
            support::postgres_url().is_some(),
            "GRILLPLATZ_TEST_REQUIRE names postgres but TEST_DATABASE_URL is not set"
        );
    }
}
