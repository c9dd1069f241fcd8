//! Contacts and what they receive: the customer list, the newsletter with double opt-in,
//! invitation and announcement campaigns, unsubscribing and bounces.

pub mod admin;
pub mod campaigns;
pub mod emails;
pub mod handlers;
pub mod import;
pub mod model;
pub mod queries;

pub use handlers::routes;
