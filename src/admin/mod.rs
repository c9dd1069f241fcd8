//! The admin shell: login and logout, the `Organizer` extractor, the guard over `/admin`,
//! the dashboard, the admin layout's context and the outbox page. Each feature brings its
//! own organizer routes (`<feature>::admin`); `lib.rs` mounts them beside these, so the
//! shell imports no feature's admin side and they import only the shell.

mod auth;
mod dashboard;
pub mod guard;
mod outbox;

use actix_web::web;

use crate::AppState;
use crate::blog::model::CommentStatus;
use crate::blog::queries;
use crate::error::AppError;
use crate::web::PageCtx;

pub use auth::Organizer;

/// The shell's own routes under `/admin`.
pub fn routes(cfg: &mut web::ServiceConfig) {
    auth::routes(cfg);
    dashboard::routes(cfg);
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
