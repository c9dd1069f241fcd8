//! Organizer sessions recorded in the database: the cookie carries a random token, the
//! row says whose it is and since when, so logout ends every copy and idle or old
//! sessions expire.

use chrono::{Duration, NaiveDateTime};
use diesel::prelude::*;

use crate::config::SessionLifetime as Lifetime;
use crate::db::DbConn;
use crate::db::schema::{organizer_sessions, organizers};
use crate::i18n::Lang;
use crate::tokens::{random_token, token_hash};
use crate::web::session::SessionOrganizer;

/// `last_seen_at` is written at most this often, so browsing does not write on every click.
const TOUCH_EVERY: Duration = Duration::minutes(1);

/// Records a new session for `organizer_id` and returns the token for the cookie.
pub fn start(conn: &mut DbConn, organizer_id: i64, now: NaiveDateTime) -> QueryResult<String> {
    let token = random_token();
    diesel::insert_into(organizer_sessions::table)
        .values((
            organizer_sessions::token_hash.eq(token_hash(&token)),
            organizer_sessions::organizer_id.eq(organizer_id),
            organizer_sessions::created_at.eq(now),
            organizer_sessions::last_seen_at.eq(now),
        ))
        .execute(conn)?;
    Ok(token)
}

/// The active organizer whose live session `token` names; refreshes its last use.
pub fn resolve(
    conn: &mut DbConn,
    token: &str,
    lifetime: Lifetime,
    now: NaiveDateTime,
) -> QueryResult<Option<SessionOrganizer>> {
    let hash = token_hash(token);
    let found: Option<(i64, NaiveDateTime, NaiveDateTime, i64, String, String)> =
        organizer_sessions::table
            .inner_join(organizers::table)
            .filter(organizer_sessions::token_hash.eq(&hash))
            .filter(organizers::deactivated_at.is_null())
            .select((
                organizer_sessions::id,
                organizer_sessions::created_at,
                organizer_sessions::last_seen_at,
                organizers::id,
                organizers::name,
                organizers::lang,
            ))
            .first(conn)
            .optional()?;
    let Some((session_id, created, last_seen, id, name, lang)) = found else {
        return Ok(None);
    };
    if created + lifetime.absolute <= now || last_seen + lifetime.idle <= now {
        diesel::delete(organizer_sessions::table.find(session_id)).execute(conn)?;
        return Ok(None);
    }
    if last_seen + TOUCH_EVERY <= now {
        diesel::update(organizer_sessions::table.find(session_id))
            .set(organizer_sessions::last_seen_at.eq(now))
            .execute(conn)?;
    }
    let lang = lang
        .parse::<Lang>()
        .map_err(|()| diesel::result::Error::DeserializationError("organizer language".into()))?;
    Ok(Some(SessionOrganizer { id, name, lang }))
}

/// Ends the session `token` names (logout).
pub fn end(conn: &mut DbConn, token: &str) -> QueryResult<usize> {
    diesel::delete(
        organizer_sessions::table.filter(organizer_sessions::token_hash.eq(token_hash(token))),
    )
    .execute(conn)
}

/// Ends every session of an organizer (password changed, deactivated).
pub fn end_all(conn: &mut DbConn, organizer_id: i64) -> QueryResult<usize> {
    diesel::delete(
        organizer_sessions::table.filter(organizer_sessions::organizer_id.eq(organizer_id)),
    )
    .execute(conn)
}

/// Deletes sessions that can no longer be used; run by the periodic jobs.
pub fn forget_expired(
    conn: &mut DbConn,
    lifetime: Lifetime,
    now: NaiveDateTime,
) -> QueryResult<usize> {
    diesel::delete(
        organizer_sessions::table.filter(
            organizer_sessions::created_at
                .le(now - lifetime.absolute)
                .or(organizer_sessions::last_seen_at.le(now - lifetime.idle)),
        ),
    )
    .execute(conn)
}
