//! The blog: posts in two languages, categories, tags, comments, feeds and the archive.

pub mod admin;
mod categories;
pub mod feeds;
pub mod forms;
pub mod handlers;
pub mod model;
pub mod pages;
pub mod queries;

pub use handlers::routes;
