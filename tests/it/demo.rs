//! `grillplatz demo` fills an empty database with content worth looking at, and its
//! story (next BBQ, last summer's recap, the texts about them) holds whenever it runs.

use actix_http::Request;
use actix_web::body::MessageBody;
use actix_web::dev::{Service, ServiceResponse};
use chrono::{Datelike, Duration, NaiveDate, NaiveDateTime, Weekday};
use diesel::dsl::count_star;
use diesel::prelude::*;
use grillplatz::db::schema::{
    categories, comments, contacts, events, post_tags, posts, rsvps, tags, topic_votes,
};
use grillplatz::demo::scale::{self, Scale};
use grillplatz::i18n::{Lang, format};

use crate::support::{
    Client, ContactSpec, EventSpec, PostSpec, RsvpSpec, TestApp, TopicSpec, with_conn,
};

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

/// A scaled site small enough for a test: two batches of posts, a tenth of the events.
const SMALL: Scale = Scale {
    posts: 1_200,
    events: 10,
    contacts: 1_500,
};

#[actix_web::test]
async fn scaled_demo_fills_an_empty_database_with_a_site_of_the_size_asked() {
    let full = Scale::posts(100_000);
    assert_eq!(
        (full.posts, full.events, full.contacts),
        (100_000, 100, 10_000)
    );
    let app = TestApp::new();
    let now = grillplatz::clock::now();
    let summary = with_conn(&app, |c| scale::fill_at(c, SMALL, now)).expect("scaled demo");
    assert_eq!(
        (summary.posts, summary.events, summary.contacts),
        (1_200, 10, 1_500)
    );

    let per_lang: Vec<(String, i64)> = with_conn(&app, |c| {
        posts::table
            .group_by(posts::lang)
            .select((posts::lang, count_star()))
            .order(posts::lang)
            .load(c)
            .expect("posts per language")
    });
    assert_eq!(per_lang, [("de".into(), 600), ("en".into(), 600)]);
    // Ten years up to today, nothing in the future.
    let (first, last): (Option<NaiveDateTime>, Option<NaiveDateTime>) = with_conn(&app, |c| {
        posts::table
            .select((
                diesel::dsl::min(posts::published_at),
                diesel::dsl::max(posts::published_at),
            ))
            .first(c)
            .expect("dates")
    });
    let (first, last) = (first.expect("first"), last.expect("last"));
    assert!(last <= now && last > now - Duration::days(2), "{last}");
    assert!(first < now - Duration::days(9 * 365), "{first}");

    // Translations come in pairs: one German and one English post per key.
    let pairs: Vec<(Option<String>, i64)> = with_conn(&app, |c| {
        posts::table
            .filter(posts::translation_key.is_not_null())
            .group_by(posts::translation_key)
            .select((posts::translation_key, count_star()))
            .load(c)
            .expect("translations")
    });
    assert_eq!(pairs.len(), 360);
    assert!(pairs.iter().all(|(_, n)| *n == 2));

    let most: i64 = with_conn(&app, |c| {
        comments::table
            .group_by(comments::post_id)
            .select(count_star())
            .order(count_star().desc())
            .first(c)
            .expect("comments")
    });
    assert_eq!(most, 50);
    assert_eq!(
        summary.comments as i64,
        with_conn(&app, |c| {
            comments::table.count().get_result::<i64>(c).expect("count")
        })
    );
    let tags_per_post: Vec<i64> = with_conn(&app, |c| {
        post_tags::table
            .group_by(post_tags::post_id)
            .select(count_star())
            .load(c)
            .expect("tags")
    });
    assert_eq!(tags_per_post.iter().min(), Some(&1));
    assert_eq!(tags_per_post.iter().max(), Some(&5));

    // Past and upcoming events, each kind with full ones and a waiting list; people came
    // to past events only.
    let rsvp_rows: Vec<(NaiveDateTime, String, Option<NaiveDateTime>)> = with_conn(&app, |c| {
        rsvps::table
            .inner_join(events::table)
            .select((events::starts_at, rsvps::status, rsvps::checked_in_at))
            .load(c)
            .expect("rsvps")
    });
    for upcoming in [false, true] {
        let of = |status: &str| {
            rsvp_rows
                .iter()
                .filter(|(at, s, _)| (*at > now) == upcoming && s == status)
                .count()
        };
        assert!(
            of("confirmed") > 0 && of("waitlisted") > 0,
            "upcoming {upcoming}"
        );
        assert!(
            of("pending") > 0 && of("cancelled") > 0,
            "upcoming {upcoming}"
        );
        let checked_in = rsvp_rows
            .iter()
            .filter(|(at, _, came)| (*at > now) == upcoming && came.is_some())
            .count();
        assert_eq!(checked_in > 0, !upcoming);
    }
    let event_rows: Vec<(String, String, NaiveDateTime)> = with_conn(&app, |c| {
        events::table
            .order(events::starts_at)
            .select((events::slug, events::format, events::starts_at))
            .load(c)
            .expect("events")
    });
    assert_eq!(event_rows.iter().filter(|(_, _, at)| *at > now).count(), 2);
    let votes: i64 = with_conn(&app, |c| {
        topic_votes::table.count().get_result(c).expect("votes")
    });
    assert!(votes > 0);
    assert_eq!(
        with_conn(&app, |c| contacts::table
            .count()
            .get_result::<i64>(c)
            .expect("contacts")),
        1_500
    );

    // The pages answer on the scaled data: the blog's first and last page included.
    let visible_en: i64 = with_conn(&app, |c| {
        posts::table
            .filter(posts::lang.eq("en"))
            .filter(posts::status.eq("published"))
            .count()
            .get_result(c)
            .expect("visible")
    });
    let last_page = (visible_en + 9) / 10;
    let tag: String = with_conn(&app, |c| {
        tags::table
            .order(tags::id)
            .select(tags::slug)
            .first(c)
            .expect("tag")
    });
    let (upcoming, _, _) = event_rows
        .iter()
        .find(|(_, f, at)| *at > now && f == "open_space")
        .expect("an upcoming open space");
    let mut client = app.client().await;
    for path in [
        "/de/".to_string(),
        "/en/blog/".into(),
        format!("/en/blog/?page={last_page}"),
        format!("/en/tag/{tag}/"),
        format!("/de/events/{upcoming}/"),
        format!("/de/events/{upcoming}/topics/"),
        "/en/events/".into(),
    ] {
        assert_eq!(client.get(&path).await.status, 200, "{path}");
    }
    assert_eq!(
        client
            .get(&format!("/en/blog/?page={}", last_page + 1))
            .await
            .status,
        404
    );
    let full: String = with_conn(&app, |c| {
        events::table
            .inner_join(rsvps::table)
            .filter(events::starts_at.gt(now))
            .filter(rsvps::status.eq("waitlisted"))
            .select(events::slug)
            .first(c)
            .expect("an upcoming event with a waiting list")
    });
    client
        .get(&format!("/de/events/{full}/"))
        .await
        .assert_contains("Auf die Warteliste");
}

#[actix_web::test]
async fn scaled_demo_refuses_a_database_with_content() {
    let app = TestApp::new();
    with_conn(&app, grillplatz::demo::fill).expect("demo");
    let err = with_conn(&app, |c| scale::fill(c, SMALL)).expect_err("refused");
    assert!(
        err.to_string().contains("--scale only fills an empty one"),
        "{err}"
    );
    // A customer list alone is content too; organizers are not.
    let app = TestApp::new();
    app.organizer("orga@example.org", "Orga");
    app.contact(ContactSpec::new("kunde@example.org"));
    let err = with_conn(&app, |c| scale::fill(c, SMALL)).expect_err("refused");
    assert!(err.to_string().contains("1 contacts"), "{err}");
    let app = TestApp::new();
    app.organizer("orga@example.org", "Orga");
    with_conn(&app, |c| scale::fill(c, SMALL)).expect("an organizer alone is no content");
}

/// How many statements the app runs to answer `path` (which must answer 200). The count
/// belongs to this test's pool and only this request is in flight, so the difference is
/// the request's own work, the pool's ping on checkout included.
async fn statements<S, B>(app: &TestApp, client: &mut Client<S>, path: &str) -> u64
where
    S: Service<Request, Response = ServiceResponse<B>, Error = actix_web::Error>,
    B: MessageBody,
{
    let before = app.statements.get();
    let status = client.get(path).await.status;
    assert_eq!(status, 200, "{path}");
    app.statements.get() - before
}

#[actix_web::test]
async fn every_page_runs_a_fixed_number_of_statements_whatever_its_content() {
    let app = TestApp::new();
    let author = app.organizer("orga@example.org", "Orga");
    let general = app.category("allgemein", "Allgemein", "General");
    let tech = app.category("technik", "Technik", "Tech");
    let month = |m| NaiveDate::from_ymd_opt(2025, m, 10).and_then(|d| d.and_hms_opt(9, 0, 0));
    // Page 2 of the blog: ten posts of March with one category and one tag each…
    for n in 0..10 {
        let spec = PostSpec::published(Lang::En, &format!("plain-{n}"), &format!("Plain {n}"))
            .at(month(3).expect("march") + Duration::hours(n))
            .in_category(general)
            .tagged("one");
        app.post(author, spec);
    }
    // …page 1: ten of May with two categories and five tags each.
    for n in 0..10 {
        let mut spec = PostSpec::published(Lang::En, &format!("rich-{n}"), &format!("Rich {n}"))
            .at(month(5).expect("may") + Duration::hours(n))
            .in_category(general)
            .in_category(tech);
        for tag in ["five", "a", "b", "c", "d"] {
            spec = spec.tagged(tag);
        }
        app.post(author, spec);
    }
    app.post(author, PostSpec::published(Lang::En, "quiet", "Quiet"));
    let busy = app.post(author, PostSpec::published(Lang::En, "busy", "Busy"));
    for n in 0..50 {
        app.comment(
            busy,
            &format!("Guest {n}"),
            "guest@example.org",
            "Thanks!",
            true,
        );
    }
    // An empty event and a full one with a waiting list, linked posts and a busy board.
    let empty = app.event(EventSpec::published("leer"));
    let full = app.event(EventSpec::published("voll").capacity(20));
    let mut people = Vec::new();
    for n in 0..24 {
        let spec = if n < 20 {
            RsvpSpec::confirmed(&format!("Person {n}"))
        } else {
            RsvpSpec::waitlisted(&format!("Person {n}"))
        };
        people.push(app.rsvp(full, spec.email(&format!("p{n}@example.org"))).id);
    }
    let first = app
        .rsvp(empty, RsvpSpec::confirmed("Solo").email("solo@example.org"))
        .id;
    app.topic(empty, first, TopicSpec::new("Das einzige Thema"));
    let mut topics = Vec::new();
    for n in 0..12 {
        let by = people[n % 6];
        topics.push(app.topic(full, by, TopicSpec::new(&format!("Thema {n}"))));
    }
    for (r, &rsvp) in people.iter().take(20).enumerate() {
        for j in 0..5 {
            grillplatz::topics::queries::vote(
                &mut app.conn(),
                full,
                rsvp,
                topics[(r + 5 * j) % topics.len()],
                grillplatz::clock::now(),
            )
            .expect("vote");
        }
    }

    let mut client = app.client().await;
    // The first request of a visitor may set up what every later one reuses.
    client.get("/en/").await;
    // (page, its budget, a page with little content, the same kind with much more).
    let pairs = [
        ("home", 8, "/en/", "/de/"),
        ("blog index", 12, "/en/blog/", "/en/blog/?page=2"),
        ("post", 12, "/en/blog/quiet/", "/en/blog/busy/"),
        ("tag page", 14, "/en/tag/one/", "/en/tag/five/"),
        (
            "category page",
            14,
            "/en/category/allgemein/?page=2",
            "/en/category/technik/",
        ),
        (
            "month archive",
            12,
            "/en/archive/2025/3/",
            "/en/archive/2025/5/",
        ),
        ("site feed", 6, "/de/feed.atom", "/en/feed.atom"),
        ("event page", 6, "/en/events/leer/", "/en/events/voll/"),
        (
            "topic board",
            8,
            "/en/events/leer/topics/",
            "/en/events/voll/topics/",
        ),
        (
            "schedule",
            8,
            "/en/events/leer/schedule/",
            "/en/events/voll/schedule/",
        ),
        ("events list", 5, "/en/events/", "/de/events/"),
    ];
    let mut report = Vec::new();
    for (page, budget, little, much) in pairs {
        let a = statements(&app, &mut client, little).await;
        let b = statements(&app, &mut client, much).await;
        report.push(format!("{page}: {a} / {b}"));
        assert_eq!(a, b, "{page}: {little} runs {a} statements, {much} {b}");
        assert!(
            b <= budget,
            "{page}: {b} statements, more than its {budget}"
        );
    }
    eprintln!("statements per page: {}", report.join(", "));
}
