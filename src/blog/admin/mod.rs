//! The organizer side of the blog: writing and publishing posts, categories, and
//! moderating comments.

mod comments;
mod posts;

use actix_web::web;

/// Mounted under `/admin` by the admin shell.
pub fn admin_routes(cfg: &mut web::ServiceConfig) {
    posts::routes(cfg);
    comments::routes(cfg);
}
