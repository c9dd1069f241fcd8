//! Privacy requests about one email address: everything stored about it (access, as
//! JSON) and its erasure. Erasure deletes what nothing else depends on and anonymizes
//! what must stay: an RSVP's places count for the grill, a topic's text for the board.

use chrono::{NaiveDateTime, SecondsFormat};
use diesel::prelude::*;
use serde_json::{Value, json};

use crate::db::schema::{
    comments, contact_tags, contacts, events, outbox, posts, rsvp_links, rsvps, topic_boards,
    topic_notes, topic_votes, topics,
};
use crate::db::{DbConn, write_transaction};
use crate::mail::suppression::{self, Reason};

diesel::define_sql_function!(fn lower(x: diesel::sql_types::Text) -> diesel::sql_types::Text);

/// The name that replaces an erased person's wherever their text stays.
pub const ERASED_NAME: &str = "—";

/// How many rows of each kind an erasure touches (or, before it, would touch).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, serde::Serialize)]
pub struct Erased {
    /// Contacts deleted (0 or 1), with their tags.
    pub contacts: usize,
    /// RSVPs anonymized; status, guests and diet stay.
    pub rsvps: usize,
    /// Topics whose proposer's name was replaced; the text stays.
    pub topics: usize,
    /// Note revisions whose author's name was replaced; the text stays.
    pub notes: usize,
    /// Approved comments anonymized; the text stays.
    pub comments: usize,
    /// Comments never published (pending, rejected, spam), deleted.
    pub comments_deleted: usize,
    /// Messages in the outbox to the address, deleted.
    pub emails: usize,
}

impl Erased {
    pub fn total(&self) -> usize {
        self.contacts
            + self.rsvps
            + self.topics
            + self.notes
            + self.comments
            + self.comments_deleted
            + self.emails
    }

    pub fn is_empty(&self) -> bool {
        self.total() == 0
    }
}

/// Trimmed and lower-cased, as `web::forms::Email::parse` stores addresses.
fn normalize(email: &str) -> String {
    email.trim().to_lowercase()
}

fn stamp(t: NaiveDateTime) -> Value {
    Value::String(t.and_utc().to_rfc3339_opts(SecondsFormat::Secs, true))
}

fn maybe_stamp(t: Option<NaiveDateTime>) -> Value {
    t.map_or(Value::Null, stamp)
}

fn rsvp_ids(conn: &mut DbConn, email: &str) -> QueryResult<Vec<i64>> {
    rsvps::table
        .filter(lower(rsvps::email).eq(email))
        .order(rsvps::id)
        .select(rsvps::id)
        .load(conn)
}

/// Everything stored about `email`, as one JSON document. Message bodies in the outbox
/// are left out: they are our texts, and the list says which ones went out.
pub fn export(conn: &mut DbConn, email: &str) -> QueryResult<Value> {
    let email = normalize(email);
    let contact = contact_json(conn, &email)?;
    let suppressed = suppression::reason_for(conn, &email)?.map(Reason::as_str);
    let ids = rsvp_ids(conn, &email)?;

    type RsvpRow = (
        crate::events::model::Rsvp,
        (String, String, String, NaiveDateTime),
    );
    let rsvp_rows: Vec<RsvpRow> = rsvps::table
        .inner_join(events::table)
        .filter(rsvps::id.eq_any(&ids))
        .order(rsvps::id)
        .select((
            crate::events::model::Rsvp::as_select(),
            (
                events::slug,
                events::title_de,
                events::title_en,
                events::starts_at,
            ),
        ))
        .load(conn)?;
    let rsvp_list: Vec<Value> = rsvp_rows
        .into_iter()
        .map(|(r, (slug, title_de, title_en, starts_at))| {
            json!({
                "event": {
                    "slug": slug,
                    "title_de": title_de,
                    "title_en": title_en,
                    "starts_at": stamp(starts_at),
                },
                "name": r.name,
                "email": r.email,
                "language": r.lang,
                "status": r.status.as_str(),
                "guests": r.guests,
                "diet": r.diet,
                "notes": r.notes,
                "consent_at": stamp(r.consent_at),
                "created_at": stamp(r.created_at),
                "confirmed_at": maybe_stamp(r.confirmed_at),
                "waitlisted_at": maybe_stamp(r.waitlisted_at),
                "cancelled_at": maybe_stamp(r.cancelled_at),
                "checked_in_at": maybe_stamp(r.checked_in_at),
            })
        })
        .collect();

    let topic_rows: Vec<(crate::topics::model::Topic, String)> = topics::table
        .inner_join(events::table)
        .filter(topics::rsvp_id.eq_any(&ids))
        .order(topics::id)
        .select((crate::topics::model::Topic::as_select(), events::slug))
        .load(conn)?;
    let topic_list: Vec<Value> = topic_rows
        .into_iter()
        .map(|(t, event)| {
            json!({
                "event": event,
                "proposer_name": t.proposer_name,
                "title": t.title,
                "description": t.description,
                "language": t.lang,
                "status": t.status,
                "created_at": stamp(t.created_at),
            })
        })
        .collect();

    let note_rows: Vec<(crate::topics::model::Note, String)> = topic_notes::table
        .inner_join(topics::table)
        .filter(topic_notes::rsvp_id.eq_any(&ids))
        .order(topic_notes::id)
        .select((crate::topics::model::Note::as_select(), topics::title))
        .load(conn)?;
    let note_list: Vec<Value> = note_rows
        .into_iter()
        .map(|(n, topic)| {
            json!({
                "topic": topic,
                "author_name": n.author_name,
                "body": n.body,
                "created_at": stamp(n.created_at),
            })
        })
        .collect();

    // Dots say which sessions someone wanted to attend: that is about them, too.
    let dot_rows: Vec<(String, NaiveDateTime)> = topic_votes::table
        .inner_join(topics::table)
        .filter(topic_votes::rsvp_id.eq_any(&ids))
        .order((topic_votes::created_at, topics::id))
        .select((topics::title, topic_votes::created_at))
        .load(conn)?;
    let dot_list: Vec<Value> = dot_rows
        .into_iter()
        .map(|(topic, at)| json!({ "topic": topic, "created_at": stamp(at) }))
        .collect();

    let comment_rows: Vec<(crate::blog::model::Comment, (String, String, String))> =
        comments::table
            .inner_join(posts::table)
            .filter(lower(comments::author_email).eq(&email))
            .order(comments::id)
            .select((
                crate::blog::model::Comment::as_select(),
                (posts::lang, posts::slug, posts::title),
            ))
            .load(conn)?;
    let comment_list: Vec<Value> = comment_rows
        .into_iter()
        .map(|(c, (lang, slug, title))| {
            json!({
                "post": { "language": lang, "slug": slug, "title": title },
                "name": c.author_name,
                "email": c.author_email,
                "body": c.body,
                "status": c.status.as_str(),
                "created_at": stamp(c.created_at),
            })
        })
        .collect();

    let mail_rows: Vec<(String, String, NaiveDateTime, Option<NaiveDateTime>)> = outbox::table
        .filter(lower(outbox::recipient).eq(&email))
        .order(outbox::id)
        .select((
            outbox::subject,
            outbox::status,
            outbox::created_at,
            outbox::sent_at,
        ))
        .load(conn)?;
    let mail_list: Vec<Value> = mail_rows
        .into_iter()
        .map(|(subject, status, created_at, sent_at)| {
            json!({
                "subject": subject,
                "status": status,
                "created_at": stamp(created_at),
                "sent_at": maybe_stamp(sent_at),
            })
        })
        .collect();

    Ok(json!({
        "email": email,
        "contact": contact,
        "suppressed": suppressed,
        "rsvps": rsvp_list,
        "topics": topic_list,
        "topic_notes": note_list,
        "topic_dots": dot_list,
        "comments": comment_list,
        "emails": mail_list,
    }))
}

fn contact_json(conn: &mut DbConn, email: &str) -> QueryResult<Value> {
    let Some(c) = contacts::table
        .filter(lower(contacts::email).eq(email))
        .select(crate::contacts::model::Contact::as_select())
        .first(conn)
        .optional()?
    else {
        return Ok(Value::Null);
    };
    let tags: Vec<String> = contact_tags::table
        .filter(contact_tags::contact_id.eq(c.id))
        .order(contact_tags::tag)
        .select(contact_tags::tag)
        .load(conn)?;
    Ok(json!({
        "email": c.email,
        "name": c.name,
        "language": c.lang,
        "organization": c.organization,
        "tags": tags,
        "preferences": {
            "invitations": c.invitations,
            "announcements": c.announcements,
        },
        "status": c.status,
        "source": c.source,
        "consent": {
            "at": maybe_stamp(c.consent_at),
            "source": c.consent_source,
            "text": c.consent_text,
        },
        "unsubscribed_at": maybe_stamp(c.unsubscribed_at),
        "bounced_at": maybe_stamp(c.bounced_at),
        "created_at": stamp(c.created_at),
        "updated_at": stamp(c.updated_at),
    }))
}

/// What `erase` would touch, without changing anything (for the confirmation page).
pub fn look_up(conn: &mut DbConn, email: &str) -> QueryResult<Erased> {
    let email = normalize(email);
    let ids = rsvp_ids(conn, &email)?;
    let count = |n: i64| usize::try_from(n).unwrap_or_default();
    let approved = crate::blog::model::CommentStatus::Approved.as_str();
    Ok(Erased {
        contacts: count(
            contacts::table
                .filter(lower(contacts::email).eq(&email))
                .count()
                .get_result(conn)?,
        ),
        rsvps: ids.len(),
        topics: count(
            topics::table
                .filter(topics::rsvp_id.eq_any(&ids))
                .count()
                .get_result(conn)?,
        ),
        notes: count(
            topic_notes::table
                .filter(topic_notes::rsvp_id.eq_any(&ids))
                .count()
                .get_result(conn)?,
        ),
        comments: count(
            comments::table
                .filter(lower(comments::author_email).eq(&email))
                .filter(comments::status.eq(approved))
                .count()
                .get_result(conn)?,
        ),
        comments_deleted: count(
            comments::table
                .filter(lower(comments::author_email).eq(&email))
                .filter(comments::status.ne(approved))
                .count()
                .get_result(conn)?,
        ),
        emails: count(
            outbox::table
                .filter(lower(outbox::recipient).eq(&email))
                .count()
                .get_result(conn)?,
        ),
    })
}

/// Erases `email` in one transaction and puts it on the suppression list (which keeps
/// only a hash), so a later import or campaign never writes to it again.
pub fn erase(conn: &mut DbConn, email: &str, now: NaiveDateTime) -> QueryResult<Erased> {
    let email = normalize(email);
    write_transaction(conn, |conn| {
        let mut erased = Erased::default();
        let ids = rsvp_ids(conn, &email)?;

        // Topics and notes keep their text for everyone else; only the name goes.
        let boards: Vec<i64> = topics::table
            .filter(topics::rsvp_id.eq_any(&ids))
            .select(topics::event_id)
            .distinct()
            .load(conn)?;
        erased.topics = diesel::update(topics::table.filter(topics::rsvp_id.eq_any(&ids)))
            .set(topics::proposer_name.eq(ERASED_NAME))
            .execute(conn)?;
        erased.notes = diesel::update(topic_notes::table.filter(topic_notes::rsvp_id.eq_any(&ids)))
            .set(topic_notes::author_name.eq(ERASED_NAME))
            .execute(conn)?;
        // Open live boards re-render when the version moves, so the name disappears there too.
        diesel::update(topic_boards::table.filter(topic_boards::event_id.eq_any(&boards)))
            .set(topic_boards::version.eq(topic_boards::version + 1))
            .execute(conn)?;

        // Status, guests and diet stay so the places and catering numbers stay right.
        // New link tokens make the old confirmation and manage links dead ends.
        diesel::delete(rsvp_links::table.filter(rsvp_links::rsvp_id.eq_any(&ids))).execute(conn)?;
        for id in &ids {
            erased.rsvps += diesel::update(rsvps::table.find(id))
                .set((
                    rsvps::name.eq(ERASED_NAME),
                    rsvps::email.eq(format!("erased-{id}@invalid")),
                    rsvps::notes.eq(""),
                    rsvps::manage_token_hash
                        .eq(crate::tokens::token_hash(&crate::tokens::random_token())),
                ))
                .execute(conn)?;
        }

        // Published comments keep their text in the discussion; unpublished ones go.
        let approved = crate::blog::model::CommentStatus::Approved.as_str();
        let kept: Vec<i64> = comments::table
            .filter(lower(comments::author_email).eq(&email))
            .filter(comments::status.eq(approved))
            .select(comments::id)
            .load(conn)?;
        for id in &kept {
            // A per-comment address, so no one inherits the trusted-commenter status.
            erased.comments += diesel::update(comments::table.find(id))
                .set((
                    comments::author_name.eq(ERASED_NAME),
                    comments::author_email.eq(format!("erased-comment-{id}@invalid")),
                ))
                .execute(conn)?;
        }
        erased.comments_deleted = diesel::delete(
            comments::table
                .filter(lower(comments::author_email).eq(&email))
                .filter(comments::status.ne(approved)),
        )
        .execute(conn)?;

        // Sent or not: nothing pending goes out, and no copy of a message stays.
        erased.emails = diesel::delete(outbox::table.filter(lower(outbox::recipient).eq(&email)))
            .execute(conn)?;

        let contact_ids: Vec<i64> = contacts::table
            .filter(lower(contacts::email).eq(&email))
            .select(contacts::id)
            .load(conn)?;
        // The foreign key cascades too; deleting explicitly does not depend on it.
        diesel::delete(contact_tags::table.filter(contact_tags::contact_id.eq_any(&contact_ids)))
            .execute(conn)?;
        erased.contacts = diesel::delete(contacts::table.filter(contacts::id.eq_any(&contact_ids)))
            .execute(conn)?;

        suppression::suppress(conn, &email, Reason::Unsubscribed, now)?;
        Ok(erased)
    })
}
