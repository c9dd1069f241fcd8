//! Organizer sessions end for every copy of the cookie, expire when idle or old, and
//! logins can neither be raced past their limit nor used to lock the owner out.

use chrono::Duration;
use diesel::prelude::*;
use grillplatz::clock::now;
use grillplatz::db::schema::{contacts, organizer_sessions, rate_counters};
use grillplatz::organizers;

use crate::support::{PASSWORD, TestApp, with_conn};

const EMAIL: &str = "anna@example.org";

fn contact_count(app: &TestApp) -> i64 {
    with_conn(app, |c| {
        contacts::table.count().get_result(c).expect("count")
    })
}

#[actix_web::test]
async fn a_copied_cookie_is_dead_after_logout() {
    let app = TestApp::new();
    app.organizer(EMAIL, "Anna");
    let mut anna = app.client().await;
    assert_eq!(anna.login(EMAIL, PASSWORD).await.status, 303);
    let mut copy = app.client().await;
    copy.use_cookies(anna.cookies());
    let form = copy.get("/admin/contacts/new").await;
    assert_eq!(form.status, 200, "the copy works while the session lives");
    let csrf = form.csrf();

    assert_eq!(
        anna.submit("/admin/", "/admin/logout", &[]).await.status,
        303
    );
    let res = copy.get("/admin/contacts").await;
    assert_eq!(res.status, 303);
    assert_eq!(res.location(), "/admin/login");
    let res = copy
        .post(
            "/admin/contacts/new",
            &[("email", "new@example.org"), ("csrf", &csrf)],
        )
        .await;
    assert_eq!(res.status, 303);
    assert_eq!(res.location(), "/admin/login");
    assert_eq!(contact_count(&app), 0, "nothing was created");
    let rows: i64 = with_conn(&app, |c| {
        organizer_sessions::table
            .count()
            .get_result(c)
            .expect("count")
    });
    assert_eq!(rows, 0);
}

#[actix_web::test]
async fn idle_and_old_sessions_are_sent_to_login() {
    let app = TestApp::with_config(|c| c.session_lifetime.idle = Duration::minutes(30));
    app.organizer(EMAIL, "Anna");
    let mut anna = app.client().await;
    anna.login(EMAIL, PASSWORD).await;
    assert_eq!(anna.get("/admin/").await.status, 200);
    // Half an hour without a click: out.
    with_conn(&app, |c| {
        diesel::update(organizer_sessions::table)
            .set(organizer_sessions::last_seen_at.eq(now() - Duration::minutes(31)))
            .execute(c)
            .expect("idle")
    });
    let res = anna.get("/admin/").await;
    assert_eq!((res.status.as_u16(), res.location()), (303, "/admin/login"));

    // Clicking all the time does not help past the absolute lifetime (14 days).
    anna.login(EMAIL, PASSWORD).await;
    assert_eq!(anna.get("/admin/").await.status, 200);
    with_conn(&app, |c| {
        diesel::update(organizer_sessions::table)
            .set(organizer_sessions::created_at.eq(now() - Duration::days(14)))
            .execute(c)
            .expect("old")
    });
    let res = anna.get("/admin/").await;
    assert_eq!((res.status.as_u16(), res.location()), (303, "/admin/login"));
}

#[actix_web::test]
async fn a_new_password_or_deactivation_ends_every_session() {
    let app = TestApp::new();
    let id = app.organizer(EMAIL, "Anna");
    let mut laptop = app.client().await;
    let mut phone = app.client().await;
    laptop.login(EMAIL, PASSWORD).await;
    phone.login(EMAIL, PASSWORD).await;
    assert_eq!(laptop.get("/admin/").await.status, 200);
    assert_eq!(phone.get("/admin/").await.status, 200);

    let hash = organizers::hash_password("a-brand-new-passphrase").expect("hash");
    with_conn(&app, |c| organizers::set_password(c, id, &hash)).expect("password");
    assert_eq!(laptop.get("/admin/").await.status, 303);
    assert_eq!(phone.get("/admin/").await.status, 303);

    phone.login(EMAIL, "a-brand-new-passphrase").await;
    assert_eq!(phone.get("/admin/").await.status, 200);
    with_conn(&app, |c| organizers::deactivate(c, id, now())).expect("deactivate");
    assert_eq!(
        phone.get("/admin/").await.status,
        303,
        "out on the next click"
    );
    let res = phone.login(EMAIL, "a-brand-new-passphrase").await;
    assert_eq!(res.status, 422, "a closed account cannot log in");
}

#[actix_web::test]
async fn sixty_parallel_guesses_reach_the_password_check_five_times() {
    let app = TestApp::new();
    app.organizer(EMAIL, "Anna");
    let mut client = app.client().await;
    let csrf = client.get("/admin/login").await.csrf();
    let statuses = client
        .post_concurrently(
            "/admin/login",
            &[("email", EMAIL), ("password", "guess"), ("csrf", &csrf)],
            60,
        )
        .await;
    let checked = statuses.iter().filter(|s| s.as_u16() == 422).count();
    let refused = statuses.iter().filter(|s| s.as_u16() == 429).count();
    assert_eq!((checked, refused), (5, 55), "{statuses:?}");
    let failures: i32 = with_conn(&app, |c| {
        rate_counters::table
            .find(("login-account", format!("email:{EMAIL}")))
            .select(rate_counters::hits)
            .first(c)
            .expect("counter")
    });
    assert_eq!(failures, 5, "only checked passwords count as failures");
}

#[actix_web::test]
async fn failures_elsewhere_never_lock_the_owner_out() {
    let app = TestApp::new();
    app.organizer(EMAIL, "Anna");
    let mut attacker = app.client().await;
    for _ in 0..5 {
        attacker.login(EMAIL, "guess").await;
    }
    let res = attacker.login(EMAIL, PASSWORD).await;
    assert_eq!(res.status, 429, "this address has used up its tries");

    let mut anna = app.client().await;
    anna.connect_from("198.51.100.20:50000");
    let res = anna.login(EMAIL, PASSWORD).await;
    assert_eq!((res.status.as_u16(), res.location()), (303, "/admin/"));

    // A flood from many addresses slows the account down but still lets the owner in.
    for i in 1..=7 {
        attacker.forget_cookies();
        attacker.connect_from(&format!("192.0.2.{i}:1000"));
        assert_eq!(attacker.login(EMAIL, "guess").await.status, 422);
    }
    anna.forget_cookies();
    anna.connect_from("198.51.100.21:50000");
    let res = anna.login(EMAIL, PASSWORD).await;
    assert_eq!((res.status.as_u16(), res.location()), (303, "/admin/"));
}
