//! Attendees register, confirm by email, wait, move up and cancel; calendars are right.

use chrono::{Duration, NaiveDate, NaiveDateTime};
use diesel::prelude::*;
use grillplatz::clock::now;
use grillplatz::db::schema::{outbox, rsvps};
use grillplatz::events::queries;
use grillplatz::i18n::Lang;
use grillplatz::mail::links::MailContext;

use crate::support::{EventSpec, RsvpSpec, TestApp, with_conn};

/// Mail queued for `to`, oldest first: (subject, text body, has ics).
pub fn mail_to(app: &TestApp, to: &str) -> Vec<(String, String, bool)> {
    with_conn(app, |c| {
        outbox::table
            .filter(outbox::recipient.eq(to))
            .order(outbox::id)
            .select((
                outbox::subject,
                outbox::body_text,
                outbox::ics.is_not_null(),
            ))
            .load(c)
            .expect("outbox")
    })
}

/// The first URL path in `text` that starts with `prefix` (after the base URL).
pub fn link(text: &str, prefix: &str) -> String {
    let base = "http://grillplatz.test";
    let start = text
        .find(&format!("{base}{prefix}"))
        .unwrap_or_else(|| panic!("no {prefix} link in:\n{text}"));
    let rest = &text[start + base.len()..];
    rest.split_whitespace()
        .next()
        .unwrap_or_default()
        .to_string()
}

pub fn rsvp_fields<'a>(name: &'a str, email: &'a str, guests: &'a str) -> Vec<(&'a str, &'a str)> {
    vec![
        ("name", name),
        ("email", email),
        ("lang", "de"),
        ("guests", guests),
        ("diet", "vegetarian"),
        ("notes", ""),
        ("consent", "yes"),
    ]
}

#[actix_web::test]
async fn attendee_registers_confirms_by_email_and_cancels() {
    let app = TestApp::new();
    app.event(EventSpec::published("sommergrillen"));
    let mut client = app.client().await;
    let page = client.get("/de/events/sommergrillen/").await;
    assert_eq!(page.status, 200);
    page.assert_contains("Noch 10 von 10 Plätzen frei");
    page.assert_contains("application/ld+json");
    page.assert_contains("Große Ulrichstraße 12");
    client
        .get("/de/events/")
        .await
        .assert_contains("Sommergrillen");

    let res = client
        .submit(
            "/de/events/sommergrillen/",
            "/de/events/sommergrillen/rsvp",
            &rsvp_fields("Jana", " Jana@Example.org", "1"),
        )
        .await;
    assert_eq!(res.status, 303, "{}", res.body);
    client
        .get("/de/events/sommergrillen/")
        .await
        .assert_contains("Bitte bestätige noch deine Anmeldung");
    let mails = mail_to(&app, "jana@example.org");
    assert_eq!(mails.len(), 1);
    assert!(
        mails[0].0.starts_with("Bitte bestätige deine Anmeldung"),
        "{}",
        mails[0].0
    );
    // Not confirmed yet: no place taken.
    client
        .get("/de/events/sommergrillen/")
        .await
        .assert_contains("Noch 10 von 10");

    let confirm = link(&mails[0].1, "/de/rsvp/confirm/");
    let ask = client.get(&confirm).await;
    assert_eq!(ask.status, 200);
    ask.assert_contains("Anmeldung bestätigen");
    let done = client.submit(&confirm, &confirm, &[]).await;
    assert_eq!(done.status, 200);
    done.assert_contains("Danke, du bist dabei!");
    client
        .get("/de/events/sommergrillen/")
        .await
        .assert_contains("Noch 8 von 10 Plätzen frei");
    let mails = mail_to(&app, "jana@example.org");
    assert_eq!(mails.len(), 2);
    assert!(mails[1].0.starts_with("Du bist dabei"), "{}", mails[1].0);
    assert!(mails[1].2, "the confirmation carries the .ics");
    // The link works once.
    assert_eq!(client.submit(&confirm, &confirm, &[]).await.status, 404);

    let manage = link(&mails[1].1, "/de/rsvp/");
    let page = client.get(&manage).await;
    assert_eq!(page.status, 200);
    page.assert_contains("Du bist angemeldet.");
    assert_eq!(page.header("cache-control"), "private, no-store");
    // Cancelling asks first and says what happens to the place; asking changes nothing.
    let question = format!("{manage}cancel");
    let ask = client.get(&question).await;
    assert_eq!(ask.texts("h1"), ["Wirklich absagen?"]);
    ask.assert_contains("Dein Platz wird wieder frei.");
    ask.assert_contains("Das gilt auch für deine Begleitperson.");
    assert_eq!(ask.texts("form button"), ["Ja, absagen"]);
    assert_eq!(mail_to(&app, "jana@example.org").len(), 2);
    client
        .get("/de/events/sommergrillen/")
        .await
        .assert_contains("Noch 8 von 10");
    let res = client.submit(&question, &question, &[]).await;
    assert_eq!(res.status, 303);
    client
        .get(&manage)
        .await
        .assert_contains("Diese Anmeldung ist storniert.");
    client
        .get("/de/events/sommergrillen/")
        .await
        .assert_contains("Noch 10 von 10");
    assert!(
        mail_to(&app, "jana@example.org")[2]
            .0
            .starts_with("Abgesagt")
    );
}

#[actix_web::test]
async fn registering_again_sends_a_link_instead_of_a_duplicate() {
    let app = TestApp::new();
    app.event(EventSpec::published("grillen"));
    let mut client = app.client().await;
    for _ in 0..2 {
        let res = client
            .submit(
                "/en/events/grillen/",
                "/en/events/grillen/rsvp",
                &rsvp_fields("Jo", "jo@example.org", "0"),
            )
            .await;
        assert_eq!(res.status, 303);
        // Followed as a browser does: that page says to check the inbox.
        client.get(res.location()).await.assert_no("#rsvp form");
    }
    let count: i64 = with_conn(&app, |c| rsvps::table.count().get_result(c).expect("count"));
    assert_eq!(count, 1);
    let mails = mail_to(&app, "jo@example.org");
    assert_eq!(mails.len(), 2, "a fresh link each time");
    // Whichever mail is opened, its link confirms; the other then says so, never 404.
    let old = link(&mails[0].1, "/de/rsvp/confirm/");
    let new = link(&mails[1].1, "/de/rsvp/confirm/");
    assert_ne!(old, new);
    let first = client.submit(&old, &old, &[]).await;
    assert_eq!(first.status, 200);
    first.assert_contains("Danke, du bist dabei!");
    let second = client.submit(&new, &new, &[]).await;
    assert_eq!(second.status, 200);
    second.assert_contains("Deine Anmeldung ist schon bestätigt");
    let manage = scraper::Selector::parse(r#"a[href^="/de/rsvp/"]"#).expect("selector");
    assert!(
        second.html().select(&manage).next().is_some(),
        "a manage link"
    );
    // Each link works once.
    assert_eq!(client.submit(&new, &new, &[]).await.status, 404);
    let places: i64 = with_conn(&app, |c| {
        rsvps::table
            .filter(rsvps::status.eq("confirmed"))
            .count()
            .get_result(c)
            .expect("count")
    });
    assert_eq!(places, 1);
    // Registering once more after confirming re-sends the manage link, no new RSVP.
    client
        .submit(
            "/en/events/grillen/",
            "/en/events/grillen/rsvp",
            &rsvp_fields("Jo", "jo@example.org", "0"),
        )
        .await;
    let mails = mail_to(&app, "jo@example.org");
    assert!(
        mails
            .last()
            .expect("mail")
            .0
            .starts_with("Du bist schon angemeldet")
    );
}

#[actix_web::test]
async fn rsvp_form_rejects_bad_input_and_keeps_it() {
    let app = TestApp::new();
    app.event(EventSpec::published("grillen"));
    let mut client = app.client().await;
    let long = "x".repeat(1001);
    let script = "<script>alert(1)</script>";
    let cases: Vec<(Vec<(&str, &str)>, &str)> = vec![
        (
            vec![
                ("name", ""),
                ("email", ""),
                ("lang", "de"),
                ("guests", "0"),
                ("diet", "vegan"),
                ("consent", "yes"),
            ],
            "Bitte fülle dieses Feld aus.",
        ),
        (
            vec![
                ("name", "Jana"),
                ("email", "jana@"),
                ("lang", "de"),
                ("guests", "0"),
                ("diet", "vegan"),
                ("consent", "yes"),
            ],
            "gültige E-Mail-Adresse",
        ),
        (
            vec![
                ("name", "Jana"),
                ("email", "jana@example.org"),
                ("lang", "de"),
                ("guests", "0"),
                ("diet", "vegan"),
            ],
            "Ohne deine Einwilligung",
        ),
        (
            vec![
                ("name", "Jana"),
                ("email", "jana@example.org"),
                ("lang", "de"),
                ("guests", "3"),
                ("diet", "vegan"),
                ("consent", "yes"),
            ],
            "Bitte wähle eine Zahl",
        ),
        (
            vec![
                ("name", "Jana"),
                ("email", "jana@example.org"),
                ("lang", "de"),
                ("guests", "-1"),
                ("diet", "vegan"),
                ("consent", "yes"),
            ],
            "Bitte wähle eine Zahl",
        ),
        (
            vec![
                ("name", "Jana"),
                ("email", "jana@example.org"),
                ("lang", "de"),
                ("guests", "0"),
                ("diet", "steak"),
                ("consent", "yes"),
            ],
            "Bitte wähle einen Eintrag",
        ),
        (
            vec![
                ("name", "Jana"),
                ("email", "jana@example.org"),
                ("lang", "xx"),
                ("guests", "0"),
                ("diet", "vegan"),
                ("consent", "yes"),
            ],
            "Bitte wähle einen Eintrag",
        ),
        (
            vec![
                ("name", "Jana"),
                ("email", "jana@example.org"),
                ("lang", "de"),
                ("guests", "0"),
                ("diet", "vegan"),
                ("notes", &long),
                ("consent", "yes"),
            ],
            "Dieser Text ist zu lang.",
        ),
        (
            vec![
                ("name", script),
                ("email", script),
                ("lang", "de"),
                ("guests", "0"),
                ("diet", "vegan"),
                ("notes", script),
                ("consent", "yes"),
            ],
            "gültige E-Mail-Adresse",
        ),
    ];
    for (fields, message) in cases {
        let res = client
            .submit("/de/events/grillen/", "/de/events/grillen/rsvp", &fields)
            .await;
        assert_eq!(res.status, 422, "{fields:?}");
        res.assert_contains(message);
        res.assert_lacks("<script>alert");
        let typed_name = fields
            .iter()
            .find(|(k, _)| *k == "name")
            .map(|(_, v)| v.to_string());
        assert_eq!(res.field("name"), typed_name, "{fields:?}");
    }
    let res = client
        .post(
            "/de/events/grillen/rsvp",
            &rsvp_fields("Jana", "jana@example.org", "0"),
        )
        .await;
    assert_eq!(res.status, 403, "no CSRF token");
    assert_eq!(
        client
            .submit(
                "/de/events/grillen/",
                "/de/events/nope/rsvp",
                &rsvp_fields("J", "j@example.org", "0")
            )
            .await
            .status,
        404
    );
    assert_eq!(client.get("/de/events/nope/").await.status, 404);
    assert_eq!(client.get("/de/rsvp/not-a-token/").await.status, 404);
    assert_eq!(
        with_conn(&app, |c| rsvps::table
            .count()
            .get_result::<i64>(c)
            .expect("count")),
        0
    );
}

#[actix_web::test]
async fn drafts_and_past_or_closed_events_take_no_registrations() {
    let app = TestApp::new();
    app.event(EventSpec::published("vorbei").starting_at(now() - Duration::days(3)));
    app.event(
        EventSpec::published("entwurf")
            .starting_at(now() + Duration::days(3))
            .lasting(Duration::hours(2))
            .draft(),
    );
    app.event(EventSpec::published("offen"));
    let mut client = app.client().await;
    assert_eq!(client.get("/de/events/entwurf/").await.status, 404);
    let page = client.get("/de/events/vorbei/").await;
    page.assert_contains("keine Anmeldung mehr möglich");
    let list = client.get("/de/events/").await;
    list.assert_contains("Vergangene Termine");
    let res = client
        .submit(
            "/de/events/offen/",
            "/de/events/vorbei/rsvp",
            &rsvp_fields("Jana", "jana@example.org", "0"),
        )
        .await;
    assert_eq!(res.status, 409);
    res.assert_contains("Die Anmeldung für diesen Termin ist geschlossen.");
}

/// `n` people registered with `guests` each, none confirmed yet: their confirmation tokens.
fn pending(app: &TestApp, event_id: i64, n: usize, guests: i32) -> Vec<String> {
    (0..n)
        .map(|i| {
            let spec = RsvpSpec::pending(&format!("Person {i}"))
                .email(&format!("p{i}-{guests}@example.org"))
                .lang(Lang::En)
                .guests(guests);
            app.rsvp(event_id, spec).confirm_token
        })
        .collect()
}

pub fn mail_ctx(app: &TestApp) -> MailContext {
    let config = &app.state.config;
    MailContext::new(&config.base_url, &config.site_name, &config.secret_key)
}

#[test]
fn two_hundred_confirmations_race_for_twenty_places() {
    let app = TestApp::new();
    let event_id = app.event(EventSpec::published("ansturm").capacity(20));
    let tokens = pending(&app, event_id, 200, 0);
    let pool = grillplatz::db::connect(&app.url, 16).expect("pool");
    let ctx = mail_ctx(&app);
    let chunks: Vec<Vec<String>> = tokens.chunks(13).map(|c| c.to_vec()).collect();
    let outcomes: Vec<String> = std::thread::scope(|scope| {
        let handles: Vec<_> = chunks
            .into_iter()
            .map(|chunk| {
                let pool = pool.clone();
                let ctx = ctx.clone();
                scope.spawn(move || {
                    let mut conn = pool.get().expect("conn");
                    chunk
                        .iter()
                        .map(|t| {
                            match queries::confirm(&mut conn, t, &ctx, now())
                                .expect("confirm never fails")
                            {
                                queries::Confirmation::Confirmed(..) => "confirmed".to_string(),
                                queries::Confirmation::Waitlisted(..) => "waitlisted".to_string(),
                                other => format!("{other:?}"),
                            }
                        })
                        .collect::<Vec<_>>()
                })
            })
            .collect();
        handles
            .into_iter()
            .flat_map(|h| h.join().expect("thread"))
            .collect()
    });
    assert_eq!(outcomes.iter().filter(|o| *o == "confirmed").count(), 20);
    assert_eq!(outcomes.iter().filter(|o| *o == "waitlisted").count(), 180);
    let taken = with_conn(&app, |c| queries::places_taken(c, event_id)).expect("taken");
    assert_eq!(taken, 20);
    let mails: i64 = with_conn(&app, |c| {
        outbox::table.count().get_result(c).expect("count")
    });
    assert_eq!(mails, 200, "one email per confirmation");
}

#[actix_web::test]
async fn a_cancellation_promotes_the_first_waiting_people_who_fit() {
    let app = TestApp::new();
    let event_id = app.event(EventSpec::published("klein").capacity(2));
    let ctx = mail_ctx(&app);
    let with_guest = pending(&app, event_id, 2, 1); // two people bringing one guest each
    let alone = pending(&app, event_id, 1, 0);
    let confirm =
        |t: &String| with_conn(&app, |c| queries::confirm(c, t, &ctx, now())).expect("confirm");
    assert!(matches!(
        confirm(&with_guest[0]),
        queries::Confirmation::Confirmed(..)
    ));
    assert!(matches!(
        confirm(&with_guest[1]),
        queries::Confirmation::Waitlisted(_, _, 1)
    ));
    assert!(matches!(
        confirm(&alone[0]),
        queries::Confirmation::Waitlisted(_, _, 2)
    ));
    let first: i64 = with_conn(&app, |c| {
        rsvps::table
            .filter(rsvps::email.eq("p0-1@example.org"))
            .select(rsvps::id)
            .first(c)
            .expect("id")
    });
    with_conn(&app, |c| queries::cancel(c, first, &ctx, now())).expect("cancel");
    let status = |email: &str| -> String {
        with_conn(&app, |c| {
            rsvps::table
                .filter(rsvps::email.eq(email))
                .select(rsvps::status)
                .first(c)
                .expect("status")
        })
    };
    assert_eq!(
        status("p1-1@example.org"),
        "confirmed",
        "first in line, needs two places, gets them"
    );
    assert_eq!(status("p0-0@example.org"), "waitlisted");
    assert!(
        mail_to(&app, "p1-1@example.org")
            .iter()
            .any(|(s, _, ics)| s.starts_with("A place has become free") && *ics)
    );
}

#[actix_web::test]
async fn expired_links_say_so_and_registering_again_helps() {
    let app = TestApp::new();
    let event_id = app.event(EventSpec::published("grillen").capacity(5));
    // Registered just longer ago than a confirmation link lasts.
    let registered_at = now() - queries::CONFIRM_TTL - Duration::minutes(1);
    let token = app
        .rsvp(
            event_id,
            RsvpSpec::pending("Person 0").registered_at(registered_at),
        )
        .confirm_token;
    let mut client = app.client().await;
    let url = format!("/en/rsvp/confirm/{token}");
    let res = client.submit(&url, &url, &[]).await;
    assert_eq!(res.status, 410);
    res.assert_contains("This link has expired. Just register again");
}

fn ics(app: &TestApp, start: NaiveDateTime) -> String {
    app.event(
        EventSpec::published("zeitumstellung")
            .starting_at(start)
            .without_agenda(),
    );
    String::new()
}

#[actix_web::test]
async fn calendars_keep_local_times_across_daylight_saving_changes() {
    for (date, utc_hour, dtstart, kind) in [
        // Last Sunday in March: 14:00 in Berlin is already summer time (UTC+2).
        (
            NaiveDate::from_ymd_opt(2027, 3, 28),
            12,
            "DTSTART;TZID=Europe/Berlin:20270328T140000",
            "BEGIN:DAYLIGHT\r\nDTSTART:20270328T020000",
        ),
        // Last Sunday in October: back to winter time (UTC+1).
        (
            NaiveDate::from_ymd_opt(2027, 10, 31),
            13,
            "DTSTART;TZID=Europe/Berlin:20271031T140000",
            "BEGIN:STANDARD\r\nDTSTART:20271031T030000",
        ),
    ] {
        let app = TestApp::new();
        let start = date
            .and_then(|d| d.and_hms_opt(utc_hour, 0, 0))
            .expect("date");
        ics(&app, start);
        let mut client = app.client().await;
        let res = client.get("/de/events/zeitumstellung/event.ics").await;
        assert_eq!(res.status, 200);
        assert!(res.header("content-type").starts_with("text/calendar"));
        let body = &res.body;
        for needle in [
            "BEGIN:VCALENDAR",
            "VERSION:2.0",
            "PRODID:",
            "UID:",
            "DTSTAMP:",
            "SEQUENCE:0",
            dtstart,
            "TZID:Europe/Berlin",
            kind,
            "LOCATION:",
            "URL:http://grillplatz.test/de/events/zeitumstellung/",
            "STATUS:CONFIRMED",
        ] {
            assert!(body.contains(needle), "{needle} missing in:\n{body}");
        }
        assert!(body.lines().all(|l| l.len() <= 76), "lines are folded");
        let page = client.get("/de/events/zeitumstellung/").await;
        page.assert_contains("14:00–23:00 Uhr");
    }
}

#[actix_web::test]
async fn calendar_uid_stays_and_sequence_rises_with_each_change() {
    let app = TestApp::new();
    let id = app.event(EventSpec::published("grillen"));
    let mut client = app.client().await;
    let first = client.get("/calendar.ics").await.body;
    let uid = first
        .lines()
        .find(|l| l.starts_with("UID:"))
        .expect("uid")
        .to_string();
    let input = EventSpec::published("grillen")
        .capacity(12)
        .starting_at(now() + Duration::days(11))
        .titled_de("Sommergrillen (verschoben)")
        .input();
    with_conn(&app, |c| queries::save_event(c, Some(id), &input, now())).expect("edit");
    let second = client.get("/calendar.ics").await.body;
    assert!(second.contains(&uid));
    assert!(second.contains("SEQUENCE:1"));
    assert!(second.contains("SUMMARY:Sommergrillen (verschoben)"));
    with_conn(&app, |c| {
        queries::cancel_event(c, id, &mail_ctx(&app), now())
    })
    .expect("cancel");
    let third = client.get("/en/calendar.ics").await.body;
    assert!(third.contains("STATUS:CANCELLED"));
    assert!(third.contains("SEQUENCE:2"));
    assert!(third.contains("SUMMARY:Summer BBQ"));
}

#[actix_web::test]
async fn many_registrations_from_one_address_are_slowed_down() {
    let app = TestApp::new();
    app.event(EventSpec::published("grillen").capacity(100));
    let mut client = app.client().await;
    for n in 0..10 {
        let email = format!("person{n}@example.org");
        let res = client
            .submit(
                "/de/events/grillen/",
                "/de/events/grillen/rsvp",
                &rsvp_fields("Jana", &email, "0"),
            )
            .await;
        assert_eq!(res.status, 303, "registration {n}");
        client.get(res.location()).await;
    }
    let res = client
        .submit(
            "/de/events/grillen/",
            "/de/events/grillen/rsvp",
            &rsvp_fields("Jana", "elf@example.org", "0"),
        )
        .await;
    assert_eq!(res.status, 429);
    assert_eq!(res.field("email").as_deref(), Some("elf@example.org"));
    assert_eq!(
        with_conn(&app, |c| rsvps::table
            .count()
            .get_result::<i64>(c)
            .expect("count")),
        10
    );
}

#[actix_web::test]
async fn a_full_event_offers_the_waiting_list_at_every_step() {
    let app = TestApp::new();
    let id = app.event(EventSpec::published("sommergrillen").capacity(1));
    let ann = app.rsvp(id, RsvpSpec::confirmed("Ann"));
    let mut client = app.client().await;
    let page = client.get("/de/events/sommergrillen/").await;
    assert_eq!(
        page.texts("#rsvp form button[type=submit]"),
        ["Auf die Warteliste"]
    );
    page.assert_contains("Gerade sind alle Plätze vergeben");

    let sent = client
        .submit(
            "/de/events/sommergrillen/",
            "/de/events/sommergrillen/rsvp",
            &rsvp_fields("Ben", "ben@example.org", "0"),
        )
        .await;
    assert_eq!(sent.status, 303);
    // Right after registering the section says what to do, and offers no second form.
    let after = client.get("/de/events/sommergrillen/").await;
    after.assert_contains("Schau in dein Postfach");
    after.assert_no("#rsvp form");
    after.assert_has("#rsvp a[href='/de/events/sommergrillen/#rsvp']");
    client
        .get("/de/events/sommergrillen/")
        .await
        .assert_has("#rsvp form");

    let mails = mail_to(&app, "ben@example.org");
    assert!(
        mails[0].1.contains("kommst du auf die Warteliste"),
        "{}",
        mails[0].1
    );
    let confirm = link(&mails[0].1, "/de/rsvp/confirm/");
    let done = client.submit(&confirm, &confirm, &[]).await;
    assert_eq!(done.texts("h1"), ["Du stehst auf der Warteliste"]);
    done.assert_contains("Platz 1 der Warteliste");

    // The manage page counts the same way and speaks to someone who waits.
    let manage = link(&mail_to(&app, "ben@example.org")[1].1, "/de/rsvp/");
    let page = client.get(&manage).await;
    page.assert_contains("Du stehst auf der Warteliste und bist als Nächstes dran.");
    assert_eq!(page.texts("a.button-danger"), ["Von der Warteliste nehmen"]);
    page.assert_lacks("damit jemand anderes deinen Platz bekommt");
    let ask = client.get(&format!("{manage}cancel")).await;
    assert_eq!(ask.texts("h1"), ["Von der Warteliste gehen?"]);
    ask.assert_contains("alle hinter dir rücken einen Platz vor");
    // Someone waits now, so the one with the place hears who gets it.
    client
        .get(&format!("/de/rsvp/{}/cancel", ann.manage_token))
        .await
        .assert_contains("Dein Platz geht sofort an die nächste Person auf der Warteliste.");
    let cem = app.rsvp(id, RsvpSpec::waitlisted("Cem"));
    client
        .get(&format!("/de/rsvp/{}/", cem.manage_token))
        .await
        .assert_contains("Du stehst auf Platz 2 der Warteliste.");
}

#[actix_web::test]
async fn the_place_mail_repeats_what_was_booked() {
    let app = TestApp::new();
    app.event(EventSpec::published("sommergrillen"));
    let mut client = app.client().await;
    let mut fields = rsvp_fields("Jana", "jana@example.org", "1");
    fields.retain(|(name, _)| *name != "notes");
    fields.push(("notes", "Ich bringe Salat mit"));
    let page = client.get("/de/events/sommergrillen/").await;
    assert_eq!(
        page.texts("#rsvp form button[type=submit]"),
        ["Platz sichern"]
    );
    client
        .submit(
            "/de/events/sommergrillen/",
            "/de/events/sommergrillen/rsvp",
            &fields,
        )
        .await;
    let confirm = link(&mail_to(&app, "jana@example.org")[0].1, "/de/rsvp/confirm/");
    assert_eq!(
        client.get(&confirm).await.texts("h1"),
        ["Anmeldung bestätigen"]
    );
    let done = client.submit(&confirm, &confirm, &[]).await;
    assert_eq!(done.texts("h1"), ["Anmeldung bestätigt"]);
    let place = &mail_to(&app, "jana@example.org")[1];
    assert!(place.0.starts_with("Du bist dabei"), "{}", place.0);
    assert!(
        place
            .1
            .contains("Deine Angaben: mit einer Begleitperson, vom Grill: Vegetarisch."),
        "{}",
        place.1
    );
    assert!(place.1.contains("„Ich bringe Salat mit“"), "{}", place.1);
    // A used link says so in its heading, not "confirm".
    let again = client.submit(&confirm, &confirm, &[]).await;
    assert_eq!(again.texts("h1"), ["Dieser Link funktioniert nicht"]);
}
