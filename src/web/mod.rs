//! Shared web plumbing: the per-page context, sessions, CSRF, assets, headers, errors.

pub mod assets;
pub mod context;
pub mod errors;
pub mod forms;
pub mod lang;
pub mod rate_limit;
pub mod session;

use actix_web::http::StatusCode;
use actix_web::{HttpResponse, http::header};
use askama::Template;

use crate::error::AppError;

pub use context::PageCtx;

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
    let headers = res.headers_mut();
    headers.insert(
        header::CACHE_CONTROL,
        header::HeaderValue::from_static("no-store"),
    );
    headers.insert(
        header::REFERRER_POLICY,
        header::HeaderValue::from_static("no-referrer"),
    );
    res
}

/// 303 to `location`: the answer to every successful form POST.
pub fn see_other(location: &str) -> HttpResponse {
    HttpResponse::SeeOther()
        .insert_header((header::LOCATION, location))
        .finish()
}

/// The client's address for rate limits: the peer, or the forwarded address when
/// the app is configured to sit behind a trusted proxy.
pub fn client_ip(req: &actix_web::HttpRequest, trust_proxy: bool) -> String {
    let info = req.connection_info();
    let addr = if trust_proxy {
        info.realip_remote_addr()
    } else {
        info.peer_addr()
    };
    addr.unwrap_or("unknown").to_string()
}
