//! Redirects that never leave the site: every `Location` we build is a path on this host.

use actix_web::HttpResponse;
use actix_web::http::header;

/// Whether `location` is a path on this site (optionally with a query or fragment).
/// Refused: `//host` and `/\host` (browsers read both as another host), encoded slashes
/// and backslashes, and control characters or spaces, raw or percent-encoded.
pub fn is_local_path(location: &str) -> bool {
    let lower = location.to_ascii_lowercase();
    location.starts_with('/')
        && !location.starts_with("//")
        && !location.contains('\\')
        && !location.chars().any(|c| c.is_control() || c.is_whitespace())
        // %0x and %1x are the encoded control characters.
        && !["%2f", "%5c", "%0", "%1", "%7f", "%20"]
            .iter()
            .any(|encoded| lower.contains(encoded))
}

/// 303 to `location`, the answer to every successful form POST. A location that is not
/// a path on this site goes to the home page instead: no handler can be talked into
/// redirecting elsewhere.
pub fn see_other(location: &str) -> HttpResponse {
    HttpResponse::SeeOther()
        .insert_header((header::LOCATION, local_or_home(location)))
        .finish()
}

/// 308 to `location` (the missing trailing slash), under the same rule.
pub fn permanent(location: &str) -> HttpResponse {
    HttpResponse::PermanentRedirect()
        .insert_header((header::LOCATION, local_or_home(location)))
        .finish()
}

fn local_or_home(location: &str) -> &str {
    if is_local_path(location) {
        location
    } else {
        tracing::warn!("refused a redirect off the site");
        "/"
    }
}

#[cfg(test)]
mod tests {
    use super::is_local_path;

    #[test]
    fn only_paths_on_this_site_are_local() {
        for ok in [
            "/",
            "/de/blog/",
            "/de/events/x/topics/?sort=new#topic-3",
            "/a%C3%A4/",
        ] {
            assert!(is_local_path(ok), "{ok}");
        }
        for bad in [
            "//evil.com/x",
            "/\\evil.com/x",
            "\\\\evil.com",
            "https://evil.com/",
            "evil.com",
            "/%2Fevil.com/",
            "/%5cevil.com/",
            "/%09/evil.com",
            "/\t/evil.com",
            "/x\r\nSet-Cookie: a=b",
            "/%0d%0aSet-Cookie:a",
            "",
        ] {
            assert!(!is_local_path(bad), "{bad:?}");
        }
    }
}
