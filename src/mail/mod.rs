//! Email through a transactional outbox: messages are rendered and stored in the
//! transaction that causes them, and `worker` sends them at least once, at most
//! once per dedupe key.

pub mod html;
pub mod links;
pub mod log;
pub mod suppression;
pub mod transport;
pub mod worker;

use askama::Template;
use chrono::NaiveDateTime;
use diesel::prelude::*;

use crate::db::DbConn;
use crate::db::schema::outbox;
use crate::i18n::Lang;

/// A call to action in an email: a button in HTML, a bare link in text.
#[derive(Debug, Clone)]
pub struct Action {
    pub label: String,
    pub url: String,
}

/// One email, composed of localized paragraphs.
#[derive(Debug, Clone)]
pub struct Email {
    pub lang: Lang,
    pub to: String,
    pub subject: String,
    pub greeting: String,
    pub paragraphs: Vec<String>,
    pub action: Option<Action>,
    /// Small print under the message; a line that is a URL alone (the personal manage
    /// link) is a link in the HTML part.
    pub footer: Vec<String>,
    pub ics: Option<String>,
    pub site_name: String,
    /// Text an organizer wrote in Markdown, after the paragraphs: as written in the text
    /// part, rendered and sanitized in the HTML part.
    pub markdown: Option<String>,
    /// Bulk mail only: the recipient's one-click unsubscribe URL (RFC 8058 headers).
    pub unsubscribe_url: Option<String>,
}

impl Email {
    fn markdown_html(&self) -> Option<String> {
        self.markdown.as_deref().map(|md| {
            html::for_mail(&crate::markdown::to_html(
                md,
                crate::markdown::Author::Organizer,
            ))
        })
    }

    fn is_link(&self, line: &str) -> bool {
        html::is_url(line)
    }

    fn link_style(&self) -> &'static str {
        html::LINK_STYLE
    }

    /// The HTML part, as the recipient will see it (previews).
    pub fn html(&self) -> Result<String, askama::Error> {
        HtmlBody { mail: self }.render()
    }
}

#[derive(Template)]
#[template(path = "mail/message.txt")]
struct TextBody<'a> {
    mail: &'a Email,
}

#[derive(Template)]
#[template(path = "mail/message.html")]
struct HtmlBody<'a> {
    mail: &'a Email,
}

/// Writes `mail` to the outbox unless a message with `dedupe_key` exists already.
/// Runs in a savepoint so a duplicate never aborts the caller's transaction.
pub fn enqueue(
    conn: &mut DbConn,
    dedupe_key: &str,
    mail: &Email,
    now: NaiveDateTime,
) -> QueryResult<bool> {
    enqueue_bulk(conn, dedupe_key, mail, None, now, now)
}

/// `enqueue` for a campaign's mail, due at `due` (campaigns spread their mail out).
pub fn enqueue_bulk(
    conn: &mut DbConn,
    dedupe_key: &str,
    mail: &Email,
    campaign_id: Option<i64>,
    due: NaiveDateTime,
    now: NaiveDateTime,
) -> QueryResult<bool> {
    // Erased people keep an address under the reserved .invalid domain: never mail it.
    if mail.to.ends_with("@invalid") || mail.to.ends_with(".invalid") {
        return Ok(false);
    }
    let text = TextBody { mail }
        .render()
        .map_err(|e| diesel::result::Error::QueryBuilderError(Box::new(e)))?;
    let html = HtmlBody { mail }
        .render()
        .map_err(|e| diesel::result::Error::QueryBuilderError(Box::new(e)))?;
    let inserted = conn.transaction(|conn| {
        diesel::insert_into(outbox::table)
            .values((
                outbox::dedupe_key.eq(dedupe_key),
                outbox::recipient.eq(&mail.to),
                outbox::subject.eq(&mail.subject),
                outbox::body_text.eq(&text),
                outbox::body_html.eq(&html),
                outbox::ics.eq(mail.ics.as_deref()),
                outbox::status.eq(OutboxStatus::Pending),
                outbox::next_attempt_at.eq(due),
                outbox::created_at.eq(now),
                outbox::campaign_id.eq(campaign_id),
                outbox::unsubscribe_url.eq(mail.unsubscribe_url.as_deref()),
            ))
            .execute(conn)
    });
    match inserted {
        Ok(_) => Ok(true),
        Err(e) if crate::db::is_unique_violation(&e) => Ok(false),
        Err(e) => Err(e),
    }
}

crate::db::text_enum! {
    /// Where a message is in its life.
    pub enum OutboxStatus: "outbox-state-" {
        Pending = "pending",
        Sending = "sending",
        Sent = "sent",
        Failed = "failed",
    }
}

/// Message counts by status, for `grillplatz outbox status`.
pub fn counts(conn: &mut DbConn) -> QueryResult<Vec<(OutboxStatus, i64)>> {
    OutboxStatus::ALL
        .iter()
        .copied()
        .map(|status| {
            outbox::table
                .filter(outbox::status.eq(status.as_str()))
                .count()
                .get_result(conn)
                .map(|n| (status, n))
        })
        .collect()
}

/// A message a worker has claimed, as the transport sends it.
#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = outbox)]
pub struct Claimed {
    pub id: i64,
    pub recipient: String,
    pub subject: String,
    pub body_text: String,
    pub body_html: String,
    pub ics: Option<String>,
    pub attempts: i32,
    pub claim_token: Option<String>,
    pub unsubscribe_url: Option<String>,
}

impl Claimed {
    /// Campaign mail, which unsubscribed addresses do not get.
    pub fn is_bulk(&self) -> bool {
        self.unsubscribe_url.is_some()
    }
}
