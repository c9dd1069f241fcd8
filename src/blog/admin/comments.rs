//! The moderation queue: approve, reject, mark as spam or delete comments.

use actix_session::Session;
use actix_web::{HttpResponse, web};
use askama::Template;
use serde::Deserialize;

use crate::AppState;
use crate::admin::confirm::{self, Question};
use crate::admin::{Organizer, act_on_row, admin_ctx};
use crate::blog::model::CommentStatus;
use crate::blog::queries;
use crate::error::AppError;
use crate::i18n::format;
use crate::web::forms::{CsrfForm, CsrfOnly};
use crate::web::session::{self, FlashKind};
use crate::web::{PageCtx, render, see_other};

pub fn routes(cfg: &mut web::ServiceConfig) {
    cfg.route("/comments", web::get().to(queue))
        .route("/comments/{id}", web::post().to(moderate))
        .route("/comments/{id}/delete", web::get().to(delete_question))
        .route("/comments/{id}/delete", web::post().to(delete));
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
struct QueueQuery {
    status: String,
}

struct CommentRow {
    id: i64,
    author: String,
    email: String,
    date: String,
    body: String,
    post_title: String,
    post_href: String,
}

/// A tab of the queue with its count.
struct Tab {
    status: CommentStatus,
    count: i64,
    current: bool,
}

#[derive(Template)]
#[template(path = "blog/admin/comments.html")]
struct QueuePage {
    ctx: PageCtx,
    tabs: Vec<Tab>,
    status: &'static str,
    rows: Vec<CommentRow>,
}

async fn queue(
    state: web::Data<AppState>,
    ctx: PageCtx,
    _organizer: Organizer,
    query: web::Query<QueueQuery>,
) -> Result<HttpResponse, AppError> {
    let status = match query.status.as_str() {
        "" => CommentStatus::Pending,
        raw => CommentStatus::parse(raw).ok_or(AppError::NotFound)?,
    };
    let tz = state.config.timezone;
    let lang = ctx.lang;
    let (counts, comments) = state
        .db
        .run(move |conn| {
            let mut counts = Vec::new();
            for &s in CommentStatus::ALL {
                counts.push((s, queries::count_comments(conn, s)?));
            }
            Ok((counts, queries::comments_in(conn, status, 200)?))
        })
        .await?;
    let page = QueuePage {
        tabs: counts
            .into_iter()
            .map(|(s, count)| Tab {
                status: s,
                count,
                current: s == status,
            })
            .collect(),
        status: status.as_str(),
        rows: comments
            .into_iter()
            .map(|(c, post)| CommentRow {
                id: c.id,
                author: c.author_name,
                email: c.author_email,
                date: format::date_time(lang, c.created_at, tz),
                body: c.body,
                post_href: post.path(),
                post_title: post.title,
            })
            .collect(),
        ctx: admin_ctx(&state, ctx, "comments").await?,
    };
    render(&page)
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
struct ModerateForm {
    csrf: String,
    action: String,
    /// The tab to return to.
    from: String,
}

crate::web::forms::csrf_protected!(ModerateForm);

async fn moderate(
    state: web::Data<AppState>,
    session: Session,
    _organizer: Organizer,
    path: web::Path<String>,
    form: CsrfForm<ModerateForm>,
) -> Result<HttpResponse, AppError> {
    let id: i64 = path.parse().map_err(|_| AppError::NotFound)?;
    let action = form.action.clone();
    let changed = state
        .db
        .run(move |conn| {
            let status = CommentStatus::parse(&action)
                .ok_or_else(|| AppError::BadRequest(format!("unknown action {action}")))?;
            Ok(queries::set_comment_status(conn, id, status)?)
        })
        .await?;
    if changed == 0 {
        return Err(AppError::NotFound);
    }
    session::flash(&session, FlashKind::Success, "comment-moderated");
    let back = CommentStatus::parse(&form.from).unwrap_or(CommentStatus::Pending);
    Ok(see_other(&format!(
        "/admin/comments?status={}",
        back.as_str()
    )))
}

/// Deleting is for good; rejecting or marking as spam only hides a comment.
async fn delete_question(
    state: web::Data<AppState>,
    ctx: PageCtx,
    _organizer: Organizer,
    path: web::Path<i64>,
) -> Result<HttpResponse, AppError> {
    let id = path.into_inner();
    let comment = state
        .db
        .run(move |conn| queries::comment_by_id(conn, id)?.ok_or(AppError::NotFound))
        .await?;
    let lang = ctx.lang;
    let back = format!("/admin/comments?status={}", comment.status.as_str());
    let question = Question {
        title: lang.t_args(
            "comment-delete-question",
            &[("name", comment.author_name.as_str().into())],
        ),
        consequence: lang.t("comment-delete-consequence"),
        action: format!("/admin/comments/{id}/delete"),
        button: lang.t("comment-action-delete"),
        back,
    };
    confirm::ask(&state, ctx, "comments", question).await
}

async fn delete(
    state: web::Data<AppState>,
    session: Session,
    _organizer: Organizer,
    path: web::Path<i64>,
    _csrf: CsrfForm<CsrfOnly>,
) -> Result<HttpResponse, AppError> {
    let id = path.into_inner();
    let work = move |conn: &mut crate::db::DbConn| Ok(queries::delete_comment(conn, id)?);
    act_on_row(
        &state,
        &session,
        work,
        "comment-moderated",
        "/admin/comments",
    )
    .await
}
