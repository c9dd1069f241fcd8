//! Series of recurring events: editions ("4. Dev- und Admin-Grillen"), the public series
//! page with its feed and calendar, and planning the next edition from the last.

pub mod admin;
pub mod forms;
pub mod handlers;
pub mod model;
pub mod next;
pub mod pages;
pub mod queries;

pub use handlers::routes;
