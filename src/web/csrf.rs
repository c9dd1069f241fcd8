//! Which CSRF token a page's forms carry, so that pages for anonymous readers set no
//! cookie and can be cached by browsers and proxies.
//!
//! A page in a shared cache is the same for everybody, so any token in it is public. A
//! token only has to protect what a forged request could borrow from the victim's
//! browser: the session cookie (an organizer, a remembered attendee). So:
//!
//! - A visitor with a session (or on a page reached through a secret link, or in
//!   `/admin`) gets the session's random token; the page is then private anyway.
//! - A visitor without one gets the site's anonymous form token (an HMAC of a fixed
//!   purpose under the site secret) and no cookie. The form is accepted with it only
//!   when the request carries no identity (no organizer, no remembered attendee), so
//!   a forged request can do nothing the attacker could not do from their own browser,
//!   and only when the browser says the form was sent from this site
//!   (`Sec-Fetch-Site`, else `Origin`), which keeps other sites from even starting a
//!   session in a visitor's browser.
//!
//! A double-submit cookie set on pages with a form would have made the post and event
//! pages private, which are the pages most worth caching.

use actix_session::Session;
use actix_web::{HttpRequest, http::header, web};
use hmac::{Hmac, Mac};
use sha2::Sha256;

use crate::AppState;
use crate::error::AppError;
use crate::web::session;

/// The token for the forms on the page answering `req`.
pub fn token(req: &HttpRequest, session: &Session) -> String {
    if needs_session(req) || !session.entries().is_empty() {
        return session::csrf_token(session);
    }
    anonymous_token(req).unwrap_or_else(|| session::csrf_token(session))
}

/// Checks a submitted token: the session's, or the anonymous one where it may be used.
pub fn verify(req: &HttpRequest, session: &Session, submitted: &str) -> Result<(), AppError> {
    if session::verify_csrf(session, submitted).is_ok() {
        return Ok(());
    }
    let anonymous = !needs_session(req)
        && !session::has_identity(session)
        && sent_from_this_site(req)
        && anonymous_token(req).is_some_and(|t| crate::tokens::same_secret(&t, submitted));
    if anonymous {
        Ok(())
    } else {
        Err(AppError::Csrf)
    }
}

/// The admin area and pages behind a secret link (they may log a browser in as an
/// attendee) always use the session's token; they are private pages.
fn needs_session(req: &HttpRequest) -> bool {
    req.path().starts_with("/admin")
        || req
            .match_pattern()
            .is_some_and(|pattern| pattern.contains("{token}"))
}

fn anonymous_token(req: &HttpRequest) -> Option<String> {
    let state = req.app_data::<web::Data<AppState>>()?;
    let mut mac = Hmac::<Sha256>::new_from_slice(&state.config.secret_key).ok()?;
    mac.update(b"grillplatz anonymous form");
    Some(format!("a.{}", hex::encode(mac.finalize().into_bytes())))
}

/// What the browser says about where the form was sent from. Browsers send
/// `Sec-Fetch-Site` (or at least `Origin`) with every form POST; a request with
/// neither comes from no browser and so carries no one's cookies.
fn sent_from_this_site(req: &HttpRequest) -> bool {
    let text = |name| req.headers().get(name).and_then(|v| v.to_str().ok());
    if let Some(site) = text(header::HeaderName::from_static("sec-fetch-site")) {
        return matches!(site, "same-origin" | "none");
    }
    let Some(origin) = text(header::ORIGIN) else {
        return true;
    };
    req.app_data::<web::Data<AppState>>()
        .is_some_and(|state| origin_of(&state.config.base_url) == origin)
}

/// `https://example.org` of `https://example.org/path/`.
fn origin_of(url: &str) -> &str {
    let after_scheme = url.find("://").map_or(0, |i| i + 3);
    url[after_scheme..]
        .find('/')
        .map_or(url, |end| &url[..after_scheme + end])
}

#[cfg(test)]
mod tests {
    use super::origin_of;

    #[test]
    fn the_origin_is_scheme_host_and_port() {
        assert_eq!(origin_of("https://example.org"), "https://example.org");
        assert_eq!(origin_of("https://example.org/"), "https://example.org");
        assert_eq!(
            origin_of("http://127.0.0.1:8080/site/"),
            "http://127.0.0.1:8080"
        );
    }
}
