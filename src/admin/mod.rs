//! The admin shell: login and logout, the `Organizer` extractor, the guard over `/admin`,
//! the dashboard, the admin layout's context, the confirmation step and the outbox page. Each feature brings its
//! own organizer routes (`<feature>::admin`); `lib.rs` mounts them beside these, so the
//! shell imports no feature's admin side and they import only the shell.

mod auth;
pub mod confirm;
mod dashboard;
pub mod guard;
mod outbox;

use actix_session::Session;
use actix_web::{HttpResponse, web};

use crate::AppState;
use crate::blog::model::CommentStatus;
use crate::blog::queries;
use crate::db::DbConn;
use crate::error::AppError;
use crate::web::session::{self, FlashKind};
use crate::web::{PageCtx, see_other};

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

/// What a change reports about the row it was meant for: whether it found one.
pub trait Touched {
    fn found(&self) -> bool;
}

impl Touched for bool {
    fn found(&self) -> bool {
        *self
    }
}

impl Touched for usize {
    fn found(&self) -> bool {
        *self > 0
    }
}

/// An organizer's button on one row (delete, unpublish, retry…): runs `work`, answers 404
/// when it found no row, else flashes `done` and goes to `then`.
pub async fn act_on_row<T: Touched + Send + 'static>(
    state: &AppState,
    session: &Session,
    work: impl FnOnce(&mut DbConn) -> Result<T, AppError> + Send + 'static,
    done: &'static str,
    then: &str,
) -> Result<HttpResponse, AppError> {
    if !state.db.run(work).await?.found() {
        return Err(AppError::NotFound);
    }
    session::flash(session, FlashKind::Success, done);
    Ok(see_other(then))
}
