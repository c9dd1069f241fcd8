//! Contacts and what they receive: the customer list, the newsletter with double opt-in,
//! invitation and announcement campaigns, unsubscribing, bounces and privacy requests.

pub mod campaigns;
pub mod emails;
pub mod handlers;
pub mod import;
pub mod model;
pub mod privacy;
pub mod queries;

pub use handlers::routes;
