//! The open-space topic board: proposals, dots, scheduling, notes, recap, digest, live board.

use std::time::{Duration as StdDuration, Instant};

use actix_web::body::MessageBody;
use chrono::{Duration, NaiveDateTime};
use diesel::prelude::*;
use grillplatz::clock::now;
use grillplatz::db::schema::{events, outbox, posts, topic_notes, topics};
use grillplatz::i18n::Lang;
use grillplatz::markdown;
use grillplatz::topics::queries::{self as board, Limits, Refusal, TopicError};

use crate::events::{link, mail_ctx, mail_to, rsvp_fields};
use crate::support::{EventSpec, PASSWORD, Registration, RsvpSpec, TestApp, TopicSpec, with_conn};

fn topic_id(app: &TestApp, title: &str) -> i64 {
    with_conn(app, |c| {
        topics::table
            .filter(topics::title.eq(title))
            .select(topics::id)
            .first(c)
            .expect("topic by title")
    })
}

fn dots(fields: &[(&'static str, &'static str)]) -> Vec<(&'static str, &'static str)> {
    fields.to_vec()
}

const BOARD: &str = "/de/events/wand/topics/";

#[actix_web::test]
async fn an_attendee_proposes_spends_dots_and_takes_them_back() {
    let app = TestApp::new();
    let event_id = app.event(EventSpec::published("wand").capacity(30));
    let token = app
        .rsvp(event_id, RsvpSpec::confirmed("Jana Beispiel"))
        .manage_token;
    let mut client = app.client().await;
    // The manage link identifies this browser for the event.
    let manage = client.get(&format!("/de/rsvp/{token}/")).await;
    manage.assert_contains("Themen vorschlagen und Punkte verteilen");
    let page = client.get(BOARD).await;
    page.assert_contains("Du bist als Jana Beispiel angemeldet.");
    page.assert_contains("Du hast noch 5 von 5 Punkten.");

    let res = client
        .submit(
            BOARD,
            "/de/events/wand/topics/propose",
            &[
                ("title", "Code-Katas"),
                ("description", "Mob-Programming"),
                ("lang", "en"),
            ],
        )
        .await;
    assert_eq!(res.status, 303, "{}", res.body);
    let page = client.get(BOARD).await;
    page.assert_contains("Danke! Dein Thema steht jetzt an der Wand.");
    page.assert_contains("Code-Katas");
    page.assert_contains("vorgeschlagen von Jana");
    let proposers = page.texts(".topic-card .topic-meta");
    assert!(!proposers.is_empty(), "a topic card");
    assert!(
        proposers.iter().all(|p| !p.contains("Beispiel")),
        "only the first name: {proposers:?}"
    );
    page.assert_contains(r#"lang="en" title="Sprache der Session">EN</span>"#);
    page.assert_contains("Du kannst noch 2 Themen vorschlagen.");

    let id = topic_id(&app, "Code-Katas");
    let dot = format!("/de/events/wand/topics/{id}/dot");
    let res = client.submit(BOARD, &dot, &dots(&[("dot", "add")])).await;
    assert_eq!(res.status, 303);
    let page = client.get(BOARD).await;
    page.assert_contains("Punkt vergeben.");
    page.assert_contains("1 Punkt");
    page.assert_contains("Du hast noch 4 von 5 Punkten.");
    // A second dot on the same topic is refused.
    client.submit(BOARD, &dot, &dots(&[("dot", "add")])).await;
    client
        .get(BOARD)
        .await
        .assert_contains("Für dieses Thema hast du schon einen Punkt vergeben.");
    // With JavaScript the answer is JSON for an in-place update.
    let csrf = client.get(BOARD).await.csrf();
    let res = client
        .post_with(
            &dot,
            &[("dot", "remove"), ("csrf", &csrf)],
            ("accept", "application/json"),
        )
        .await;
    assert_eq!(res.status, 200);
    let json: serde_json::Value = serde_json::from_str(&res.body).expect("json");
    assert_eq!(json["interest"], 0);
    assert_eq!(json["voted"], false);
    assert_eq!(json["dots_left"], 5);
    assert_eq!(json["message"], "Punkt zurückgenommen.");
    let res = client
        .post_with(
            &dot,
            &[("dot", "remove"), ("csrf", &csrf)],
            ("accept", "application/json"),
        )
        .await;
    assert_eq!(res.status, 409);
    assert!(res.body.contains("keinen Punkt vergeben"), "{}", res.body);

    // "Not you?" forgets the identity.
    client
        .submit(BOARD, "/de/events/wand/topics/leave", &[])
        .await;
    client.get(BOARD).await.assert_contains(
        "Vorschlagen und Punkte verteilen kann, wer für diesen Termin angemeldet ist.",
    );
}

#[actix_web::test]
async fn a_visitor_registers_first_and_comes_back_to_the_proposal() {
    let app = TestApp::new();
    app.event(EventSpec::published("wand").capacity(30));
    let mut client = app.client().await;
    let res = client
        .submit(
            BOARD,
            "/de/events/wand/topics/propose",
            &[
                ("title", "Rust für Admins"),
                ("description", ""),
                ("lang", "de"),
            ],
        )
        .await;
    assert_eq!(res.status, 303);
    assert_eq!(res.location(), "/de/events/wand/#rsvp");
    client
        .get("/de/events/wand/")
        .await
        .assert_contains("Dein Themenvorschlag bleibt gespeichert");
    client
        .submit(
            "/de/events/wand/",
            "/de/events/wand/rsvp",
            &rsvp_fields("Ole Neu", "ole@example.org", "0"),
        )
        .await;
    let (_, text, _) = mail_to(&app, "ole@example.org").remove(0);
    let confirm = link(&text, "/de/rsvp/confirm/");
    let done = client.submit(&confirm, &confirm, &[]).await;
    assert_eq!(done.status, 200, "{}", done.body);
    done.assert_contains("Weiter zu deinem Themenvorschlag");
    let page = client.get(BOARD).await;
    assert_eq!(page.field("title").as_deref(), Some("Rust für Admins"));
    page.assert_contains("Du bist als Ole Neu angemeldet.");
    let res = client
        .submit(
            BOARD,
            "/de/events/wand/topics/propose",
            &[
                ("title", "Rust für Admins"),
                ("description", ""),
                ("lang", "de"),
            ],
        )
        .await;
    assert_eq!(res.status, 303);
    let page = client.get(BOARD).await;
    page.assert_contains("vorgeschlagen von Ole");
    assert_eq!(page.field("title").as_deref(), Some(""));
}

#[actix_web::test]
async fn bad_proposals_come_back_with_a_message_and_what_was_typed() {
    let app = TestApp::new();
    let event_id = app.event(EventSpec::published("wand").capacity(30));
    let token = app
        .rsvp(event_id, RsvpSpec::confirmed("Priya"))
        .manage_token;
    let mut client = app.client().await;
    client.get(&format!("/de/rsvp/{token}/")).await;
    let propose = "/de/events/wand/topics/propose";

    let res = client
        .submit(
            BOARD,
            propose,
            &[("title", "  "), ("description", "Nur Text"), ("lang", "de")],
        )
        .await;
    assert_eq!(res.status, 422);
    res.assert_contains("Bitte fülle dieses Feld aus.");
    assert_eq!(res.field("description").as_deref(), Some("Nur Text"));

    let long = "x".repeat(121);
    let res = client
        .submit(BOARD, propose, &[("title", &long), ("lang", "xx")])
        .await;
    assert_eq!(res.status, 422);
    assert_eq!(res.field("title").as_deref(), Some(long.as_str()));
    res.assert_contains("aria-invalid=\"true\"");

    let res = client
        .post(
            propose,
            &[("title", "Ohne Token"), ("lang", "de"), ("csrf", "falsch")],
        )
        .await;
    assert_eq!(res.status, 403);

    let res = client
        .submit(
            BOARD,
            propose,
            &[("title", "<script>alert(1)</script>"), ("lang", "de")],
        )
        .await;
    assert_eq!(res.status, 303);
    let page = client.get(BOARD).await;
    page.assert_lacks("<script>alert(1)</script>");
    page.assert_contains("&#60;script&#62;alert(1)&#60;/script&#62;");

    // Three proposals per person by default: two more are fine, the fourth is refused.
    for title in ["Zweites Thema", "Drittes Thema"] {
        let res = client
            .submit(BOARD, propose, &[("title", title), ("lang", "de")])
            .await;
        assert_eq!(res.status, 303);
    }
    let res = client
        .submit(
            BOARD,
            propose,
            &[("title", "Viertes Thema"), ("lang", "de")],
        )
        .await;
    assert_eq!(res.status, 409);
    res.assert_contains("so viele Themen vorgeschlagen, wie pro Person möglich sind");
    assert_eq!(res.field("title").as_deref(), Some("Viertes Thema"));

    // Unknown events and events without an open space have no board.
    assert_eq!(
        client.get("/de/events/gibtsnicht/topics/").await.status,
        404
    );
    with_conn(&app, |c| {
        diesel::update(events::table.find(event_id))
            .set(events::format.eq("talk_evening"))
            .execute(c)
            .expect("format")
    });
    assert_eq!(client.get(BOARD).await.status, 404);
    assert_eq!(client.get("/de/events/wand/topics/1/").await.status, 404);
}

#[actix_web::test]
async fn a_past_event_takes_no_more_proposals_or_dots() {
    let app = TestApp::new();
    let event_id = app.event(EventSpec::published("wand").capacity(30));
    let Registration {
        id: rsvp,
        manage_token: token,
        ..
    } = app.rsvp(event_id, RsvpSpec::confirmed("Sam"));
    let id = app.topic(event_id, rsvp, TopicSpec::new("Kubernetes"));
    with_conn(&app, |c| {
        diesel::update(events::table.find(event_id))
            .set((
                events::starts_at.eq(now() - Duration::days(2)),
                events::ends_at.eq(now() - Duration::days(1)),
            ))
            .execute(c)
            .expect("past")
    });
    let mut client = app.client().await;
    client.get(&format!("/de/rsvp/{token}/")).await;
    let page = client.get(BOARD).await;
    page.assert_contains("Der Termin ist vorbei");
    page.assert_has(".topic-card");
    page.assert_no("form.dot-form");
    let csrf = page.csrf();
    let res = client
        .post(
            "/de/events/wand/topics/propose",
            &[("title", "Zu spät"), ("lang", "de"), ("csrf", &csrf)],
        )
        .await;
    assert_eq!(res.status, 409);
    assert_eq!(res.field("title").as_deref(), Some("Zu spät"));
    let res = client
        .post(
            &format!("/de/events/wand/topics/{id}/dot"),
            &[("dot", "add"), ("csrf", &csrf)],
        )
        .await;
    assert_eq!(res.status, 303);
    client
        .get(BOARD)
        .await
        .assert_contains("Der Termin ist vorbei");
    let votes = with_conn(&app, |c| board::interest(c, event_id)).expect("interest");
    assert!(votes.is_empty());
    // Nor changes to one's own topic.
    client
        .get(BOARD)
        .await
        .assert_no(&format!("a[href='/de/events/wand/topics/{id}/edit']"));
    let edit = format!("/de/events/wand/topics/{id}/edit");
    let res = client.get(&edit).await;
    assert_eq!(res.status, 409);
    res.assert_contains("Der Termin ist vorbei");
    let res = client
        .post(
            &edit,
            &[("title", "Später"), ("lang", "de"), ("csrf", &csrf)],
        )
        .await;
    assert_eq!(res.status, 409);
}

#[actix_web::test]
async fn dots_are_limited_and_only_count_for_your_own_event() {
    let app = TestApp::new();
    let event_id = app.event(EventSpec::published("wand").capacity(30));
    let other = app.event(EventSpec::published("andere").capacity(30));
    let Registration {
        id: rsvp,
        manage_token: token,
        ..
    } = app.rsvp(event_id, RsvpSpec::confirmed("Lukas"));
    let other_token = app.rsvp(other, RsvpSpec::confirmed("Marie")).manage_token;
    with_conn(&app, |c| {
        board::save_limits(
            c,
            event_id,
            Limits {
                dots_per_attendee: 2,
                proposals_per_person: 3,
                max_topics: 60,
            },
        )
    })
    .expect("limits");
    let ids: Vec<i64> = ["A", "B", "C"]
        .iter()
        .map(|t| app.topic(event_id, rsvp, TopicSpec::new(t)))
        .collect();
    let mut client = app.client().await;
    client.get(&format!("/de/rsvp/{token}/")).await;
    for id in &ids[..2] {
        let res = client
            .submit(
                BOARD,
                &format!("/de/events/wand/topics/{id}/dot"),
                &[("dot", "add")],
            )
            .await;
        assert_eq!(res.status, 303);
    }
    let page = client.get(BOARD).await;
    page.assert_contains("Du hast noch 0 von 2 Punkten.");
    let csrf = page.csrf();
    let res = client
        .post_with(
            &format!("/de/events/wand/topics/{}/dot", ids[2]),
            &[("dot", "add"), ("csrf", &csrf)],
            ("accept", "application/json"),
        )
        .await;
    assert_eq!(res.status, 409);
    assert!(
        res.body.contains("alle deine Punkte verteilt"),
        "{}",
        res.body
    );

    // Unknown topic, unknown dot value.
    let res = client
        .post(
            "/de/events/wand/topics/99999/dot",
            &[("dot", "add"), ("csrf", &csrf)],
        )
        .await;
    assert_eq!(res.status, 404);
    let res = client
        .post(
            &format!("/de/events/wand/topics/{}/dot", ids[2]),
            &[("dot", "lots"), ("csrf", &csrf)],
        )
        .await;
    assert_eq!(res.status, 400);

    // Someone registered for another event cannot vote here.
    let mut stranger = app.client().await;
    stranger.get(&format!("/de/rsvp/{other_token}/")).await;
    let page = stranger.get(BOARD).await;
    assert_eq!(page.count(".topic-card"), 3);
    page.assert_no("form.dot-form");
    let res = stranger
        .post_with(
            &format!("/de/events/wand/topics/{}/dot", ids[2]),
            &[("dot", "add"), ("csrf", &page.csrf())],
            ("accept", "application/json"),
        )
        .await;
    assert_eq!(res.status, 403);
    assert!(
        res.body.contains("angemeldet und bestätigt"),
        "{}",
        res.body
    );
    // A cancelled RSVP loses its dots' power at once.
    with_conn(&app, |c| {
        grillplatz::events::queries::cancel(c, rsvp, &mail_ctx(&app), now())
    })
    .expect("cancel");
    let res = client
        .post(
            &format!("/de/events/wand/topics/{}/dot", ids[0]),
            &[("dot", "remove"), ("csrf", &csrf)],
        )
        .await;
    assert_eq!(res.status, 303);
    let votes = with_conn(&app, |c| board::interest(c, event_id)).expect("interest");
    assert_eq!(votes.values().sum::<i64>(), 2, "nothing changed");
}

/// Forty attendees, each with one dot left, spend it on four topics at once: every
/// one of them ends with exactly their three dots, never a fourth.
#[test]
fn many_attendees_spend_their_last_dot_at_once() {
    let app = TestApp::new();
    let event_id = app.event(EventSpec::published("wand").capacity(100));
    with_conn(&app, |c| {
        board::save_limits(
            c,
            event_id,
            Limits {
                dots_per_attendee: 3,
                proposals_per_person: 10,
                max_topics: 100,
            },
        )
    })
    .expect("limits");
    let owner = app.rsvp(event_id, RsvpSpec::confirmed("Orga Person")).id;
    let topics: Vec<i64> = (0..6)
        .map(|i| app.topic(event_id, owner, TopicSpec::new(&format!("Thema {i}"))))
        .collect();
    let people: Vec<i64> = (0..40)
        .map(|i| {
            app.rsvp(event_id, RsvpSpec::confirmed(&format!("Person {i}")))
                .id
        })
        .collect();
    for &p in &people {
        for &t in &topics[..2] {
            with_conn(&app, |c| board::vote(c, event_id, p, t, now())).expect("first dots");
        }
    }
    let pool = grillplatz::db::connect(&app.url, 16).expect("pool");
    let attempts: Vec<(i64, i64)> = people
        .iter()
        .flat_map(|&p| topics[2..].iter().map(move |&t| (p, t)))
        .collect();
    let outcomes: Vec<Result<(), Refusal>> = std::thread::scope(|scope| {
        let handles: Vec<_> = attempts
            .chunks(10)
            .map(|chunk| {
                let pool = pool.clone();
                scope.spawn(move || {
                    let mut conn = pool.get().expect("conn");
                    chunk
                        .iter()
                        .map(
                            |&(p, t)| match board::vote(&mut conn, event_id, p, t, now()) {
                                Ok(()) => Ok(()),
                                Err(TopicError::Refused(why)) => Err(why),
                                Err(TopicError::Db(e)) => panic!("database error: {e}"),
                            },
                        )
                        .collect::<Vec<_>>()
                })
            })
            .collect();
        handles
            .into_iter()
            .flat_map(|h| h.join().expect("thread"))
            .collect()
    });
    assert_eq!(outcomes.iter().filter(|o| o.is_ok()).count(), 40);
    assert!(
        outcomes
            .iter()
            .filter_map(|o| o.err())
            .all(|why| why == Refusal::NoDotsLeft)
    );
    for &p in &people {
        let mine = with_conn(&app, |c| board::dots_of(c, p)).expect("dots");
        assert_eq!(mine.len(), 3, "person {p} has {mine:?}");
    }
    let total: i64 = with_conn(&app, |c| board::interest(c, event_id))
        .expect("interest")
        .values()
        .sum();
    assert_eq!(total, 120);
}

async fn organizer_client(
    app: &TestApp,
) -> crate::support::Client<
    impl actix_web::dev::Service<
        actix_http::Request,
        Response = actix_web::dev::ServiceResponse<impl MessageBody>,
        Error = actix_web::Error,
    >,
> {
    app.organizer("orga@example.org", "Orga");
    let mut client = app.client().await;
    let res = client.login("orga@example.org", PASSWORD).await;
    assert_eq!(res.status, 303);
    client
}

fn local(event_start: NaiveDateTime, minutes: i64) -> String {
    let t = grillplatz::i18n::format::local(
        event_start + Duration::minutes(minutes),
        chrono_tz::Europe::Berlin,
    );
    t.format("%Y-%m-%dT%H:%M").to_string()
}

fn starts_at(app: &TestApp, event_id: i64) -> NaiveDateTime {
    with_conn(app, |c| {
        events::table
            .find(event_id)
            .select(events::starts_at)
            .first(c)
            .expect("start")
    })
}

#[actix_web::test]
async fn organizers_build_the_grid_and_proposers_hear_where_they_are() {
    let app = TestApp::new();
    let event_id = app.event(EventSpec::published("wand").capacity(30));
    let rsvp = app.rsvp(event_id, RsvpSpec::confirmed("Jana")).id;
    let id = app.topic(event_id, rsvp, TopicSpec::new("Raspberry Pi"));
    let start = starts_at(&app, event_id);
    let admin = format!("/admin/events/{event_id}/topics");
    let mut anonymous = app.client().await;
    assert_eq!(anonymous.get(&admin).await.status, 303);
    let mut client = organizer_client(&app).await;
    assert_eq!(client.get(&admin).await.status, 200);

    // Rooms and slots with bad input first.
    let rooms = format!("{admin}/rooms");
    let res = client
        .submit(
            &admin,
            &rooms,
            &[("room_name", ""), ("room_capacity", "viele")],
        )
        .await;
    assert_eq!(res.status, 422);
    res.assert_contains("Bitte fülle dieses Feld aus.");
    assert_eq!(res.field("room_capacity").as_deref(), Some("viele"));
    for (name, capacity) in [("Küche", "12"), ("Großer Saal", "40")] {
        let res = client
            .submit(
                &admin,
                &rooms,
                &[("room_name", name), ("room_capacity", capacity)],
            )
            .await;
        assert_eq!(res.status, 303, "{}", res.body);
    }
    let res = client
        .submit(
            &admin,
            &rooms,
            &[("room_name", "Küche"), ("room_capacity", "5")],
        )
        .await;
    assert_eq!(res.status, 422);
    res.assert_contains("Einen Raum mit diesem Namen gibt es schon.");
    let slots = format!("{admin}/slots");
    let (s1, e1) = (local(start, 60), local(start, 105));
    let res = client
        .submit(&admin, &slots, &[("slot_start", &e1), ("slot_end", &s1)])
        .await;
    assert_eq!(res.status, 422);
    res.assert_contains("Das Ende muss nach dem Beginn liegen.");
    let res = client
        .submit(
            &admin,
            &slots,
            &[("slot_start", "morgen"), ("slot_end", &e1)],
        )
        .await;
    assert_eq!(res.status, 422);
    assert_eq!(res.field("slot_start").as_deref(), Some("morgen"));
    for (s, e) in [
        (s1.clone(), e1.clone()),
        (local(start, 120), local(start, 165)),
    ] {
        let res = client
            .submit(&admin, &slots, &[("slot_start", &s), ("slot_end", &e)])
            .await;
        assert_eq!(res.status, 303, "{}", res.body);
    }
    let (room_ids, slot_ids) = with_conn(&app, |c| {
        (
            board::rooms(c, event_id).expect("rooms"),
            board::slots(c, event_id).expect("slots"),
        )
    });
    assert_eq!(room_ids[0].name, "Großer Saal", "largest first");
    let cell = |s: usize, r: usize| format!("{}:{}", slot_ids[s].id, room_ids[r].id);

    let place = format!("{admin}/{id}/place");
    let res = client
        .submit(&admin, &place, &[("cell", &cell(0, 0))])
        .await;
    assert_eq!(res.status, 303);
    let mails = mail_to(&app, "jana@example.org");
    assert_eq!(mails.len(), 1);
    assert!(
        mails[0].0.starts_with("Dein Thema steht im Programm"),
        "{}",
        mails[0].0
    );
    assert!(
        mails[0].1.contains("„Raspberry Pi“ ist eingeplant"),
        "{}",
        mails[0].1
    );
    assert!(mails[0].1.contains("im Raum Großer Saal"));
    let schedule = client.get("/de/events/wand/schedule/").await;
    schedule.assert_contains("Raspberry Pi");
    schedule.assert_contains("Großer Saal");
    let ics = client.get("/de/events/wand/event.ics").await;
    ics.assert_contains(&format!("UID:topic-{id}-"));
    ics.assert_contains("SUMMARY:Raspberry Pi");
    ics.assert_contains("LOCATION:Großer Saal\\, Nordlicht Software");

    // Moving tells the proposer again; a taken cell is refused.
    client
        .submit(&admin, &place, &[("cell", &cell(1, 1))])
        .await;
    let mails = mail_to(&app, "jana@example.org");
    assert_eq!(mails.len(), 2);
    assert!(mails[1].1.contains("umgezogen"), "{}", mails[1].1);
    let second = app.topic(event_id, rsvp, TopicSpec::new("Backups"));
    let res = client
        .submit(
            &admin,
            &format!("{admin}/{second}/place"),
            &[("cell", &cell(1, 1))],
        )
        .await;
    assert_eq!(res.status, 303);
    client
        .get(&admin)
        .await
        .assert_contains("In diesem Raum ist zu dieser Zeit schon eine Session.");
    let res = client
        .submit(
            &admin,
            &format!("{admin}/{second}/place"),
            &[("cell", "999:999")],
        )
        .await;
    assert_eq!(res.status, 303);
    client
        .get(&admin)
        .await
        .assert_contains("Diesen Zeitslot oder Raum gibt es nicht.");
    let res = client
        .submit(
            &admin,
            &format!("{admin}/{second}/place"),
            &[("cell", "kaputt")],
        )
        .await;
    assert_eq!(res.status, 400);

    // Deleting a slot puts its sessions back on the board unscheduled.
    let res = client
        .submit(
            &admin,
            &format!("{admin}/slots/{}/delete", slot_ids[1].id),
            &[],
        )
        .await;
    assert_eq!(res.status, 303);
    let unplaced: Option<i64> = with_conn(&app, |c| {
        topics::table
            .find(id)
            .select(topics::slot_id)
            .first(c)
            .expect("topic")
    });
    assert_eq!(unplaced, None);
}

#[actix_web::test]
async fn the_suggestion_is_applied_only_to_the_board_it_was_made_for() {
    let app = TestApp::new();
    let event_id = app.event(EventSpec::published("wand").capacity(30));
    let a = app.rsvp(event_id, RsvpSpec::confirmed("Ann")).id;
    let b = app.rsvp(event_id, RsvpSpec::confirmed("Ben")).id;
    let t1 = app.topic(event_id, a, TopicSpec::new("Eins"));
    let t2 = app.topic(event_id, a, TopicSpec::new("Zwei"));
    let t3 = app.topic(event_id, b, TopicSpec::new("Drei"));
    with_conn(&app, |c| {
        board::add_room(c, event_id, "Groß", 40).expect("room");
        board::add_room(c, event_id, "Klein", 8).expect("room");
        let start = now() + Duration::days(10);
        board::add_slot(c, event_id, start, start + Duration::minutes(45)).expect("slot");
        board::vote(c, event_id, b, t1, now()).expect("vote");
        board::vote(c, event_id, b, t2, now()).expect("vote");
        board::vote(c, event_id, a, t2, now()).expect("vote");
    });
    let admin = format!("/admin/events/{event_id}/topics");
    let mut client = organizer_client(&app).await;
    let preview = client.get(&format!("{admin}?suggest=1")).await;
    // One slot: Zwei (2 dots) takes the large room; Eins is Ann's too, so Drei gets the small one.
    preview.assert_contains("<strong>Zwei</strong> →");
    preview.assert_contains("<strong>Drei</strong> →");
    let suggested = preview.texts(".suggestion li strong");
    assert!(
        suggested.iter().any(|t| t == "Zwei") && !suggested.iter().any(|t| t == "Eins"),
        "Zwei is suggested, Eins is not: {suggested:?}"
    );
    let version = preview.field("version").expect("version");
    // Someone votes in between: the old suggestion is refused.
    with_conn(&app, |c| board::vote(c, event_id, a, t3, now())).expect("vote");
    client
        .submit(
            &admin,
            &format!("{admin}/suggestion"),
            &[("version", &version)],
        )
        .await;
    client
        .get(&admin)
        .await
        .assert_contains("Die Themenwand hat sich inzwischen geändert.");
    let fresh = client.get(&format!("{admin}?suggest=1")).await;
    let version = fresh.field("version").expect("version");
    let res = client
        .post(
            &format!("{admin}/suggestion"),
            &[("version", &version), ("csrf", &fresh.csrf())],
        )
        .await;
    assert_eq!(res.status, 303);
    let placed: Vec<(i64, Option<i64>)> = with_conn(&app, |c| {
        topics::table
            .order(topics::id)
            .select((topics::id, topics::room_id))
            .load(c)
            .expect("topics")
    });
    assert_eq!(placed.iter().filter(|(_, r)| r.is_some()).count(), 2);
    assert!(placed.iter().any(|(id, r)| *id == t2 && r.is_some()));
    assert!(placed.iter().any(|(id, r)| *id == t1 && r.is_none()));
}

#[actix_web::test]
async fn merging_combines_dots_and_hiding_takes_spam_off_the_board() {
    let app = TestApp::new();
    let event_id = app.event(EventSpec::published("wand").capacity(30));
    let a = app.rsvp(event_id, RsvpSpec::confirmed("Ann")).id;
    let b = app.rsvp(event_id, RsvpSpec::confirmed("Ben")).id;
    let c_ = app.rsvp(event_id, RsvpSpec::confirmed("Cem")).id;
    let tdd = app.topic(event_id, a, TopicSpec::new("TDD"));
    let tests = app.topic(event_id, b, TopicSpec::new("Testgetriebene Entwicklung"));
    let spam = app.topic(event_id, c_, TopicSpec::new("Billige Uhren kaufen"));
    with_conn(&app, |c| {
        board::vote(c, event_id, a, tdd, now()).expect("vote");
        board::vote(c, event_id, b, tdd, now()).expect("vote");
        board::vote(c, event_id, b, tests, now()).expect("vote");
        board::vote(c, event_id, c_, tests, now()).expect("vote");
    });
    let admin = format!("/admin/events/{event_id}/topics");
    let mut client = organizer_client(&app).await;
    let res = client
        .submit(
            &admin,
            &format!("{admin}/{tests}/merge"),
            &[("into", &tdd.to_string())],
        )
        .await;
    assert_eq!(res.status, 303);
    let interest = with_conn(&app, |c| board::interest(c, event_id)).expect("interest");
    assert_eq!(
        interest.get(&tdd),
        Some(&3),
        "Ann, Ben and Cem; Ben's second dot returned"
    );
    assert_eq!(
        with_conn(&app, |c| board::dots_of(c, b))
            .expect("dots")
            .len(),
        1
    );
    let res = client
        .submit(
            &admin,
            &format!("{admin}/{tdd}/merge"),
            &[("into", &tdd.to_string())],
        )
        .await;
    assert_eq!(res.status, 303);
    client
        .get(&admin)
        .await
        .assert_contains("Dieses Thema gibt es nicht (mehr).");

    client
        .submit(
            &admin,
            &format!("{admin}/{spam}/hide"),
            &[("hidden", "yes")],
        )
        .await;
    let public = client.get(BOARD).await;
    public.assert_lacks("Billige Uhren");
    public.assert_lacks("Testgetriebene Entwicklung");
    assert_eq!(
        client
            .get(&format!("/de/events/wand/topics/{spam}/"))
            .await
            .status,
        404
    );
    client
        .submit(&admin, &format!("{admin}/{spam}/hide"), &[("hidden", "no")])
        .await;
    client.get(BOARD).await.assert_contains("Billige Uhren");
}

#[actix_web::test]
async fn notes_keep_their_history_and_never_overwrite_silently() {
    let app = TestApp::new();
    let event_id = app.event(EventSpec::published("wand").capacity(30));
    let Registration {
        id: a,
        manage_token: token_a,
        ..
    } = app.rsvp(event_id, RsvpSpec::confirmed("Ann"));
    let token_b = app.rsvp(event_id, RsvpSpec::confirmed("Ben")).manage_token;
    let id = app.topic(event_id, a, TopicSpec::new("Code-Katas"));
    let page = format!("/de/events/wand/topics/{id}/");
    let action = format!("{page}notes");

    let mut visitor = app.client().await;
    let res = visitor
        .submit(BOARD, &action, &[("body", "Anonym"), ("base", "")])
        .await;
    assert_eq!(res.status, 403);
    assert_eq!(res.field("body"), None, "no note form for visitors");

    let mut ann = app.client().await;
    ann.get(&format!("/de/rsvp/{token_a}/")).await;
    let mut ben = app.client().await;
    ben.get(&format!("/de/rsvp/{token_b}/")).await;
    let ann_form = ann.get(&page).await;
    let ben_form = ben.get(&page).await;
    let res = ann
        .post(
            &action,
            &[
                ("body", "**FizzBuzz** im Mob"),
                ("base", ""),
                ("csrf", &ann_form.csrf()),
            ],
        )
        .await;
    assert_eq!(res.status, 303);
    // Ben started from the empty note too: his save is refused, his text kept.
    let res = ben
        .post(
            &action,
            &[
                ("body", "Römische Zahlen"),
                ("base", ""),
                ("csrf", &ben_form.csrf()),
            ],
        )
        .await;
    assert_eq!(res.status, 409);
    res.assert_contains("Jemand hat die Notizen gerade geändert.");
    assert_eq!(res.field("body").as_deref(), Some("Römische Zahlen"));
    res.assert_contains("<strong>FizzBuzz</strong>");
    let base = res.field("base").expect("base");
    let res = ben
        .post(
            &action,
            &[
                (
                    "body",
                    "**FizzBuzz** im Mob, dann Römische Zahlen <script>alert(1)</script>",
                ),
                ("base", &base),
                ("csrf", &ben_form.csrf()),
            ],
        )
        .await;
    assert_eq!(res.status, 303);
    let shown = ben.get(&page).await;
    shown.assert_contains("zuletzt bearbeitet von Ben");
    shown.assert_contains("1 frühere Fassung");
    shown.assert_lacks("<script>alert(1)</script>");
    let res = ben
        .post(
            &action,
            &[("body", " "), ("base", &base), ("csrf", &ben_form.csrf())],
        )
        .await;
    assert_eq!(res.status, 422);
}

#[actix_web::test]
async fn organizers_turn_the_board_into_a_recap_draft() {
    let app = TestApp::new();
    let event_id = app.event(EventSpec::published("wand").capacity(30));
    let a = app.rsvp(event_id, RsvpSpec::confirmed("Ann")).id;
    let id = app.topic(event_id, a, TopicSpec::new("Code-Katas"));
    app.topic(event_id, a, TopicSpec::new("Nicht eingeplant"));
    with_conn(&app, |c| {
        board::add_room(c, event_id, "Küche", 12).expect("room");
        let start = now() + Duration::days(10);
        board::add_slot(c, event_id, start, start + Duration::minutes(45)).expect("slot");
        let slot = board::slots(c, event_id).expect("slots")[0].id;
        let room = board::rooms(c, event_id).expect("rooms")[0].id;
        let event = grillplatz::events::queries::by_id(c, event_id)
            .expect("event")
            .expect("exists");
        board::place(c, &event, id, Some((slot, room)), &mail_ctx(&app), now()).expect("place");
        let author = board::NoteAuthor {
            name: "Ann".into(),
            rsvp_id: Some(a),
            organizer_id: None,
        };
        board::save_note(
            c,
            event_id,
            id,
            &author,
            "Wir haben FizzBuzz gelöst.",
            None,
            now(),
        )
        .expect("note");
    });
    let admin = format!("/admin/events/{event_id}/topics");
    let mut client = organizer_client(&app).await;
    let res = client
        .submit(&admin, &format!("{admin}/recap"), &[("lang", "de")])
        .await;
    assert_eq!(res.status, 303);
    assert!(
        res.location().starts_with("/admin/posts/"),
        "{}",
        res.location()
    );
    let (body, status, recap): (String, String, Option<i64>) = with_conn(&app, |c| {
        let (body, status) = posts::table
            .select((posts::body_md, posts::status))
            .first(c)
            .expect("post");
        let recap = events::table
            .find(event_id)
            .select(events::recap_post_id)
            .first(c)
            .expect("event");
        (body, status, recap)
    });
    assert_eq!(status, "draft");
    assert!(recap.is_some());
    // No article: "der/das/die <event>" would depend on the event name's gender.
    assert!(body.starts_with("So war’s: Sommergrillen – "), "{body}");
    assert!(body.contains("### Küche – Code-Katas"), "{body}");
    assert!(body.contains("Wir haben FizzBuzz gelöst."), "{body}");
    assert!(body.contains("## Weitere Themen"), "{body}");
    assert!(body.contains("Nicht eingeplant"), "{body}");
    let editor = client.get(res.location()).await;
    editor.assert_contains("Rückblick: Sommergrillen");
}

#[test]
fn organizers_get_one_digest_a_day_with_the_new_proposals() {
    let app = TestApp::new();
    let event_id = app.event(EventSpec::published("wand").capacity(30));
    app.organizer("orga@example.org", "Orga");
    app.organizer("zweite@example.org", "Zweite");
    let a = app.rsvp(event_id, RsvpSpec::confirmed("Ann")).id;
    let id = app.topic(event_id, a, TopicSpec::new("Gestern vorgeschlagen"));
    let ctx = mail_ctx(&app);
    let tz = chrono_tz::Europe::Berlin;
    let today = now();
    // Nothing from yesterday yet.
    assert_eq!(
        with_conn(&app, |c| grillplatz::topics::digest::queue(
            c, &ctx, tz, today
        ))
        .expect("q"),
        0
    );
    with_conn(&app, |c| {
        diesel::update(topics::table.find(id))
            .set(topics::created_at.eq(today - Duration::days(1)))
            .execute(c)
            .expect("backdate")
    });
    for _ in 0..3 {
        with_conn(&app, |c| {
            grillplatz::topics::digest::queue(c, &ctx, tz, today)
        })
        .expect("q");
    }
    let digests: Vec<(String, String)> = with_conn(&app, |c| {
        outbox::table
            .filter(outbox::dedupe_key.like("topic-digest:%"))
            .select((outbox::recipient, outbox::body_text))
            .load(c)
            .expect("outbox")
    });
    assert_eq!(digests.len(), 2, "one per organizer, however often it runs");
    assert!(
        digests[0].1.contains("Gestern vorgeschlagen (Someone, DE)"),
        "{}",
        digests[0].1
    );
}

/// Reads the stream until one whole event arrived, or gives up after `limit`.
pub async fn next_event<B: MessageBody + Unpin>(
    body: &mut B,
    limit: StdDuration,
) -> Option<String> {
    let mut text = String::new();
    let deadline = tokio::time::Instant::now() + limit;
    loop {
        let chunk = tokio::time::timeout_at(
            deadline,
            std::future::poll_fn(|cx| std::pin::Pin::new(&mut *body).poll_next(cx)),
        )
        .await
        .ok()??
        .ok()?;
        text.push_str(&String::from_utf8_lossy(&chunk));
        if text.contains("\n\n") && text.contains("event: board") {
            return Some(text);
        }
    }
}

#[actix_web::test]
async fn the_live_board_receives_a_vote_on_another_instance_within_two_seconds() {
    let app = TestApp::new();
    let event_id = app.event(EventSpec::published("wand").capacity(30));
    let Registration {
        id: a,
        manage_token: token,
        ..
    } = app.rsvp(event_id, RsvpSpec::confirmed("Ann"));
    let id = app.topic(event_id, a, TopicSpec::new("Live-Thema"));
    let mut viewer = app.client().await;
    let (status, headers, body) = viewer.open_stream("/de/events/wand/board/stream").await;
    assert_eq!(status, 200);
    assert_eq!(
        headers.get("content-type").and_then(|v| v.to_str().ok()),
        Some("text/event-stream")
    );
    let mut body = Box::pin(body);
    let first = next_event(&mut body, StdDuration::from_secs(5))
        .await
        .expect("the current board on connect");
    assert!(first.contains("Live-Thema"), "{first}");
    assert!(first.contains("data: "), "{first}");

    let mut voter = app.client_on_another_instance().await;
    voter.get(&format!("/de/rsvp/{token}/")).await;
    let started = Instant::now();
    let res = voter
        .submit(
            BOARD,
            &format!("/de/events/wand/topics/{id}/dot"),
            &[("dot", "add")],
        )
        .await;
    assert_eq!(res.status, 303);
    let update = next_event(&mut body, StdDuration::from_secs(2))
        .await
        .expect("an update within two seconds");
    assert!(
        update.contains(r#"<span class="topic-count">1</span>"#),
        "{update}"
    );
    eprintln!("live board update after {:?}", started.elapsed());

    let page = viewer.get("/de/events/wand/board/").await;
    page.assert_contains("data-stream=\"/de/events/wand/board/stream\"");
    page.assert_contains(r#"<meta http-equiv="refresh" content="30">"#);
}

/// Many projectors on one instance: every one sees the change, yet the board was read and
/// rendered by one poller, once per change, however many watch.
#[actix_web::test]
async fn three_hundred_live_boards_share_one_poller_and_one_render_per_change() {
    const VIEWERS: usize = 300;
    let app = TestApp::new();
    let event_id = app.event(EventSpec::published("wand").capacity(30));
    let Registration {
        id: a,
        manage_token: token,
        ..
    } = app.rsvp(event_id, RsvpSpec::confirmed("Ann"));
    let id = app.topic(event_id, a, TopicSpec::new("Live-Thema"));
    let hub = &app.state.live;
    let mut viewer = app.client().await;
    let mut streams = Vec::new();
    for _ in 0..VIEWERS {
        let (status, _, body) = viewer.open_stream("/de/events/wand/board/stream").await;
        assert_eq!(status, 200);
        streams.push(Box::pin(body));
    }
    assert_eq!(hub.open_streams(), VIEWERS);
    for body in &mut streams {
        let first = next_event(body, StdDuration::from_secs(5))
            .await
            .expect("the current board on connect");
        assert!(first.contains("Live-Thema"), "{first}");
    }
    assert_eq!(hub.pollers(), 1, "one poller for the board");
    assert_eq!(hub.renders(), 1, "one render for all viewers");

    let mut voter = app.client().await;
    voter.get(&format!("/de/rsvp/{token}/")).await;
    let res = voter
        .submit(
            BOARD,
            &format!("/de/events/wand/topics/{id}/dot"),
            &[("dot", "add")],
        )
        .await;
    assert_eq!(res.status, 303);
    for body in &mut streams {
        let update = next_event(body, StdDuration::from_secs(5))
            .await
            .expect("the change reaches every stream");
        assert!(
            update.contains(r#"<span class="topic-count">1</span>"#),
            "{update}"
        );
    }
    assert_eq!(hub.pollers(), 1);
    assert_eq!(hub.renders(), 2, "one more render for the one change");
    // Version reads grow with time (one per 500 ms), not with viewers.
    assert!(hub.polls() < VIEWERS as u64, "{} polls", hub.polls());

    drop(streams);
    assert_eq!(hub.open_streams(), 0);
    // The poller notices within a poll that nobody watches and forgets the board.
    let deadline = Instant::now() + StdDuration::from_secs(5);
    while hub.current(event_id, Lang::De).is_some() {
        assert!(Instant::now() < deadline, "the poller outlived its viewers");
        tokio::time::sleep(StdDuration::from_millis(50)).await;
    }
}

#[actix_web::test]
async fn streams_beyond_the_cap_get_503_until_one_closes() {
    let app = TestApp::with_config(|config| config.live_streams = 3);
    let event_id = app.event(EventSpec::published("wand").capacity(30));
    let a = app.rsvp(event_id, RsvpSpec::confirmed("Ann")).id;
    app.topic(event_id, a, TopicSpec::new("Live-Thema"));
    let mut viewer = app.client().await;
    let path = "/de/events/wand/board/stream";
    let mut open = Vec::new();
    for _ in 0..3 {
        let (status, _, body) = viewer.open_stream(path).await;
        assert_eq!(status, 200);
        open.push(body);
    }
    let (status, headers, body) = viewer.open_stream(path).await;
    assert_eq!(status, 503);
    assert_eq!(
        headers.get("retry-after").and_then(|v| v.to_str().ok()),
        Some("30")
    );
    assert!(
        headers
            .get("content-type")
            .and_then(|v| v.to_str().ok())
            .is_some_and(|v| v.starts_with("text/plain")),
        "{headers:?}"
    );
    let text = actix_web::body::to_bytes(body).await.ok().expect("body");
    assert!(
        String::from_utf8_lossy(&text).contains("30 Sekunden"),
        "{text:?}"
    );
    // The page itself still loads; its script falls back to reloading every 30 s.
    let page = viewer.get("/de/events/wand/board/").await;
    assert_eq!(page.status, 200);
    page.assert_contains("Live-Thema");
    assert_eq!(app.state.live.open_streams(), 3);

    drop(open.pop());
    assert_eq!(app.state.live.open_streams(), 2);
    let (status, _, body) = viewer.open_stream(path).await;
    assert_eq!(status, 200, "a place is free again");
    let mut body = Box::pin(body);
    let first = next_event(&mut body, StdDuration::from_secs(5))
        .await
        .expect("the board");
    assert!(first.contains("Live-Thema"), "{first}");
}

#[actix_web::test]
async fn a_long_draft_survives_the_detour_through_registration() {
    let app = TestApp::new();
    app.event(EventSpec::published("wand").capacity(30));
    let mut client = app.client().await;
    let title = "Ü".repeat(120);
    let description = "🔥".repeat(300);
    let res = client
        .submit(
            BOARD,
            "/de/events/wand/topics/propose",
            &[
                ("title", &title),
                ("description", &description),
                ("lang", "de"),
            ],
        )
        .await;
    assert_eq!(res.status, 303, "{}", res.body);
    // Browsers drop cookies over 4096 bytes; the session cookie carries the draft.
    let cookie = res.header("set-cookie");
    assert!(cookie.starts_with("grillplatz="), "{cookie}");
    assert!(
        cookie.len() < 4096,
        "session cookie of {} bytes",
        cookie.len()
    );
    eprintln!(
        "session cookie with the longest draft: {} bytes",
        cookie.len()
    );
    let page = client.get(BOARD).await;
    assert_eq!(page.field("title").as_deref(), Some(title.as_str()));
    assert_eq!(
        page.field("description").as_deref(),
        Some(description.as_str())
    );
}

#[actix_web::test]
async fn the_admin_board_forms_send_bad_input_back() {
    let app = TestApp::new();
    let event_id = app.event(EventSpec::published("wand").capacity(30));
    let admin = format!("/admin/events/{event_id}/topics");
    let mut client = organizer_client(&app).await;
    let res = client
        .submit(
            &admin,
            &format!("{admin}/limits"),
            &[("dots", "viele"), ("proposals", "-1"), ("max_topics", "60")],
        )
        .await;
    assert_eq!(res.status, 422);
    res.assert_contains("Bitte gib eine ganze Zahl im erlaubten Bereich an.");
    assert_eq!(res.field("dots").as_deref(), Some("viele"));
    assert_eq!(res.field("proposals").as_deref(), Some("-1"));
    let res = client
        .submit(
            &admin,
            &format!("{admin}/add"),
            &[
                ("title", ""),
                ("description", "Von der Orga"),
                ("lang", "de"),
            ],
        )
        .await;
    assert_eq!(res.status, 422);
    assert_eq!(res.field("description").as_deref(), Some("Von der Orga"));
    let res = client
        .submit(&admin, &format!("{admin}/recap"), &[("lang", "fr")])
        .await;
    assert_eq!(res.status, 400);
    let res = client
        .post(
            &format!("{admin}/limits"),
            &[("dots", "3"), ("csrf", "falsch")],
        )
        .await;
    assert_eq!(res.status, 403);
    assert_eq!(client.get("/admin/events/99999/topics").await.status, 404);
    let board = with_conn(&app, |c| board::board(c, event_id)).expect("board");
    assert_eq!(board.dots_per_attendee, 5, "nothing was saved");
}

/// Element nesting of `html` as a browser's parser builds it.
fn parsed_depth(html: &str) -> usize {
    scraper::Html::parse_fragment(html)
        .tree
        .nodes()
        .filter(|n| n.value().is_element())
        .map(|n| n.ancestors().filter(|a| a.value().is_element()).count())
        .max()
        .unwrap_or(0)
}

fn stored_notes(app: &TestApp, topic: i64) -> Vec<(String, String)> {
    with_conn(app, |c| {
        topic_notes::table
            .filter(topic_notes::topic_id.eq(topic))
            .order(topic_notes::id)
            .select((topic_notes::body, topic_notes::body_html))
            .load(c)
            .expect("notes")
    })
}

#[actix_web::test]
async fn a_deeply_nested_note_is_stored_shallow_and_its_history_has_a_page_of_its_own() {
    let app = TestApp::new();
    let event_id = app.event(EventSpec::published("wand").capacity(30));
    let Registration {
        id: a,
        manage_token: token,
        ..
    } = app.rsvp(event_id, RsvpSpec::confirmed("Ann"));
    let id = app.topic(event_id, a, TopicSpec::new("Code-Katas"));
    let page = format!("/de/events/wand/topics/{id}/");
    let history = format!("{page}history/");
    let mut ann = app.client().await;
    ann.get(&format!("/de/rsvp/{token}/")).await;

    let too_long = ">".repeat(grillplatz::topics::forms::NOTE_MAX + 1);
    let res = ann
        .submit(
            &page,
            &format!("{page}notes"),
            &[("body", &too_long), ("base", "")],
        )
        .await;
    assert_eq!(res.status, 422);
    res.assert_contains("Dieser Text ist zu lang.");
    let deep = ">".repeat(grillplatz::topics::forms::NOTE_MAX);
    let res = ann
        .submit(
            &page,
            &format!("{page}notes"),
            &[("body", &deep), ("base", "")],
        )
        .await;
    assert_eq!(res.status, 303);
    let stored = stored_notes(&app, id);
    assert_eq!(stored.len(), 1);
    let depth = parsed_depth(&stored[0].1);
    assert!(
        (markdown::BLOCK_DEPTH_MAX..=2 * markdown::BLOCK_DEPTH_MAX).contains(&depth),
        "stored depth {depth}"
    );
    let shown = ann.get(&page).await;
    assert_eq!(shown.status, 200);
    assert_eq!(
        shown.html().select(&selector("blockquote")).count(),
        markdown::BLOCK_DEPTH_MAX
    );
    assert_eq!(
        shown
            .html()
            .select(&selector("a[href$='/history/']"))
            .count(),
        0,
        "no history yet"
    );

    let base = shown.field("base").expect("base");
    let res = ann
        .submit(
            &page,
            &format!("{page}notes"),
            &[("body", "Jetzt *flach*."), ("base", &base)],
        )
        .await;
    assert_eq!(res.status, 303);
    let shown = ann.get(&page).await;
    assert_eq!(shown.status, 200);
    let link = selector(&format!("a[href='{history}']"));
    let html = shown.html();
    let to_history = html.select(&link).next().expect("history link");
    assert_eq!(to_history.text().collect::<String>(), "1 frühere Fassung");
    assert_eq!(html.select(&selector(".prose blockquote")).count(), 0);

    let res = ann.get(&history).await;
    assert_eq!(res.status, 200);
    let html = res.html();
    let revisions: Vec<_> = html.select(&selector(".note-history > li")).collect();
    assert_eq!(revisions.len(), 1);
    assert_eq!(
        revisions[0].select(&selector("blockquote")).count(),
        markdown::BLOCK_DEPTH_MAX
    );
    assert_eq!(ann.get(&format!("{history}?page=2")).await.status, 404);
    assert_eq!(ann.get(&format!("{history}?page=x")).await.status, 404);
    let other = app.topic(event_id, a, TopicSpec::new("Ohne Notizen"));
    let res = ann
        .get(&format!("/en/events/wand/topics/{other}/history/"))
        .await;
    assert_eq!(res.status, 200);
    res.assert_contains("There are no earlier versions.");
    assert_eq!(
        ann.get("/de/events/wand/topics/999999/history/")
            .await
            .status,
        404
    );
}

fn selector(css: &str) -> scraper::Selector {
    scraper::Selector::parse(css).expect("selector")
}

#[actix_web::test]
async fn a_note_shows_no_remote_images() {
    let app = TestApp::new();
    let event_id = app.event(EventSpec::published("wand").capacity(30));
    let Registration {
        id: a,
        manage_token: token,
        ..
    } = app.rsvp(event_id, RsvpSpec::confirmed("Ann"));
    let id = app.topic(event_id, a, TopicSpec::new("Code-Katas"));
    let page = format!("/de/events/wand/topics/{id}/");
    let mut ann = app.client().await;
    ann.get(&format!("/de/rsvp/{token}/")).await;
    let body = "Pixel: ![x](https://tracker.example/p.gif)\n\n\
                Roh: <img src=\"https://tracker.example/p.gif\">";
    let res = ann
        .submit(
            &page,
            &format!("{page}notes"),
            &[("body", body), ("base", "")],
        )
        .await;
    assert_eq!(res.status, 303);

    let mut visitor = app.client().await;
    let shown = visitor.get(&page).await;
    assert_eq!(shown.status, 200);
    let html = shown.html();
    let images: Vec<_> = html
        .select(&selector("img"))
        .filter_map(|i| i.value().attr("src"))
        .collect();
    assert!(!images.is_empty(), "the page's own logo is an image");
    assert!(
        images.iter().all(|src| !src.contains("tracker.example")),
        "{images:?}"
    );
    let prose = html
        .select(&selector(".notes .prose"))
        .next()
        .expect("note");
    let link = prose
        .select(&selector("a[href='https://tracker.example/p.gif']"))
        .next()
        .expect("the image as a link");
    assert_eq!(link.text().collect::<String>(), "x");
    assert!(
        prose
            .text()
            .collect::<String>()
            .contains("<img src=\"https://tracker.example/p.gif\">"),
        "raw HTML shown as text"
    );
}

#[actix_web::test]
async fn rows_saved_before_rendering_get_their_html_after_migrations() {
    let app = TestApp::new();
    let event_id = app.event(EventSpec::published("wand").capacity(30));
    let a = app.rsvp(event_id, RsvpSpec::confirmed("Ann")).id;
    let id = app.topic(event_id, a, TopicSpec::new("Code-Katas"));
    // As a database migrated from before stores them: Markdown only.
    with_conn(&app, |c| {
        diesel::insert_into(topic_notes::table)
            .values((
                topic_notes::topic_id.eq(id),
                topic_notes::body.eq("Alt und **fett** <b>roh</b>"),
                topic_notes::author_name.eq("Ann"),
                topic_notes::rsvp_id.eq(a),
                topic_notes::created_at.eq(now()),
            ))
            .execute(c)
            .expect("old note");
        diesel::update(events::table.find(event_id))
            .set((
                events::description_html_de.eq(""),
                events::description_html_en.eq(""),
            ))
            .execute(c)
            .expect("old event");
    });
    assert_eq!(
        with_conn(&app, grillplatz::after_migrations).expect("backfill"),
        2
    );
    assert_eq!(
        with_conn(&app, grillplatz::after_migrations).expect("again"),
        0
    );
    assert_eq!(
        stored_notes(&app, id)[0].1,
        "<p>Alt und <strong>fett</strong> &lt;b&gt;roh&lt;/b&gt;</p>\n"
    );
    let mut client = app.client().await;
    let res = client.get("/de/events/wand/").await;
    res.assert_contains("<strong>Grillen</strong>");
    let res = client.get("/en/events/wand/").await;
    res.assert_contains("<strong>barbecue</strong>");
}

/// A full event: Ann holds its one place, Wen waits. Returns (event, Ann, Wen's manage token).
fn full_event(app: &TestApp, spec: EventSpec) -> (i64, Registration, Registration) {
    let event_id = app.event(spec.capacity(1));
    let ann = app.rsvp(event_id, RsvpSpec::confirmed("Ann Platz"));
    let wen = app.rsvp(event_id, RsvpSpec::waitlisted("Wen Warte"));
    (event_id, ann, wen)
}

#[actix_web::test]
async fn a_waiting_person_proposes_and_dots_when_the_event_allows_it() {
    let app = TestApp::new();
    let (event_id, ann, wen) = full_event(&app, EventSpec::published("wand"));
    let theirs = app.topic(event_id, ann.id, TopicSpec::new("Anns Thema"));
    let mut client = app.client().await;
    // The manage link of a waiting person leads to the board too.
    let manage = client.get(&format!("/de/rsvp/{}/", wen.manage_token)).await;
    manage.assert_contains("Themen vorschlagen und Punkte verteilen");
    let page = client.get(BOARD).await;
    page.assert_contains("Du bist als Wen Warte angemeldet.");
    page.assert_contains(
        "Du stehst auf der Warteliste – du darfst trotzdem Themen vorschlagen und Punkte vergeben.",
    );
    page.assert_lacks("Jetzt anmelden");
    page.assert_has("form#propose");

    let res = client
        .submit(
            BOARD,
            "/de/events/wand/topics/propose",
            &[("title", "Warten auf Godot"), ("lang", "de")],
        )
        .await;
    assert_eq!(res.status, 303, "{}", res.body);
    assert_ne!(res.location(), "/de/events/wand/#rsvp");
    let mine = topic_id(&app, "Warten auf Godot");
    let proposer: Option<i64> = with_conn(&app, |c| {
        topics::table
            .find(mine)
            .select(topics::rsvp_id)
            .first(c)
            .expect("proposer")
    });
    assert_eq!(proposer, Some(wen.id));
    let res = client
        .submit(
            BOARD,
            &format!("/de/events/wand/topics/{theirs}/dot"),
            &[("dot", "add")],
        )
        .await;
    assert_eq!(res.status, 303);
    client.get(BOARD).await.assert_contains("Punkt vergeben.");
    let interest = with_conn(&app, |c| board::interest(c, event_id)).expect("interest");
    assert_eq!(interest.get(&theirs), Some(&1));
}

#[actix_web::test]
async fn a_waiting_person_is_told_and_refused_when_the_board_is_for_places_only() {
    let app = TestApp::new();
    let (event_id, ann, wen) = full_event(&app, EventSpec::published("wand").waitlist_off_board());
    let theirs = app.topic(event_id, ann.id, TopicSpec::new("Anns Thema"));
    let mut client = app.client().await;
    client.get(&format!("/de/rsvp/{}/", wen.manage_token)).await;
    let page = client.get(BOARD).await;
    page.assert_contains("Du stehst auf der Warteliste. Bei diesem Termin können nur Teilnehmende mit festem Platz Themen vorschlagen und Punkte vergeben.");
    page.assert_no("form#propose");
    page.assert_no("form[data-dot]");
    page.assert_lacks("Jetzt anmelden");

    // Forms sent anyway are refused with the reason, not sent to the RSVP form.
    let res = client
        .submit(
            BOARD,
            "/de/events/wand/topics/propose",
            &[("title", "Warten auf Godot"), ("lang", "de")],
        )
        .await;
    assert_eq!(res.status, 403);
    res.assert_contains(
        "Du stehst auf der Warteliste: Bei diesem Termin können nur Teilnehmende mit festem Platz",
    );
    assert_eq!(res.field("title").as_deref(), Some("Warten auf Godot"));
    let dot = format!("/de/events/wand/topics/{theirs}/dot");
    let res = client.submit(BOARD, &dot, &[("dot", "add")]).await;
    assert_eq!(res.status, 303);
    client
        .get(BOARD)
        .await
        .assert_contains("Du stehst auf der Warteliste: Bei diesem Termin");
    let csrf = client.get(BOARD).await.csrf();
    let res = client
        .post_with(
            &dot,
            &[("dot", "add"), ("csrf", &csrf)],
            ("accept", "application/json"),
        )
        .await;
    assert_eq!(res.status, 403);
    let json: serde_json::Value = serde_json::from_str(&res.body).expect("json");
    assert_eq!(json["ok"], false);
    let res = client
        .submit(
            BOARD,
            &format!("/de/events/wand/topics/{theirs}/notes"),
            &[("body", "Notiz"), ("base", "")],
        )
        .await;
    assert_eq!(res.status, 403);
    res.assert_contains("Du stehst auf der Warteliste: Bei diesem Termin");
    let count: i64 = with_conn(&app, |c| {
        topics::table
            .filter(topics::event_id.eq(event_id))
            .count()
            .get_result(c)
            .expect("count")
    });
    assert_eq!(count, 1, "nothing proposed");
    assert!(
        with_conn(&app, |c| board::interest(c, event_id))
            .expect("interest")
            .is_empty()
    );

    // Someone with a place is not affected.
    let mut ann_client = app.client().await;
    ann_client
        .get(&format!("/de/rsvp/{}/", ann.manage_token))
        .await;
    let page = ann_client.get(BOARD).await;
    page.assert_lacks("Warteliste");
    page.assert_has("form#propose");
    let res = ann_client
        .submit(
            BOARD,
            "/de/events/wand/topics/propose",
            &[("title", "Noch ein Thema"), ("lang", "de")],
        )
        .await;
    assert_eq!(res.status, 303);
    let res = ann_client.submit(BOARD, &dot, &[("dot", "add")]).await;
    assert_eq!(res.status, 303);
    ann_client
        .get(BOARD)
        .await
        .assert_contains("Punkt vergeben.");
}

#[actix_web::test]
async fn the_event_editor_keeps_whether_waiting_people_may_take_part() {
    let app = TestApp::new();
    let event_id = app.event(EventSpec::published("wand"));
    let mut client = organizer_client(&app).await;
    let edit = format!("/admin/events/{event_id}/edit");
    let page = client.get(&edit).await;
    page.assert_has("input#waitlist_on_board[checked]");
    let names = [
        "title_de",
        "title_en",
        "slug",
        "date",
        "start_time",
        "end_time",
        "venue_name",
        "venue_address",
        "capacity",
        "max_guests",
        "registration_opens",
        "registration_closes",
        "format",
        "description_de",
        "description_en",
        "agenda",
        "recap",
    ];
    let values: Vec<(&str, String)> = names
        .iter()
        .map(|n| (*n, page.field(n).unwrap_or_default()))
        .collect();
    let mut fields: Vec<(&str, &str)> = values.iter().map(|(n, v)| (*n, v.as_str())).collect();
    fields.push(("action", "publish"));
    // Unticked: the box sends nothing.
    let res = client.submit(&edit, &edit, &fields).await;
    assert_eq!(res.status, 303, "{}", res.body);
    let stored = || {
        with_conn(&app, |c| {
            events::table
                .find(event_id)
                .select(events::waitlist_on_board)
                .first::<bool>(c)
                .expect("setting")
        })
    };
    assert!(!stored());
    client
        .get(&edit)
        .await
        .assert_no("input#waitlist_on_board[checked]");
    fields.push(("waitlist_on_board", "yes"));
    client.submit(&edit, &edit, &fields).await;
    assert!(stored());
}

#[actix_web::test]
async fn a_proposer_edits_and_withdraws_their_topic_until_it_is_scheduled() {
    let app = TestApp::new();
    let event_id = app.event(EventSpec::published("wand").capacity(30));
    let jana = app.rsvp(event_id, RsvpSpec::confirmed("Jana"));
    let ben = app.rsvp(event_id, RsvpSpec::confirmed("Ben")).id;
    let mine = app.topic(
        event_id,
        jana.id,
        TopicSpec::new("Katas").description("Mob-Programming"),
    );
    let placed = app.topic(event_id, jana.id, TopicSpec::new("Eingeplant"));
    let bens = app.topic(event_id, ben, TopicSpec::new("Bens Thema"));
    with_conn(&app, |c| {
        board::vote(c, event_id, ben, mine, now()).expect("vote");
    });
    let mut client = app.client().await;
    client
        .get(&format!("/de/rsvp/{}/", jana.manage_token))
        .await;
    let page = client.get(BOARD).await;
    let edit = format!("/de/events/wand/topics/{mine}/edit");
    page.assert_has(&format!("a[href='{edit}']"));
    page.assert_no(&format!("a[href='/de/events/wand/topics/{bens}/edit']"));

    let form = client.get(&edit).await;
    assert_eq!(form.status, 200);
    assert_eq!(form.field("title").as_deref(), Some("Katas"));
    assert_eq!(
        form.field("description").as_deref(),
        Some("Mob-Programming")
    );

    // Bad input comes back with a message and what was typed.
    let res = client
        .submit(
            &edit,
            &edit,
            &[("title", " "), ("description", "Neu"), ("lang", "de")],
        )
        .await;
    assert_eq!(res.status, 422);
    res.assert_contains("Bitte fülle dieses Feld aus.");
    assert_eq!(res.field("description").as_deref(), Some("Neu"));
    let long = "x".repeat(121);
    let res = client
        .submit(&edit, &edit, &[("title", &long), ("lang", "de")])
        .await;
    assert_eq!(res.status, 422);
    res.assert_contains("Dieser Text ist zu lang.");
    assert_eq!(res.field("title").as_deref(), Some(long.as_str()));
    let res = client
        .post(
            &edit,
            &[("title", "Gestohlen"), ("lang", "de"), ("csrf", "falsch")],
        )
        .await;
    assert_eq!(res.status, 403);
    let title = |id: i64| -> String {
        with_conn(&app, |c| {
            topics::table
                .find(id)
                .select(topics::title)
                .first(c)
                .expect("title")
        })
    };
    assert_eq!(title(mine), "Katas");

    let script = "<script>alert(1)</script> Code-Katas";
    let res = client
        .submit(
            &edit,
            &edit,
            &[("title", script), ("description", ""), ("lang", "en")],
        )
        .await;
    assert_eq!(res.status, 303, "{}", res.body);
    assert_eq!(title(mine), script);
    let shown = client.get(&format!("/de/events/wand/topics/{mine}/")).await;
    shown.assert_contains("Dein Thema ist geändert.");
    assert!(
        shown.texts("h1.post-title")[0].starts_with(script),
        "shown as text"
    );
    shown.assert_lacks("<script>alert");

    // Someone else's topic, and one that does not exist.
    let other = format!("/de/events/wand/topics/{bens}/edit");
    let res = client.get(&other).await;
    assert_eq!(res.status, 403);
    res.assert_contains("Ändern oder zurückziehen kann ein Thema nur, wer es vorgeschlagen hat.");
    let res = client
        .submit(&edit, &other, &[("title", "Gekapert"), ("lang", "de")])
        .await;
    assert_eq!(res.status, 403);
    let res = client
        .submit(
            &edit,
            &format!("/de/events/wand/topics/{bens}/withdraw"),
            &[],
        )
        .await;
    assert_eq!(res.status, 403);
    assert_eq!(title(bens), "Bens Thema");
    assert_eq!(
        client.get("/de/events/wand/topics/99999/edit").await.status,
        404
    );
    let res = client
        .submit(
            &edit,
            "/de/events/wand/topics/99999/edit",
            &[("title", "x"), ("lang", "de")],
        )
        .await;
    assert_eq!(res.status, 404);

    // Withdrawing asks first and says what is lost; nothing changes until confirmed.
    let withdraw = format!("/de/events/wand/topics/{mine}/withdraw");
    let ask = client.get(&withdraw).await;
    assert_eq!(ask.status, 200);
    ask.assert_contains("wirklich zurückziehen?");
    ask.assert_contains("Sein 1 Punkt ist dann weg; wer ihn vergeben hat, bekommt ihn zurück.");
    ask.assert_has(&format!("form[method=post][action='{withdraw}']"));
    let res = client.post(&withdraw, &[("csrf", "falsch")]).await;
    assert_eq!(res.status, 403);
    assert_eq!(
        with_conn(&app, |c| board::dots_of(c, ben))
            .expect("dots")
            .len(),
        1
    );
    let res = client.submit(&withdraw, &withdraw, &[]).await;
    assert_eq!(res.status, 303);
    let page = client.get(BOARD).await;
    page.assert_contains("Dein Thema ist zurückgezogen.");
    page.assert_lacks("Code-Katas");
    assert!(
        with_conn(&app, |c| board::dots_of(c, ben))
            .expect("dots")
            .is_empty(),
        "Ben's dot is back"
    );
    assert_eq!(client.get(&edit).await.status, 404);

    // Once scheduled, only the organizers change it.
    with_conn(&app, |c| {
        board::add_room(c, event_id, "Saal", 20).expect("room");
        let start = now() + Duration::days(10);
        board::add_slot(c, event_id, start, start + Duration::minutes(45)).expect("slot");
        let (slot, room) = (
            board::slots(c, event_id).expect("slots")[0].id,
            board::rooms(c, event_id).expect("rooms")[0].id,
        );
        diesel::update(topics::table.find(placed))
            .set((topics::slot_id.eq(slot), topics::room_id.eq(room)))
            .execute(c)
            .expect("schedule");
    });
    let page = client.get(BOARD).await;
    page.assert_no(&format!("a[href='/de/events/wand/topics/{placed}/edit']"));
    let scheduled = format!("/de/events/wand/topics/{placed}/edit");
    let res = client.get(&scheduled).await;
    assert_eq!(res.status, 409);
    res.assert_contains("Dieses Thema ist schon im Programm eingeplant");
    let res = client
        .submit(BOARD, &scheduled, &[("title", "Umbenannt"), ("lang", "de")])
        .await;
    assert_eq!(res.status, 409);
    let res = client
        .submit(
            BOARD,
            &format!("/de/events/wand/topics/{placed}/withdraw"),
            &[],
        )
        .await;
    assert_eq!(res.status, 409);
    assert_eq!(title(placed), "Eingeplant");
    client.get(BOARD).await.assert_contains("Eingeplant");
}

#[actix_web::test]
async fn merging_asks_for_the_target_and_changes_nothing_before_it_is_confirmed() {
    let app = TestApp::new();
    let event_id = app.event(EventSpec::published("wand").capacity(30));
    let a = app.rsvp(event_id, RsvpSpec::confirmed("Ann")).id;
    let b = app.rsvp(event_id, RsvpSpec::confirmed("Ben")).id;
    let tdd = app.topic(event_id, a, TopicSpec::new("TDD"));
    let tests = app.topic(event_id, b, TopicSpec::new("Testgetriebene Entwicklung"));
    with_conn(&app, |c| {
        board::vote(c, event_id, a, tdd, now()).expect("vote");
        board::vote(c, event_id, b, tdd, now()).expect("vote");
        board::vote(c, event_id, b, tests, now()).expect("vote");
        board::vote(c, event_id, a, tests, now()).expect("vote");
    });
    let admin = format!("/admin/events/{event_id}/topics");
    let mut client = organizer_client(&app).await;
    let page = client.get(&admin).await;
    page.assert_has(&format!(
        "form[method=get][action='{admin}/{tests}/merge'] select[name=into]"
    ));
    page.assert_no("button.button-danger");

    let ask = client
        .get(&format!("{admin}/{tests}/merge?into={tdd}"))
        .await;
    assert_eq!(ask.status, 200);
    ask.assert_contains("„Testgetriebene Entwicklung“ wird mit „TDD“ zusammengelegt.");
    ask.assert_contains("„Testgetriebene Entwicklung“ verschwindet von der Themenwand.");
    ask.assert_contains("2 Personen haben beide Themen gepunktet");
    ask.assert_contains("Danach hat das Thema 2 Punkte.");
    ask.assert_has(&format!(
        "form[method=post][action='{admin}/{tests}/merge'] input[name=into][value='{tdd}']"
    ));
    let status: String = with_conn(&app, |c| {
        topics::table
            .find(tests)
            .select(topics::status)
            .first(c)
            .expect("status")
    });
    assert_eq!(status, "open", "nothing merged yet");
    let interest = with_conn(&app, |c| board::interest(c, event_id)).expect("interest");
    assert_eq!(
        (interest.get(&tdd), interest.get(&tests)),
        (Some(&2), Some(&2))
    );

    // A target that is the topic itself or unknown goes back with a message.
    for into in [tests.to_string(), "99999".into(), "x".into()] {
        let res = client
            .get(&format!("{admin}/{tests}/merge?into={into}"))
            .await;
        assert_eq!(res.status, 303, "{into}");
        client
            .get(&admin)
            .await
            .assert_contains("Dieses Thema gibt es nicht (mehr).");
    }
    assert_eq!(
        client
            .get(&format!("{admin}/99999/merge?into={tdd}"))
            .await
            .status,
        404
    );

    let res = client
        .submit(
            &format!("{admin}/{tests}/merge?into={tdd}"),
            &format!("{admin}/{tests}/merge"),
            &[("into", &tdd.to_string())],
        )
        .await;
    assert_eq!(res.status, 303);
    let interest = with_conn(&app, |c| board::interest(c, event_id)).expect("interest");
    assert_eq!(interest.get(&tdd), Some(&2));
    assert_eq!(interest.get(&tests), None);
}

#[actix_web::test]
async fn the_live_board_shows_how_to_join_and_marks_the_running_slot() {
    let app = TestApp::new();
    let at = now();
    let event_id = app.event(
        EventSpec::published("wand")
            .capacity(30)
            .starting_at(at - Duration::hours(1))
            .lasting(Duration::hours(9)),
    );
    let a = app.rsvp(event_id, RsvpSpec::confirmed("Ann")).id;
    let slots = [
        (at - Duration::minutes(70), at - Duration::minutes(25)),
        (at - Duration::minutes(10), at + Duration::minutes(35)),
        (at + Duration::minutes(50), at + Duration::minutes(95)),
    ];
    with_conn(&app, |c| {
        board::add_room(c, event_id, "Saal", 20).expect("room");
        for (s, e) in slots {
            board::add_slot(c, event_id, s, e).expect("slot");
        }
        let room = board::rooms(c, event_id).expect("rooms")[0].id;
        for (i, slot) in board::slots(c, event_id).expect("slots").iter().enumerate() {
            let t = board::propose(
                c,
                event_id,
                &board::Proposer::Attendee {
                    rsvp_id: a,
                    name: "Ann".into(),
                },
                &grillplatz::topics::model::TopicInput {
                    title: format!("Session {i}"),
                    description: String::new(),
                    lang: Lang::De,
                },
                now(),
            )
            .expect("propose");
            diesel::update(topics::table.find(t))
                .set((topics::slot_id.eq(slot.id), topics::room_id.eq(room)))
                .execute(c)
                .expect("schedule");
        }
    });
    let mut client = app.client().await;
    let page = client.get("/de/events/wand/board/").await;
    assert_eq!(page.status, 200);
    let url = "http://grillplatz.test/de/events/wand/topics/";
    assert_eq!(
        page.texts(".live-join .join-url"),
        vec!["grillplatz.test/de/events/wand/topics/".to_string()]
    );
    page.assert_has(".live-join svg.join-qr path");
    page.assert_contains(&grillplatz::topics::live::qr_svg(url));
    page.assert_lacks("<?xml");

    // Only the slot running now is marked, in the table and in the phone list.
    let running = page.texts(".schedule-table tr.is-running");
    assert_eq!(running.len(), 1, "{running:?}");
    assert!(running[0].contains("Läuft gerade"), "{running:?}");
    assert!(running[0].contains("Session 1"), "{running:?}");
    let listed = page.texts(".schedule-list > li.is-running");
    assert_eq!(listed.len(), 1);
    assert!(listed[0].contains("Session 1"), "{listed:?}");
    assert_eq!(page.count(".running-badge"), 2);
    let english = client.get("/en/events/wand/board/").await;
    english.assert_contains("Happening now");
    assert_eq!(
        english.texts(".join-url"),
        vec!["grillplatz.test/en/events/wand/topics/".to_string()]
    );
}

#[actix_web::test]
async fn a_scheduled_topic_keeps_its_time_range_in_one_piece() {
    let app = TestApp::new();
    let event_id = app.event(EventSpec::published("wand").capacity(30));
    let a = app.rsvp(event_id, RsvpSpec::confirmed("Ann")).id;
    let id = app.topic(event_id, a, TopicSpec::new("Raspberry Pi"));
    let start = starts_at(&app, event_id) + Duration::hours(1);
    with_conn(&app, |c| {
        board::add_room(c, event_id, "Großer Saal", 20).expect("room");
        board::add_slot(c, event_id, start, start + Duration::minutes(45)).expect("slot");
        let (slot, room) = (
            board::slots(c, event_id).expect("slots")[0].id,
            board::rooms(c, event_id).expect("rooms")[0].id,
        );
        diesel::update(topics::table.find(id))
            .set((topics::slot_id.eq(slot), topics::room_id.eq(room)))
            .execute(c)
            .expect("schedule");
    });
    let tz = chrono_tz::Europe::Berlin;
    let hm = |t: NaiveDateTime| {
        grillplatz::i18n::format::local(t, tz)
            .format("%H:%M")
            .to_string()
    };
    let range = format!("{}–{} Uhr", hm(start), hm(start + Duration::minutes(45)));
    let mut client = app.client().await;
    let page = client.get(BOARD).await;
    assert_eq!(page.texts(".topic-place .place-time"), vec![range.clone()]);
    assert_eq!(
        page.texts(".topic-place .place-room"),
        vec!["· Großer Saal".to_string()]
    );
    let schedule = client.get("/de/events/wand/schedule/").await;
    schedule.assert_contains(&range);
    schedule.assert_has("h1");
    assert_eq!(schedule.texts("h1"), vec!["Programm".to_string()]);
}
