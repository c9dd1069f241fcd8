//! Which language a visitor gets: the URL prefix, else the language they last switched
//! to, else Accept-Language.

use actix_web::cookie::{Cookie, SameSite, time::Duration};
use actix_web::{HttpRequest, HttpResponse, http::header};

use crate::error::AppError;
use crate::i18n::Lang;
use crate::web::{redirect, session};

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

/// The language switcher's link to `target` (a page under `/de/` or `/en/`): it goes
/// through [`switch`], so the choice is remembered only when the visitor makes it and
/// every other page stays free of cookies.
pub fn switch_href(target: &str) -> String {
    format!("/lang{target}")
}

/// `/lang/{de|en}/…`: remembers the language and sends the visitor on to the page.
pub async fn switch(req: HttpRequest) -> Result<HttpResponse, AppError> {
    let target = req.path().strip_prefix("/lang").unwrap_or_default();
    let Some(lang) = of_path(target).filter(|_| redirect::is_local_path(target)) else {
        return Err(AppError::NotFound);
    };
    let mut location = target.to_string();
    if !req.query_string().is_empty() {
        location.push('?');
        location.push_str(req.query_string());
    }
    let cookie = Cookie::build(COOKIE, lang.code())
        .path("/")
        .max_age(Duration::days(365))
        .same_site(SameSite::Lax)
        .http_only(true)
        .finish();
    let mut res = redirect::see_other(&location);
    res.add_cookie(&cookie)
        .map_err(|e| AppError::Internal(anyhow::anyhow!("lang cookie: {e}")))?;
    Ok(super::private(res))
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
