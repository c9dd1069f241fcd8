//! What browsers and proxies may keep, and answers they may reuse.
//!
//! Every successful GET with a complete body gets a weak `ETag` (a hash of the bytes, so
//! it changes with anything the page shows and needs no bookkeeping) and is answered
//! `304 Not Modified` when the client already has those bytes; `If-Modified-Since` is
//! honoured where a handler set `Last-Modified` (the feeds). Public pages may be kept
//! briefly and must then be revalidated; anything that belongs to a visitor (a session
//! cookie sent or set, the admin area, pages a handler marked private) is `private,
//! no-store`. Streams (the live board) pass untouched and uncompressed.

use actix_web::body::{BoxBody, MessageBody};
use actix_web::dev::{ServiceRequest, ServiceResponse};
use actix_web::http::header::{self, HeaderMap, HeaderValue};
use actix_web::http::{Method, StatusCode};
use actix_web::middleware::{Compress, Next};
use sha2::{Digest, Sha256};

use crate::web::session;

/// Public pages: a minute in any cache, then asked again (mostly a cheap 304).
const PUBLIC: &str = "public, max-age=60, must-revalidate";
const PRIVATE: &str = "private, no-store";

/// gzip or brotli, as the client's `Accept-Encoding` asks.
pub fn compress() -> Compress {
    Compress::default()
}

pub async fn revalidate(
    req: ServiceRequest,
    next: Next<impl MessageBody + 'static>,
) -> Result<ServiceResponse<BoxBody>, actix_web::Error> {
    let get = req.method() == Method::GET;
    let personal_request =
        req.cookie(session::COOKIE).is_some() || req.path().starts_with("/admin");
    let validators = Conditions::of(req.headers());
    let res = next.call(req).await?.map_into_boxed_body();
    if !get || res.status() != StatusCode::OK {
        return Ok(res);
    }
    let (req, res) = res.into_parts();
    let (mut head, body) = res.into_parts();
    let bytes = match body.try_into_bytes() {
        Ok(bytes) => bytes,
        Err(stream) => {
            // Compressing would hold a stream's events back until a buffer fills.
            head.headers_mut().insert(
                header::CONTENT_ENCODING,
                HeaderValue::from_static("identity"),
            );
            return Ok(ServiceResponse::new(req, head.set_body(stream)));
        }
    };
    let headers = head.headers_mut();
    // A handler's own policy stands (static files are the same for everyone).
    let chosen = headers.contains_key(header::CACHE_CONTROL);
    if headers.contains_key(header::SET_COOKIE)
        || marked_private(headers)
        || (personal_request && !chosen)
    {
        headers.insert(header::CACHE_CONTROL, HeaderValue::from_static(PRIVATE));
        return Ok(ServiceResponse::new(
            req,
            head.set_body(BoxBody::new(bytes)),
        ));
    }
    if !chosen {
        headers.insert(header::CACHE_CONTROL, HeaderValue::from_static(PUBLIC));
        // A browser that later holds a session must not be shown the anonymous page.
        headers.append(header::VARY, HeaderValue::from_static("Cookie"));
    }
    let etag = etag(&bytes);
    let unchanged = validators.unchanged(&etag, headers);
    if let Ok(value) = HeaderValue::from_str(&etag) {
        headers.insert(header::ETAG, value);
    }
    if unchanged {
        *head.status_mut() = StatusCode::NOT_MODIFIED;
        return Ok(ServiceResponse::new(
            req,
            head.set_body(BoxBody::new(actix_web::body::None::new())),
        ));
    }
    Ok(ServiceResponse::new(
        req,
        head.set_body(BoxBody::new(bytes)),
    ))
}

fn marked_private(headers: &HeaderMap) -> bool {
    headers
        .get(header::CACHE_CONTROL)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.contains("private") || v.contains("no-store"))
}

/// Weak, because the compressed variants carry the same tag.
fn etag(body: &[u8]) -> String {
    let digest = Sha256::digest(body);
    format!("W/\"{}\"", hex::encode(&digest[..16]))
}

/// The client's `If-None-Match` / `If-Modified-Since`.
struct Conditions {
    none_match: Option<String>,
    modified_since: Option<std::time::SystemTime>,
}

impl Conditions {
    fn of(headers: &HeaderMap) -> Conditions {
        let text = |name| {
            headers
                .get(name)
                .and_then(|v: &HeaderValue| v.to_str().ok())
                .map(str::to_string)
        };
        Conditions {
            none_match: text(header::IF_NONE_MATCH),
            modified_since: text(header::IF_MODIFIED_SINCE)
                .and_then(|v| v.parse::<header::HttpDate>().ok())
                .map(Into::into),
        }
    }

    /// Whether the client's copy is still the current one. `If-None-Match` wins when both
    /// are sent (RFC 9110 §13.2.2); tags compare weakly.
    fn unchanged(&self, etag: &str, headers: &HeaderMap) -> bool {
        if let Some(tags) = &self.none_match {
            let ours = opaque(etag);
            return tags
                .split(',')
                .map(str::trim)
                .any(|tag| tag == "*" || opaque(tag) == ours);
        }
        let last_modified = headers
            .get(header::LAST_MODIFIED)
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.parse::<header::HttpDate>().ok())
            .map(std::time::SystemTime::from);
        matches!((self.modified_since, last_modified), (Some(since), Some(modified)) if modified <= since)
    }
}

fn opaque(tag: &str) -> &str {
    tag.strip_prefix("W/").unwrap_or(tag)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn conditions(none_match: Option<&str>, since: Option<&str>) -> Conditions {
        let mut headers = HeaderMap::new();
        if let Some(tags) = none_match {
            headers.insert(
                header::IF_NONE_MATCH,
                HeaderValue::from_str(tags).expect("header"),
            );
        }
        if let Some(date) = since {
            headers.insert(
                header::IF_MODIFIED_SINCE,
                HeaderValue::from_str(date).expect("header"),
            );
        }
        Conditions::of(&headers)
    }

    #[test]
    fn tags_compare_weakly_and_in_lists() {
        let tag = etag(b"page");
        let none = HeaderMap::new();
        assert!(conditions(Some(&tag), None).unchanged(&tag, &none));
        let strong = tag.trim_start_matches("W/").to_string();
        assert!(conditions(Some(&format!("\"x\", {strong}")), None).unchanged(&tag, &none));
        assert!(conditions(Some("*"), None).unchanged(&tag, &none));
        assert!(!conditions(Some("W/\"other\""), None).unchanged(&tag, &none));
        assert!(!conditions(None, None).unchanged(&tag, &none));
    }

    #[test]
    fn dates_count_only_without_tags_and_with_a_last_modified() {
        let tag = etag(b"feed");
        let mut headers = HeaderMap::new();
        let since = "Tue, 01 Dec 2026 10:00:00 GMT";
        assert!(!conditions(None, Some(since)).unchanged(&tag, &headers));
        headers.insert(
            header::LAST_MODIFIED,
            HeaderValue::from_static("Tue, 01 Dec 2026 09:00:00 GMT"),
        );
        assert!(conditions(None, Some(since)).unchanged(&tag, &headers));
        assert!(!conditions(None, Some("Tue, 01 Dec 2026 08:00:00 GMT")).unchanged(&tag, &headers));
        // A tag that no longer matches wins over a date that would.
        assert!(!conditions(Some("W/\"old\""), Some(since)).unchanged(&tag, &headers));
    }
}
