//! The signed and encrypted cookie session: who is logged in, the CSRF token, flash messages.

use actix_session::config::{BrowserSession, CookieContentSecurity};
use actix_session::storage::CookieSessionStore;
use actix_session::{Session, SessionExt, SessionMiddleware};
use actix_web::body::MessageBody;
use actix_web::cookie::{Key, SameSite};
use actix_web::dev::{ServiceRequest, ServiceResponse};
use actix_web::middleware::Next;
use actix_web::{HttpMessage, HttpRequest};
use serde::{Deserialize, Serialize};

use crate::error::AppError;

/// The session cookie's name.
pub const COOKIE: &str = "grillplatz";
const ORGANIZER: &str = "organizer-session";
const CSRF: &str = "csrf";
const FLASH: &str = "flash";

/// The session middleware: private (encrypted) cookie, HttpOnly, SameSite=Lax.
pub fn middleware(secret: &[u8], secure: bool) -> SessionMiddleware<CookieSessionStore> {
    SessionMiddleware::builder(CookieSessionStore::default(), Key::from(secret))
        .cookie_name(COOKIE.into())
        .cookie_secure(secure)
        .cookie_http_only(true)
        .cookie_same_site(SameSite::Lax)
        .cookie_content_security(CookieContentSecurity::Private)
        .session_lifecycle(BrowserSession::default())
        .build()
}

/// The organizer a request belongs to, as the admin shell resolved it from the database
/// (the cookie only carries the session's random token).
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct SessionOrganizer {
    pub id: i64,
    pub name: String,
    /// The language the admin area is shown in.
    pub lang: crate::i18n::Lang,
}

impl SessionOrganizer {
    /// The first letter of the name, for the user menu's badge.
    pub fn initial(&self) -> String {
        self.name
            .chars()
            .find(|c| c.is_alphanumeric())
            .map(|c| c.to_uppercase().collect())
            .unwrap_or_default()
    }
}

/// The organizer of this request, if its session token was valid.
pub fn organizer(req: &HttpRequest) -> Option<SessionOrganizer> {
    req.extensions().get::<SessionOrganizer>().cloned()
}

/// Records the organizer a valid session token belongs to, for the rest of the request.
pub fn set_organizer(req: &HttpRequest, who: SessionOrganizer) {
    req.extensions_mut().insert(who);
}

/// The organizer session token the cookie carries.
pub fn organizer_token(session: &Session) -> Option<String> {
    session.get::<String>(ORGANIZER).ok().flatten()
}

/// Ends a session with nothing left in it (its message was shown), so the visitor's
/// next pages are the cacheable ones again. Runs after the handler: nothing it stored
/// is lost.
pub async fn drop_empty(
    req: ServiceRequest,
    next: Next<impl MessageBody>,
) -> Result<ServiceResponse<impl MessageBody>, actix_web::Error> {
    let had_cookie = req.cookie(COOKIE).is_some();
    let res = next.call(req).await?;
    let session = res.request().get_session();
    if had_cookie && session.entries().is_empty() {
        session.purge();
    }
    Ok(res)
}

/// Starts an organizer session in a fresh cookie, so a planted session id or token is useless.
pub fn log_in(session: &Session, token: &str) -> Result<(), AppError> {
    session.renew();
    session.remove(CSRF);
    session
        .insert(ORGANIZER, token)
        .map_err(|e| AppError::Internal(anyhow::anyhow!("session: {e}")))
}

/// Forgets everything this browser's cookie held.
pub fn log_out(session: &Session) {
    session.purge();
}

/// Drops a token the database no longer knows (ended or expired elsewhere).
pub fn forget_organizer(session: &Session) {
    session.remove(ORGANIZER);
}

/// The session's CSRF token, created on first use.
pub fn csrf_token(session: &Session) -> String {
    if let Ok(Some(token)) = session.get::<String>(CSRF) {
        return token;
    }
    let token = crate::tokens::random_token();
    // A session that cannot store the token makes every later check fail: safe.
    let _ = session.insert(CSRF, &token);
    token
}

/// Checks a submitted CSRF token against the session's, in constant time.
pub fn verify_csrf(session: &Session, submitted: &str) -> Result<(), AppError> {
    let expected = session
        .get::<String>(CSRF)
        .ok()
        .flatten()
        .ok_or(AppError::Csrf)?;
    if crate::tokens::same_secret(&expected, submitted) {
        Ok(())
    } else {
        Err(AppError::Csrf)
    }
}

const ATTENDEE: &str = "attendee:";

fn attendee_key(event_id: i64) -> String {
    format!("{ATTENDEE}{event_id}")
}

/// Whether the session speaks for someone (an organizer, a remembered attendee), which a
/// forged request must never borrow.
pub fn has_identity(session: &Session) -> bool {
    session
        .entries()
        .keys()
        .any(|key| key == ORGANIZER || key.starts_with(ATTENDEE))
}

/// Remembers which RSVP this browser belongs to for an event, once its owner proved it by a
/// confirmation or manage link; the topic board identifies attendees by it (no account).
pub fn remember_attendee(session: &Session, event_id: i64, rsvp_id: i64) {
    let _ = session.insert(attendee_key(event_id), rsvp_id);
}

pub fn attendee(session: &Session, event_id: i64) -> Option<i64> {
    session.get::<i64>(&attendee_key(event_id)).ok().flatten()
}

pub fn forget_attendee(session: &Session, event_id: i64) {
    session.remove(&attendee_key(event_id));
}

/// A one-time message shown on the next page.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Flash {
    pub kind: FlashKind,
    /// A Fluent key, translated when shown so it follows the page's language.
    pub key: String,
}

#[derive(Debug, Clone, Copy, Serialize, Deserialize, PartialEq, Eq)]
pub enum FlashKind {
    Success,
    Error,
}

impl FlashKind {
    pub fn css(self) -> &'static str {
        match self {
            FlashKind::Success => "flash-success",
            FlashKind::Error => "flash-error",
        }
    }
}

pub fn flash(session: &Session, kind: FlashKind, key: &str) {
    let _ = session.insert(
        FLASH,
        Flash {
            kind,
            key: key.to_string(),
        },
    );
}

/// The flashed message, removed so it shows once; a session without one stays unchanged
/// (no cookie is sent again).
pub fn take_flash(session: &Session) -> Option<Flash> {
    if !session.contains_key(FLASH) {
        return None;
    }
    session.remove_as::<Flash>(FLASH).and_then(Result::ok)
}
