//! Shared web plumbing: the per-page context, sessions, CSRF, assets, headers, errors.

pub mod access_log;
pub mod assets;
pub mod cache;
pub mod context;
pub mod csrf;
pub mod csv;
pub mod errors;
pub mod forms;
pub mod lang;
pub mod nav;
pub mod rate_limit;
pub mod redirect;
pub mod session;

use std::net::IpAddr;

use actix_web::body::MessageBody;
use actix_web::dev::{ServiceRequest, ServiceResponse};
use actix_web::http::StatusCode;
use actix_web::middleware::Next;
use actix_web::{HttpResponse, http::header};
use askama::Template;

use crate::error::AppError;

pub use context::PageCtx;
pub use redirect::see_other;

/// Renders a page with status 200.
pub fn render(page: &impl Template) -> Result<HttpResponse, AppError> {
    render_status(StatusCode::OK, page)
}

/// Renders a page with the given status (422 for a form sent back with errors).
pub fn render_status(status: StatusCode, page: &impl Template) -> Result<HttpResponse, AppError> {
    let body = page.render()?;
    Ok(HttpResponse::build(status)
        .content_type("text/html; charset=utf-8")
        .body(body))
}

/// Keeps a response out of caches and referrers: for pages reached through a personal
/// token or showing someone's address.
pub fn private(mut res: HttpResponse) -> HttpResponse {
    mark_private(res.headers_mut());
    res
}

fn mark_private(headers: &mut header::HeaderMap) {
    headers.insert(
        header::CACHE_CONTROL,
        header::HeaderValue::from_static("private, no-store"),
    );
    headers.insert(
        header::REFERRER_POLICY,
        header::HeaderValue::from_static("no-referrer"),
    );
}

/// Every page reached through a secret link (a route with `{token}`: confirm, manage,
/// unsubscribe) is kept out of caches and referrers, whichever handler answers it.
pub async fn private_token_pages(
    req: ServiceRequest,
    next: Next<impl MessageBody>,
) -> Result<ServiceResponse<impl MessageBody>, actix_web::Error> {
    let mut res = next.call(req).await?;
    if res
        .request()
        .match_pattern()
        .is_some_and(|pattern| pattern.contains("{token}"))
    {
        mark_private(res.headers_mut());
    }
    Ok(res)
}

/// The client's address for rate limits: the peer, unless the peer is one of the
/// `trusted` proxies; then the rightmost `X-Forwarded-For` entry that is not a trusted
/// proxy. Entries left of it were written by the client and prove nothing.
pub fn client_ip(req: &actix_web::HttpRequest, trusted: &[ipnet::IpNet]) -> String {
    let Some(peer) = req.peer_addr().map(|a| a.ip()) else {
        return "unknown".into();
    };
    let is_trusted = |ip: &IpAddr| trusted.iter().any(|net| net.contains(ip));
    if !is_trusted(&peer) {
        return peer.to_string();
    }
    let forwarded: Vec<&str> = req
        .headers()
        .get_all("x-forwarded-for")
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(','))
        .map(str::trim)
        .collect();
    let mut client = peer;
    for entry in forwarded.iter().rev() {
        // A trusted hop wrote this entry; if it is garbage, the hop itself is all we know.
        let Some(ip) = parse_forwarded(entry) else {
            break;
        };
        client = ip;
        if !is_trusted(&ip) {
            break;
        }
    }
    client.to_string()
}

/// An `X-Forwarded-For` entry: an address, maybe with a port (`[v6]:port`, `v4:port`).
fn parse_forwarded(entry: &str) -> Option<IpAddr> {
    entry
        .parse::<IpAddr>()
        .ok()
        .or_else(|| entry.parse::<std::net::SocketAddr>().ok().map(|a| a.ip()))
}

#[cfg(test)]
mod tests {
    use super::client_ip;
    use actix_web::test::TestRequest;

    fn client(peer: &str, forwarded: &[&str], trusted: &str) -> String {
        let trusted: Vec<ipnet::IpNet> = trusted
            .split(',')
            .filter(|t| !t.is_empty())
            .map(|t| t.parse().expect("network"))
            .collect();
        let mut req = TestRequest::default().peer_addr(peer.parse().expect("peer"));
        for value in forwarded {
            req = req.append_header(("x-forwarded-for", *value));
        }
        client_ip(&req.to_http_request(), &trusted)
    }

    #[test]
    fn forwarded_addresses_count_only_behind_trusted_proxies() {
        // No trusted proxies: the header is ignored.
        assert_eq!(client("198.51.100.9:1", &["1.2.3.4"], ""), "198.51.100.9");
        // A peer outside the list cannot speak for others.
        assert_eq!(
            client("198.51.100.9:1", &["1.2.3.4"], "10.0.0.0/8"),
            "198.51.100.9"
        );
        // The proxy appended the real client; the client's own entry is ignored.
        assert_eq!(
            client("10.0.0.2:1", &["6.6.6.6, 203.0.113.5"], "10.0.0.0/8"),
            "203.0.113.5"
        );
        // Two proxies, entries in separate headers, ports and IPv6.
        assert_eq!(
            client(
                "10.0.0.2:1",
                &["6.6.6.6", "[2001:db8::7]:443, 10.0.0.9"],
                "10.0.0.0/8"
            ),
            "2001:db8::7"
        );
        // Garbage written by a trusted hop: the hop is all we know.
        assert_eq!(
            client("10.0.0.2:1", &["6.6.6.6, junk"], "10.0.0.0/8"),
            "10.0.0.2"
        );
        // Only proxies in the chain: the leftmost one.
        assert_eq!(
            client("10.0.0.2:1", &["10.0.0.3"], "10.0.0.0/8"),
            "10.0.0.3"
        );
    }
}
