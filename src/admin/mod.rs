//! The organizer area: login, dashboard, posts, comment moderation, categories.

mod auth;
mod campaigns;
mod comments;
mod contacts;
mod contacts_import;
mod events;
pub mod guard;
mod outbox;
mod posts;
mod privacy;
mod topics;

use actix_web::web;

use crate::AppState;
use crate::blog::model::CommentStatus;
use crate::blog::queries;
use crate::error::AppError;
use crate::web::PageCtx;

pub use auth::Organizer;

pub fn routes(cfg: &mut web::ServiceConfig) {
    auth::routes(cfg);
    posts::routes(cfg);
    comments::routes(cfg);
    events::routes(cfg);
    topics::routes(cfg);
    contacts_import::routes(cfg);
    contacts::routes(cfg);
    campaigns::routes(cfg);
    privacy::routes(cfg);
    outbox::routes(cfg);
}

/// The page context of an admin page, with the moderation count for the navigation.
pub async fn admin_ctx(
    state: &AppState,
    ctx: PageCtx,
    section: &'static str,
) -> Result<PageCtx, AppError> {
    let pending = state
        .db
        .run(|conn| Ok(queries::count_comments(conn, CommentStatus::Pending)?))
        .await?;
    let mut ctx = ctx.with_section(section);
    ctx.pending_comments = pending;
    Ok(ctx)
}
