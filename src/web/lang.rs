//! Which language a visitor gets: the URL prefix, else a remembered choice, else Accept-Language.

use actix_web::body::MessageBody;
use actix_web::cookie::{Cookie, SameSite, time::Duration};
use actix_web::dev::{ServiceRequest, ServiceResponse};
use actix_web::middleware::Next;
use actix_web::{HttpRequest, HttpResponse, http::header};

use crate::i18n::Lang;
use crate::web::session;

pub const COOKIE: &str = "lang";

/// The language for a request without a language in its path.
pub fn preferred(req: &HttpRequest) -> Lang {
    if let Some(who) = session::organizer(req) {
        return who.lang;
    }
    remembered_or_negotiated(req)
}

fn remembered_or_negotiated(req: &HttpRequest) -> Lang {
    req.cookie(COOKIE)
        .and_then(|c| c.value().parse::<Lang>().ok())
        .or_else(|| {
            req.headers()
                .get(header::ACCEPT_LANGUAGE)
                .and_then(|v| v.to_str().ok())
                .and_then(Lang::from_accept_language)
        })
        .unwrap_or_default()
}

/// `/`: 302 to the visitor's language.
pub async fn root(req: HttpRequest) -> HttpResponse {
    let lang = remembered_or_negotiated(&req);
    HttpResponse::Found()
        .insert_header((header::LOCATION, format!("/{lang}/")))
        .insert_header((header::VARY, "Accept-Language, Cookie"))
        .finish()
}

/// The language of a path under `/de/` or `/en/`.
pub fn of_path(path: &str) -> Option<Lang> {
    path.get(1..3)
        .filter(|_| path.len() == 3 || path.as_bytes().get(3) == Some(&b'/'))
        .and_then(|code| code.parse().ok())
}

/// Remembers the language of the last page read, so `/` leads back to it.
pub async fn remember(
    req: ServiceRequest,
    next: Next<impl MessageBody>,
) -> Result<ServiceResponse<impl MessageBody>, actix_web::Error> {
    let lang = of_path(req.path());
    let current = req.cookie(COOKIE).map(|c| c.value().to_string());
    let mut res = next.call(req).await?;
    if let Some(lang) = lang
        && res.status().is_success()
        && current.as_deref() != Some(lang.code())
    {
        let cookie = Cookie::build(COOKIE, lang.code())
            .path("/")
            .max_age(Duration::days(365))
            .same_site(SameSite::Lax)
            .http_only(true)
            .finish();
        res.response_mut().add_cookie(&cookie)?;
    }
    Ok(res)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accept_language_weights_are_respected() {
        assert_eq!(
            Lang::from_accept_language("en-US,en;q=0.9,de;q=0.8"),
            Some(Lang::En)
        );
        assert_eq!(
            Lang::from_accept_language("fr;q=1, de;q=0.5, en;q=0.4"),
            Some(Lang::De)
        );
        assert_eq!(Lang::from_accept_language("fr, it"), None);
        assert_eq!(
            Lang::from_accept_language("de;q=0, en;q=0.1"),
            Some(Lang::En)
        );
        assert_eq!(Lang::from_accept_language(""), None);
    }

    #[test]
    fn path_languages() {
        assert_eq!(of_path("/de/blog/"), Some(Lang::De));
        assert_eq!(of_path("/en"), Some(Lang::En));
        assert_eq!(of_path("/envelope"), None);
        assert_eq!(of_path("/admin/"), None);
        assert_eq!(of_path("/"), None);
    }
}
