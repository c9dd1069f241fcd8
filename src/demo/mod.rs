//! `grillplatz demo`: fills an empty database with sample posts, comments and categories.

mod content;

use chrono::Duration;
use diesel::prelude::*;

use crate::admin::organizers;
use crate::blog::markdown;
use crate::blog::model::{CommentStatus, PostStatus};
use crate::blog::queries::{self, PostInput};
use crate::db::DbConn;
use crate::db::schema::{categories, comments, posts, tags};
use crate::i18n::Lang;
use content::{CATEGORIES, DemoState, POSTS, TAGS};

/// The demo author, who cannot log in (its password hash matches nothing).
const AUTHOR_EMAIL: &str = "team@grillplatz.example";

/// What the demo wrote, for the command's summary.
#[derive(Debug, Default)]
pub struct Summary {
    pub posts: usize,
    pub comments: usize,
    pub events: usize,
}

/// Inserts the demo content, refusing when posts already exist.
pub fn fill(conn: &mut DbConn) -> anyhow::Result<Summary> {
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
                    categories::slug.eq(c.slug),
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
        let now = queries::now();
        let mut summary = Summary::default();
        let mut ids_by_key: Vec<(&str, i64)> = Vec::new();
        for post in POSTS {
            let lang: Lang = post.lang.parse().map_err(|()| {
                anyhow::anyhow!("demo post {} has language {}", post.slug, post.lang)
            })?;
            let published_at = now - Duration::days(post.days_ago) - Duration::hours(3);
            let translation_id = post.translation_key.and_then(|key| {
                ids_by_key
                    .iter()
                    .find(|(k, _)| *k == key)
                    .map(|(_, id)| *id)
            });
            let input = PostInput {
                lang,
                slug: post.slug.to_string(),
                title: post.title.to_string(),
                excerpt: post.excerpt.to_string(),
                body_md: post.body_md.to_string(),
                body_html: markdown::to_html(post.body_md),
                status: match post.state {
                    DemoState::Published => PostStatus::Published,
                    DemoState::Draft => PostStatus::Draft,
                },
                published_at: Some(published_at),
                category_ids: all_categories
                    .iter()
                    .filter(|c| post.categories.contains(&c.slug.as_str()))
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
        summary.events = events(conn, now)?;
        Ok(summary)
    })
}

/// An upcoming Open Space BBQ with people registered and waiting, and last summer's,
/// linked to its recap.
fn events(conn: &mut DbConn, now: chrono::NaiveDateTime) -> anyhow::Result<usize> {
    use crate::db::schema::{events, rsvps};
    use crate::events::model::EventStatus;
    use crate::events::queries::{EventInput, save_event};
    use chrono::TimeZone;

    let tz = chrono_tz::Europe::Berlin;
    let at = |days: i64, hour: u32| -> anyhow::Result<chrono::NaiveDateTime> {
        let day = (now + Duration::days(days)).date();
        let local = day
            .and_hms_opt(hour, 0, 0)
            .ok_or_else(|| anyhow::anyhow!("bad demo time"))?;
        tz.from_local_datetime(&local)
            .earliest()
            .map(|t| t.naive_utc())
            .ok_or_else(|| anyhow::anyhow!("demo time falls into a clock change"))
    };
    let bbq =
        |slug: &str, days: i64, capacity: i32, status: EventStatus| -> anyhow::Result<EventInput> {
            Ok(EventInput {
                slug: slug.to_string(),
                format: "open_space".into(),
                title_de: "Entwickler- und Admin-Grillen".into(),
                title_en: "Developer & Admin BBQ".into(),
                description_de:
                    "Am Nachmittag Open Space: Ihr bringt die Themen mit, wir stellen Räume, \
                Kaffee und Whiteboards. Ab 19 Uhr wird im Hof gegrillt – mit vegetarischen und \
                veganen Sachen auf einem eigenen Rost.\n\nBitte meldet euch an, damit wir genug \
                einkaufen. Begleitung ist willkommen."
                        .into(),
                description_en:
                    "An Open Space in the afternoon: you bring the topics, we provide rooms, \
                coffee and whiteboards. From 7 pm we fire up the grill in the courtyard, with \
                vegetarian and vegan food on a grill of its own.\n\nPlease register so that we buy \
                enough food. Feel free to bring someone along."
                        .into(),
                starts_at: at(days, 14)?,
                ends_at: at(days, 23)?,
                timezone: tz.name().into(),
                venue_name: "Nordlicht Software GmbH".into(),
                venue_address: "Große Ulrichstraße 12, 06108 Halle (Saale)".into(),
                capacity,
                max_guests: 2,
                registration_opens_at: None,
                registration_closes_at: Some(at(days - 2, 18)?),
                agenda: vec![
                    (
                        at(days, 14)?,
                        "Ankommen und Themenmarkt".into(),
                        "Arrival and topic marketplace".into(),
                    ),
                    (
                        at(days, 15)?,
                        "Open-Space-Sessions".into(),
                        "Open Space sessions".into(),
                    ),
                    (
                        at(days, 18)?,
                        "Abschlussrunde".into(),
                        "Closing circle".into(),
                    ),
                    (
                        at(days, 19)?,
                        "Grillen im Hof".into(),
                        "Barbecue in the courtyard".into(),
                    ),
                ],
                status,
                recap_post_id: None,
            })
        };
    let upcoming = save_event(
        conn,
        None,
        &bbq("grillen-2027", 30, 12, EventStatus::Published)?,
        now,
    )?;
    let past = save_event(
        conn,
        None,
        &bbq("grillen-2026", -283, 40, EventStatus::Published)?,
        now,
    )?;
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
        ("Jana", "confirmed", 1, "vegetarian", "de"),
        ("Tobias", "confirmed", 0, "omnivore", "de"),
        ("Priya", "confirmed", 1, "vegan", "en"),
        ("Lukas", "confirmed", 0, "omnivore", "de"),
        ("Marie", "confirmed", 2, "vegetarian", "de"),
        ("Sam", "confirmed", 0, "omnivore", "en"),
        ("Henrik", "confirmed", 0, "omnivore", "de"),
        ("Aylin", "confirmed", 0, "vegan", "de"),
        ("Chris", "waitlisted", 0, "omnivore", "en"),
        ("Frieda", "waitlisted", 1, "vegetarian", "de"),
        ("Ole", "waitlisted", 0, "omnivore", "de"),
        ("Nora", "pending", 0, "vegan", "de"),
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
                rsvps::manage_token_hash.eq(crate::web::session::token_hash(
                    &crate::web::session::random_token(),
                )),
                rsvps::consent_at.eq(joined),
                rsvps::created_at.eq(joined),
                rsvps::confirmed_at.eq((*status != "pending").then_some(joined)),
                rsvps::waitlisted_at.eq((*status == "waitlisted").then_some(joined)),
            ))
            .execute(conn)?;
    }
    Ok(2)
}
