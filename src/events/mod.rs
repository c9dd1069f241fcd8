//! Events and RSVPs: registration without an account, double opt-in, the waiting list, calendars.

pub mod admin;
pub mod emails;
pub mod forms;
pub mod handlers;
pub mod ics;
pub mod model;
pub mod pages;
pub mod queries;

pub use handlers::routes;
