//! `grillplatz demo`: fills an empty database with sample posts, comments and categories.

mod content;
pub mod scale;

use chrono::{Datelike, Duration, NaiveDate, NaiveDateTime, Weekday};
use chrono_tz::Tz;
use diesel::prelude::*;

use crate::blog::model::{CommentStatus, PostStatus};
use crate::blog::queries::{self, PostInput};
use crate::db::DbConn;
use crate::db::schema::{categories, comments, posts, tags};
use crate::events::model::{Diet, RsvpStatus};
use crate::i18n::{Lang, format};
use crate::markdown::{self, Author};
use crate::organizers;
use content::{CATEGORIES, DemoState, POSTS, Published, TAGS};

/// The demo author, who cannot log in (its password hash matches nothing).
const AUTHOR_EMAIL: &str = "team@grillplatz.example";

/// The demo's events are in Halle.
const TZ: Tz = chrono_tz::Europe::Berlin;

/// The BBQ's day, local hours with the German and English agenda line: the event's
/// agenda and the invitation's programme are both made from it.
const PROGRAMME: [(u32, &str, &str); 4] = [
    (
        14,
        "Ankommen und Themenmarkt",
        "Arrival and topic marketplace",
    ),
    (15, "Open-Space-Sessions", "Open Space sessions"),
    (18, "Abschlussrunde", "Closing circle"),
    (19, "Grillen im Hof", "Barbecue in the courtyard"),
];
const START_HOUR: u32 = 14;
const GRILL_HOUR: u32 = 19;
const END_HOUR: u32 = 23;

/// What the demo wrote, for the command's summary.
#[derive(Debug, Default)]
pub struct Summary {
    pub posts: usize,
    pub comments: usize,
    pub events: usize,
    pub contacts: usize,
}

/// The dates the demo's story is told around, all derived from today.
#[derive(Debug, Clone, Copy)]
struct Story {
    today: NaiveDate,
    /// The next BBQ: a Friday in June or July, at least three weeks ahead.
    next_bbq: NaiveDate,
    /// Last summer's BBQ, the one the recap is about.
    last_bbq: NaiveDate,
    /// The last Code Retreat (second Saturday in November) that is a few days past.
    retreat: NaiveDate,
}

/// The first Friday on or after `from`.
fn friday_from(from: NaiveDate) -> NaiveDate {
    let ahead =
        (7 + Weekday::Fri.num_days_from_monday() - from.weekday().num_days_from_monday()) % 7;
    from + Duration::days(i64::from(ahead))
}

/// The first Friday in June of `year`.
fn early_summer_friday(year: i32) -> Option<NaiveDate> {
    Some(friday_from(NaiveDate::from_ymd_opt(year, 6, 1)?))
}

/// The second Saturday in November of `year`.
fn retreat_day(year: i32) -> Option<NaiveDate> {
    let first = NaiveDate::from_ymd_opt(year, 11, 1)?;
    let ahead =
        (7 + Weekday::Sat.num_days_from_monday() - first.weekday().num_days_from_monday()) % 7;
    Some(first + Duration::days(i64::from(ahead) + 7))
}

impl Story {
    fn around(today: NaiveDate) -> Option<Story> {
        let earliest = today + Duration::days(21);
        // The first Friday in June or July on or after `earliest`, else next June's first.
        let mut next_bbq =
            friday_from(earliest.max(NaiveDate::from_ymd_opt(earliest.year(), 6, 1)?));
        if next_bbq.month() > 7 {
            next_bbq = early_summer_friday(earliest.year() + 1)?;
        }
        let last_bbq = early_summer_friday(next_bbq.year() - 1)?;
        let mut retreat = retreat_day(today.year())?;
        if retreat + Duration::days(3) > today {
            retreat = retreat_day(today.year() - 1)?;
        }
        Some(Story {
            today,
            next_bbq,
            last_bbq,
            retreat,
        })
    }

    fn published_on(&self, published: Published) -> NaiveDate {
        match published {
            Published::DaysAgo(days) => self.today - Duration::days(days),
            Published::BeforeNextBbq(days) => self.next_bbq - Duration::days(days),
            Published::AfterLastBbq(days) => self.last_bbq + Duration::days(days),
            Published::AfterRetreat(days) => self.retreat + Duration::days(days),
        }
    }

    /// The slug of the BBQ on `day`.
    fn slug(day: NaiveDate) -> String {
        format!("grillen-{}", day.year())
    }
}

/// `hour:minute` local time on `day` in Halle, as UTC.
fn at(day: NaiveDate, hour: u32, minute: u32) -> anyhow::Result<NaiveDateTime> {
    let local = day
        .and_hms_opt(hour, minute, 0)
        .ok_or_else(|| anyhow::anyhow!("bad demo time"))?;
    crate::clock::local_to_utc(TZ, local)
        .ok_or_else(|| anyhow::anyhow!("demo time falls into a clock change"))
}

/// Fills a post's placeholders with the next BBQ's date, times, programme and links.
fn tell(text: &str, lang: Lang, story: &Story) -> anyhow::Result<String> {
    let day = story.next_bbq;
    let event = format!("/{lang}/events/{}/", Story::slug(day));
    let mut programme = Vec::new();
    for (hour, de, en) in PROGRAMME {
        let what = match lang {
            Lang::De => de,
            Lang::En => en,
        };
        programme.push(format!(
            "- **{}** {what}",
            format::time(lang, at(day, hour, 0)?, TZ)
        ));
    }
    Ok(text
        .replace("{date}", &format::date(lang, at(day, START_HOUR, 0)?, TZ))
        .replace("{start}", &format::time(lang, at(day, START_HOUR, 0)?, TZ))
        .replace("{grill}", &format::time(lang, at(day, GRILL_HOUR, 0)?, TZ))
        .replace("{programme}", &programme.join("\n"))
        .replace("{rsvp}", &format!("{event}#rsvp"))
        .replace("{topics}", &format!("{event}topics/")))
}

/// Inserts the demo content, refusing when posts already exist.
pub fn fill(conn: &mut DbConn) -> anyhow::Result<Summary> {
    fill_at(conn, crate::clock::now())
}

/// The demo as told on the day of `now` (UTC): the next BBQ lies ahead of it, last
/// summer's behind.
pub fn fill_at(conn: &mut DbConn, now: NaiveDateTime) -> anyhow::Result<Summary> {
    let story = Story::around(format::local(now, TZ).date_naive())
        .ok_or_else(|| anyhow::anyhow!("no demo dates around {now}"))?;
    conn.transaction(|conn| {
        let existing: i64 = posts::table.count().get_result(conn)?;
        if existing > 0 {
            anyhow::bail!(
                "the database already has {existing} posts; the demo only fills an empty one"
            );
        }
        let author_id = match organizers::by_email(conn, AUTHOR_EMAIL)? {
            Some(author) => author.id,
            None => organizers::create(conn, AUTHOR_EMAIL, "Grillplatz-Team", "!", Lang::De)?,
        };
        for c in CATEGORIES {
            diesel::insert_into(categories::table)
                .values((
                    categories::slug_de.eq(c.slug_de),
                    categories::slug_en.eq(c.slug_en),
                    categories::name_de.eq(c.name_de),
                    categories::name_en.eq(c.name_en),
                ))
                .execute(conn)?;
        }
        for t in TAGS {
            diesel::insert_into(tags::table)
                .values((tags::slug.eq(t.slug), tags::name.eq(t.name)))
                .execute(conn)?;
        }
        let all_categories = queries::all_categories(conn)?;
        let mut summary = Summary::default();
        let mut ids_by_key: Vec<(&str, i64)> = Vec::new();
        for post in POSTS {
            let lang: Lang = post.lang.parse().map_err(|()| {
                anyhow::anyhow!("demo post {} has language {}", post.slug, post.lang)
            })?;
            let published_at = match post.published {
                Published::DaysAgo(days) => now - Duration::days(days) - Duration::hours(3),
                other => at(story.published_on(other), 10, 0)?,
            };
            let translation_id = post.translation_key.and_then(|key| {
                ids_by_key
                    .iter()
                    .find(|(k, _)| *k == key)
                    .map(|(_, id)| *id)
            });
            let body_md = tell(post.body_md, lang, &story)?;
            let input = PostInput {
                lang,
                slug: post.slug.to_string(),
                title: post.title.to_string(),
                excerpt: tell(post.excerpt, lang, &story)?,
                body_html: markdown::to_html(&body_md, Author::Organizer),
                body_md,
                status: match post.state {
                    DemoState::Published => PostStatus::Published,
                    DemoState::Draft => PostStatus::Draft,
                },
                published_at: Some(published_at),
                category_ids: all_categories
                    .iter()
                    .filter(|c| post.categories.contains(&c.slug_de.as_str()))
                    .map(|c| c.id)
                    .collect(),
                tags: post
                    .tags
                    .iter()
                    .filter_map(|slug| TAGS.iter().find(|t| t.slug == *slug))
                    .map(|t| (t.slug.to_string(), t.name.to_string()))
                    .collect(),
                translation_id,
                event_id: None,
                by_team: true,
            };
            let id = queries::save_post(conn, None, author_id, &input)?;
            if let Some(key) = post.translation_key {
                ids_by_key.push((key, id));
            }
            for (n, comment) in post.comments.iter().enumerate() {
                let status = if comment.approved {
                    CommentStatus::Approved
                } else {
                    CommentStatus::Pending
                };
                diesel::insert_into(comments::table)
                    .values((
                        comments::post_id.eq(id),
                        comments::author_name.eq(comment.author_name),
                        comments::author_email.eq(comment.author_email),
                        comments::body.eq(comment.body),
                        comments::status.eq(status.as_str()),
                        comments::created_at.eq(published_at + Duration::hours(5 + 7 * n as i64)),
                    ))
                    .execute(conn)?;
                summary.comments += 1;
            }
            summary.posts += 1;
        }
        let upcoming = events(conn, &story, now)?;
        summary.events = 2;
        summary.contacts = contacts(conn, author_id, upcoming, now)?;
        legal_pages(conn, now)?;
        Ok(summary)
    })
}

/// Fills in the Impressum and the privacy notice the site ships for the demo company. The
/// privacy notice keeps its list of what the site stores; only the note asking to fill
/// it in goes and the company is named.
fn legal_pages(conn: &mut DbConn, now: NaiveDateTime) -> anyhow::Result<()> {
    use crate::db::schema::pages;
    use crate::pages::model::PageRole;
    let shipped: Vec<(i64, Lang, Option<PageRole>, String)> = pages::table
        .filter(pages::role.is_not_null())
        .select((pages::id, pages::lang, pages::role, pages::body_md))
        .load(conn)?;
    for (id, lang, role, body) in shipped {
        let body = match (role, lang) {
            (Some(PageRole::Imprint), Lang::De) => content::IMPRINT_DE.to_string(),
            (Some(PageRole::Imprint), Lang::En) => content::IMPRINT_EN.to_string(),
            (_, lang) => {
                let (placeholder, controller) = match lang {
                    Lang::De => (
                        "[Name, Anschrift und E-Mail-Adresse der verantwortlichen Stelle – noch auszufüllen]",
                        content::CONTROLLER_DE,
                    ),
                    Lang::En => (
                        "[Name, address and email address of the controller – to be filled in]",
                        content::CONTROLLER_EN,
                    ),
                };
                // The note is the first paragraph, a block quote.
                let without_note = body
                    .split_once("\n\n")
                    .map_or(body.as_str(), |(_, rest)| rest);
                without_note.replace(placeholder, controller)
            }
        };
        diesel::update(pages::table.find(id))
            .set((
                pages::body_html.eq(markdown::to_html(&body, Author::Organizer)),
                pages::body_md.eq(&body),
                pages::updated_at.eq(now),
            ))
            .execute(conn)?;
    }
    Ok(())
}

/// The next Open Space BBQ with people registered and waiting, and last summer's,
/// linked to its recap; returns the next one's id.
fn events(conn: &mut DbConn, story: &Story, now: NaiveDateTime) -> anyhow::Result<i64> {
    use crate::db::schema::{events, rsvps};
    use crate::events::model::{EventFormat, EventStatus, Zone};
    use crate::events::queries::{EventInput, save_event};

    // Both BBQs are editions of one series.
    let series = crate::series::queries::save(
        conn,
        None,
        &crate::series::queries::SeriesInput {
            slug: "dev-admin-grillen".into(),
            name_de: "Dev- und Admin-Grillen".into(),
            name_en: "Developer & Admin BBQ".into(),
            numbering: crate::series::model::Numbering::Ordinal,
        },
        now,
    )?;
    let crate::series::queries::SeriesSaved::Saved(series) = series else {
        anyhow::bail!("the demo's series slug is taken");
    };
    let bbq = |day: NaiveDate, capacity: i32, edition: i32| -> anyhow::Result<EventInput> {
        let mut agenda = Vec::new();
        for (hour, de, en) in PROGRAMME {
            agenda.push((at(day, hour, 0)?, de.to_string(), en.to_string()));
        }
        Ok(EventInput {
            slug: Story::slug(day),
            format: EventFormat::OpenSpace,
            title_de: "Dev- und Admin-Grillen".into(),
            title_en: "Developer & Admin BBQ".into(),
            description_de:
                "Am Nachmittag Open Space: Ihr bringt die Themen mit, wir stellen Räume, \
                Kaffee und Whiteboards. Ab 19:00 Uhr wird im Hof gegrillt – mit vegetarischen und \
                veganen Sachen auf einem eigenen Rost.\n\nBitte meldet euch an, damit wir genug \
                einkaufen. Begleitung ist willkommen."
                    .into(),
            description_en:
                "An Open Space in the afternoon: you bring the topics, we provide rooms, \
                coffee and whiteboards. From 7:00 PM we fire up the grill in the courtyard, with \
                vegetarian and vegan food on a grill of its own.\n\nPlease register so that we buy \
                enough food. Feel free to bring someone along."
                    .into(),
            starts_at: at(day, START_HOUR, 0)?,
            ends_at: at(day, END_HOUR, 0)?,
            timezone: Zone(TZ),
            venue_name: "Nordlicht Software GmbH".into(),
            venue_address: "Große Ulrichstraße 12, 06108 Halle (Saale)".into(),
            capacity,
            max_guests: 2,
            registration_opens_at: None,
            registration_closes_at: Some(at(day - Duration::days(2), 18, 0)?),
            agenda,
            status: EventStatus::Published,
            recap_post_id: None,
            waitlist_on_board: true,
            series: Some((series, edition)),
        })
    };
    let upcoming = save_event(conn, None, &bbq(story.next_bbq, 12, 2)?, now)?;
    let past = save_event(conn, None, &bbq(story.last_bbq, 40, 1)?, now)?;
    let recap = posts::table
        .filter(posts::slug.eq("rueckblick-sommergrillen"))
        .select(posts::id)
        .first::<i64>(conn)
        .optional()?;
    diesel::update(events::table.find(past))
        .set(events::recap_post_id.eq(recap))
        .execute(conn)?;
    // The invitations announce the upcoming event.
    let invitations: Vec<i64> = posts::table
        .filter(posts::slug.eq_any(["einladung-zum-sommergrillen", "invitation-summer-bbq"]))
        .select(posts::id)
        .load(conn)?;
    for post in invitations {
        diesel::insert_into(crate::db::schema::event_posts::table)
            .values((
                crate::db::schema::event_posts::event_id.eq(upcoming),
                crate::db::schema::event_posts::post_id.eq(post),
            ))
            .execute(conn)?;
    }
    // Twelve places taken by eight people and their guests, three more waiting.
    let people = [
        ("Jana", RsvpStatus::Confirmed, 1, Diet::Vegetarian, Lang::De),
        ("Tobias", RsvpStatus::Confirmed, 0, Diet::Omnivore, Lang::De),
        ("Priya", RsvpStatus::Confirmed, 1, Diet::Vegan, Lang::En),
        ("Lukas", RsvpStatus::Confirmed, 0, Diet::Omnivore, Lang::De),
        (
            "Marie",
            RsvpStatus::Confirmed,
            2,
            Diet::Vegetarian,
            Lang::De,
        ),
        ("Sam", RsvpStatus::Confirmed, 0, Diet::Omnivore, Lang::En),
        ("Henrik", RsvpStatus::Confirmed, 0, Diet::Omnivore, Lang::De),
        ("Aylin", RsvpStatus::Confirmed, 0, Diet::Vegan, Lang::De),
        ("Chris", RsvpStatus::Waitlisted, 0, Diet::Omnivore, Lang::En),
        (
            "Frieda",
            RsvpStatus::Waitlisted,
            1,
            Diet::Vegetarian,
            Lang::De,
        ),
        ("Ole", RsvpStatus::Waitlisted, 0, Diet::Omnivore, Lang::De),
        ("Nora", RsvpStatus::Pending, 0, Diet::Vegan, Lang::De),
    ];
    for (n, (name, status, guests, diet, lang)) in people.iter().enumerate() {
        let joined = now - Duration::days(10) + Duration::hours(n as i64);
        diesel::insert_into(rsvps::table)
            .values((
                rsvps::event_id.eq(upcoming),
                rsvps::name.eq(name),
                rsvps::email.eq(format!("{}@example.org", name.to_lowercase())),
                rsvps::lang.eq(lang),
                rsvps::guests.eq(guests),
                rsvps::diet.eq(diet),
                rsvps::status.eq(status),
                rsvps::manage_token_hash
                    .eq(crate::tokens::token_hash(&crate::tokens::random_token())),
                rsvps::consent_at.eq(joined),
                rsvps::created_at.eq(joined),
                rsvps::confirmed_at.eq((*status != RsvpStatus::Pending).then_some(joined)),
                rsvps::waitlisted_at.eq((*status == RsvpStatus::Waitlisted).then_some(joined)),
            ))
            .execute(conn)?;
    }
    topic_board(conn, upcoming, story.next_bbq, now)?;
    Ok(upcoming)
}

/// A small customer list (one address unsubscribed, one bouncing) and a draft invitation
/// to the upcoming BBQ.
fn contacts(
    conn: &mut DbConn,
    author: i64,
    upcoming: i64,
    now: NaiveDateTime,
) -> anyhow::Result<usize> {
    use crate::contacts::campaigns::{self, CampaignInput};
    use crate::contacts::model::CampaignKind;
    use crate::contacts::queries::{self as contacts, ContactInput};
    use crate::events::queries::by_id;

    let people = [
        (
            "anke.wolf@stadtwerke-halle.example",
            "Anke Wolf",
            Lang::De,
            "Stadtwerke Halle",
            "kunde, halle",
        ),
        (
            "m.keller@saalebank.example",
            "Martin Keller",
            Lang::De,
            "Saalebank",
            "kunde",
        ),
        (
            "olga@hackspace-halle.example",
            "Olga Petrova",
            Lang::En,
            "Hackspace Halle",
            "community, halle",
        ),
        (
            "jonas@example.org",
            "Jonas Brandt",
            Lang::De,
            "",
            "community",
        ),
        (
            "lee@logistics.example",
            "Lee Morgan",
            Lang::En,
            "Elbe Logistics",
            "kunde",
        ),
        (
            "alt@saalebank.example",
            "Frank Alt",
            Lang::De,
            "Saalebank",
            "kunde",
        ),
    ];
    let mut ids = Vec::new();
    for (email, name, lang, organization, tags) in people {
        let input = ContactInput {
            email: email.into(),
            name: name.into(),
            lang,
            organization: organization.into(),
            tags: contacts::normalize_tags(tags),
            invitations: true,
            announcements: lang == Lang::De,
        };
        match contacts::save(conn, None, &input, "import", now)? {
            Ok(id) => ids.push(id),
            Err(contacts::DuplicateEmail) => anyhow::bail!("demo contact {email} exists"),
        }
    }
    if let Some(&jonas) = ids.get(3) {
        contacts::unsubscribe(conn, jonas, now)?;
    }
    // The last one bounced: its address is suppressed and the contact marked.
    let (bounced, _, _, _, _) = people[5];
    crate::mail::suppression::suppress(
        conn,
        bounced,
        crate::mail::suppression::Reason::Bounced,
        now,
    )?;
    contacts::mark_bouncing(conn, bounced, now)?;
    if let Some(event) = by_id(conn, upcoming)? {
        let text = |lang: Lang, key: &str| {
            lang.t_args(
                key,
                &[("event", crate::i18n::FluentArg::from(event.title(lang)))],
            )
        };
        let input = CampaignInput {
            subject_de: text(Lang::De, "campaign-default-subject"),
            subject_en: text(Lang::En, "campaign-default-subject"),
            body_de: text(Lang::De, "campaign-default-body"),
            body_en: text(Lang::En, "campaign-default-body"),
            tags: vec!["kunde".into(), "community".into()],
            langs: Lang::ALL.to_vec(),
        };
        campaigns::create(
            conn,
            CampaignKind::Invitation,
            Some(event.id),
            None,
            &input,
            Some(author),
            now,
        )?;
    }
    Ok(ids.len())
}

/// The upcoming BBQ's board: rooms, slots, proposals with dots, half of them scheduled.
fn topic_board(
    conn: &mut DbConn,
    event_id: i64,
    day: NaiveDate,
    now: NaiveDateTime,
) -> anyhow::Result<()> {
    use crate::db::schema::{rsvps, topics};
    use crate::topics::model::TopicInput;
    use crate::topics::queries::{self, Proposer, TopicError};
    use crate::topics::schedule::{RoomSize, Wanted, suggest};

    let refused = |e: TopicError| match e {
        TopicError::Db(e) => anyhow::Error::from(e),
        TopicError::Refused(why) => anyhow::anyhow!("demo board refused: {why:?}"),
    };
    for (name, capacity) in [("Großer Saal", 40), ("Küche", 12), ("Dachterrasse", 8)] {
        queries::add_room(conn, event_id, name, capacity).map_err(refused)?;
    }
    // On the event's day: 15:00, 16:00 and 17:00 for 45 minutes each.
    for hour in [15, 16, 17] {
        let start = at(day, hour, 0)?;
        queries::add_slot(conn, event_id, start, start + Duration::minutes(45))?;
    }
    let attendee = |conn: &mut DbConn, name: &str| -> anyhow::Result<(i64, String)> {
        Ok(rsvps::table
            .filter(rsvps::event_id.eq(event_id))
            .filter(rsvps::name.eq(name))
            .select((rsvps::id, rsvps::name))
            .first(conn)?)
    };
    let proposals = [
        (
            "Jana",
            "Raspberry Pi – Möglichkeiten, Grenzen, Alternativen?",
            "Was läuft bei euch auf kleinen Boards, und wann lohnt sich doch ein richtiger Server?",
            Lang::De,
        ),
        (
            "Priya",
            "Test-driven development in legacy code",
            "Where do you start when nothing has tests? Bring your worst example.",
            Lang::En,
        ),
        (
            "Tobias",
            "Code-Katas zum Mitmachen",
            "Wir lösen eine Kata im Mob-Programming und tauschen danach die Rollen.",
            Lang::De,
        ),
        ("Sam", "Kubernetes at home: worth it?", "", Lang::En),
        (
            "Lukas",
            "Backups, die man wirklich zurückspielt",
            "Restore-Tests, Aufbewahrung, und wie man sie nicht vergisst.",
            Lang::De,
        ),
        (
            "Marie",
            "Barrierefreiheit im Alltag testen",
            "Screenreader, Tastatur, Kontraste: ein Rundgang durch unsere eigenen Seiten.",
            Lang::De,
        ),
        (
            "Jana",
            "Rust für Admins",
            "Kleine Werkzeuge statt Shell-Skripten – lohnt das?",
            Lang::De,
        ),
    ];
    let mut ids = Vec::new();
    for (name, title, description, lang) in proposals {
        let (rsvp_id, name) = attendee(conn, name)?;
        let input = TopicInput {
            title: title.into(),
            description: description.into(),
            lang,
        };
        let proposer = Proposer::Attendee { rsvp_id, name };
        ids.push(queries::propose(conn, event_id, &proposer, &input, now).map_err(refused)?);
    }
    // Each person's dots, as indexes into the proposals.
    let dots: [(&str, &[usize]); 8] = [
        ("Jana", &[1, 2, 4]),
        ("Tobias", &[0, 1, 5]),
        ("Priya", &[0, 2, 3, 5]),
        ("Lukas", &[1, 4]),
        ("Marie", &[0, 1, 2]),
        ("Sam", &[0, 6]),
        ("Henrik", &[1, 4, 6]),
        ("Aylin", &[5]),
    ];
    for (name, picks) in dots {
        let (rsvp_id, _) = attendee(conn, name)?;
        for &i in picks {
            queries::vote(conn, event_id, rsvp_id, ids[i], now).map_err(refused)?;
        }
    }
    // Schedule the four most wanted topics, as the suggestion would.
    let interest = queries::interest(conn, event_id)?;
    let all = queries::open_topics(conn, event_id)?;
    let mut wanted: Vec<Wanted> = all
        .iter()
        .map(|t| Wanted {
            topic_id: t.id,
            interest: interest.get(&t.id).copied().unwrap_or(0),
            proposer: t.proposer_key(),
            placed: None,
        })
        .collect();
    wanted.sort_by_key(|t| std::cmp::Reverse(t.interest));
    wanted.truncate(4);
    let slots: Vec<i64> = queries::slots(conn, event_id)?
        .iter()
        .map(|s| s.id)
        .collect();
    let rooms: Vec<RoomSize> = queries::rooms(conn, event_id)?
        .iter()
        .map(|r| RoomSize {
            room_id: r.id,
            capacity: r.capacity,
        })
        .collect();
    for p in suggest(&wanted, &slots, &rooms) {
        // Straight into the table: the demo sends no "your topic is scheduled" mails.
        diesel::update(topics::table.find(p.topic_id))
            .set((
                topics::slot_id.eq(p.slot_id),
                topics::room_id.eq(p.room_id),
                topics::placement_version.eq(1),
            ))
            .execute(conn)?;
    }
    Ok(())
}
