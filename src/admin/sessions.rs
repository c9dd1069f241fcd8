//! Organizer sessions recorded in the database: the cookie carries a random token, the
//! row says whose it is and since when, so logout ends every copy and idle or old
//! sessions expire. The middlewares here resolve the token once per request and keep
//! everything under `/admin` closed and out of caches.

use actix_session::SessionExt;
use actix_web::body::{EitherBody, MessageBody};
use actix_web::dev::{ServiceRequest, ServiceResponse};
use actix_web::http::header;
use actix_web::middleware::Next;
use actix_web::{HttpResponse, web};
use chrono::{Duration, NaiveDateTime};
use diesel::prelude::*;

use crate::AppState;
use crate::clock::now;
use crate::config::SessionLifetime as Lifetime;
use crate::db::DbConn;
use crate::db::schema::{organizer_sessions, organizers};
use crate::i18n::Lang;
use crate::tokens::{random_token, token_hash};
use crate::web::session::{self, SessionOrganizer};

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

/// Resolves the organizer session of every request that carries one; a token the
/// database no longer accepts is dropped from the cookie.
pub async fn identify(
    req: ServiceRequest,
    next: Next<impl MessageBody>,
) -> Result<ServiceResponse<impl MessageBody>, actix_web::Error> {
    let cookie_session = req.get_session();
    if let (Some(token), Some(state)) = (
        session::organizer_token(&cookie_session),
        req.app_data::<web::Data<AppState>>().cloned(),
    ) {
        let lifetime = state.config.session_lifetime;
        let who = state
            .db
            .run(move |conn| Ok(resolve(conn, &token, lifetime, now())?))
            .await?;
        match who {
            Some(who) => session::set_organizer(req.request(), who),
            None => session::forget_organizer(&cookie_session),
        }
    }
    next.call(req).await
}

/// The paths under `/admin` open to visitors without a session.
const PUBLIC_ADMIN_PATHS: &[&str] = &["/admin/login"];

/// Guards the whole `/admin` scope: without a live organizer session every route sends
/// the visitor to the login page, whatever the handler forgets; and no admin answer is
/// stored by a browser or proxy, since they show people's data.
pub async fn guard(
    req: ServiceRequest,
    next: Next<impl MessageBody>,
) -> Result<ServiceResponse<EitherBody<impl MessageBody>>, actix_web::Error> {
    let open = PUBLIC_ADMIN_PATHS.contains(&req.path());
    let mut res = if open || session::organizer(req.request()).is_some() {
        next.call(req).await?.map_into_left_body()
    } else {
        let login = HttpResponse::SeeOther()
            .insert_header((header::LOCATION, "/admin/login"))
            .finish();
        req.into_response(login).map_into_right_body()
    };
    res.headers_mut().insert(
        header::CACHE_CONTROL,
        header::HeaderValue::from_static("private, no-store"),
    );
    Ok(res)
}
