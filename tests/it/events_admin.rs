//! Organizers run events: create, cancel, see who comes, check people in, write to them.

use chrono::Duration;
use diesel::prelude::*;
use grillplatz::clock::now;
use grillplatz::db::schema::{events, outbox, rsvps};
use grillplatz::events::model::Diet;
use grillplatz::events::queries;

use crate::support::{EventSpec, PASSWORD, RsvpSpec, TestApp, with_conn};

const EMAIL: &str = "anna@example.org";

fn subjects(app: &TestApp) -> Vec<String> {
    with_conn(app, |c| {
        outbox::table
            .order(outbox::id)
            .select(outbox::subject)
            .load(c)
            .expect("outbox")
    })
}

#[actix_web::test]
async fn organizer_creates_an_event_and_bad_input_comes_back() {
    let app = TestApp::new();
    app.organizer(EMAIL, "Anna");
    let mut client = app.client().await;
    client.login(EMAIL, PASSWORD).await;
    let good = vec![
        ("title_de", "Wintergrillen"),
        ("title_en", "Winter BBQ"),
        ("format", "open_space"),
        ("date", "2099-01-15"),
        ("start_time", "14:00"),
        ("end_time", "23:00"),
        ("venue_name", "Nordlicht"),
        ("venue_address", "Große Ulrichstraße 12, Halle"),
        ("capacity", "25"),
        ("max_guests", "1"),
        (
            "agenda",
            "14:00 Open Space | Open Space\n19:00 Grillen | Barbecue",
        ),
        ("action", "publish"),
    ];
    let script = "<script>alert(1)</script>";
    let broken: Vec<(&str, &str, &str)> = vec![
        ("title_de", "", "Bitte fülle dieses Feld aus."),
        ("date", "15.01.2099", "Bitte gib ein Datum an"),
        ("start_time", "2 Uhr", "Bitte gib eine Uhrzeit an"),
        ("capacity", "viele", "ganze Zahl"),
        ("max_guests", "99", "ganze Zahl"),
        ("format", "rave", "Bitte wähle einen Eintrag"),
        (
            "agenda",
            "irgendwann Grillen",
            "Jede Zeile braucht eine Uhrzeit",
        ),
        (
            "registration_closes",
            "bald",
            "Bitte gib Datum und Uhrzeit an",
        ),
        ("title_en", script, "Nur Kleinbuchstaben"),
        (
            "timezone",
            "Mars/Olympus",
            "Diese Zeitzone kennen wir nicht",
        ),
    ];
    for (field, value, message) in broken {
        let mut fields = good.clone();
        fields.retain(|(k, _)| *k != field);
        fields.push((field, value));
        if field == "title_en" {
            fields.push(("slug", "<b>"));
        }
        let res = client
            .submit("/admin/events/new", "/admin/events/new", &fields)
            .await;
        assert_eq!(res.status, 422, "{field}");
        res.assert_contains(message);
        res.assert_lacks("<script>alert");
        if field != "format" {
            // A select can only show its own options; everything typed is kept.
            assert_eq!(res.field(field).as_deref(), Some(value), "{field} kept");
        }
    }
    assert_eq!(
        with_conn(&app, |c| events::table
            .count()
            .get_result::<i64>(c)
            .expect("count")),
        0
    );
    let res = client
        .submit("/admin/events/new", "/admin/events/new", &good)
        .await;
    assert_eq!(res.status, 303, "{}", res.body);
    let page = client.get("/en/events/wintergrillen/").await;
    assert_eq!(page.status, 200);
    page.assert_contains("Winter BBQ");
    page.assert_contains("January 15, 2099, 2:00–11:00 PM");
    page.assert_contains("Barbecue");
    // The same slug again is refused with a message.
    let res = client
        .submit("/admin/events/new", "/admin/events/new", &good)
        .await;
    assert_eq!(res.status, 422);
    res.assert_contains("schon vergeben");
}

#[actix_web::test]
async fn cancelling_an_event_emails_everyone_registered() {
    let app = TestApp::new();
    app.organizer(EMAIL, "Anna");
    // One place, so Ben waits.
    let id = app.event(EventSpec::published("grillen").capacity(1));
    app.rsvp(id, RsvpSpec::confirmed("Jana"));
    app.rsvp(id, RsvpSpec::waitlisted("Ben").diet(Diet::Omnivore));
    app.rsvp(id, RsvpSpec::cancelled("Eve").diet(Diet::Omnivore));
    let mut client = app.client().await;
    client.login(EMAIL, PASSWORD).await;
    let edit = format!("/admin/events/{id}/edit");
    let res = client
        .submit(&edit, &format!("/admin/events/{id}/cancel"), &[])
        .await;
    assert_eq!(res.status, 303);
    let sent = subjects(&app);
    assert_eq!(sent.len(), 2, "{sent:?}");
    assert!(sent.iter().all(|s| s.starts_with("Fällt aus")));
    client
        .get("/de/events/grillen/")
        .await
        .assert_contains("Dieser Termin fällt leider aus.");
    // Cancelling twice sends nothing more.
    client
        .submit(&edit, &format!("/admin/events/{id}/cancel"), &[])
        .await;
    assert_eq!(subjects(&app).len(), 2);
    assert_eq!(
        client
            .submit(&edit, "/admin/events/999999/cancel", &[])
            .await
            .status,
        404
    );
}

#[actix_web::test]
async fn attendee_list_counts_for_the_grill_and_exports_safe_csv() {
    let app = TestApp::new();
    app.organizer(EMAIL, "Anna");
    // Four places: Jana with two guests and the formula take them, Ben waits.
    let id = app.event(EventSpec::published("grillen").capacity(4));
    app.rsvp(id, RsvpSpec::confirmed("Jana").guests(2).notes("=1+1"));
    app.rsvp(
        id,
        RsvpSpec::confirmed("=HYPERLINK(\"http://evil.example\",\"klick\")")
            .email("hyperlink@example.org")
            .diet(Diet::Omnivore)
            .notes("=1+1"),
    );
    app.rsvp(
        id,
        RsvpSpec::waitlisted("Ben")
            .guests(1)
            .diet(Diet::Vegetarian)
            .notes("=1+1"),
    );
    let mut client = app.client().await;
    client.login(EMAIL, PASSWORD).await;
    let page = client.get(&format!("/admin/events/{id}/attendees")).await;
    assert_eq!(page.status, 200);
    page.assert_contains(
        "<span class=\"stat-value\">2</span><span class=\"stat-label\">Zusagen</span>",
    );
    page.assert_contains(
        "<span class=\"stat-value\">2</span><span class=\"stat-label\">Begleitpersonen</span>",
    );
    page.assert_contains(
        "<span class=\"stat-value\">3</span><span class=\"stat-label\">Vegan</span>",
    );
    let csv = client
        .get(&format!("/admin/events/{id}/attendees.csv"))
        .await;
    assert_eq!(csv.status, 200);
    assert!(csv.header("content-type").starts_with("text/csv"));
    assert!(csv.body.contains("'=HYPERLINK"), "{}", csv.body);
    assert!(csv.body.contains("'=1+1"));
    assert!(!csv.body.contains(",=HYPERLINK") && !csv.body.contains("\"=HYPERLINK"));
    assert_eq!(
        client.get("/admin/events/999999/attendees").await.status,
        404
    );
    client.forget_cookies();
    assert_eq!(
        client
            .get(&format!("/admin/events/{id}/attendees.csv"))
            .await
            .status,
        303
    );
}

#[actix_web::test]
async fn people_are_checked_in_at_the_door() {
    let app = TestApp::new();
    app.organizer(EMAIL, "Anna");
    let id = app.event(EventSpec::published("grillen"));
    let jana = app.rsvp(id, RsvpSpec::confirmed("Jana")).id;
    let other_event = app.event(EventSpec::published("anderes"));
    let stranger = app.rsvp(other_event, RsvpSpec::confirmed("Fremd")).id;
    let mut client = app.client().await;
    client.login(EMAIL, PASSWORD).await;
    let door = format!("/admin/events/{id}/checkin");
    client
        .get(&door)
        .await
        .assert_contains("Noch ist niemand da.");
    let jana_id = jana.to_string();
    let res = client
        .submit(&door, &door, &[("rsvp", &jana_id), ("arrived", "yes")])
        .await;
    assert_eq!(res.status, 303);
    let page = client.get(&format!("{door}?q=jan")).await;
    page.assert_contains("1 Person ist schon da.");
    page.assert_contains("Doch nicht da");
    let stranger_id = stranger.to_string();
    assert_eq!(
        client
            .submit(&door, &door, &[("rsvp", &stranger_id), ("arrived", "yes")])
            .await
            .status,
        404
    );
    assert_eq!(
        client
            .submit(&door, &door, &[("rsvp", "abc"), ("arrived", "yes")])
            .await
            .status,
        404
    );
}

#[actix_web::test]
async fn organizers_write_to_everyone_registered_or_waiting() {
    let app = TestApp::new();
    app.organizer(EMAIL, "Anna");
    // One place, so Ben waits.
    let id = app.event(EventSpec::published("grillen").capacity(1));
    app.rsvp(id, RsvpSpec::confirmed("Jana"));
    app.rsvp(id, RsvpSpec::waitlisted("Ben"));
    app.rsvp(id, RsvpSpec::pending("Eve"));
    let mut client = app.client().await;
    client.login(EMAIL, PASSWORD).await;
    let form = format!("/admin/events/{id}/message");
    client
        .get(&form)
        .await
        .assert_contains("Geht an 2 Personen");
    let res = client
        .submit(
            &form,
            &form,
            &[("subject", ""), ("body", "Bringt Decken mit!")],
        )
        .await;
    assert_eq!(res.status, 422);
    assert_eq!(res.field("body").as_deref(), Some("Bringt Decken mit!"));
    let res = client
        .submit(
            &form,
            &form,
            &[("subject", "Wetter"), ("body", "Bringt Decken mit!")],
        )
        .await;
    assert_eq!(res.status, 303);
    let sent = subjects(&app);
    assert_eq!(
        sent,
        vec!["Wetter – Sommergrillen", "Wetter – Sommergrillen"]
    );
}

#[actix_web::test]
async fn reminders_go_out_once_per_attendee() {
    let app = TestApp::new();
    // One place, so Ben waits.
    let soon = app.event(
        EventSpec::published("bald")
            .capacity(1)
            .starting_at(now() + Duration::hours(30)),
    );
    let later = app.event(EventSpec::published("spaeter"));
    app.rsvp(soon, RsvpSpec::confirmed("Jana"));
    app.rsvp(soon, RsvpSpec::waitlisted("Ben"));
    app.rsvp(later, RsvpSpec::confirmed("Eve"));
    let config = &app.state.config;
    for _ in 0..3 {
        with_conn(&app, |c| {
            queries::queue_reminders(c, config.reminder_lead, &config.mail_context(), now())
        })
        .expect("remind");
    }
    let reminders: Vec<(String, bool)> = with_conn(&app, |c| {
        outbox::table
            .select((outbox::recipient, outbox::ics.is_not_null()))
            .load(c)
            .expect("outbox")
    });
    assert_eq!(reminders, vec![("jana@example.org".to_string(), true)]);
}

#[actix_web::test]
async fn failed_mail_can_be_sent_again_from_the_admin() {
    let app = TestApp::new();
    app.organizer(EMAIL, "Anna");
    // Raw: the row as eight failed tries leave it, without running a worker eight times.
    with_conn(&app, |c| {
        diesel::insert_into(outbox::table)
            .values((
                outbox::dedupe_key.eq("x"),
                outbox::recipient.eq("bounce@example.org"),
                outbox::subject.eq("Kaputt"),
                outbox::body_text.eq("t"),
                outbox::body_html.eq("h"),
                outbox::status.eq("failed"),
                outbox::attempts.eq(8),
                outbox::last_error.eq("permanent: 550 no such user"),
                outbox::next_attempt_at.eq(now()),
                outbox::created_at.eq(now()),
            ))
            .execute(c)
            .expect("row")
    });
    let id: i64 = with_conn(&app, |c| {
        outbox::table.select(outbox::id).first(c).expect("id")
    });
    let mut client = app.client().await;
    client.login(EMAIL, PASSWORD).await;
    let page = client.get("/admin/outbox").await;
    page.assert_contains("550 no such user");
    let res = client
        .submit("/admin/outbox", &format!("/admin/outbox/{id}/retry"), &[])
        .await;
    assert_eq!(res.status, 303);
    let status: String = with_conn(&app, |c| {
        outbox::table
            .find(id)
            .select(outbox::status)
            .first(c)
            .expect("status")
    });
    assert_eq!(status, "pending");
    assert_eq!(
        client
            .submit("/admin/outbox", &format!("/admin/outbox/{id}/retry"), &[])
            .await
            .status,
        404,
        "only failed mail"
    );
}

#[actix_web::test]
async fn posts_announce_events_and_events_link_their_recap() {
    let app = TestApp::new();
    app.organizer(EMAIL, "Anna");
    let id = app.event(EventSpec::published("grillen"));
    let mut client = app.client().await;
    client.login(EMAIL, PASSWORD).await;
    let event_id = id.to_string();
    let res = client
        .submit(
            "/admin/posts/new",
            "/admin/posts/new",
            &[
                ("title", "Einladung"),
                ("lang", "de"),
                ("body", "Kommt alle!"),
                ("event", &event_id),
                ("action", "publish"),
            ],
        )
        .await;
    assert_eq!(res.status, 303);
    let page = client.get("/de/events/grillen/").await;
    page.assert_contains("Beiträge zu diesem Termin");
    page.assert_contains("href=\"/de/blog/einladung/\"");
    let res = client
        .submit(
            "/admin/posts/new",
            "/admin/posts/new",
            &[
                ("title", "Zweite"),
                ("lang", "de"),
                ("body", "x"),
                ("event", "424242"),
                ("action", "publish"),
            ],
        )
        .await;
    assert_eq!(res.status, 422);
    res.assert_contains("Diese Auswahl gibt es nicht");

    let edit = format!("/admin/events/{id}/edit");
    let mut fields: Vec<(String, String)> = Vec::new();
    let form_page = client.get(&edit).await;
    for name in [
        "title_de",
        "title_en",
        "date",
        "start_time",
        "end_time",
        "venue_name",
        "venue_address",
        "capacity",
        "max_guests",
        "agenda",
    ] {
        fields.push((name.to_string(), form_page.field(name).unwrap_or_default()));
    }
    fields.push(("format".into(), "open_space".into()));
    fields.push(("action".into(), "publish".into()));
    let mut bad = fields.clone();
    bad.push(("recap".into(), "424242".into()));
    let bad: Vec<(&str, &str)> = bad.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
    let res = client.submit(&edit, &edit, &bad).await;
    assert_eq!(res.status, 422);
    res.assert_contains("Diese Auswahl gibt es nicht");
    let post_id: i64 = with_conn(&app, |c| {
        use grillplatz::db::schema::posts;
        posts::table.select(posts::id).first(c).expect("post")
    });
    let post_id = post_id.to_string();
    let mut good = fields.clone();
    good.push(("recap".into(), post_id));
    let good: Vec<(&str, &str)> = good.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
    assert_eq!(client.submit(&edit, &edit, &good).await.status, 303);
    let recap: Option<i64> = with_conn(&app, |c| {
        events::table
            .find(id)
            .select(events::recap_post_id)
            .first(c)
            .expect("event")
    });
    assert!(recap.is_some());
}

#[actix_web::test]
async fn raising_the_capacity_lets_waiting_people_in() {
    let app = TestApp::new();
    app.organizer(EMAIL, "Anna");
    let id = app.event(EventSpec::published("grillen").capacity(1));
    app.rsvp(id, RsvpSpec::confirmed("Jana"));
    let ben = app
        .rsvp(id, RsvpSpec::waitlisted("Ben").diet(Diet::Omnivore))
        .id;
    let mut client = app.client().await;
    client.login(EMAIL, PASSWORD).await;
    let edit = format!("/admin/events/{id}/edit");
    let page = client.get(&edit).await;
    let names = [
        "slug",
        "format",
        "title_de",
        "title_en",
        "description_de",
        "description_en",
        "date",
        "start_time",
        "end_time",
        "venue_name",
        "venue_address",
        "max_guests",
        "registration_opens",
        "registration_closes",
        "agenda",
        "recap",
    ];
    let mut fields: Vec<(&str, String)> = names
        .iter()
        .map(|n| (*n, page.field(n).unwrap_or_default()))
        .collect();
    fields.push(("capacity", "2".into()));
    fields.push(("action", "publish".into()));
    fields.push(("csrf", page.csrf()));
    let borrowed: Vec<(&str, &str)> = fields.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let res = client.post(&edit, &borrowed).await;
    assert_eq!(res.status, 303, "{}", res.body);
    let status: String = with_conn(&app, |c| {
        rsvps::table
            .find(ben)
            .select(rsvps::status)
            .first(c)
            .expect("ben")
    });
    assert_eq!(status, "confirmed");
    assert!(
        subjects(&app).iter().any(|s| s.contains("Platz")),
        "{:?}",
        subjects(&app)
    );
}

fn event_status(app: &TestApp, id: i64) -> String {
    with_conn(app, |c| {
        events::table
            .find(id)
            .select(events::status)
            .first(c)
            .expect("event")
    })
}

#[actix_web::test]
async fn cancelling_an_event_asks_first_and_is_gone_once_it_began() {
    let app = TestApp::new();
    app.organizer(EMAIL, "Anna");
    let id = app.event(EventSpec::published("sommergrillen"));
    app.rsvp(id, RsvpSpec::confirmed("Jana"));
    app.rsvp(id, RsvpSpec::pending("Kai"));
    let mut client = app.client().await;
    client.login(EMAIL, PASSWORD).await;
    let edit = format!("/admin/events/{id}/edit");
    let question = format!("/admin/events/{id}/cancel");
    let page = client.get(&edit).await;
    page.assert_has(&format!("a.button-danger[href='{question}']"));

    let ask = client.get(&question).await;
    assert_eq!(ask.status, 200);
    assert_eq!(ask.texts("h1"), ["„Sommergrillen“ absagen?"]);
    ask.assert_contains("Alle 2 Angemeldeten");
    ask.assert_contains("Das lässt sich nicht rückgängig machen.");
    assert_eq!(event_status(&app, id), "published");
    assert!(subjects(&app).is_empty(), "asking sends nothing");

    let res = client.submit(&question, &question, &[]).await;
    assert_eq!(res.status, 303);
    assert_eq!(event_status(&app, id), "cancelled");
    assert_eq!(subjects(&app).len(), 2);

    // An event that has begun can no longer be called off.
    let started =
        app.event(EventSpec::published("gestern").starting_at(now() - Duration::hours(1)));
    let page = client.get(&format!("/admin/events/{started}/edit")).await;
    page.assert_no("a[href$='/cancel']");
    let late = format!("/admin/events/{started}/cancel");
    let res = client.post(&late, &[("csrf", &page.csrf())]).await;
    assert_eq!(res.status, 303);
    client
        .get(res.location())
        .await
        .assert_contains("absagen geht nicht mehr");
    assert_eq!(event_status(&app, started), "published");
}

#[actix_web::test]
async fn a_published_event_with_registrations_goes_offline_only_when_asked_twice() {
    let app = TestApp::new();
    app.organizer(EMAIL, "Anna");
    let id = app.event(EventSpec::published("sommergrillen"));
    let jana = app.rsvp(id, RsvpSpec::confirmed("Jana"));
    let mut client = app.client().await;
    client.login(EMAIL, PASSWORD).await;
    let edit = format!("/admin/events/{id}/edit");
    let page = client.get(&edit).await;
    let mut fields: Vec<(String, String)> = [
        "title_de",
        "title_en",
        "slug",
        "format",
        "date",
        "start_time",
        "end_time",
        "timezone",
        "venue_name",
        "venue_address",
        "capacity",
        "max_guests",
        "agenda",
    ]
    .iter()
    .map(|name| (name.to_string(), page.field(name).unwrap_or_default()))
    .collect();
    fields.push(("action".into(), "draft".into()));
    let borrowed: Vec<(&str, &str)> = fields
        .iter()
        .map(|(k, v)| (k.as_str(), v.as_str()))
        .collect();
    let res = client.submit(&edit, &edit, &borrowed).await;
    assert_eq!(res.status, 409);
    res.assert_contains("Termin wirklich offline nehmen?");
    res.assert_contains("Eine Person hat sich schon angemeldet");
    assert_eq!(res.field("title_de").as_deref(), Some("Sommergrillen"));
    assert_eq!(event_status(&app, id), "published");

    let anyway: Vec<(&str, &str)> = borrowed
        .iter()
        .map(|&(k, v)| {
            if k == "action" {
                (k, "draft-anyway")
            } else {
                (k, v)
            }
        })
        .collect();
    let res = client.submit(&edit, &edit, &anyway).await;
    assert_eq!(res.status, 303, "{}", res.body);
    assert_eq!(event_status(&app, id), "draft");

    // The mailed links say what happened instead of "not found".
    let mut visitor = app.client().await;
    let gone = visitor.get("/de/events/sommergrillen/").await;
    assert_eq!(gone.status, 410);
    gone.assert_contains("Dieser Termin ist im Moment nicht öffentlich.");
    let manage = visitor
        .get(&format!("/de/rsvp/{}/", jana.manage_token))
        .await;
    assert_eq!(manage.status, 200);
    // A draft nobody registered for stays unknown.
    app.event(EventSpec::published("geheim").draft());
    assert_eq!(visitor.get("/de/events/geheim/").await.status, 404);
}

#[actix_web::test]
async fn each_event_keeps_its_own_time_zone() {
    let app = TestApp::new();
    app.organizer(EMAIL, "Anna");
    let mut client = app.client().await;
    client.login(EMAIL, PASSWORD).await;
    let new = client.get("/admin/events/new").await;
    assert_eq!(new.field("timezone").as_deref(), Some("Europe/Berlin"));
    new.assert_has("datalist#zones option[value='Europe/Lisbon']");
    let fields = [
        ("title_de", "Grillen in Lissabon"),
        ("title_en", "BBQ in Lisbon"),
        ("format", "open_space"),
        ("date", "2099-07-10"),
        ("start_time", "14:00"),
        ("end_time", "23:00"),
        ("timezone", "Europe/Lisbon"),
        ("venue_name", "Praça"),
        ("venue_address", "Lisboa"),
        ("capacity", "20"),
        ("max_guests", "0"),
        ("agenda", "19:00 Grillen | Barbecue"),
        ("action", "publish"),
    ];
    let res = client
        .submit("/admin/events/new", "/admin/events/new", &fields)
        .await;
    assert_eq!(res.status, 303, "{}", res.body);
    let (starts, zone): (chrono::NaiveDateTime, String) = with_conn(&app, |c| {
        events::table
            .select((events::starts_at, events::timezone))
            .first(c)
            .expect("event")
    });
    // 14:00 in Lisbon's summer (UTC+1) is 13:00 UTC.
    assert_eq!(starts.format("%H:%M").to_string(), "13:00");
    assert_eq!(zone, "Europe/Lisbon");
    let page = client.get("/de/events/grillen-in-lissabon/").await;
    page.assert_contains("10. Juli 2099, 14:00–23:00 Uhr (WEST)");
    let ics = client.get("/de/events/grillen-in-lissabon/event.ics").await;
    ics.assert_contains("DTSTART;TZID=Europe/Lisbon:20990710T140000");
    let edit = client.get(res.location()).await;
    assert_eq!(edit.field("timezone").as_deref(), Some("Europe/Lisbon"));
    assert_eq!(edit.field("start_time").as_deref(), Some("14:00"));
    // Mails name the zone too: their readers may be anywhere.
    let mut visitor = app.client().await;
    let event = "/de/events/grillen-in-lissabon/";
    let fields = [
        ("name", "Rui"),
        ("email", "rui@example.org"),
        ("lang", "de"),
        ("guests", "0"),
        ("diet", "vegan"),
        ("consent", "yes"),
    ];
    let res = visitor
        .submit(event, &format!("{event}rsvp"), &fields)
        .await;
    assert_eq!(res.status, 303, "{}", res.body);
    let body: String = with_conn(&app, |c| {
        outbox::table
            .filter(outbox::recipient.eq("rui@example.org"))
            .select(outbox::body_text)
            .first(c)
            .expect("mail")
    });
    assert!(body.contains("10. Juli 2099, 14:00 Uhr (WEST)"), "{body}");
}

fn rsvp_row(app: &TestApp, email: &str) -> (String, i32, bool) {
    with_conn(app, |c| {
        rsvps::table
            .filter(rsvps::email.eq(email))
            .select((
                rsvps::status,
                rsvps::guests,
                rsvps::checked_in_at.is_not_null(),
            ))
            .first(c)
            .expect("rsvp")
    })
}

#[actix_web::test]
async fn organizer_adds_edits_promotes_and_cancels_people_on_the_list() {
    let app = TestApp::new();
    app.organizer(EMAIL, "Anna");
    let id = app.event(EventSpec::published("sommergrillen").capacity(2));
    let jana = app.rsvp(
        id,
        RsvpSpec::confirmed("Jana").guests(1).diet(Diet::Omnivore),
    );
    let ben = app.rsvp(id, RsvpSpec::waitlisted("Ben"));
    let kai = app.rsvp(id, RsvpSpec::pending("Kai"));
    let other = app.event(EventSpec::published("anderswo"));
    let stranger = app.rsvp(other, RsvpSpec::confirmed("Olaf"));
    let mut client = app.client().await;
    client.login(EMAIL, PASSWORD).await;
    let list = format!("/admin/events/{id}/attendees");

    // Organizer words, the registration date, and one set of buttons per row.
    let page = client.get(&list).await;
    assert_eq!(
        page.texts("thead th"),
        [
            "Person",
            "Status",
            "Begleitpersonen",
            "Essen und Hinweise",
            "Aktionen"
        ]
    );
    page.assert_lacks("die du mitbringst");
    page.assert_contains("angemeldet am ");
    page.assert_contains("Ohne Einschränkung");
    page.assert_has(&format!("#rsvp-{} form[action$='/promote']", ben.id));
    page.assert_no(&format!("#rsvp-{} form[action$='/promote']", jana.id));
    assert_eq!(
        page.texts(&format!("#rsvp-{} form[action$='/resend'] button", kai.id)),
        ["Bestätigungslink senden: Kai"]
    );

    // A walk-in: bad input comes back with what was typed.
    let new = format!("{list}/new");
    let script = "<script>alert(1)</script>";
    for (field, value, message) in [
        ("name", "", "Bitte fülle dieses Feld aus."),
        ("email", "kein-at-zeichen", "gültige E-Mail-Adresse"),
        ("notes", &"x".repeat(1001), "zu lang"),
        ("email", "jana@example.org", "schon angemeldet"),
    ] {
        let mut fields = vec![
            ("name", "Lea"),
            ("email", "lea@example.org"),
            ("lang", "de"),
            ("guests", "0"),
            ("diet", "vegan"),
            ("notes", script),
            ("arrived", "yes"),
        ];
        fields.retain(|(k, _)| *k != field);
        fields.push((field, value));
        let res = client.submit(&new, &new, &fields).await;
        assert!(
            matches!(res.status.as_u16(), 409 | 422),
            "{field}: {}",
            res.status
        );
        res.assert_contains(message);
        res.assert_lacks("<script>alert");
        assert_eq!(res.field(field).as_deref(), Some(value), "{field} kept");
    }
    let wrong_csrf = client
        .post(
            &new,
            &[
                ("csrf", "wrong"),
                ("name", "Lea"),
                ("email", "lea@example.org"),
            ],
        )
        .await;
    assert_eq!(wrong_csrf.status, 403);
    let fields = [
        ("name", "Lea"),
        ("email", "lea@example.org"),
        ("lang", "de"),
        ("guests", "0"),
        ("diet", "vegan"),
        ("notes", script),
        ("arrived", "yes"),
        ("notify", "yes"),
    ];
    let res = client.submit(&new, &new, &fields).await;
    assert_eq!(res.status, 303, "{}", res.body);
    // Beyond the capacity: the organizer decided, and sees it.
    assert_eq!(
        rsvp_row(&app, "lea@example.org"),
        ("confirmed".into(), 0, true)
    );
    let page = client.get(&list).await;
    // Shown as text, never as markup.
    assert!(page.texts("td small").contains(&script.to_string()));
    page.assert_lacks("<script>alert");
    assert!(
        subjects(&app)
            .iter()
            .any(|s| s.starts_with("Du bist dabei"))
    );

    // Edit: the guest count the event allows, nothing else.
    let edit = format!("{list}/{}/edit", jana.id);
    let page = client.get(&edit).await;
    assert_eq!(page.field("name").as_deref(), Some("Jana"));
    let res = client
        .submit(
            &edit,
            &edit,
            &[
                ("name", "Jana B."),
                ("lang", "de"),
                ("guests", "9"),
                ("diet", "vegan"),
                ("notes", ""),
            ],
        )
        .await;
    assert_eq!(res.status, 422);
    assert_eq!(res.field("name").as_deref(), Some("Jana B."));
    let res = client
        .submit(
            &edit,
            &edit,
            &[
                ("name", "Jana B."),
                ("lang", "de"),
                ("guests", "0"),
                ("diet", "vegan"),
                ("notes", ""),
            ],
        )
        .await;
    assert_eq!(res.status, 303);
    assert_eq!(
        rsvp_row(&app, "jana@example.org"),
        ("confirmed".into(), 0, false)
    );

    // Promote the waiting person; resend a link; unknown or foreign rows are 404.
    let sent = subjects(&app).len();
    let csrf = client.get(&list).await.csrf();
    let res = client
        .post(&format!("{list}/{}/promote", ben.id), &[("csrf", &csrf)])
        .await;
    assert_eq!(res.status, 303);
    assert_eq!(rsvp_row(&app, "ben@example.org").0, "confirmed");
    let res = client
        .post(&format!("{list}/{}/resend", kai.id), &[("csrf", &csrf)])
        .await;
    assert_eq!(res.status, 303);
    let subjects_now = subjects(&app);
    assert_eq!(subjects_now.len(), sent + 2);
    assert!(
        subjects_now
            .last()
            .is_some_and(|s| s.starts_with("Bitte bestätige"))
    );
    for path in [
        format!("{list}/999999/promote"),
        format!("{list}/{}/resend", stranger.id),
        format!("{list}/{}/cancel", stranger.id),
    ] {
        assert_eq!(
            client.post(&path, &[("csrf", &csrf)]).await.status,
            404,
            "{path}"
        );
    }
    assert_eq!(
        client
            .get(&format!("{list}/{}/edit", stranger.id))
            .await
            .status,
        404
    );

    // Cancelling someone asks first.
    let question = format!("{list}/{}/cancel", jana.id);
    let ask = client.get(&question).await;
    assert_eq!(ask.texts("h1"), ["Anmeldung von Jana B. stornieren?"]);
    ask.assert_contains("geht sofort an die nächste Person auf der Warteliste");
    assert_eq!(rsvp_row(&app, "jana@example.org").0, "confirmed");
    let res = client.submit(&question, &question, &[]).await;
    assert_eq!(res.status, 303);
    assert_eq!(rsvp_row(&app, "jana@example.org").0, "cancelled");
}

#[actix_web::test]
async fn the_dashboard_shows_what_needs_doing_now() {
    let app = TestApp::new();
    app.organizer(EMAIL, "Anna");
    let mut client = app.client().await;
    client.login(EMAIL, PASSWORD).await;
    let empty = client.get("/admin/").await;
    empty.assert_contains("Kein Termin geplant.");
    empty.assert_contains("In den letzten 14 Tagen hat sich niemand angemeldet.");

    let id = app.event(EventSpec::published("sommergrillen").capacity(2));
    app.rsvp(id, RsvpSpec::confirmed("Jana"));
    app.rsvp(id, RsvpSpec::confirmed("Ben"));
    app.rsvp(id, RsvpSpec::waitlisted("Cem"));
    let dora = app.rsvp(id, RsvpSpec::pending("Dora"));
    let old = app.event(EventSpec::published("frueher").starting_at(now() + Duration::days(40)));
    app.rsvp(
        old,
        RsvpSpec::confirmed("Eva").registered_at(now() - Duration::days(20)),
    );
    // A mail the worker gave up on (the worker's own path is tested in outbox.rs).
    let csrf = empty.csrf();
    let resend = format!("/admin/events/{id}/attendees/{}/resend", dora.id);
    assert_eq!(client.post(&resend, &[("csrf", &csrf)]).await.status, 303);
    with_conn(&app, |c| {
        diesel::update(outbox::table)
            .set(outbox::status.eq("failed"))
            .execute(c)
            .expect("fail one")
    });

    let page = client.get("/admin/").await;
    assert_eq!(
        page.texts(".dashboard-next .stat-value"),
        ["2 / 2", "1", "1"]
    );
    page.assert_contains("Sommergrillen");
    page.assert_has(&format!(
        ".dashboard-next a[href='/admin/events/{id}/attendees']"
    ));
    // Four registrations in the last two weeks (Eva's is older), one bar per day.
    page.assert_contains("4 Anmeldungen in den letzten 14 Tagen.");
    assert_eq!(page.count(".bar-chart rect"), 14);
    page.assert_contains("Eine E-Mail ließ sich nicht zustellen.");
    page.assert_has("a.todo-alert[href='/admin/outbox']");
    page.assert_contains("Gerade wird keine Kampagne versendet.");
}
