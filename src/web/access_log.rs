//! One log line per request: method, route pattern, status, duration. Never the path
//! itself, which may carry a confirm, manage or unsubscribe token, and never the query.

use std::time::Instant;

use actix_web::body::MessageBody;
use actix_web::dev::{ServiceRequest, ServiceResponse};
use actix_web::middleware::Next;

pub async fn log(
    req: ServiceRequest,
    next: Next<impl MessageBody>,
) -> Result<ServiceResponse<impl MessageBody>, actix_web::Error> {
    let start = Instant::now();
    let method = req.method().clone();
    let path = req.path().to_string();
    let result = next.call(req).await;
    let millis = start.elapsed().as_secs_f64() * 1000.0;
    match &result {
        Ok(res) => {
            let route = res
                .request()
                .match_pattern()
                .unwrap_or_else(|| redact(&path));
            tracing::info!(
                target: "grillplatz::access",
                "{method} {route} {} {millis:.1}ms",
                res.status().as_u16()
            );
        }
        Err(err) => tracing::info!(
            target: "grillplatz::access",
            "{method} {} {} {millis:.1}ms",
            redact(&path),
            err.as_response_error().status_code().as_u16()
        ),
    }
    result
}

/// A path with every segment that could be a token (long, and only token characters)
/// replaced by `…`; used for paths no route matched.
pub fn redact(path: &str) -> String {
    path.split('/')
        .map(|segment| {
            let tokenish = segment.len() >= 16
                && segment
                    .bytes()
                    .all(|b| b.is_ascii_alphanumeric() || b"-_%.=".contains(&b));
            if tokenish { "…" } else { segment }
        })
        .collect::<Vec<_>>()
        .join("/")
}

#[cfg(test)]
mod tests {
    use super::redact;

    #[test]
    fn long_token_like_segments_are_hidden() {
        assert_eq!(
            redact("/de/rsvp/confirm/Zx4_kP9-aQ2mN8vR1tY6uW3eB5cD7fG0hJ"),
            "/de/rsvp/confirm/…"
        );
        assert_eq!(redact("/de/blog/2026/grillen/"), "/de/blog/2026/grillen/");
    }
}
