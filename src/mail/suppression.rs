//! The suppression list: addresses that unsubscribed get no bulk mail, addresses that
//! bounced get no mail at all. Only a SHA-256 of the normalized address is stored.

use chrono::NaiveDateTime;
use diesel::prelude::*;
use sha2::{Digest, Sha256};

use crate::db::DbConn;
use crate::db::schema::suppressions;

crate::db::text_enum! {
    /// Why an address is on the list.
    pub enum Reason {
        Unsubscribed = "unsubscribed",
        Bounced = "bounced",
    }
}

impl Reason {
    /// Whether a message may still go out: bounced addresses get nothing, unsubscribed
    /// ones still get what they asked for themselves (an RSVP confirmation, say).
    pub fn blocks(self, bulk: bool) -> bool {
        match self {
            Reason::Bounced => true,
            Reason::Unsubscribed => bulk,
        }
    }
}

pub fn email_hash(email: &str) -> String {
    hex::encode(Sha256::digest(email.trim().to_lowercase().as_bytes()))
}

/// Adds `email`; a bounce outranks an unsubscription.
pub fn suppress(
    conn: &mut DbConn,
    email: &str,
    reason: Reason,
    now: NaiveDateTime,
) -> QueryResult<()> {
    let hash = email_hash(email);
    match reason_for(conn, email)? {
        Some(Reason::Bounced) => Ok(()),
        Some(Reason::Unsubscribed) if reason == Reason::Unsubscribed => Ok(()),
        Some(Reason::Unsubscribed) => {
            diesel::update(suppressions::table.find(&hash))
                .set(suppressions::reason.eq(reason))
                .execute(conn)?;
            Ok(())
        }
        None => {
            let inserted = conn.transaction(|conn| {
                diesel::insert_into(suppressions::table)
                    .values((
                        suppressions::email_hash.eq(&hash),
                        suppressions::reason.eq(reason),
                        suppressions::created_at.eq(now),
                    ))
                    .execute(conn)
            });
            match inserted {
                Err(e) if !crate::db::is_unique_violation(&e) => Err(e),
                _ => Ok(()),
            }
        }
    }
}

pub fn reason_for(conn: &mut DbConn, email: &str) -> QueryResult<Option<Reason>> {
    suppressions::table
        .find(email_hash(email))
        .select(suppressions::reason)
        .first::<Reason>(conn)
        .optional()
}

/// Takes an unsubscribed address off the list after a new, confirmed opt-in.
/// Bounces stay: only an organizer's decision clears those.
pub fn lift_unsubscription(conn: &mut DbConn, email: &str) -> QueryResult<()> {
    diesel::delete(
        suppressions::table
            .find(email_hash(email))
            .filter(suppressions::reason.eq(Reason::Unsubscribed)),
    )
    .execute(conn)?;
    Ok(())
}

/// Clears any entry (an organizer re-activates a contact that bounced by mistake).
pub fn clear(conn: &mut DbConn, email: &str) -> QueryResult<()> {
    diesel::delete(suppressions::table.find(email_hash(email))).execute(conn)?;
    Ok(())
}
