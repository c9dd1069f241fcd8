//! Security defaults that hold on every response.

use grillplatz::i18n::Lang;

use crate::support::{PASSWORD, PostSpec, TestApp, with_conn};

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

#[actix_web::test]
async fn no_redirect_leaves_the_site() {
    let app = TestApp::new();
    let mut client = app.client().await;
    for path in [
        "//evil.com/x",
        "//evil.com",
        "/\\evil.com/x",
        "/%5Cevil.com/x",
        "/%2Fevil.com/x",
        "/%2f%2fevil.com",
        "/%09/evil.com",
        "/%0d%0aLocation:%20https://evil.com",
        "/de/blog/%2F%2Fevil.com",
    ] {
        let res = client.get(path).await;
        let location = res.header("location");
        assert!(
            location.is_empty() || (location.starts_with('/') && !location.starts_with("//")),
            "{path} → {} {location}",
            res.status
        );
        assert!(
            !location.contains('\\') && !location.to_lowercase().contains("%2f"),
            "{path}"
        );
        assert_ne!(res.status.as_u16(), 500, "{path}");
    }
    // The helpful redirect itself still works.
    let res = client.get("/de/blog").await;
    assert_eq!((res.status.as_u16(), res.location()), (308, "/de/blog/"));
}

/// Every `(method, path)` registered under `/admin`, read from the route tables in the
/// sources (the admin shell and each feature's `admin` module), with `{…}` parameters
/// filled in with 1.
fn admin_routes() -> Vec<(&'static str, String)> {
    let src = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    for entry in std::fs::read_dir(&src).expect("src").flatten() {
        let dir = entry.path();
        if dir.join("admin.rs").is_file() {
            files.push(dir.join("admin.rs"));
        }
        let admin = if dir.ends_with("admin") {
            dir.clone()
        } else {
            dir.join("admin")
        };
        if let Ok(inner) = std::fs::read_dir(&admin) {
            files.extend(inner.flatten().map(|e| e.path()));
        }
    }
    let mut routes = Vec::new();
    for file in files {
        let source = std::fs::read_to_string(&file).expect("source");
        let flat: String = source.split_whitespace().collect::<Vec<_>>().join("");
        for chunk in flat.split(".route(\"").skip(1) {
            let Some((pattern, rest)) = chunk.split_once("\",web::") else {
                continue;
            };
            let method = if rest.starts_with("get()") {
                "GET"
            } else if rest.starts_with("post()") {
                "POST"
            } else {
                continue;
            };
            let path: String = pattern
                .split('/')
                .map(|seg| if seg.starts_with('{') { "1" } else { seg })
                .collect::<Vec<_>>()
                .join("/");
            routes.push((method, format!("/admin{path}")));
        }
    }
    routes.sort();
    routes.dedup();
    routes
}

fn row_counts(app: &TestApp) -> Vec<i64> {
    use diesel::prelude::*;
    use grillplatz::db::schema::*;
    with_conn(app, |c| {
        vec![
            posts::table.count().get_result(c).expect("posts"),
            comments::table.count().get_result(c).expect("comments"),
            categories::table.count().get_result(c).expect("categories"),
            events::table.count().get_result(c).expect("events"),
            rsvps::table.count().get_result(c).expect("rsvps"),
            topics::table.count().get_result(c).expect("topics"),
            rooms::table.count().get_result(c).expect("rooms"),
            contacts::table.count().get_result(c).expect("contacts"),
            campaigns::table.count().get_result(c).expect("campaigns"),
            outbox::table.count().get_result(c).expect("outbox"),
            organizers::table.count().get_result(c).expect("organizers"),
        ]
    })
}

#[actix_web::test]
async fn every_admin_route_is_closed_without_a_session_and_never_cached() {
    let app = TestApp::new();
    let author = app.organizer("anna@example.org", "Anna");
    app.post(author, PostSpec::published(Lang::De, "grillen", "Grillen"));
    app.event(crate::support::EventSpec::published("sommergrillen"));
    let routes = admin_routes();
    assert!(
        routes.len() > 60,
        "found only {} admin routes",
        routes.len()
    );
    let before = row_counts(&app);
    let mut visitor = app.client().await;
    let csrf = visitor.get("/admin/login").await.csrf();
    for (method, path) in &routes {
        let res = match *method {
            "GET" => visitor.get(path).await,
            _ => {
                visitor
                    .post(
                        path,
                        &[("csrf", &csrf), ("title", "x"), ("email", "x@example.org")],
                    )
                    .await
            }
        };
        let open = path == "/admin/login";
        if !open {
            assert_eq!(res.status.as_u16(), 303, "{method} {path}");
            assert_eq!(res.location(), "/admin/login", "{method} {path}");
        }
        assert_eq!(
            res.header("cache-control"),
            "private, no-store",
            "{method} {path}"
        );
    }
    assert_eq!(row_counts(&app), before, "no route changed anything");

    // Logged in, every admin page is still kept out of caches.
    visitor.login("anna@example.org", PASSWORD).await;
    for path in [
        "/admin/",
        "/admin/contacts",
        "/admin/events/1/attendees.csv",
    ] {
        let res = visitor.get(path).await;
        assert_eq!(res.header("cache-control"), "private, no-store", "{path}");
    }
}

#[actix_web::test]
async fn every_admin_form_refuses_a_wrong_csrf_token() {
    let app = TestApp::new();
    let author = app.organizer("anna@example.org", "Anna");
    app.post(author, PostSpec::published(Lang::De, "grillen", "Grillen"));
    app.event(crate::support::EventSpec::published("sommergrillen"));
    let mut anna = app.client().await;
    anna.login("anna@example.org", PASSWORD).await;
    let before = row_counts(&app);
    for (method, path) in admin_routes() {
        if method != "POST" || path == "/admin/login" {
            continue;
        }
        let res = anna
            .post(
                &path,
                &[
                    ("csrf", "forged"),
                    ("title", "x"),
                    ("email", "x@example.org"),
                ],
            )
            .await;
        // The CSV upload reads multipart bodies only: a urlencoded one is a bad request.
        let refused = if path == "/admin/contacts/import" {
            [400, 403]
        } else {
            [403, 403]
        };
        assert!(
            refused.contains(&res.status.as_u16()),
            "POST {path}: {}",
            res.status
        );
    }
    assert_eq!(row_counts(&app), before, "no forged form changed anything");
    assert_eq!(
        anna.get("/admin/").await.status.as_u16(),
        200,
        "still logged in"
    );
}

#[actix_web::test]
async fn token_pages_are_never_cached() {
    let app = TestApp::new();
    let mut client = app.client().await;
    for path in [
        "/de/rsvp/confirm/not-a-real-token",
        "/de/rsvp/not-a-real-token/",
        "/en/unsubscribe/not-a-real-token",
        "/de/newsletter/confirm/not-a-real-token",
    ] {
        let res = client.get(path).await;
        assert_eq!(res.header("cache-control"), "private, no-store", "{path}");
        assert_eq!(res.header("referrer-policy"), "no-referrer", "{path}");
    }
}

#[actix_web::test]
async fn forwarded_addresses_count_only_behind_trusted_proxies() {
    // The test client connects from 203.0.113.7: here that is our proxy.
    let app = TestApp::with_config(|c| {
        c.trusted_proxies = vec!["203.0.113.7/32".parse().expect("network")];
    });
    let author = app.organizer("anna@example.org", "Anna");
    app.post(author, PostSpec::published(Lang::De, "grillen", "Grillen"));
    let mut client = app.client().await;
    let mut passed = 0;
    for i in 0..12 {
        let csrf = client.get("/de/blog/grillen/").await.csrf();
        let body = format!("Kommentar {i}");
        // The client invents an address; the proxy appends the one it really saw.
        let chain = format!("10.66.0.{i}, 198.51.100.30");
        let res = client
            .post_with(
                "/de/blog/grillen/comments",
                &[
                    ("name", "Jana"),
                    ("email", "jana@example.org"),
                    ("body", &body),
                    ("csrf", &csrf),
                ],
                ("x-forwarded-for", &chain),
            )
            .await;
        if res.status.as_u16() == 303 {
            passed += 1;
        }
    }
    assert_eq!(passed, 5, "the comment limit holds per real client");

    // Another real client behind the same proxy has its own allowance.
    let csrf = client.get("/de/blog/grillen/").await.csrf();
    let res = client
        .post_with(
            "/de/blog/grillen/comments",
            &[
                ("name", "Jo"),
                ("email", "jo@example.org"),
                ("body", "Hallo"),
                ("csrf", &csrf),
            ],
            ("x-forwarded-for", "198.51.100.31"),
        )
        .await;
    assert_eq!(res.status.as_u16(), 303);
}

/// Collects what the app logs while it lives.
#[derive(Clone, Default)]
struct Captured(std::sync::Arc<std::sync::Mutex<Vec<u8>>>);

impl std::io::Write for Captured {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0.lock().expect("log buffer").extend_from_slice(buf);
        Ok(buf.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// The process-wide log capture. Global, because a callsite first reached by a test on
/// another thread would not be reported to a thread-local subscriber.
fn captured_log() -> &'static Captured {
    static CAPTURED: std::sync::OnceLock<Captured> = std::sync::OnceLock::new();
    CAPTURED.get_or_init(|| {
        let captured = Captured::default();
        let writer = captured.clone();
        let subscriber = tracing_subscriber::fmt()
            .with_writer(move || writer.clone())
            .with_max_level(tracing::Level::INFO)
            .with_ansi(false)
            .finish();
        tracing::subscriber::set_global_default(subscriber).expect("the only log subscriber");
        captured
    })
}

#[actix_web::test]
async fn the_access_log_names_routes_and_never_a_token() {
    let captured = captured_log();
    let app = TestApp::new();
    app.event(crate::support::EventSpec::published("sommergrillen"));
    let mut client = app.client().await;
    client
        .submit(
            "/de/events/sommergrillen/",
            "/de/events/sommergrillen/rsvp",
            &crate::events::rsvp_fields("Jana", "jana@example.org", "0"),
        )
        .await;
    let mails = crate::events::mail_to(&app, "jana@example.org");
    let confirm = crate::events::link(&mails[0].1, "/de/rsvp/confirm/");
    client.get(&confirm).await;
    client.submit(&confirm, &confirm, &[]).await;
    let mails = crate::events::mail_to(&app, "jana@example.org");
    let manage = crate::events::link(&mails[1].1, "/de/rsvp/");
    client.get(&manage).await;
    client
        .submit(&manage, &format!("{manage}cancel"), &[])
        .await;
    client
        .get("/de/rsvp/confirm/Zx4kP9aQ2mN8vR1tY6uW3eB5cD7fG0hJ")
        .await;

    let log = String::from_utf8_lossy(&captured.0.lock().expect("log")).into_owned();
    assert!(
        log.contains("GET /{lang:de|en}/rsvp/confirm/{token} 200"),
        "{log}"
    );
    assert!(
        log.contains("POST /{lang:de|en}/rsvp/{token}/cancel"),
        "{log}"
    );
    let tokens = [
        confirm.trim_start_matches("/de/rsvp/confirm/").to_string(),
        manage
            .trim_start_matches("/de/rsvp/")
            .trim_end_matches('/')
            .to_string(),
        "Zx4kP9aQ2mN8vR1tY6uW3eB5cD7fG0hJ".to_string(),
    ];
    for token in tokens {
        assert!(token.len() > 20, "{token}");
        assert!(!log.contains(&token), "token {token} in the log:\n{log}");
    }
}
