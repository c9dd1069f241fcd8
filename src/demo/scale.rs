//! `grillplatz demo --scale N`: a large site to measure against, ten years of posts in
//! both languages with their comments, a hundred events with RSVPs and topic boards,
//! and a customer list. Rows go in as multi-row INSERTs, one transaction per batch.

use std::collections::HashMap;

use chrono::{Duration, NaiveDateTime};
use diesel::prelude::*;

use super::content::{CATEGORIES, TAGS};
use super::{AUTHOR_EMAIL, Summary, TZ, at};
use crate::blog::model::{CommentStatus, PostStatus};
use crate::contacts::model::{ContactSource, ContactStatus};
use crate::db::schema::{
    categories, comments, contact_tags, contacts, events, post_categories, post_tags, posts, rsvps,
    suppressions, tags, time_slots, topic_boards, topic_votes, topics,
};
use crate::db::{DbConn, write_transaction};
use crate::events::model::{Diet, EventFormat, EventStatus, RsvpStatus, Zone};
use crate::events::queries::{EventInput, save_event};
use crate::i18n::{Lang, format};
use crate::mail::suppression::{Reason, email_hash};
use crate::markdown::{self, Author};
use crate::organizers;
use crate::topics::model::TopicStatus;

/// How large a site to make.
#[derive(Debug, Clone, Copy)]
pub struct Scale {
    pub posts: usize,
    pub events: usize,
    pub contacts: usize,
}

impl Scale {
    /// `posts` posts with the site around them: 100 events and 10,000 contacts.
    pub fn posts(posts: usize) -> Scale {
        Scale {
            posts,
            events: 100,
            contacts: 10_000,
        }
    }
}

/// Rows per INSERT and per transaction.
const BATCH: usize = 1000;

/// Every `FIFTY_EVERY`th post (the 8th among them first) has 50 comments.
const FIFTY_EVERY: usize = 1000;

/// How far back the posts go.
const YEARS: i64 = 10;

/// One multi-row INSERT on the concrete connection: the MultiConnection's own backend
/// cannot batch (SQLite has no DEFAULT keyword, which diesel's generic batch needs).
macro_rules! insert_rows {
    ($conn:expr, $table:expr, $rows:expr) => {
        match &mut *$conn {
            DbConn::Sqlite(c) => diesel::insert_into($table).values($rows).execute(c),
            DbConn::Postgres(c) => diesel::insert_into($table).values($rows).execute(c),
        }
    };
}

/// Fills an empty database at the scale given, as of now.
pub fn fill(conn: &mut DbConn, scale: Scale) -> anyhow::Result<Summary> {
    fill_at(conn, scale, crate::clock::now())
}

/// Fills an empty database at the scale given, the posts ending just before `now`.
pub fn fill_at(conn: &mut DbConn, scale: Scale, now: NaiveDateTime) -> anyhow::Result<Summary> {
    let (posts_n, events_n, contacts_n): (i64, i64, i64) = (
        posts::table.count().get_result(conn)?,
        events::table.count().get_result(conn)?,
        contacts::table.count().get_result(conn)?,
    );
    if posts_n + events_n + contacts_n > 0 {
        anyhow::bail!(
            "the database already has {posts_n} posts, {events_n} events and {contacts_n} \
             contacts; --scale only fills an empty one"
        );
    }
    let author = match organizers::by_email(conn, AUTHOR_EMAIL)? {
        Some(author) => author.id,
        None => organizers::create(conn, AUTHOR_EMAIL, "Grillplatz-Team", "!", Lang::De)?,
    };
    let (category_ids, tag_ids) = write_transaction(conn, labels)?;
    let mut summary = Summary::default();
    let bodies = Bodies::render();
    let mut start = 0;
    while start < scale.posts {
        let end = (start + BATCH).min(scale.posts);
        let batch = PostBatch {
            range: start..end,
            total: scale.posts,
            now,
            author,
            categories: &category_ids,
            tags: &tag_ids,
            bodies: &bodies,
        };
        summary.comments += write_transaction(conn, |conn| batch.insert(conn))?;
        summary.posts = end;
        start = end;
        eprintln!(
            "posts {end}/{} ({} comments)",
            scale.posts, summary.comments
        );
    }
    for k in 0..scale.events {
        write_transaction(conn, |conn| event(conn, k, scale.events, now))?;
        summary.events += 1;
        if summary.events % 10 == 0 || summary.events == scale.events {
            eprintln!("events {}/{}", summary.events, scale.events);
        }
    }
    let mut start = 0;
    while start < scale.contacts {
        let end = (start + BATCH).min(scale.contacts);
        write_transaction(conn, |conn| contact_batch(conn, start..end, now))?;
        summary.contacts = end;
        start = end;
        eprintln!("contacts {end}/{}", scale.contacts);
    }
    Ok(summary)
}

/// The demo's categories and tags, with twenty more tags; their ids.
fn labels(conn: &mut DbConn) -> anyhow::Result<(Vec<i64>, Vec<i64>)> {
    let rows: Vec<_> = CATEGORIES
        .iter()
        .map(|c| {
            (
                categories::slug_de.eq(c.slug_de),
                categories::slug_en.eq(c.slug_en),
                categories::name_de.eq(c.name_de),
                categories::name_en.eq(c.name_en),
            )
        })
        .collect();
    insert_rows!(conn, categories::table, &rows)?;
    let mut all: Vec<(String, String)> = TAGS
        .iter()
        .map(|t| (t.slug.to_string(), t.name.to_string()))
        .collect();
    all.extend(
        EXTRA_TAGS
            .iter()
            .map(|(slug, name)| (slug.to_string(), name.to_string())),
    );
    let rows: Vec<_> = all
        .iter()
        .map(|(slug, name)| (tags::slug.eq(slug), tags::name.eq(name)))
        .collect();
    insert_rows!(conn, tags::table, &rows)?;
    Ok((
        categories::table
            .order(categories::id)
            .select(categories::id)
            .load(conn)?,
        tags::table.order(tags::id).select(tags::id).load(conn)?,
    ))
}

/// Tags beyond the small demo's.
const EXTRA_TAGS: [(&str, &str); 20] = [
    ("postgres", "PostgreSQL"),
    ("sqlite", "SQLite"),
    ("ansible", "Ansible"),
    ("kubernetes", "Kubernetes"),
    ("python", "Python"),
    ("monitoring", "Monitoring"),
    ("backup", "Backup"),
    ("security", "Security"),
    ("observability", "Observability"),
    ("ci", "CI"),
    ("netzwerk", "Netzwerk"),
    ("cloud", "Cloud"),
    ("container", "Container"),
    ("frontend", "Frontend"),
    ("barrierefreiheit", "Barrierefreiheit"),
    ("mentoring", "Mentoring"),
    ("architektur", "Architektur"),
    ("datenschutz", "Datenschutz"),
    ("hardware", "Hardware"),
    ("meetup", "Meetup"),
];

/// Topics the posts are about: (slug stem, German, English).
const SUBJECTS: [(&str, &str, &str); 12] = [
    ("backups", "Backups zurückspielen", "Restoring backups"),
    (
        "monitoring",
        "Monitoring ohne Alarmflut",
        "Monitoring without alert floods",
    ),
    ("rust", "Rust im Betrieb", "Rust in operations"),
    ("postgres", "PostgreSQL-Upgrades", "PostgreSQL upgrades"),
    ("tests", "Tests für alten Code", "Tests for legacy code"),
    ("katas", "Code-Katas im Team", "Code katas as a team"),
    ("netz", "Das Netz im Büro", "The office network"),
    ("grill", "Vom Grill", "From the grill"),
    ("open-space", "Open Space erklärt", "Open Space explained"),
    ("ci", "Schnellere CI", "Faster CI"),
    ("a11y", "Barrierefreiheit testen", "Testing accessibility"),
    ("homelab", "Das Homelab", "The home lab"),
];

/// One Markdown body per subject and language, rendered once and reused by every post.
struct Bodies {
    /// Indexed by subject; (markdown, html, excerpt).
    de: Vec<(String, String, String)>,
    en: Vec<(String, String, String)>,
}

impl Bodies {
    fn render() -> Bodies {
        let make = |lang: Lang| {
            SUBJECTS
                .iter()
                .map(|(_, de, en)| {
                    let md = match lang {
                        Lang::De => format!(
                            "Beim letzten Treffen ging es um **{de}**. Hier die Notizen.\n\n\
                             ## Was wir ausprobiert haben\n\n\
                             - erst klein anfangen, dann messen\n\
                             - Fehler früh sichtbar machen\n\
                             - aufschreiben, was funktioniert hat\n\n\
                             > Das Wichtigste war, es überhaupt einmal zu machen.\n\n\
                             Mehr dazu beim nächsten Grillen – bringt eure Erfahrungen mit.\n"
                        ),
                        Lang::En => format!(
                            "At our last meetup we talked about **{en}**. Here are the notes.\n\n\
                             ## What we tried\n\n\
                             - start small, then measure\n\
                             - make failures visible early\n\
                             - write down what worked\n\n\
                             > The most important step was doing it at all.\n\n\
                             More at the next BBQ – bring your own experience.\n"
                        ),
                    };
                    let html = markdown::to_html(&md, Author::Organizer);
                    let excerpt = markdown::excerpt(&md, 200);
                    (md, html, excerpt)
                })
                .collect()
        };
        Bodies {
            de: make(Lang::De),
            en: make(Lang::En),
        }
    }

    fn get(&self, lang: Lang, subject: usize) -> &(String, String, String) {
        match lang {
            Lang::De => &self.de[subject],
            Lang::En => &self.en[subject],
        }
    }
}

const COMMENTERS: [&str; 8] = [
    "Jana", "Tobias", "Priya", "Lukas", "Marie", "Sam", "Henrik", "Aylin",
];

const COMMENTS_DE: [&str; 4] = [
    "Danke für die Zusammenfassung!",
    "Das probieren wir bei uns auch aus.",
    "Gibt es die Folien irgendwo?",
    "Beim nächsten Mal bin ich dabei.",
];
const COMMENTS_EN: [&str; 4] = [
    "Thanks for the summary!",
    "We will try this at our place too.",
    "Are the slides online somewhere?",
    "Count me in next time.",
];

/// Posts `range` of `total`: numbers two apart, paired in fives of ten as translations.
struct PostBatch<'a> {
    range: std::ops::Range<usize>,
    total: usize,
    now: NaiveDateTime,
    author: i64,
    categories: &'a [i64],
    tags: &'a [i64],
    bodies: &'a Bodies,
}

/// What one post number becomes.
struct Planned {
    lang: Lang,
    subject: usize,
    comments: usize,
    draft: bool,
    translation_key: Option<String>,
    published_at: NaiveDateTime,
}

impl PostBatch<'_> {
    fn plan(&self, i: usize) -> Planned {
        // Even numbers German, odd English; six of every ten form pairs (i, i + 1).
        let lang = if i % 2 == 0 { Lang::De } else { Lang::En };
        let paired = i % 10 < 6 && (i / 2 * 2 + 1) < self.total;
        let comments = if i % FIFTY_EVERY == 7 {
            50
        } else {
            [0, 0, 1, 2, 3][i % 5]
        };
        let span = Duration::days(365 * YEARS).num_minutes();
        let before = span * (self.total - 1 - i) as i64 / self.total.max(1) as i64;
        Planned {
            lang,
            subject: (i / 2) % SUBJECTS.len(),
            comments,
            draft: i % 97 == 50 && comments < 50,
            translation_key: paired.then(|| format!("scale-{}", i / 2)),
            published_at: self.now - Duration::hours(1) - Duration::minutes(before),
        }
    }

    /// Inserts the batch's posts, their categories, tags and comments; the comment count.
    fn insert(&self, conn: &mut DbConn) -> anyhow::Result<usize> {
        let plans: Vec<(usize, Planned)> = self.range.clone().map(|i| (i, self.plan(i))).collect();
        let guids: Vec<String> = plans
            .iter()
            .map(|_| format!("urn:uuid:{}", crate::tokens::random_uuid()))
            .collect();
        let texts: Vec<(String, String)> = plans
            .iter()
            .map(|(i, p)| {
                let (_, de, en) = SUBJECTS[p.subject];
                let title = match p.lang {
                    Lang::De => format!("{de}, Teil {}", i / 2 + 1),
                    Lang::En => format!("{en}, part {}", i / 2 + 1),
                };
                (format!("{}-{}", SUBJECTS[p.subject].0, i / 2 + 1), title)
            })
            .collect();
        let rows: Vec<_> = plans
            .iter()
            .zip(&guids)
            .zip(&texts)
            .map(|(((_, p), guid), (slug, title))| {
                let (md, html, excerpt) = self.bodies.get(p.lang, p.subject);
                (
                    (
                        posts::guid.eq(guid),
                        posts::lang.eq(p.lang),
                        posts::slug.eq(slug),
                        posts::title.eq(title),
                        posts::excerpt.eq(excerpt),
                        posts::body_md.eq(md),
                        posts::body_html.eq(html),
                    ),
                    (
                        posts::status.eq(if p.draft {
                            PostStatus::Draft
                        } else {
                            PostStatus::Published
                        }),
                        posts::published_at.eq(Some(p.published_at)),
                        posts::translation_key.eq(p.translation_key.as_deref()),
                        posts::author_id.eq(self.author),
                        posts::created_at.eq(p.published_at),
                        posts::updated_at.eq(p.published_at),
                        posts::by_team.eq(true),
                    ),
                )
            })
            .collect();
        insert_rows!(conn, posts::table, &rows)?;
        let ids: HashMap<String, i64> = posts::table
            .filter(posts::guid.eq_any(&guids))
            .select((posts::guid, posts::id))
            .load::<(String, i64)>(conn)?
            .into_iter()
            .collect();
        let id_of = |n: usize| -> anyhow::Result<i64> {
            ids.get(&guids[n])
                .copied()
                .ok_or_else(|| anyhow::anyhow!("inserted post {} not found", guids[n]))
        };
        let mut in_categories = Vec::new();
        let mut tagged = Vec::new();
        let mut said = Vec::new();
        for (n, (i, p)) in plans.iter().enumerate() {
            let id = id_of(n)?;
            let cats = self.categories.len().max(1);
            let mut chosen = vec![i % cats];
            if i % 3 == 0 && cats > 1 {
                chosen.push((i / 3 + 1) % cats);
            }
            chosen.dedup();
            for c in chosen.into_iter().filter_map(|c| self.categories.get(c)) {
                in_categories.push((
                    post_categories::post_id.eq(id),
                    post_categories::category_id.eq(*c),
                ));
            }
            // 1 to 5 neighbouring tags, a different run for each post.
            for k in 0..(1 + i % 5) {
                if let Some(tag) = self.tags.get((i * 7 + k) % self.tags.len().max(1)) {
                    tagged.push((post_tags::post_id.eq(id), post_tags::tag_id.eq(*tag)));
                }
            }
            let bodies = match p.lang {
                Lang::De => COMMENTS_DE,
                Lang::En => COMMENTS_EN,
            };
            for c in 0..p.comments {
                let name = COMMENTERS[(i + c) % COMMENTERS.len()];
                let status = if (i + c) % 13 == 0 {
                    CommentStatus::Pending
                } else {
                    CommentStatus::Approved
                };
                said.push((
                    comments::post_id.eq(id),
                    comments::author_name.eq(name),
                    comments::author_email.eq(format!("{}@example.org", name.to_lowercase())),
                    comments::body.eq(bodies[(i + c) % bodies.len()]),
                    comments::status.eq(status),
                    comments::created_at
                        .eq((p.published_at + Duration::hours(2 + c as i64)).min(self.now)),
                ));
            }
        }
        for chunk in in_categories.chunks(BATCH) {
            insert_rows!(conn, post_categories::table, chunk)?;
        }
        for chunk in tagged.chunks(BATCH) {
            insert_rows!(conn, post_tags::table, chunk)?;
        }
        for chunk in said.chunks(BATCH) {
            insert_rows!(conn, comments::table, chunk)?;
        }
        Ok(said.len())
    }
}

/// Event `k` of `total`: four in five lie in the past ten years, the rest in the coming
/// year. Every other one is an Open Space with a topic board.
fn event(conn: &mut DbConn, k: usize, total: usize, now: NaiveDateTime) -> anyhow::Result<()> {
    let today = format::local(now, TZ).date_naive();
    let past = total * 4 / 5;
    let day = if k < past {
        today - Duration::days(((past - k) as i64 * 365 * YEARS) / past.max(1) as i64)
    } else {
        today + Duration::days(14 + (k - past) as i64 * 18)
    };
    let (format, de, en) = match k % 4 {
        0 | 2 => (
            EventFormat::OpenSpace,
            "Dev- und Admin-Grillen",
            "Developer & Admin BBQ",
        ),
        1 => (EventFormat::TalkEvening, "Vortragsabend", "Talk evening"),
        _ => (EventFormat::CodeRetreat, "Code Retreat", "Code Retreat"),
    };
    let capacity = 20 + (k % 5) as i32 * 10;
    let starts_at = at(day, 14, 0)?;
    let input = EventInput {
        slug: format!("treffen-{}-{}", day.format("%Y-%m-%d"), k + 1),
        format,
        title_de: format!("{de} #{}", k + 1),
        title_en: format!("{en} #{}", k + 1),
        description_de: "Nachmittags Sessions, abends Grillen im Hof.\n\nBitte meldet euch an."
            .into(),
        description_en: "Sessions in the afternoon, barbecue in the courtyard at night.\n\n\
                         Please register."
            .into(),
        starts_at,
        ends_at: at(day, 22, 0)?,
        timezone: Zone(TZ),
        venue_name: "Nordlicht Software GmbH".into(),
        venue_address: "Große Ulrichstraße 12, 06108 Halle (Saale)".into(),
        capacity,
        max_guests: 2,
        registration_opens_at: None,
        registration_closes_at: Some(at(day - Duration::days(1), 18, 0)?),
        agenda: vec![
            (starts_at, "Ankommen".into(), "Arrival".into()),
            (at(day, 19, 0)?, "Grillen".into(), "Barbecue".into()),
        ],
        status: EventStatus::Published,
        recap_post_id: None,
        waitlist_on_board: true,
        series: None,
    };
    let event_id = save_event(conn, None, &input, now)?;
    // Every third event is full with five people waiting; the others two thirds full.
    let full = k % 3 == 0;
    let wanted = if full { capacity } else { capacity * 2 / 3 };
    let joined = (starts_at - Duration::days(20)).min(now - Duration::days(1));
    // The `n`th person registering (never more than 200, the last at `joined`); past
    // events' attendees are checked in, but for every sixth, who did not come.
    let row = |n: usize, guests: i32, status: RsvpStatus| {
        let at = joined - Duration::minutes((200 - n as i64) * 37);
        let came = status == RsvpStatus::Confirmed && starts_at < now && n % 6 != 5;
        (
            (
                rsvps::event_id.eq(event_id),
                rsvps::email.eq(format!("gast{}-{event_id}@example.org", n + 1)),
                rsvps::name.eq(format!("{} {}", GUESTS[n % GUESTS.len()], n + 1)),
                rsvps::lang.eq(if n % 3 == 2 { Lang::En } else { Lang::De }),
                rsvps::guests.eq(guests),
                rsvps::diet.eq([Diet::Omnivore, Diet::Vegetarian, Diet::Vegan][n % 3]),
                rsvps::status.eq(status),
                rsvps::manage_token_hash
                    .eq(crate::tokens::token_hash(&crate::tokens::random_token())),
            ),
            (
                rsvps::consent_at.eq(at),
                rsvps::created_at.eq(at),
                rsvps::confirmed_at.eq((status != RsvpStatus::Pending).then_some(at)),
                rsvps::waitlisted_at.eq((status == RsvpStatus::Waitlisted).then_some(at)),
                rsvps::cancelled_at.eq((status == RsvpStatus::Cancelled).then_some(at)),
                rsvps::checked_in_at.eq(came.then_some(starts_at + Duration::minutes(10))),
            ),
        )
    };
    let mut places = 0;
    let mut rows = Vec::new();
    let mut n = 0usize;
    let mut waiting = 0;
    let to_wait = if full { 5 } else { 0 };
    while waiting < to_wait || places < wanted {
        let guests = if n % 4 == 3 { 1 } else { 0 };
        let status = if places + 1 + guests <= wanted {
            places += 1 + guests;
            RsvpStatus::Confirmed
        } else if full {
            waiting += 1;
            RsvpStatus::Waitlisted
        } else {
            break;
        };
        rows.push(row(n, guests, status));
        n += 1;
    }
    for status in [
        RsvpStatus::Pending,
        RsvpStatus::Pending,
        RsvpStatus::Cancelled,
    ] {
        rows.push(row(n, 0, status));
        n += 1;
    }
    insert_rows!(conn, rsvps::table, &rows)?;
    if format == EventFormat::OpenSpace {
        board(conn, event_id, day, starts_at < now, now)?;
    }
    Ok(())
}

const GUESTS: [&str; 10] = [
    "Anna", "Ben", "Clara", "David", "Emre", "Fatma", "Greta", "Hannes", "Ida", "Jonas",
];

const BOARD_TOPICS: [(&str, Lang); 12] = [
    ("Raspberry Pi im Alltag", Lang::De),
    ("Test-driven development in legacy code", Lang::En),
    ("Code-Katas zum Mitmachen", Lang::De),
    ("Kubernetes at home: worth it?", Lang::En),
    ("Backups, die man wirklich zurückspielt", Lang::De),
    ("Barrierefreiheit im Alltag testen", Lang::De),
    ("Rust für Admins", Lang::De),
    ("Observability on a budget", Lang::En),
    ("Passwörter im Team teilen", Lang::De),
    ("Pairing across time zones", Lang::En),
    ("Das eigene Mailsystem betreiben", Lang::De),
    ("Writing runbooks people read", Lang::En),
];

/// An Open Space's board: three rooms and slots, twelve topics proposed by attendees,
/// dots from every confirmed one; a past event's first nine topics were scheduled.
fn board(
    conn: &mut DbConn,
    event_id: i64,
    day: chrono::NaiveDate,
    scheduled: bool,
    now: NaiveDateTime,
) -> anyhow::Result<()> {
    use crate::db::schema::rooms;
    insert_rows!(
        conn,
        topic_boards::table,
        (
            topic_boards::event_id.eq(event_id),
            topic_boards::version.eq(1)
        )
    )?;
    let room_rows: Vec<_> = [("Großer Saal", 40), ("Küche", 12), ("Dachterrasse", 8)]
        .iter()
        .map(|(name, seats)| {
            (
                rooms::event_id.eq(event_id),
                rooms::name.eq(*name),
                rooms::capacity.eq(*seats),
            )
        })
        .collect();
    insert_rows!(conn, rooms::table, &room_rows)?;
    let mut slot_rows = Vec::new();
    for hour in [15, 16, 17] {
        let start = at(day, hour, 0)?;
        slot_rows.push((
            time_slots::event_id.eq(event_id),
            time_slots::starts_at.eq(start),
            time_slots::ends_at.eq(start + Duration::minutes(45)),
        ));
    }
    insert_rows!(conn, time_slots::table, &slot_rows)?;
    let room_ids: Vec<i64> = rooms::table
        .filter(rooms::event_id.eq(event_id))
        .order(rooms::id)
        .select(rooms::id)
        .load(conn)?;
    let slot_ids: Vec<i64> = time_slots::table
        .filter(time_slots::event_id.eq(event_id))
        .order(time_slots::id)
        .select(time_slots::id)
        .load(conn)?;
    let people: Vec<(i64, String, NaiveDateTime)> = rsvps::table
        .filter(rsvps::event_id.eq(event_id))
        .filter(rsvps::status.eq(RsvpStatus::Confirmed))
        .order(rsvps::id)
        .select((rsvps::id, rsvps::name, rsvps::created_at))
        .load(conn)?;
    if people.is_empty() {
        return Ok(());
    }
    let topic_rows: Vec<_> = BOARD_TOPICS
        .iter()
        .enumerate()
        .map(|(t, (title, lang))| {
            let (rsvp_id, name, joined) = &people[t % people.len()];
            let place = (scheduled && t < 9).then(|| (slot_ids.get(t / 3), room_ids.get(t % 3)));
            let proposed = (*joined + Duration::hours(1 + t as i64)).min(now);
            (
                (
                    topics::event_id.eq(event_id),
                    topics::rsvp_id.eq(Some(*rsvp_id)),
                    topics::proposer_name.eq(name.split(' ').next().unwrap_or(name)),
                    topics::title.eq(*title),
                    topics::description.eq(""),
                    topics::lang.eq(*lang),
                    topics::status.eq(TopicStatus::Open),
                ),
                (
                    topics::slot_id.eq(place.and_then(|(s, _)| s.copied())),
                    topics::room_id.eq(place.and_then(|(_, r)| r.copied())),
                    topics::placement_version.eq(i32::from(place.is_some())),
                    topics::created_at.eq(proposed),
                    topics::updated_at.eq(proposed),
                ),
            )
        })
        .collect();
    insert_rows!(conn, topics::table, &topic_rows)?;
    let topic_ids: Vec<(i64, NaiveDateTime)> = topics::table
        .filter(topics::event_id.eq(event_id))
        .order(topics::id)
        .select((topics::id, topics::created_at))
        .load(conn)?;
    // Up to five dots each; steps of five stay distinct among twelve topics.
    let mut votes = Vec::new();
    for (r, (rsvp_id, _, _)) in people.iter().enumerate() {
        for j in 0..(1 + r % 5) {
            let (topic_id, proposed) = topic_ids[(r + 5 * j) % topic_ids.len()];
            votes.push((
                topic_votes::topic_id.eq(topic_id),
                topic_votes::rsvp_id.eq(*rsvp_id),
                topic_votes::created_at.eq((proposed + Duration::minutes(5)).min(now)),
            ));
        }
    }
    insert_rows!(conn, topic_votes::table, &votes)?;
    Ok(())
}

/// Contacts `range`: mostly active, with the unsubscribed and bouncing ones on the
/// suppression list, each tagged once or twice.
fn contact_batch(
    conn: &mut DbConn,
    range: std::ops::Range<usize>,
    now: NaiveDateTime,
) -> anyhow::Result<()> {
    const ORGANIZATIONS: [&str; 5] = [
        "Stadtwerke Halle",
        "Saalebank",
        "Hackspace Halle",
        "Elbe Logistics",
        "",
    ];
    const LABELS: [&str; 4] = ["kunde", "community", "halle", "partner"];
    let status_of = |n: usize| match n {
        n if n % 50 == 49 => ContactStatus::Unsubscribed,
        n if n % 97 == 96 => ContactStatus::Bouncing,
        _ => ContactStatus::Active,
    };
    let emails: Vec<String> = range
        .clone()
        .map(|n| format!("kontakt{}@example.com", n + 1))
        .collect();
    let rows: Vec<_> = range
        .clone()
        .zip(&emails)
        .map(|(n, email)| {
            let status = status_of(n);
            let since = now - Duration::days((n % 3000) as i64);
            (
                (
                    contacts::email.eq(email),
                    contacts::name.eq(format!("{} Beispiel {}", GUESTS[n % GUESTS.len()], n + 1)),
                    contacts::lang.eq(if n % 4 == 3 { Lang::En } else { Lang::De }),
                    contacts::organization.eq(ORGANIZATIONS[n % ORGANIZATIONS.len()]),
                    contacts::invitations.eq(true),
                    contacts::announcements.eq(n % 2 == 0),
                    contacts::status.eq(status),
                    contacts::source.eq(ContactSource::Import),
                ),
                (
                    contacts::unsubscribed_at
                        .eq((status == ContactStatus::Unsubscribed).then_some(now)),
                    contacts::bounced_at.eq((status == ContactStatus::Bouncing).then_some(now)),
                    contacts::created_at.eq(since),
                    contacts::updated_at.eq(since),
                ),
            )
        })
        .collect();
    insert_rows!(conn, contacts::table, &rows)?;
    let ids: HashMap<String, i64> = contacts::table
        .filter(contacts::email.eq_any(&emails))
        .select((contacts::email, contacts::id))
        .load::<(String, i64)>(conn)?
        .into_iter()
        .collect();
    let mut labelled = Vec::new();
    let mut suppressed = Vec::new();
    for (n, email) in range.zip(&emails) {
        let id = *ids
            .get(email)
            .ok_or_else(|| anyhow::anyhow!("inserted contact {email} not found"))?;
        labelled.push((
            contact_tags::contact_id.eq(id),
            contact_tags::tag.eq(LABELS[n % LABELS.len()]),
        ));
        if n % 3 == 0 {
            labelled.push((
                contact_tags::contact_id.eq(id),
                contact_tags::tag.eq(LABELS[(n + 1) % LABELS.len()]),
            ));
        }
        let reason = match status_of(n) {
            ContactStatus::Unsubscribed => Some(Reason::Unsubscribed),
            ContactStatus::Bouncing => Some(Reason::Bounced),
            _ => None,
        };
        if let Some(reason) = reason {
            suppressed.push((
                suppressions::email_hash.eq(email_hash(email)),
                suppressions::reason.eq(reason),
                suppressions::created_at.eq(now),
            ));
        }
    }
    for chunk in labelled.chunks(BATCH) {
        insert_rows!(conn, contact_tags::table, chunk)?;
    }
    if !suppressed.is_empty() {
        insert_rows!(conn, suppressions::table, &suppressed)?;
    }
    Ok(())
}
