//! Series: organizers group recurring events, visitors follow the editions, and the next
//! edition is planned from the last in one step.

use chrono::{Duration, NaiveDate, NaiveDateTime};
use diesel::prelude::*;
use grillplatz::clock::now;
use grillplatz::db::schema::{events, outbox, rooms, time_slots};
use grillplatz::events::model::{Event, EventStatus};
use grillplatz::events::queries;
use grillplatz::i18n::Lang;
use grillplatz::series::model::Numbering;
use grillplatz::series::queries::{SeriesInput, SeriesSaved, save};

use crate::support::{EventSpec, PASSWORD, PostSpec, RsvpSpec, TestApp, with_conn};

const EMAIL: &str = "anna@example.org";

fn series(app: &TestApp, slug: &str, numbering: Numbering) -> i64 {
    let input = SeriesInput {
        slug: slug.into(),
        name_de: "Dev- und Admin-Grillen".into(),
        name_en: "Developer & Admin BBQ".into(),
        numbering,
    };
    match with_conn(app, |c| save(c, None, &input, now()).expect("series")) {
        SeriesSaved::Saved(id) => id,
        SeriesSaved::SlugTaken => panic!("slug {slug} taken"),
    }
}

/// Edition `n` of `series`, made like `spec`.
fn edition(app: &TestApp, spec: EventSpec, series: i64, n: i32) -> i64 {
    let mut input = spec.input();
    input.series = Some((series, n));
    with_conn(app, |c| {
        queries::save_event(c, None, &input, now()).expect("save")
    })
}

fn event(app: &TestApp, id: i64) -> Event {
    with_conn(app, |c| {
        queries::by_id(c, id).expect("load").expect("exists")
    })
}

/// `hour:00` on `day` in Berlin, as UTC.
fn berlin(day: &str, hour: u32) -> NaiveDateTime {
    let day = NaiveDate::parse_from_str(day, "%Y-%m-%d").expect("day");
    grillplatz::clock::local_to_utc(
        chrono_tz::Europe::Berlin,
        day.and_hms_opt(hour, 0, 0).expect("time"),
    )
    .expect("a real time")
}

#[actix_web::test]
async fn organizer_creates_and_edits_a_series_and_bad_input_comes_back() {
    let app = TestApp::new();
    app.organizer(EMAIL, "Anna");
    let mut client = app.client().await;
    client.login(EMAIL, PASSWORD).await;
    let good = vec![
        ("name_de", "Dev- und Admin-Grillen"),
        ("name_en", "Developer & Admin BBQ"),
        ("slug", ""),
        ("numbering", "ordinal"),
    ];
    let long = "x".repeat(101);
    let broken: Vec<(&str, &str, &str)> = vec![
        ("name_de", "", "Bitte fülle dieses Feld aus."),
        ("name_en", " ", "Bitte fülle dieses Feld aus."),
        ("name_en", &long, "Dieser Text ist zu lang."),
        ("slug", "Grillen!", "Nur Kleinbuchstaben"),
        ("slug", "<script>alert(1)</script>", "Nur Kleinbuchstaben"),
        ("numbering", "decimal", "Bitte wähle einen Eintrag"),
    ];
    for (field, value, message) in broken {
        let mut fields = good.clone();
        fields.retain(|(k, _)| *k != field);
        fields.push((field, value));
        let res = client
            .submit("/admin/series/new", "/admin/series/new", &fields)
            .await;
        assert_eq!(res.status, 422, "{field}={value}");
        res.assert_contains(message);
        res.assert_lacks("<script>alert");
        if field != "numbering" {
            assert_eq!(res.field(field).as_deref(), Some(value), "{field} kept");
        }
    }
    // A wrong token changes nothing.
    let res = client
        .post("/admin/series/new", &[("csrf", "wrong"), ("name_de", "X")])
        .await;
    assert_eq!(res.status, 403);
    let res = client
        .submit("/admin/series/new", "/admin/series/new", &good)
        .await;
    assert_eq!(res.status, 303, "{}", res.body);
    let list = client.get("/admin/series").await;
    list.assert_contains("Dev- und Admin-Grillen");
    list.assert_contains("dev-und-admin-grillen");
    list.assert_has("a[href=\"/de/series/dev-und-admin-grillen/\"]");
    // The slug made from the name is taken now.
    let res = client
        .submit("/admin/series/new", "/admin/series/new", &good)
        .await;
    assert_eq!(res.status, 422);
    res.assert_contains("schon vergeben");
    // Script tags in a name are text, shown escaped.
    let res = client
        .submit(
            "/admin/series/new",
            "/admin/series/new",
            &[
                ("name_de", "<script>alert(1)</script>"),
                ("name_en", "Talks"),
                ("slug", "talks"),
                ("numbering", "roman"),
            ],
        )
        .await;
    assert_eq!(res.status, 303);
    let list = client.get("/admin/series").await;
    list.assert_lacks("<script>alert");
    list.assert_contains("&#60;script&#62;");
    // Editing: the style changes, the slug of another series is refused.
    let id: i64 = with_conn(&app, |c| {
        grillplatz::db::schema::series::table
            .filter(grillplatz::db::schema::series::slug.eq("dev-und-admin-grillen"))
            .select(grillplatz::db::schema::series::id)
            .first(c)
            .expect("id")
    });
    let edit = format!("/admin/series/{id}/edit");
    let form = client.get(&edit).await;
    form.assert_contains("4. Dev- und Admin-Grillen");
    form.assert_contains("Dev- und Admin-Grillen IV");
    let mut fields = good.clone();
    fields.retain(|(k, _)| *k != "slug" && *k != "numbering");
    fields.push(("slug", "talks"));
    fields.push(("numbering", "roman"));
    let res = client.submit(&edit, &edit, &fields).await;
    assert_eq!(res.status, 422);
    res.assert_contains("schon vergeben");
    fields.retain(|(k, _)| *k != "slug");
    fields.push(("slug", "bbq"));
    let res = client.submit(&edit, &edit, &fields).await;
    assert_eq!(res.status, 303);
    let list = client.get("/admin/series").await;
    list.assert_contains("Römisch angehängt");
    // Unknown ids are a 404, never a 500.
    assert_eq!(client.get("/admin/series/999/edit").await.status, 404);
    assert_eq!(
        client
            .submit(&edit, "/admin/series/999/edit", &fields)
            .await
            .status,
        404
    );
    assert_eq!(client.get("/admin/series/abc/edit").await.status, 404);
}

#[actix_web::test]
async fn event_editor_files_an_event_under_a_series_and_refuses_impossible_editions() {
    let app = TestApp::new();
    let bbq = series(&app, "grillen", Numbering::Ordinal);
    edition(&app, EventSpec::published("grillen-3"), bbq, 3);
    app.organizer(EMAIL, "Anna");
    let mut client = app.client().await;
    client.login(EMAIL, PASSWORD).await;
    let bbq_id = bbq.to_string();
    let good = vec![
        ("title_de", "Dev- und Admin-Grillen"),
        ("title_en", "Developer & Admin BBQ"),
        ("format", "open_space"),
        ("date", "2099-01-15"),
        ("start_time", "14:00"),
        ("end_time", "23:00"),
        ("venue_name", "Nordlicht"),
        ("venue_address", "Große Ulrichstraße 12, Halle"),
        ("capacity", "25"),
        ("max_guests", "1"),
        ("slug", "grillen-4"),
        ("series", bbq_id.as_str()),
        ("edition", "4"),
        ("action", "publish"),
    ];
    let form = client.get("/admin/events/new").await;
    form.assert_has(&format!("select#series option[value=\"{bbq}\"]"));
    let broken: Vec<(&str, &str, &str)> = vec![
        ("edition", "0", "ganze Zahl von 1 bis 999"),
        ("edition", "-2", "ganze Zahl von 1 bis 999"),
        ("edition", "vier", "ganze Zahl von 1 bis 999"),
        ("edition", "1000", "ganze Zahl von 1 bis 999"),
        ("edition", "", "die wievielte Ausgabe"),
        ("edition", "3", "gibt es in der Reihe schon"),
        ("series", "", "Bitte wähle die Reihe"),
        ("series", "999", "Diese Auswahl gibt es nicht"),
        ("series", "<script>", "Diese Auswahl gibt es nicht"),
    ];
    for (field, value, message) in broken {
        let mut fields = good.clone();
        fields.retain(|(k, _)| *k != field);
        fields.push((field, value));
        let res = client
            .submit("/admin/events/new", "/admin/events/new", &fields)
            .await;
        assert_eq!(res.status, 422, "{field}={value}");
        res.assert_contains(message);
        res.assert_lacks("<script>");
        if field == "edition" {
            assert_eq!(res.field(field).as_deref(), Some(value), "{field} kept");
        }
    }
    let count = |app: &TestApp| {
        with_conn(app, |c| {
            events::table.count().get_result::<i64>(c).expect("count")
        })
    };
    assert_eq!(count(&app), 1);
    let res = client
        .submit("/admin/events/new", "/admin/events/new", &good)
        .await;
    assert_eq!(res.status, 303, "{}", res.body);
    let id = with_conn(&app, |c| {
        events::table
            .filter(events::slug.eq("grillen-4"))
            .select(events::id)
            .first::<i64>(c)
            .expect("saved")
    });
    let saved = event(&app, id);
    assert_eq!((saved.series_id, saved.edition), (Some(bbq), Some(4)));
    // Saving it again keeps its own number; leaving the series clears both.
    let edit = format!("/admin/events/{id}/edit");
    let res = client.submit(&edit, &edit, &good).await;
    assert_eq!(res.status, 303, "{}", res.body);
    let mut fields = good.clone();
    fields.retain(|(k, _)| *k != "series" && *k != "edition");
    let res = client.submit(&edit, &edit, &fields).await;
    assert_eq!(res.status, 303);
    let saved = event(&app, id);
    assert_eq!((saved.series_id, saved.edition), (None, None));
}

#[actix_web::test]
async fn event_page_names_the_edition_and_links_its_neighbours_in_both_languages() {
    let app = TestApp::new();
    let bbq = series(&app, "grillen", Numbering::Ordinal);
    let past = now() - Duration::days(400);
    edition(
        &app,
        EventSpec::published("grillen-1").starting_at(past),
        bbq,
        1,
    );
    edition(
        &app,
        EventSpec::published("grillen-2").starting_at(past + Duration::days(200)),
        bbq,
        2,
    );
    edition(&app, EventSpec::published("grillen-3"), bbq, 3);
    edition(
        &app,
        EventSpec::published("grillen-4")
            .starting_at(now() + Duration::days(300))
            .draft(),
        bbq,
        4,
    );
    let mut client = app.client().await;
    let page = client.get("/de/events/grillen-2/").await;
    assert_eq!(page.texts("h1"), ["2. Dev- und Admin-Grillen"]);
    page.assert_contains("Sommergrillen");
    page.assert_has(".edition-nav a[rel=prev][href=\"/de/events/grillen-1/\"]");
    page.assert_has(".edition-nav a[rel=next][href=\"/de/events/grillen-3/\"]");
    page.assert_has(".edition-nav a[href=\"/de/series/grillen/\"]");
    let page = client.get("/en/events/grillen-2/").await;
    assert_eq!(page.texts("h1"), ["2nd Developer & Admin BBQ"]);
    assert_eq!(
        page.texts(".edition-previous"),
        ["← 1st Developer & Admin BBQ"]
    );
    page.assert_contains("All editions");
    // The newest public edition has no next one: the draft stays hidden.
    let page = client.get("/de/events/grillen-3/").await;
    page.assert_no(".edition-nav a[rel=next]");
    page.assert_lacks("grillen-4");
    // Roman numbering, as another series picks it.
    let roman = series(&app, "bbq", Numbering::Roman);
    edition(
        &app,
        EventSpec::published("bbq-4").starting_at(now() + Duration::days(20)),
        roman,
        4,
    );
    let page = client.get("/en/events/bbq-4/").await;
    assert_eq!(page.texts("h1"), ["Developer & Admin BBQ IV"]);
    let page = client.get("/de/events/bbq-4/").await;
    assert_eq!(page.texts("h1"), ["Dev- und Admin-Grillen IV"]);
    page.assert_no(".edition-nav a[rel=prev]");
}

#[actix_web::test]
async fn series_page_lists_editions_newest_first_with_attendance_recap_schedule_feed_and_calendar()
{
    let app = TestApp::new();
    let bbq = series(&app, "grillen", Numbering::Ordinal);
    let author = app.organizer("team@example.org", "Team");
    let first = edition(
        &app,
        EventSpec::published("grillen-1").starting_at(now() + Duration::days(2)),
        bbq,
        1,
    );
    app.rsvp(first, RsvpSpec::confirmed("Jana").guests(1));
    app.rsvp(first, RsvpSpec::confirmed("Ben"));
    app.rsvp(first, RsvpSpec::cancelled("Eve"));
    app.rsvp(first, RsvpSpec::pending("Pia"));
    // The first edition is over; the recap is posted.
    with_conn(&app, |c| {
        diesel::update(events::table.find(first))
            .set((
                events::starts_at.eq(now() - Duration::days(300)),
                events::ends_at.eq(now() - Duration::days(300) + Duration::hours(9)),
            ))
            .execute(c)
            .expect("move")
    });
    let recap_de = app.post(
        author,
        PostSpec::published(Lang::De, "rueckblick", "Rückblick aufs Grillen"),
    );
    with_conn(&app, |c| {
        diesel::update(events::table.find(first))
            .set(events::recap_post_id.eq(recap_de))
            .execute(c)
            .expect("recap")
    });
    edition(&app, EventSpec::published("grillen-2"), bbq, 2);
    edition(&app, EventSpec::published("grillen-3").draft(), bbq, 3);
    let mut client = app.client().await;
    let page = client.get("/de/series/grillen/").await;
    assert_eq!(page.status, 200);
    assert_eq!(page.texts("h1"), ["Dev- und Admin-Grillen"]);
    assert_eq!(
        page.texts(".series-edition h2"),
        ["2. Dev- und Admin-Grillen", "1. Dev- und Admin-Grillen"]
    );
    // Jana with her guest and Ben: three places; only the past edition has a count.
    assert_eq!(page.texts(".series-attendance"), ["3 Teilnehmende"]);
    page.assert_has(".series-edition a.series-recap[href=\"/de/blog/rueckblick/\"]");
    page.assert_has(".series-edition a.series-schedule[href=\"/de/events/grillen-1/schedule/\"]");
    page.assert_contains("2 Ausgaben bisher");
    page.assert_lacks("grillen-3");
    let page = client.get("/en/series/grillen/").await;
    assert_eq!(
        page.texts(".series-edition h2"),
        ["2nd Developer & Admin BBQ", "1st Developer & Admin BBQ"]
    );
    assert_eq!(page.texts(".series-attendance"), ["3 attendees"]);
    page.assert_has("link[rel=alternate][href=\"/en/series/grillen/feed.atom\"]");
    let feed = client.get("/en/series/grillen/feed.atom").await;
    assert_eq!(feed.status, 200);
    assert!(
        feed.header("content-type")
            .starts_with("application/atom+xml")
    );
    assert_eq!(feed.body.matches("<entry>").count(), 2);
    feed.assert_contains("<title>2nd Developer &amp; Admin BBQ</title>");
    feed.assert_contains("/en/events/grillen-1/");
    let ics = client.get("/de/series/grillen/calendar.ics").await;
    assert_eq!(ics.status, 200);
    assert!(ics.header("content-type").starts_with("text/calendar"));
    assert_eq!(ics.body.matches("BEGIN:VEVENT").count(), 2);
    assert_eq!(client.get("/de/series/unbekannt/").await.status, 404);
    assert_eq!(
        client.get("/de/series/unbekannt/feed.atom").await.status,
        404
    );
    assert_eq!(
        client.get("/de/series/unbekannt/calendar.ics").await.status,
        404
    );
}

#[actix_web::test]
async fn planning_the_next_edition_copies_a_winter_event_into_a_summer_draft_at_the_same_local_time()
 {
    let app = TestApp::new();
    let bbq = series(&app, "grillen", Numbering::Roman);
    // 14:00 in January is 13:00 UTC; in July 14:00 is 12:00 UTC.
    let winter = berlin("2099-01-15", 14);
    let mut spec = EventSpec::published("grillen-4")
        .starting_at(winter)
        .capacity(25);
    spec = spec.lasting(Duration::hours(9));
    let mut input = spec.input();
    input.series = Some((bbq, 4));
    input.registration_opens_at = Some(berlin("2098-12-01", 9));
    input.registration_closes_at = Some(berlin("2099-01-13", 18));
    input.waitlist_on_board = false;
    input.format = grillplatz::events::model::EventFormat::OpenSpace;
    let source = with_conn(&app, |c| {
        queries::save_event(c, None, &input, now()).expect("save")
    });
    app.rsvp(source, RsvpSpec::confirmed("Jana"));
    with_conn(&app, |c| {
        grillplatz::topics::queries::add_room(c, source, "Küche", 12).expect("room");
        grillplatz::topics::queries::add_slot(
            c,
            source,
            berlin("2099-01-15", 15),
            berlin("2099-01-15", 16),
        )
        .expect("slot");
        diesel::delete(outbox::table)
            .execute(c)
            .expect("clear outbox");
    });
    app.organizer(EMAIL, "Anna");
    let mut client = app.client().await;
    client.login(EMAIL, PASSWORD).await;
    let edit = client.get(&format!("/admin/events/{source}/edit")).await;
    edit.assert_has(&format!("a[href=\"/admin/events/{source}/next-edition\"]"));
    let next = format!("/admin/events/{source}/next-edition");
    let form = client.get(&next).await;
    form.assert_contains("ein Entwurf für „Dev- und Admin-Grillen V“");
    let res = client.submit(&next, &next, &[("date", "2099-07-15")]).await;
    assert_eq!(res.status, 303, "{}", res.body);
    let draft_id = with_conn(&app, |c| {
        events::table
            .filter(events::edition.eq(5))
            .select(events::id)
            .first::<i64>(c)
            .expect("the draft")
    });
    assert_eq!(res.location(), format!("/admin/events/{draft_id}/edit"));
    // The draft's editor shows its place in the series.
    let editor = client.get(&format!("/admin/events/{draft_id}/edit")).await;
    assert_eq!(editor.field("edition").as_deref(), Some("5"));
    editor.assert_contains("Prüfe ihn und veröffentliche ihn");
    let (from, draft) = (event(&app, source), event(&app, draft_id));
    assert_eq!(draft.status, EventStatus::Draft);
    assert_eq!((draft.series_id, draft.edition), (Some(bbq), Some(5)));
    assert_eq!(draft.slug, "grillen-5");
    assert_ne!(draft.uid, from.uid);
    assert_eq!(draft.starts_at, berlin("2099-07-15", 14));
    assert_eq!(draft.starts_at.format("%H:%M").to_string(), "12:00");
    assert_eq!(draft.ends_at, berlin("2099-07-15", 23));
    // The window moves by as many days as the event (181), at the same local hours.
    assert_eq!(draft.registration_opens_at, Some(berlin("2099-05-31", 9)));
    assert_eq!(draft.registration_closes_at, Some(berlin("2099-07-13", 18)));
    assert_eq!(
        (draft.title_de.as_str(), draft.title_en.as_str()),
        (from.title_de.as_str(), from.title_en.as_str())
    );
    assert_eq!(draft.description_html_en, from.description_html_en);
    assert_eq!(
        (
            draft.venue_name.as_str(),
            draft.capacity,
            draft.max_guests,
            draft.format
        ),
        (from.venue_name.as_str(), 25, from.max_guests, from.format)
    );
    assert!(!draft.waitlist_on_board);
    assert_eq!(draft.recap_post_id, None);
    let agenda = with_conn(&app, |c| queries::agenda(c, draft_id).expect("agenda"));
    assert_eq!(
        agenda.iter().map(|a| a.starts_at).collect::<Vec<_>>(),
        [berlin("2099-07-15", 14), berlin("2099-07-15", 19)]
    );
    let copied_rooms: Vec<(String, i32)> = with_conn(&app, |c| {
        rooms::table
            .filter(rooms::event_id.eq(draft_id))
            .select((rooms::name, rooms::capacity))
            .load(c)
            .expect("rooms")
    });
    assert_eq!(copied_rooms, [("Küche".to_string(), 12)]);
    let slots: Vec<(NaiveDateTime, NaiveDateTime)> = with_conn(&app, |c| {
        time_slots::table
            .filter(time_slots::event_id.eq(draft_id))
            .select((time_slots::starts_at, time_slots::ends_at))
            .load(c)
            .expect("slots")
    });
    assert_eq!(
        slots,
        [(berlin("2099-07-15", 15), berlin("2099-07-15", 16))]
    );
    // Nobody registered for the draft, nothing was mailed, and it is not public.
    assert_eq!(
        with_conn(&app, |c| queries::registrations(c, draft_id)
            .expect("count")),
        0
    );
    assert_eq!(
        with_conn(&app, |c| outbox::table
            .count()
            .get_result::<i64>(c)
            .expect("outbox")),
        0
    );
    assert_eq!(client.get("/de/events/grillen-5/").await.status, 404);
}

#[actix_web::test]
async fn next_edition_refuses_past_or_malformed_dates_and_a_taken_edition() {
    let app = TestApp::new();
    let bbq = series(&app, "grillen", Numbering::Ordinal);
    let source = edition(&app, EventSpec::published("grillen-1"), bbq, 1);
    let loose = app.event(EventSpec::published("einzeln"));
    app.organizer(EMAIL, "Anna");
    let mut client = app.client().await;
    client.login(EMAIL, PASSWORD).await;
    let next = format!("/admin/events/{source}/next-edition");
    let yesterday = (now() - Duration::days(1)).format("%Y-%m-%d").to_string();
    for (date, message) in [
        ("2020-01-01", "Bitte wähle einen Tag nach heute."),
        (yesterday.as_str(), "Bitte wähle einen Tag nach heute."),
        ("morgen", "Bitte gib ein Datum an"),
        ("2099-02-30", "Bitte gib ein Datum an"),
        ("", "Bitte gib ein Datum an"),
        ("<script>alert(1)</script>", "Bitte gib ein Datum an"),
    ] {
        let res = client.submit(&next, &next, &[("date", date)]).await;
        assert_eq!(res.status, 422, "{date}");
        res.assert_contains(message);
        res.assert_lacks("<script>alert");
        assert_eq!(res.field("date").as_deref(), Some(date), "kept");
    }
    assert_eq!(
        client
            .post(&next, &[("csrf", "wrong"), ("date", "2099-07-15")])
            .await
            .status,
        403
    );
    // English for an organizer reading in English.
    client
        .submit("/admin/", "/admin/lang", &[("lang", "en")])
        .await;
    let res = client.submit(&next, &next, &[("date", "2020-01-01")]).await;
    res.assert_contains("Please pick a day after today.");
    // Planning from edition 1 once more finds edition 2 planned already.
    let res = client.submit(&next, &next, &[("date", "2099-07-15")]).await;
    assert_eq!(res.status, 303);
    let res = client.submit(&next, &next, &[("date", "2099-08-15")]).await;
    assert_eq!(res.status, 422);
    res.assert_contains("This series has its next edition already.");
    // An event outside a series, or none at all, has no next edition.
    assert_eq!(
        client
            .get(&format!("/admin/events/{loose}/next-edition"))
            .await
            .status,
        404
    );
    assert_eq!(
        client.get("/admin/events/999/next-edition").await.status,
        404
    );
    let edit = client.get(&format!("/admin/events/{loose}/edit")).await;
    edit.assert_lacks("next-edition");
    let count = with_conn(&app, |c| {
        events::table.count().get_result::<i64>(c).expect("count")
    });
    assert_eq!(count, 3);
}

#[actix_web::test]
async fn the_demos_two_bbqs_are_editions_of_one_series() {
    let app = TestApp::new();
    with_conn(&app, grillplatz::demo::fill).expect("demo");
    let mut client = app.client().await;
    let page = client.get("/de/series/dev-admin-grillen/").await;
    assert_eq!(page.status, 200);
    assert_eq!(
        page.texts(".series-edition h2"),
        ["2. Dev- und Admin-Grillen", "1. Dev- und Admin-Grillen"]
    );
    assert_eq!(page.count(".series-recap"), 1);
    let upcoming: String = with_conn(&app, |c| {
        events::table
            .filter(events::edition.eq(2))
            .select(events::slug)
            .first(c)
            .expect("slug")
    });
    let page = client.get(&format!("/en/events/{upcoming}/")).await;
    assert_eq!(page.texts("h1"), ["2nd Developer & Admin BBQ"]);
    page.assert_has(".edition-nav a[rel=prev]");
}
