//! The organizer's first page: what needs doing now — the next event and who is coming,
//! registrations over the last two weeks, comments to moderate, mail that failed and the
//! campaign being sent — then the posts.

use actix_web::{HttpResponse, web};
use askama::Template;
use chrono::{Duration, NaiveDate};

use super::{Organizer, admin_ctx};
use crate::AppState;
use crate::clock::now;
use crate::contacts::campaigns;
use crate::contacts::model::CampaignStatus;
use crate::error::AppError;
use crate::events::model::RsvpStatus;
use crate::events::queries as events;
use crate::i18n::format;
use crate::mail::OutboxStatus;
use crate::web::{PageCtx, render};

pub fn routes(cfg: &mut web::ServiceConfig) {
    cfg.route("/", web::get().to(dashboard));
}

/// Days the registration chart covers, today included.
const CHART_DAYS: i64 = 14;

/// The next event and its head counts.
struct NextEvent {
    id: i64,
    title: String,
    when: String,
    confirmed: i64,
    capacity: i64,
    waiting: i64,
    unconfirmed: i64,
    has_board: bool,
}

/// One bar of the registration chart, placed in the SVG's units (a 64-high plot area).
struct Bar {
    label: String,
    count: i64,
    x: i64,
    y: i64,
    height: i64,
}

struct RunningCampaign {
    id: i64,
    subject: String,
    sent: i64,
    total: i64,
    percent: i64,
}

#[derive(Template)]
#[template(path = "admin/dashboard.html")]
struct DashboardPage {
    ctx: PageCtx,
    next: Option<NextEvent>,
    bars: Vec<Bar>,
    registrations: i64,
    failed_mails: i64,
    campaign: Option<RunningCampaign>,
    published: i64,
    scheduled: i64,
    drafts: i64,
}

/// Heights are scaled to the busiest day; a day with one registration still shows.
fn bars(days: &[(NaiveDate, i64)], lang: crate::i18n::Lang) -> Vec<Bar> {
    let max = days.iter().map(|(_, n)| *n).max().unwrap_or(0).max(1);
    days.iter()
        .enumerate()
        .map(|(i, (day, count))| Bar {
            label: match lang {
                crate::i18n::Lang::De => day.format("%d.%m.").to_string(),
                crate::i18n::Lang::En => day.format("%b %d").to_string(),
            },
            count: *count,
            x: i as i64 * 20 + 3,
            y: 64 - bar_height(*count, max),
            height: bar_height(*count, max),
        })
        .collect()
}

fn bar_height(count: i64, max: i64) -> i64 {
    if count == 0 {
        0
    } else {
        (count * 60 / max).max(3)
    }
}

async fn dashboard(
    state: web::Data<AppState>,
    ctx: PageCtx,
    _organizer: Organizer,
) -> Result<HttpResponse, AppError> {
    let (lang, tz, now) = (ctx.lang, state.config.timezone, now());
    let (posts, next, created, failed_mails, campaign) = state
        .db
        .run(move |conn| {
            let posts = crate::blog::queries::all_posts(conn)?;
            let next = match events::upcoming(conn, now)?
                .into_iter()
                .find(|e| !e.is_cancelled())
            {
                Some(event) => {
                    let rsvps = events::attendees(conn, event.id)?;
                    let count = |status| rsvps.iter().filter(|r| r.status == status).count() as i64;
                    Some(NextEvent {
                        id: event.id,
                        title: event.title(lang).to_string(),
                        when: event.when(lang, tz),
                        confirmed: events::places_taken(conn, event.id)?,
                        capacity: i64::from(event.capacity),
                        waiting: count(RsvpStatus::Waitlisted),
                        unconfirmed: count(RsvpStatus::Pending),
                        has_board: event.has_topic_board(),
                    })
                }
                None => None,
            };
            let created = events::registered_since(conn, now - Duration::days(CHART_DAYS))?;
            let failed_mails = crate::mail::counts(conn)?
                .into_iter()
                .find(|(status, _)| *status == OutboxStatus::Failed)
                .map_or(0, |(_, n)| n);
            let mut campaign = None;
            for c in campaigns::all(conn)?
                .into_iter()
                .filter(|c| c.status == CampaignStatus::Queued)
            {
                let progress = campaigns::progress(conn, c.id)?;
                if progress.pending > 0 {
                    campaign = Some(RunningCampaign {
                        id: c.id,
                        subject: c.subject(lang).to_string(),
                        sent: progress.sent,
                        total: progress.total(),
                        percent: progress.percent(),
                    });
                    break;
                }
            }
            Ok((posts, next, created, failed_mails, campaign))
        })
        .await?;
    let today = format::local(now, tz).date_naive();
    let days: Vec<(NaiveDate, i64)> = (0..CHART_DAYS)
        .rev()
        .map(|back| today - Duration::days(back))
        .map(|day| {
            let n = created
                .iter()
                .filter(|at| format::local(**at, tz).date_naive() == day)
                .count() as i64;
            (day, n)
        })
        .collect();
    let count = |wanted| {
        posts
            .iter()
            .filter(|p| p.state(now).key() == wanted)
            .count() as i64
    };
    let page = DashboardPage {
        registrations: days.iter().map(|(_, n)| n).sum(),
        bars: bars(&days, lang),
        next,
        failed_mails,
        campaign,
        published: count("published"),
        scheduled: count("scheduled"),
        drafts: count("draft"),
        ctx: admin_ctx(&state, ctx, "dashboard").await?,
    };
    render(&page)
}
