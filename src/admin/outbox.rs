//! The mail log: what went to whom and when, how it went, searchable by address; failed
//! mail can be sent again.

use actix_session::Session;
use actix_web::{HttpResponse, web};
use askama::Template;
use chrono::NaiveDateTime;
use serde::Deserialize;

use crate::AppState;
use crate::admin::Organizer;
use crate::admin::admin_ctx;
use crate::db::DbConn;
use crate::db::pagination::{Page, PageQuery};
use crate::error::AppError;
use crate::i18n::{FluentArg, Lang, format};
use crate::mail::log::{self, Filter, PAGE_SIZE};
use crate::mail::{self, OutboxStatus, worker};
use crate::web::forms::{CsrfForm, CsrfOnly};
use crate::web::{PageCtx, render};

pub fn routes(cfg: &mut web::ServiceConfig) {
    cfg.route("/outbox", web::get().to(overview))
        .route("/outbox/{id}/retry", web::post().to(retry));
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
struct LogQuery {
    q: String,
    status: String,
    page: Option<String>,
}

struct Row {
    id: i64,
    recipient: String,
    subject: String,
    status: OutboxStatus,
    /// "Queued on …", and "sent on …" once it went out.
    queued: String,
    sent: Option<String>,
    attempts: i32,
    error: String,
}

#[derive(Template)]
#[template(path = "admin/outbox.html")]
struct OutboxPage {
    ctx: PageCtx,
    counts: Vec<(OutboxStatus, i64)>,
    rows: Vec<Row>,
    total: i64,
    q: String,
    status: String,
    statuses: &'static [OutboxStatus],
    prev_href: Option<String>,
    next_href: Option<String>,
}

/// "Eingereiht am 4. Dezember 2026 um 20:30 Uhr".
fn at(lang: Lang, key: &str, utc: NaiveDateTime, tz: chrono_tz::Tz) -> String {
    lang.t_args(
        key,
        &[
            ("day", FluentArg::from(format::date(lang, utc, tz))),
            ("time", FluentArg::from(format::time(lang, utc, tz))),
        ],
    )
}

async fn overview(
    state: web::Data<AppState>,
    ctx: PageCtx,
    _o: Organizer,
    query: web::Query<LogQuery>,
) -> Result<HttpResponse, AppError> {
    let query = query.into_inner();
    let number = PageQuery {
        page: query.page.clone(),
    }
    .number()
    .ok_or(AppError::NotFound)?;
    let filter = Filter {
        address: query.q.clone(),
        status: OutboxStatus::parse(&query.status),
    };
    let (counts, total, entries, page) = state
        .db
        .run(move |conn| {
            let counts = mail::counts(conn)?;
            let total = log::count(conn, &filter)?;
            let page = Page::new(number, PAGE_SIZE, total).ok_or(AppError::NotFound)?;
            let entries = log::page(conn, &filter, page.offset(), PAGE_SIZE)?;
            Ok((counts, total, entries, page))
        })
        .await?;
    let (lang, tz) = (ctx.lang, state.config.timezone);
    let rows = entries
        .into_iter()
        .map(|e| Row {
            id: e.id,
            recipient: e.recipient,
            subject: e.subject,
            status: e.status,
            queued: at(lang, "outbox-queued-at", e.created_at, tz),
            sent: e.sent_at.map(|t| at(lang, "outbox-sent-at", t, tz)),
            attempts: e.attempts,
            error: e.last_error.unwrap_or_default(),
        })
        .collect();
    let href = |n: i64| {
        let params = serde_urlencoded::to_string([
            ("q", query.q.as_str()),
            ("status", query.status.as_str()),
            ("page", &n.to_string()),
        ])
        .unwrap_or_default();
        format!("/admin/outbox?{params}")
    };
    render(&OutboxPage {
        counts,
        rows,
        total,
        prev_href: page.prev().map(href),
        next_href: page.next().map(href),
        q: query.q.clone(),
        status: query.status.clone(),
        statuses: OutboxStatus::ALL,
        ctx: admin_ctx(&state, ctx, "outbox").await?,
    })
}

async fn retry(
    state: web::Data<AppState>,
    session: Session,
    _o: Organizer,
    path: web::Path<i64>,
    _csrf: CsrfForm<CsrfOnly>,
) -> Result<HttpResponse, AppError> {
    let id = path.into_inner();
    let work = move |conn: &mut DbConn| Ok(worker::retry(conn, id)?);
    super::act_on_row(&state, &session, work, "outbox-retried", "/admin/outbox").await
}
