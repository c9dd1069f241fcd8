//! Campaigns: who receives one, queueing its mail through the outbox at a steady rate,
//! and how it went.

use std::collections::HashSet;

use chrono::{Duration, NaiveDateTime};
use diesel::prelude::*;

use super::emails::{self, Subject};
use super::model::{Campaign, CampaignKind, CampaignStatus, Contact, ContactStatus};
use crate::blog::model::{Post, PostStatus};
use crate::db::schema::{campaigns, contact_tags, contacts, outbox, rsvps, suppressions};
use crate::db::{DbConn, write_transaction};
use crate::events::model::{Event, RsvpStatus};
use crate::i18n::Lang;
use crate::mail::links::MailContext;
use crate::mail::{self, Email, OutboxStatus, suppression};

/// The editable part of a campaign.
#[derive(Debug, Clone)]
pub struct CampaignInput {
    pub subject_de: String,
    pub subject_en: String,
    pub body_de: String,
    pub body_en: String,
    pub tags: Vec<String>,
    pub langs: Vec<Lang>,
}

pub fn by_id(conn: &mut DbConn, id: i64) -> QueryResult<Option<Campaign>> {
    campaigns::table
        .find(id)
        .select(Campaign::as_select())
        .first(conn)
        .optional()
}

pub fn all(conn: &mut DbConn) -> QueryResult<Vec<Campaign>> {
    campaigns::table
        .order(campaigns::id.desc())
        .select(Campaign::as_select())
        .load(conn)
}

/// The announcement campaign of a post, if its author asked for one.
/// Whether a post has an announcement that is not cancelled.
pub fn is_announced(conn: &mut DbConn, post_id: i64) -> QueryResult<bool> {
    Ok(of_post(conn, post_id)?.is_some_and(|c| c.status != CampaignStatus::Cancelled))
}

pub fn of_post(conn: &mut DbConn, post_id: i64) -> QueryResult<Option<Campaign>> {
    campaigns::table
        .filter(campaigns::post_id.eq(post_id))
        .filter(campaigns::kind.eq(CampaignKind::Announcement))
        .select(Campaign::as_select())
        .first(conn)
        .optional()
}

fn joined(list: &[String]) -> String {
    list.join(",")
}

fn lang_codes(langs: &[Lang]) -> String {
    langs.iter().map(|l| l.code()).collect::<Vec<_>>().join(",")
}

/// Creates a draft invitation (`event_id`) or announcement (`post_id`).
pub fn create(
    conn: &mut DbConn,
    kind: CampaignKind,
    event_id: Option<i64>,
    post_id: Option<i64>,
    input: &CampaignInput,
    organizer: Option<i64>,
    now: NaiveDateTime,
) -> QueryResult<i64> {
    diesel::insert_into(campaigns::table)
        .values((
            campaigns::kind.eq(kind.as_str()),
            campaigns::event_id.eq(event_id),
            campaigns::post_id.eq(post_id),
            campaigns::subject_de.eq(&input.subject_de),
            campaigns::subject_en.eq(&input.subject_en),
            campaigns::body_de.eq(&input.body_de),
            campaigns::body_en.eq(&input.body_en),
            campaigns::tags.eq(joined(&input.tags)),
            campaigns::langs.eq(lang_codes(&input.langs)),
            campaigns::status.eq(CampaignStatus::Draft),
            campaigns::created_by.eq(organizer),
            campaigns::created_at.eq(now),
            campaigns::updated_at.eq(now),
        ))
        .returning(campaigns::id)
        .get_result(conn)
}

/// Changes a campaign that has not gone out; false once it has (it stays as it was sent).
pub fn update(
    conn: &mut DbConn,
    id: i64,
    input: &CampaignInput,
    now: NaiveDateTime,
) -> QueryResult<bool> {
    let changed = diesel::update(
        campaigns::table
            .find(id)
            .filter(campaigns::status.eq_any([CampaignStatus::Draft, CampaignStatus::Scheduled])),
    )
    .set((
        campaigns::subject_de.eq(&input.subject_de),
        campaigns::subject_en.eq(&input.subject_en),
        campaigns::body_de.eq(&input.body_de),
        campaigns::body_en.eq(&input.body_en),
        campaigns::tags.eq(joined(&input.tags)),
        campaigns::langs.eq(lang_codes(&input.langs)),
        campaigns::updated_at.eq(now),
    ))
    .execute(conn)?;
    Ok(changed == 1)
}

/// Contacts a campaign goes to: active, wanting this kind of mail, in one of its
/// languages, carrying one of its tags (or any, when it names none), not suppressed.
pub fn recipients(
    conn: &mut DbConn,
    kind: CampaignKind,
    tags: &[String],
    langs: &[Lang],
) -> QueryResult<Vec<Contact>> {
    let codes: Vec<&str> = langs.iter().map(|l| l.code()).collect();
    let mut query = contacts::table
        .filter(contacts::status.eq(ContactStatus::Active))
        .filter(contacts::lang.eq_any(codes))
        .into_boxed();
    query = match kind {
        CampaignKind::Invitation => query.filter(contacts::invitations.eq(true)),
        CampaignKind::Announcement => query.filter(contacts::announcements.eq(true)),
    };
    if !tags.is_empty() {
        query = query.filter(
            contacts::id.eq_any(
                contact_tags::table
                    .filter(contact_tags::tag.eq_any(tags.to_vec()))
                    .select(contact_tags::contact_id),
            ),
        );
    }
    let candidates: Vec<Contact> = query
        .order(contacts::id)
        .select(Contact::as_select())
        .load(conn)?;
    // The suppression list is checked again when each mail is sent; this keeps the
    // count honest and the outbox free of mail that would be refused anyway.
    let suppressed: HashSet<String> = suppressions::table
        .select(suppressions::email_hash)
        .load::<String>(conn)?
        .into_iter()
        .collect();
    Ok(candidates
        .into_iter()
        .filter(|c| !suppressed.contains(&suppression::email_hash(&c.email)))
        .collect())
}

/// Why a campaign was not queued.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NotQueued {
    /// Someone queued it already (two organizers pressed "send" at once).
    AlreadyQueued,
    /// Its event or post is gone.
    NothingToAnnounce,
}

fn about(
    conn: &mut DbConn,
    campaign: &Campaign,
) -> QueryResult<Option<(Option<Event>, Option<Post>)>> {
    let event = match campaign.event_id {
        Some(id) => crate::events::queries::by_id(conn, id)?,
        None => None,
    };
    let post = match campaign.post_id {
        Some(id) => crate::blog::queries::post_by_id(conn, id)?,
        None => None,
    };
    Ok((event.is_some() || post.is_some()).then_some((event, post)))
}

/// One recipient's mail (also the preview and the test mail).
pub fn render(
    ctx: &MailContext,
    campaign: &Campaign,
    event: Option<&Event>,
    post: Option<&Post>,
    contact: &Contact,
    lang: Lang,
) -> Option<Email> {
    let subject = match (event, post) {
        (Some(e), _) => Subject::Event(e),
        (None, Some(p)) => Subject::Post(p),
        (None, None) => return None,
    };
    Some(emails::campaign(ctx, campaign, &subject, contact, lang))
}

/// Queues every recipient's mail in one transaction, spaced `60 s / rate` apart after
/// the bulk mail already waiting, so all campaigns together keep to the rate. The
/// outbox then sends them, surviving restarts and SMTP outages; the dedupe key
/// (campaign, contact) makes sure nobody gets the same campaign twice.
pub fn queue(
    conn: &mut DbConn,
    id: i64,
    ctx: &MailContext,
    rate_per_minute: u32,
    now: NaiveDateTime,
) -> QueryResult<Result<usize, NotQueued>> {
    write_transaction(conn, |conn| {
        // The status change is the lock: only one caller gets past it.
        let claimed =
            diesel::update(campaigns::table.find(id).filter(
                campaigns::status.eq_any([CampaignStatus::Draft, CampaignStatus::Scheduled]),
            ))
            .set((
                campaigns::status.eq(CampaignStatus::Queued),
                campaigns::queued_at.eq(now),
                campaigns::updated_at.eq(now),
            ))
            .execute(conn)?;
        if claimed == 0 {
            return Ok(Err(NotQueued::AlreadyQueued));
        }
        let Some(campaign) = by_id(conn, id)? else {
            return Ok(Err(NotQueued::AlreadyQueued));
        };
        let Some((event, post)) = about(conn, &campaign)? else {
            return Ok(Err(NotQueued::NothingToAnnounce));
        };
        let kind = if campaign.kind == CampaignKind::Announcement {
            CampaignKind::Announcement
        } else {
            CampaignKind::Invitation
        };
        let people = recipients(conn, kind, &campaign.tag_list(), &campaign.lang_list())?;
        let last_due: Option<NaiveDateTime> = outbox::table
            .filter(outbox::campaign_id.is_not_null())
            .filter(outbox::status.eq(OutboxStatus::Pending))
            .select(diesel::dsl::max(outbox::next_attempt_at))
            .first(conn)?;
        let start = last_due.map_or(now, |t| t.max(now));
        let gap_ms = 60_000.0 / f64::from(rate_per_minute.max(1));
        let mut queued = 0;
        for (i, contact) in people.iter().enumerate() {
            let Some(email) = render(
                ctx,
                &campaign,
                event.as_ref(),
                post.as_ref(),
                contact,
                contact.lang,
            ) else {
                continue;
            };
            let due = start + Duration::milliseconds((gap_ms * i as f64) as i64);
            if mail::enqueue_bulk(
                conn,
                &format!("campaign:{id}:{}", contact.id),
                &email,
                Some(id),
                due,
                now,
            )? {
                queued += 1;
            }
        }
        diesel::update(campaigns::table.find(id))
            .set(campaigns::recipients.eq(queued as i32))
            .execute(conn)?;
        Ok(Ok(queued))
    })
}

/// Queues the announcements whose time has come (their post is published by now);
/// one whose post was unpublished in the meantime is cancelled instead.
pub fn queue_due(
    conn: &mut DbConn,
    ctx: &MailContext,
    rate_per_minute: u32,
    now: NaiveDateTime,
) -> QueryResult<usize> {
    let due: Vec<Campaign> = campaigns::table
        .filter(campaigns::status.eq(CampaignStatus::Scheduled))
        .filter(campaigns::send_at.le(now))
        .select(Campaign::as_select())
        .load(conn)?;
    let mut queued = 0;
    for campaign in due {
        let published = match campaign.post_id {
            Some(id) => crate::blog::queries::post_by_id(conn, id)?
                .is_some_and(|p| p.state(now).key() == "published"),
            None => true,
        };
        if !published {
            diesel::update(campaigns::table.find(campaign.id))
                .set(campaigns::status.eq(CampaignStatus::Cancelled))
                .execute(conn)?;
            continue;
        }
        if let Ok(n) = queue(conn, campaign.id, ctx, rate_per_minute, now)? {
            queued += n;
        }
    }
    Ok(queued)
}

/// Asks for (or withdraws) the announcement of a post when it is published.
pub fn set_announcement(
    conn: &mut DbConn,
    post: &Post,
    announce: bool,
    organizer: i64,
    now: NaiveDateTime,
) -> QueryResult<()> {
    let existing = of_post(conn, post.id)?;
    let pending = existing.as_ref().is_some_and(|c| {
        c.status == CampaignStatus::Scheduled || c.status == CampaignStatus::Draft
    });
    // Only a published (or scheduled) post has a time to be announced at.
    let send_at = (post.status == PostStatus::Published).then(|| post.published_at.unwrap_or(now));
    let status = match send_at {
        Some(_) => CampaignStatus::Scheduled,
        None => CampaignStatus::Draft,
    };
    match (announce, existing) {
        (true, None) => {
            let lang = post.lang;
            let input = CampaignInput {
                subject_de: post.title.clone(),
                subject_en: post.title.clone(),
                body_de: if lang == Lang::De {
                    post.excerpt.clone()
                } else {
                    String::new()
                },
                body_en: if lang == Lang::En {
                    post.excerpt.clone()
                } else {
                    String::new()
                },
                tags: Vec::new(),
                langs: vec![lang],
            };
            let id = create(
                conn,
                CampaignKind::Announcement,
                None,
                Some(post.id),
                &input,
                Some(organizer),
                now,
            )?;
            diesel::update(campaigns::table.find(id))
                .set((
                    campaigns::status.eq(status.as_str()),
                    campaigns::send_at.eq(send_at),
                ))
                .execute(conn)?;
        }
        (true, Some(c)) if pending || c.status == CampaignStatus::Cancelled => {
            diesel::update(campaigns::table.find(c.id))
                .set((
                    campaigns::status.eq(status.as_str()),
                    campaigns::send_at.eq(send_at),
                    campaigns::subject_de.eq(&post.title),
                    campaigns::subject_en.eq(&post.title),
                ))
                .execute(conn)?;
        }
        (false, Some(c)) if pending => {
            diesel::update(campaigns::table.find(c.id))
                .set(campaigns::status.eq(CampaignStatus::Cancelled))
                .execute(conn)?;
        }
        // Already sent, or nothing asked for: nothing to change.
        _ => {}
    }
    Ok(())
}

/// Mail of a campaign by outbox status.
#[derive(Debug, Clone, Copy, Default)]
pub struct Progress {
    pub pending: i64,
    pub sent: i64,
    pub failed: i64,
}

impl Progress {
    pub fn total(&self) -> i64 {
        self.pending + self.sent + self.failed
    }

    /// Done, in percent of all queued mail.
    pub fn percent(&self) -> i64 {
        match self.total() {
            0 => 0,
            total => (self.sent + self.failed) * 100 / total,
        }
    }
}

pub fn progress(conn: &mut DbConn, id: i64) -> QueryResult<Progress> {
    let statuses: Vec<String> = outbox::table
        .filter(outbox::campaign_id.eq(id))
        .select(outbox::status)
        .load(conn)?;
    let mut p = Progress::default();
    for s in statuses {
        match s.as_str() {
            "sent" => p.sent += 1,
            "failed" => p.failed += 1,
            _ => p.pending += 1,
        }
    }
    Ok(p)
}

/// How many invitees registered for the campaign's event (and did not cancel).
pub fn registered(conn: &mut DbConn, campaign: &Campaign) -> QueryResult<i64> {
    let Some(event_id) = campaign.event_id else {
        return Ok(0);
    };
    rsvps::table
        .filter(rsvps::event_id.eq(event_id))
        .filter(rsvps::status.ne(RsvpStatus::Cancelled))
        .filter(
            rsvps::email.eq_any(
                outbox::table
                    .filter(outbox::campaign_id.eq(campaign.id))
                    .select(outbox::recipient),
            ),
        )
        .count()
        .get_result(conn)
}
