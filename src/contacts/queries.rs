//! Reads and writes of contacts: the list, tags, the newsletter's double opt-in,
//! unsubscribing and bounces.

use std::collections::BTreeMap;

use chrono::{Duration, NaiveDateTime};
use diesel::prelude::*;

use super::model::{Contact, ContactStatus};
use crate::db::schema::{contact_tags, contacts};
use crate::db::{DbConn, is_unique_violation, write_transaction};
use crate::events::model::Invitee;
use crate::i18n::Lang;
use crate::mail::suppression::{self, Reason};

diesel::define_sql_function!(fn lower(x: diesel::sql_types::Text) -> diesel::sql_types::Text);

pub const PAGE_SIZE: i64 = 50;
pub const TAG_MAX: usize = 40;

/// Tags as typed ("Kunde, halle ,kunde") → ["halle", "kunde"]: lower case, unique, sorted.
pub fn normalize_tags(raw: &str) -> Vec<String> {
    let mut tags: Vec<String> = raw
        .split([',', ';'])
        .map(|t| t.trim().to_lowercase())
        .filter(|t| !t.is_empty())
        .map(|t| t.chars().take(TAG_MAX).collect())
        .collect();
    tags.sort();
    tags.dedup();
    tags
}

/// What an organizer sets on a contact, validated.
#[derive(Debug, Clone)]
pub struct ContactInput {
    pub email: String,
    pub name: String,
    pub lang: Lang,
    pub organization: String,
    pub tags: Vec<String>,
    pub invitations: bool,
    pub announcements: bool,
}

/// Filters of the contact list.
#[derive(Debug, Clone, Default)]
pub struct Filter {
    pub search: String,
    pub tag: Option<String>,
    pub status: Option<ContactStatus>,
}

fn filtered<'a>(
    filter: &'a Filter,
) -> contacts::BoxedQuery<'a, <DbConn as diesel::Connection>::Backend> {
    let mut query = contacts::table.into_boxed();
    let needle = filter.search.trim().to_lowercase();
    if !needle.is_empty() {
        let pattern = format!("%{}%", needle.replace(['%', '_'], ""));
        query = query.filter(
            contacts::email
                .like(pattern.clone())
                .or(lower(contacts::name).like(pattern.clone()))
                .or(lower(contacts::organization).like(pattern)),
        );
    }
    if let Some(tag) = &filter.tag {
        query = query.filter(
            contacts::id.eq_any(
                contact_tags::table
                    .filter(contact_tags::tag.eq(tag.clone()))
                    .select(contact_tags::contact_id),
            ),
        );
    }
    if let Some(status) = filter.status {
        query = query.filter(contacts::status.eq(status.as_str()));
    }
    query
}

pub fn count(conn: &mut DbConn, filter: &Filter) -> QueryResult<i64> {
    filtered(filter).count().get_result(conn)
}

/// One page of contacts, by email.
pub fn list(
    conn: &mut DbConn,
    filter: &Filter,
    offset: i64,
    limit: i64,
) -> QueryResult<Vec<Contact>> {
    filtered(filter)
        .order(contacts::email)
        .offset(offset)
        .limit(limit)
        .select(Contact::as_select())
        .load(conn)
}

/// Tags of the given contacts.
pub fn tags_of(conn: &mut DbConn, ids: &[i64]) -> QueryResult<BTreeMap<i64, Vec<String>>> {
    let rows: Vec<(i64, String)> = contact_tags::table
        .filter(contact_tags::contact_id.eq_any(ids))
        .order((contact_tags::contact_id, contact_tags::tag))
        .select((contact_tags::contact_id, contact_tags::tag))
        .load(conn)?;
    let mut tags: BTreeMap<i64, Vec<String>> = BTreeMap::new();
    for (id, tag) in rows {
        tags.entry(id).or_default().push(tag);
    }
    Ok(tags)
}

/// Every tag in use, with how many contacts carry it.
pub fn all_tags(conn: &mut DbConn) -> QueryResult<Vec<(String, i64)>> {
    let tags: Vec<String> = contact_tags::table
        .order(contact_tags::tag)
        .select(contact_tags::tag)
        .load(conn)?;
    let mut counted: Vec<(String, i64)> = Vec::new();
    for tag in tags {
        match counted.last_mut() {
            Some((last, n)) if *last == tag => *n += 1,
            _ => counted.push((tag, 1)),
        }
    }
    Ok(counted)
}

/// The contact an invitation went to, as the event's RSVP form wants it; for a test
/// mail's link, the organizer it went to.
pub fn invitee(conn: &mut DbConn, id: i64) -> QueryResult<Option<Invitee>> {
    if let Some(organizer) = super::model::stand_in_organizer(id) {
        return Ok(crate::organizers::by_id(conn, organizer)?.map(|o| Invitee {
            name: o.name,
            email: o.email,
            lang: o.lang,
        }));
    }
    Ok(by_id(conn, id)?.map(|c| Invitee {
        name: c.name,
        email: c.email,
        lang: c.lang,
    }))
}

pub fn by_id(conn: &mut DbConn, id: i64) -> QueryResult<Option<Contact>> {
    contacts::table
        .find(id)
        .select(Contact::as_select())
        .first(conn)
        .optional()
}

pub fn by_email(conn: &mut DbConn, email: &str) -> QueryResult<Option<Contact>> {
    contacts::table
        .filter(contacts::email.eq(email))
        .select(Contact::as_select())
        .first(conn)
        .optional()
}

fn set_tags(conn: &mut DbConn, id: i64, tags: &[String]) -> QueryResult<()> {
    diesel::delete(contact_tags::table.filter(contact_tags::contact_id.eq(id))).execute(conn)?;
    for tag in tags {
        diesel::insert_into(contact_tags::table)
            .values((contact_tags::contact_id.eq(id), contact_tags::tag.eq(tag)))
            .execute(conn)?;
    }
    Ok(())
}

/// The address belongs to another contact already.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DuplicateEmail;

/// Creates (`id` = None) or updates a contact an organizer typed in. A new contact whose
/// address unsubscribed before stays unsubscribed: adding it again is not consent.
pub fn save(
    conn: &mut DbConn,
    id: Option<i64>,
    input: &ContactInput,
    source: &str,
    now: NaiveDateTime,
) -> QueryResult<Result<i64, DuplicateEmail>> {
    write_transaction(conn, |conn| {
        let written = conn.transaction(|conn| match id {
            None => {
                let status = match suppression::reason_for(conn, &input.email)? {
                    Some(Reason::Unsubscribed) => ContactStatus::Unsubscribed,
                    Some(Reason::Bounced) => ContactStatus::Bouncing,
                    None => ContactStatus::Active,
                };
                diesel::insert_into(contacts::table)
                    .values((
                        contacts::email.eq(&input.email),
                        contacts::name.eq(&input.name),
                        contacts::lang.eq(input.lang),
                        contacts::organization.eq(&input.organization),
                        contacts::invitations.eq(input.invitations),
                        contacts::announcements.eq(input.announcements),
                        contacts::status.eq(status.as_str()),
                        contacts::source.eq(source),
                        contacts::created_at.eq(now),
                        contacts::updated_at.eq(now),
                    ))
                    .returning(contacts::id)
                    .get_result::<i64>(conn)
            }
            Some(id) => diesel::update(contacts::table.find(id))
                .set((
                    contacts::email.eq(&input.email),
                    contacts::name.eq(&input.name),
                    contacts::lang.eq(input.lang),
                    contacts::organization.eq(&input.organization),
                    contacts::invitations.eq(input.invitations),
                    contacts::announcements.eq(input.announcements),
                    contacts::updated_at.eq(now),
                ))
                .returning(contacts::id)
                .get_result::<i64>(conn),
        });
        let id = match written {
            Ok(id) => id,
            Err(e) if is_unique_violation(&e) => return Ok(Err(DuplicateEmail)),
            Err(e) => return Err(e),
        };
        set_tags(conn, id, &input.tags)?;
        Ok(Ok(id))
    })
}

pub fn delete(conn: &mut DbConn, id: i64) -> QueryResult<bool> {
    Ok(diesel::delete(contacts::table.find(id)).execute(conn)? == 1)
}

/// Unsubscribes from everything and puts the address on the suppression list.
pub fn unsubscribe(conn: &mut DbConn, id: i64, now: NaiveDateTime) -> QueryResult<Option<Contact>> {
    write_transaction(conn, |conn| {
        let Some(contact) = by_id(conn, id)? else {
            return Ok(None);
        };
        suppression::suppress(conn, &contact.email, Reason::Unsubscribed, now)?;
        let status = if contact.status == ContactStatus::Bouncing {
            ContactStatus::Bouncing
        } else {
            ContactStatus::Unsubscribed
        };
        diesel::update(contacts::table.find(id))
            .set((
                contacts::status.eq(status.as_str()),
                contacts::invitations.eq(false),
                contacts::announcements.eq(false),
                contacts::unsubscribed_at.eq(contact.unsubscribed_at.unwrap_or(now)),
                contacts::updated_at.eq(now),
            ))
            .execute(conn)?;
        by_id(conn, id)
    })
}

/// The preferences page: language and what to receive. Choosing nothing unsubscribes;
/// choosing something again (with the personal link, so from the owner's mailbox)
/// takes the address off the list.
pub fn set_preferences(
    conn: &mut DbConn,
    id: i64,
    lang: Lang,
    invitations: bool,
    announcements: bool,
    now: NaiveDateTime,
) -> QueryResult<Option<Contact>> {
    if !invitations && !announcements {
        diesel::update(contacts::table.find(id))
            .set(contacts::lang.eq(lang))
            .execute(conn)?;
        return unsubscribe(conn, id, now);
    }
    write_transaction(conn, |conn| {
        let Some(contact) = by_id(conn, id)? else {
            return Ok(None);
        };
        let status = if contact.status == ContactStatus::Bouncing {
            ContactStatus::Bouncing
        } else {
            suppression::lift_unsubscription(conn, &contact.email)?;
            ContactStatus::Active
        };
        diesel::update(contacts::table.find(id))
            .set((
                contacts::lang.eq(lang),
                contacts::invitations.eq(invitations),
                contacts::announcements.eq(announcements),
                contacts::status.eq(status.as_str()),
                contacts::unsubscribed_at.eq(None::<NaiveDateTime>),
                contacts::updated_at.eq(now),
            ))
            .execute(conn)?;
        by_id(conn, id)
    })
}

/// A permanent delivery failure: the contact (if there is one) is marked bouncing.
pub fn mark_bouncing(conn: &mut DbConn, email: &str, now: NaiveDateTime) -> QueryResult<()> {
    diesel::update(contacts::table.filter(contacts::email.eq(email.trim().to_lowercase())))
        .set((
            contacts::status.eq(ContactStatus::Bouncing),
            contacts::bounced_at.eq(now),
            contacts::updated_at.eq(now),
        ))
        .execute(conn)?;
    Ok(())
}

/// An organizer takes a contact off the suppression list (a bounce that was a mistake).
pub fn reactivate(conn: &mut DbConn, id: i64, now: NaiveDateTime) -> QueryResult<bool> {
    write_transaction(conn, |conn| {
        let Some(contact) = by_id(conn, id)? else {
            return Ok(false);
        };
        if contact.status != ContactStatus::Bouncing {
            return Ok(false);
        }
        suppression::clear(conn, &contact.email)?;
        diesel::update(contacts::table.find(id))
            .set((
                contacts::status.eq(ContactStatus::Active),
                contacts::bounced_at.eq(None::<NaiveDateTime>),
                contacts::updated_at.eq(now),
            ))
            .execute(conn)?;
        Ok(true)
    })
}

/// A newsletter sign-up as validated from the public form.
#[derive(Debug, Clone)]
pub struct SignUp {
    pub email: String,
    pub name: String,
    pub lang: Lang,
    pub invitations: bool,
    pub announcements: bool,
    /// Where the form was and the consent text the person saw, stored with the consent.
    pub source: String,
    pub consent_text: String,
}

/// How long a newsletter confirmation link works.
pub const CONFIRM_VALID: Duration = Duration::hours(48);

/// Records a sign-up waiting for its confirmation and returns the contact id; an existing
/// contact keeps everything until the link is used.
pub fn sign_up(
    conn: &mut DbConn,
    input: &SignUp,
    token_hash: &str,
    now: NaiveDateTime,
) -> QueryResult<i64> {
    write_transaction(conn, |conn| {
        let prefs = format!(
            "{}{}|{}|{}",
            if input.invitations { "i" } else { "" },
            if input.announcements { "a" } else { "" },
            input.source,
            input.consent_text
        );
        let id = match by_email(conn, &input.email)? {
            Some(existing) => existing.id,
            None => diesel::insert_into(contacts::table)
                .values((
                    contacts::email.eq(&input.email),
                    contacts::name.eq(&input.name),
                    contacts::lang.eq(input.lang),
                    contacts::invitations.eq(false),
                    contacts::announcements.eq(false),
                    contacts::status.eq(ContactStatus::Pending),
                    contacts::source.eq("newsletter"),
                    contacts::created_at.eq(now),
                    contacts::updated_at.eq(now),
                ))
                .returning(contacts::id)
                .get_result(conn)?,
        };
        diesel::update(contacts::table.find(id))
            .set((
                contacts::confirm_token_hash.eq(token_hash),
                contacts::confirm_expires_at.eq(now + CONFIRM_VALID),
                contacts::confirm_prefs.eq(prefs),
            ))
            .execute(conn)?;
        Ok(id)
    })
}

/// What a confirmation link led to.
#[derive(Debug, Clone)]
pub enum SignUpConfirmation {
    /// The contact's id.
    Confirmed(i64),
    Expired,
    Unknown,
}

/// Confirms a sign-up: the consent (when, where, which text) is stored, the preferences
/// apply, and an earlier unsubscription is lifted because this is a fresh opt-in.
pub fn confirm_sign_up(
    conn: &mut DbConn,
    token_hash: &str,
    now: NaiveDateTime,
) -> QueryResult<SignUpConfirmation> {
    write_transaction(conn, |conn| {
        let Some(contact) = contacts::table
            .filter(contacts::confirm_token_hash.eq(token_hash))
            .select(Contact::as_select())
            .first(conn)
            .optional()?
        else {
            return Ok(SignUpConfirmation::Unknown);
        };
        if contact.confirm_expires_at.is_none_or(|t| t <= now) {
            return Ok(SignUpConfirmation::Expired);
        }
        let prefs = contact.confirm_prefs.clone().unwrap_or_default();
        let mut parts = prefs.splitn(3, '|');
        let wants = parts.next().unwrap_or_default();
        let source = parts.next().unwrap_or_default();
        let text = parts.next().unwrap_or_default();
        suppression::lift_unsubscription(conn, &contact.email)?;
        let status = if contact.status == ContactStatus::Bouncing {
            ContactStatus::Bouncing
        } else {
            ContactStatus::Active
        };
        diesel::update(contacts::table.find(contact.id))
            .set((
                contacts::status.eq(status.as_str()),
                contacts::invitations.eq(wants.contains('i')),
                contacts::announcements.eq(wants.contains('a')),
                contacts::consent_at.eq(now),
                contacts::consent_source.eq(source),
                contacts::consent_text.eq(text),
                contacts::confirm_token_hash.eq(None::<String>),
                contacts::confirm_expires_at.eq(None::<NaiveDateTime>),
                contacts::confirm_prefs.eq(None::<String>),
                contacts::unsubscribed_at.eq(None::<NaiveDateTime>),
                contacts::updated_at.eq(now),
            ))
            .execute(conn)?;
        Ok(SignUpConfirmation::Confirmed(contact.id))
    })
}

#[cfg(test)]
mod tests {
    use super::normalize_tags;

    #[test]
    fn tags_are_lower_case_unique_and_sorted() {
        assert_eq!(
            normalize_tags(" Kunde, halle ,kunde;;Community "),
            ["community", "halle", "kunde"]
        );
        assert!(normalize_tags(" , ;").is_empty());
    }
}
