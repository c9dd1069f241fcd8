//! Form validation shared by every feature: per-field messages and small typed values.

use std::collections::BTreeMap;

use actix_session::SessionExt;
use actix_web::dev::Payload;
use actix_web::{FromRequest, HttpRequest, web};

use crate::error::AppError;

/// A form whose only field is the CSRF token: buttons that act (cancel, delete, log out).
#[derive(Debug, Default, serde::Deserialize)]
#[serde(default)]
pub struct CsrfOnly {
    pub csrf: String,
}

/// A form that carries the session's CSRF token.
pub trait CsrfProtected {
    fn csrf(&self) -> &str;
}

/// Implements [`CsrfProtected`] for form structs with a `csrf: String` field.
macro_rules! csrf_protected {
    ($($form:ty),+ $(,)?) => {
        $(impl $crate::web::forms::CsrfProtected for $form {
            fn csrf(&self) -> &str {
                &self.csrf
            }
        })+
    };
}
pub(crate) use csrf_protected;

csrf_protected!(CsrfOnly);

/// Forms read as pairs (repeated fields such as categories) find their token by name.
impl CsrfProtected for Vec<(String, String)> {
    fn csrf(&self) -> &str {
        self.iter()
            .find(|(name, _)| name == "csrf")
            .map_or("", |(_, value)| value.as_str())
    }
}

/// A urlencoded form whose CSRF token was checked (see `web::csrf`) before the handler
/// runs, so no handler can forget the check. A wrong or missing token is a 403 page.
#[derive(Debug)]
pub struct CsrfForm<T>(pub T);

impl<T> CsrfForm<T> {
    pub fn into_inner(self) -> T {
        self.0
    }
}

impl<T> std::ops::Deref for CsrfForm<T> {
    type Target = T;

    fn deref(&self) -> &T {
        &self.0
    }
}

impl<T> FromRequest for CsrfForm<T>
where
    T: serde::de::DeserializeOwned + CsrfProtected + 'static,
{
    type Error = actix_web::Error;
    type Future = futures_util::future::LocalBoxFuture<'static, Result<Self, Self::Error>>;

    fn from_request(req: &HttpRequest, payload: &mut Payload) -> Self::Future {
        let form = web::Form::<T>::from_request(req, payload);
        let session = req.get_session();
        let req = req.clone();
        Box::pin(async move {
            let form = form.await?.into_inner();
            crate::web::csrf::verify(&req, &session, form.csrf())?;
            Ok(CsrfForm(form))
        })
    }
}

/// A form as a page shows it: as typed, with what is wrong with it and the status to
/// answer with. A form shown for the first time converts from the form itself (200, no
/// errors); `Rejected::new` sends one back (422).
#[derive(Debug, Clone)]
pub struct Rejected<F> {
    pub form: F,
    pub errors: FieldErrors,
    pub status: actix_web::http::StatusCode,
}

impl<F> Rejected<F> {
    pub fn new(form: F, errors: FieldErrors) -> Rejected<F> {
        Rejected {
            form,
            errors,
            status: actix_web::http::StatusCode::UNPROCESSABLE_ENTITY,
        }
    }

    /// Answered with another status than 422 (a conflict, a closed board…).
    pub fn with_status(mut self, status: actix_web::http::StatusCode) -> Rejected<F> {
        self.status = status;
        self
    }

    /// Sent back with one message on one field.
    pub fn on(form: F, field: &'static str, key: &'static str) -> Rejected<F> {
        let mut errors = FieldErrors::default();
        errors.add(field, key);
        Rejected::new(form, errors)
    }
}

impl<F> From<F> for Rejected<F> {
    fn from(form: F) -> Rejected<F> {
        Rejected {
            form,
            errors: FieldErrors::default(),
            status: actix_web::http::StatusCode::OK,
        }
    }
}

/// Validation messages by field name; each message is a Fluent key.
#[derive(Debug, Default, Clone)]
pub struct FieldErrors {
    errors: BTreeMap<&'static str, &'static str>,
}

impl FieldErrors {
    pub fn add(&mut self, field: &'static str, key: &'static str) {
        self.errors.entry(field).or_insert(key);
    }

    pub fn is_empty(&self) -> bool {
        self.errors.is_empty()
    }

    /// The Fluent key of `field`'s error, for templates.
    pub fn get(&self, field: &str) -> Option<&'static str> {
        self.errors.get(field).copied()
    }

    pub fn has(&self, field: &str) -> bool {
        self.errors.contains_key(field)
    }

    /// A required text of at most `max` characters, trimmed.
    pub fn text(&mut self, field: &'static str, value: &str, max: usize) -> String {
        let value = value.trim();
        if value.is_empty() {
            self.add(field, "error-required");
        } else if value.chars().count() > max {
            self.add(field, "error-too-long");
        }
        value.to_string()
    }

    /// An optional text of at most `max` characters, trimmed.
    pub fn optional_text(&mut self, field: &'static str, value: &str, max: usize) -> String {
        let value = value.trim();
        if value.chars().count() > max {
            self.add(field, "error-too-long");
        }
        value.to_string()
    }

    /// An optional choice from a list of ids (a select with an empty "none" option).
    pub fn optional_id(&mut self, field: &'static str, value: &str) -> Option<i64> {
        match value.trim() {
            "" => None,
            raw => raw
                .parse::<i64>()
                .map_err(|_| self.add(field, "error-unknown-choice"))
                .ok(),
        }
    }

    /// A required email address, normalized.
    pub fn email(&mut self, field: &'static str, value: &str) -> Option<Email> {
        if value.trim().is_empty() {
            self.add(field, "error-required");
            return None;
        }
        match Email::parse(value) {
            Some(email) => Some(email),
            None => {
                self.add(field, "error-email");
                None
            }
        }
    }
}

/// An email address, trimmed and lower-cased, as every per-person lookup expects.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Email(String);

impl Email {
    /// Accepts `local@domain.tld` with no spaces or control characters, at most 254 characters.
    pub fn parse(raw: &str) -> Option<Email> {
        let value = raw.trim().to_lowercase();
        if value.len() > 254 || value.chars().any(|c| c.is_whitespace() || c.is_control()) {
            return None;
        }
        let (local, domain) = value.rsplit_once('@')?;
        let domain_ok = domain.contains('.')
            && !domain.starts_with('.')
            && !domain.ends_with('.')
            && !domain.contains("..")
            && domain
                .chars()
                .all(|c| c.is_alphanumeric() || c == '.' || c == '-');
        let local_ok =
            !local.is_empty() && local.len() <= 64 && !local.contains(['<', '>', '"', ',', '@']);
        (domain_ok && local_ok).then_some(Email(value))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// A URL slug: lower-case ASCII letters, digits and single hyphens.
pub fn slugify(text: &str) -> String {
    let mut slug = String::new();
    for c in text.chars().flat_map(char::to_lowercase) {
        match c {
            'a'..='z' | '0'..='9' => slug.push(c),
            'ä' => slug.push_str("ae"),
            'ö' => slug.push_str("oe"),
            'ü' => slug.push_str("ue"),
            'ß' => slug.push_str("ss"),
            'à' | 'á' | 'â' | 'å' => slug.push('a'),
            'è' | 'é' | 'ê' | 'ë' => slug.push('e'),
            'ì' | 'í' | 'î' | 'ï' => slug.push('i'),
            'ò' | 'ó' | 'ô' => slug.push('o'),
            'ù' | 'ú' | 'û' => slug.push('u'),
            'ç' => slug.push('c'),
            'ñ' => slug.push('n'),
            _ => {
                if !slug.is_empty() && !slug.ends_with('-') {
                    slug.push('-');
                }
            }
        }
    }
    let mut slug: String = slug.trim_end_matches('-').chars().take(80).collect();
    while slug.ends_with('-') {
        slug.pop();
    }
    slug
}

/// Whether `slug` is already in slug form.
pub fn is_slug(slug: &str) -> bool {
    !slug.is_empty()
        && slug.len() <= 80
        && slug
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
        && !slug.starts_with('-')
        && !slug.ends_with('-')
        && !slug.contains("--")
}

/// A form body that cannot be decoded at all is a 400 page, not actix's plain-text error.
pub fn form_config() -> web::FormConfig {
    web::FormConfig::default()
        .limit(256 * 1024)
        .error_handler(|err, _req: &HttpRequest| AppError::BadRequest(err.to_string()).into())
}

/// A path whose id is not a number names nothing: a 404 page.
pub fn path_config() -> web::PathConfig {
    web::PathConfig::default().error_handler(|_err, _req: &HttpRequest| AppError::NotFound.into())
}

/// A malformed query string is a 404: the page asked for does not exist.
pub fn query_config() -> web::QueryConfig {
    web::QueryConfig::default().error_handler(|_err, _req: &HttpRequest| AppError::NotFound.into())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn emails_are_normalized_and_checked() {
        assert_eq!(
            Email::parse("  Anna.Beispiel@Example.ORG ").map(|e| e.0),
            Some("anna.beispiel@example.org".into())
        );
        for bad in [
            "",
            "anna",
            "anna@",
            "@example.org",
            "anna@example",
            "an na@example.org",
            "a@b..de",
            "<a>@x.de",
        ] {
            assert!(Email::parse(bad).is_none(), "{bad} should be rejected");
        }
    }

    #[test]
    fn slugs_transliterate_german() {
        assert_eq!(
            slugify("Grillen & Größe: Über Öffnungszeiten!"),
            "grillen-groesse-ueber-oeffnungszeiten"
        );
        assert_eq!(slugify("  --Rust 2026--  "), "rust-2026");
        assert_eq!(slugify("<script>"), "script");
        assert!(is_slug("open-space-2026"));
        assert!(!is_slug("Open Space"));
        assert!(!is_slug("a--b"));
    }
}
