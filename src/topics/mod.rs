//! The open-space topic board: attendees propose topics and spend dots on them, organizers
//! put them into slots × rooms, a live board shows it all, and session notes become the recap.

pub mod admin;
pub mod digest;
pub mod emails;
pub mod forms;
pub mod handlers;
pub mod live;
pub mod model;
pub mod pages;
pub mod queries;
pub mod recap;
pub mod schedule;

/// The board's public routes, the live board's included.
pub fn routes(cfg: &mut actix_web::web::ServiceConfig) {
    handlers::routes(cfg);
    live::routes(cfg);
}
