//! `grillplatz demo` fills an empty database with content worth looking at, and its
//! story (next BBQ, last summer's recap, the texts about them) holds whenever it runs.

use chrono::{Datelike, Duration, NaiveDate, NaiveDateTime, Weekday};
use diesel::prelude::*;
use grillplatz::db::schema::{categories, events, posts};
use grillplatz::i18n::{Lang, format};

use crate::support::{TestApp, with_conn};

#[actix_web::test]
async fn demo_content_covers_both_languages_drafts_and_schedules() {
    let app = TestApp::new();
    let summary = with_conn(&app, grillplatz::demo::fill).expect("demo");
    assert!(summary.posts >= 10 && summary.comments >= 5, "{summary:?}");
    let now = grillplatz::clock::now();
    let rows: Vec<(
        String,
        String,
        Option<chrono::NaiveDateTime>,
        Option<String>,
    )> = with_conn(&app, |c| {
        posts::table
            .select((
                posts::lang,
                posts::status,
                posts::published_at,
                posts::translation_key,
            ))
            .load(c)
            .expect("posts")
    });
    for lang in ["de", "en"] {
        let visible = rows
            .iter()
            .filter(|(l, s, at, _)| l == lang && s == "published" && at.is_some_and(|t| t <= now))
            .count();
        assert!(visible >= 4, "{lang}: {visible} published posts");
    }
    assert!(rows.iter().any(|(_, s, _, _)| s == "draft"));
    assert!(
        rows.iter()
            .any(|(_, s, at, _)| s == "published" && at.is_some_and(|t| t > now))
    );
    assert!(rows.iter().filter(|(_, _, _, key)| key.is_some()).count() >= 2);
    let slugs: Vec<(String, String)> = with_conn(&app, |c| {
        categories::table
            .select((categories::slug_de, categories::slug_en))
            .load(c)
            .expect("categories")
    });
    assert!(slugs.contains(&("ankuendigungen".into(), "announcements".into())));
    // The posts' languages are not categories.
    for (de, en) in &slugs {
        assert!(!["deutsch", "english"].contains(&de.as_str()), "{de}/{en}");
    }
    let mut client = app.client().await;
    let en = client.get("/en/blog/").await;
    assert_eq!(en.status, 200);
    assert!(en.count(".post-card") >= 4);
    assert!(
        en.texts(".post-meta")
            .iter()
            .any(|m| m.contains("Grillplatz team"))
    );
    assert_eq!(summary.events, 2);
    let events = client.get("/de/events/").await;
    events.assert_contains("Dev- und Admin-Grillen");
    events.assert_contains("Zum Rückblick<span class=\"visually-hidden\">: Rückblick");
    client
        .get("/en/events/")
        .await
        .assert_contains("Read the recap<span class=\"visually-hidden\">: Recap: our summer BBQ");
    let (slug, _) = next_event(&app, now);
    let page = client.get(&format!("/de/events/{slug}/")).await;
    page.assert_contains("Alle 12 Plätze sind vergeben");
    page.assert_contains("Grillen im Hof");
    let home = client.get("/de/").await;
    home.assert_has(&format!(".next-event a[href=\"/de/events/{slug}/#rsvp\"]"));
    // Filling twice is refused rather than duplicating everything.
    assert!(with_conn(&app, grillplatz::demo::fill).is_err());
}

/// The upcoming event's slug and start.
fn next_event(app: &TestApp, now: NaiveDateTime) -> (String, NaiveDateTime) {
    with_conn(app, |c| {
        events::table
            .filter(events::starts_at.gt(now))
            .order(events::starts_at)
            .select((events::slug, events::starts_at))
            .first(c)
            .expect("an upcoming event")
    })
}

fn post(app: &TestApp, slug: &str) -> (String, String, NaiveDateTime) {
    with_conn(app, |c| {
        posts::table
            .filter(posts::slug.eq(slug))
            .select((
                posts::excerpt,
                posts::body_md,
                posts::published_at.assume_not_null(),
            ))
            .first(c)
            .expect("demo post")
    })
}

#[actix_web::test]
async fn demo_story_holds_whenever_it_runs() {
    let tz = chrono_tz::Europe::Berlin;
    let noon = |y, m, d| {
        NaiveDate::from_ymd_opt(y, m, d)
            .and_then(|d| d.and_hms_opt(11, 0, 0))
            .expect("date")
    };
    // Winter, and mid-summer after this year's first June Friday.
    for now in [noon(2026, 12, 4), noon(2027, 6, 20), noon(2028, 7, 25)] {
        let app = TestApp::new();
        with_conn(&app, |c| grillplatz::demo::fill_at(c, now)).expect("demo");
        let (slug, starts_at) = next_event(&app, now);
        let local = format::local(starts_at, tz);
        assert_eq!(local.weekday(), Weekday::Fri, "{now}: {local}");
        assert!((5..=7).contains(&local.month()), "{now}: {local}");
        assert!(starts_at >= now + Duration::weeks(3), "{now}: {local}");
        assert_eq!(slug, format!("grillen-{}", local.year()));

        for (lang, invitation) in [
            (Lang::De, "einladung-zum-sommergrillen"),
            (Lang::En, "invitation-summer-bbq"),
        ] {
            let (excerpt, body, published) = post(&app, invitation);
            let date = format::date(lang, starts_at, tz);
            let start = format::time(lang, starts_at, tz);
            assert!(excerpt.contains(&date), "{now}: {excerpt}");
            assert!(body.contains(&date), "{now} {lang}: {body}");
            assert!(
                body.contains(&format!("**{start}**")),
                "{now} {lang}: {body}"
            );
            assert!(body.contains(&format!("/{lang}/events/{slug}/#rsvp")));
            assert!(!body.contains("Kommentar") && !body.contains("comment"));
            assert!(published < now);
        }
        // Last summer's recap is dated in that summer, after its event and before today.
        let past: NaiveDateTime = with_conn(&app, |c| {
            events::table
                .filter(events::starts_at.lt(now))
                .select(events::starts_at)
                .first(c)
                .expect("past event")
        });
        let (_, _, recap) = post(&app, "rueckblick-sommergrillen");
        let recap_local = format::local(recap, tz);
        assert!(past < recap && recap < now, "{now}: {recap_local}");
        assert!(
            (6..=7).contains(&recap_local.month()),
            "{now}: {recap_local}"
        );
        assert_eq!(recap_local.year() + 1, local.year());
        // The last reminder goes out a week before the BBQ.
        let (_, _, reminder) = post(&app, "letzte-infos-zum-grillen");
        assert!(reminder > now && reminder < starts_at);
    }
}
