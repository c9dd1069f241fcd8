//! Security defaults that hold on every response.

use crate::support::TestApp;

#[actix_web::test]
async fn every_response_carries_the_security_headers() {
    let app = TestApp::new();
    let mut client = app.client().await;
    for path in [
        "/",
        "/de/",
        "/en/blog/",
        "/admin/login",
        "/de/nope/",
        "/sitemap.xml",
    ] {
        let res = client.get(path).await;
        let csp = res.header("content-security-policy");
        assert!(csp.contains("script-src 'self'"), "{path}: {csp}");
        assert!(csp.contains("frame-ancestors 'none'"), "{path}");
        assert!(!csp.contains("unsafe-inline"), "{path}");
        // Images only from the site itself: nothing written on it can track its readers.
        assert!(csp.contains("img-src 'self' data:;"), "{path}: {csp}");
        assert!(!csp.contains("https:"), "{path}: {csp}");
        assert_eq!(res.header("x-content-type-options"), "nosniff", "{path}");
        assert_eq!(
            res.header("referrer-policy"),
            "strict-origin-when-cross-origin",
            "{path}"
        );
    }
}

#[actix_web::test]
async fn session_cookie_is_http_only_and_same_site() {
    let app = TestApp::new();
    let mut client = app.client().await;
    let res = client.get("/admin/login").await;
    let cookie = res
        .headers
        .get_all("set-cookie")
        .filter_map(|v| v.to_str().ok())
        .find(|c| c.starts_with("grillplatz="))
        .expect("session cookie")
        .to_string();
    assert!(cookie.contains("HttpOnly"), "{cookie}");
    assert!(cookie.contains("SameSite=Lax"), "{cookie}");
}

#[actix_web::test]
async fn static_files_are_versioned_and_cached_for_a_year() {
    let app = TestApp::new();
    let mut client = app.client().await;
    let page = client.get("/de/").await;
    let start = page.body.find("/static/").expect("stylesheet link");
    let end = start + page.body[start..].find('"').expect("end of href");
    let href = page.body[start..end].to_string();
    assert!(href.ends_with("/app.css"));
    let css = client.get(&href).await;
    assert_eq!(css.status, 200);
    assert!(css.header("content-type").starts_with("text/css"));
    assert_eq!(
        css.header("cache-control"),
        "public, max-age=31536000, immutable"
    );
    let stale = client.get("/static/0000000000/app.css").await;
    assert_eq!(stale.header("cache-control"), "no-cache");
    assert_eq!(client.get("/static/abc/nothing.css").await.status, 404);
}
