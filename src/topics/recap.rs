//! Turns an event's schedule, topics and session notes into a draft recap post.

use std::fmt::Write;

use diesel::prelude::*;

use super::queries;
use crate::blog::model::PostStatus;
use crate::blog::queries::{PostInput, save_post, slug_taken};
use crate::db::DbConn;
use crate::db::schema::events;
use crate::events::model::Event;
use crate::i18n::{FluentArg, Lang};
use crate::markdown::{self, Author};
use crate::web::forms::slugify;

/// The recap's Markdown: sessions in schedule order with their notes, then the topics
/// that were proposed but not scheduled.
pub fn markdown(conn: &mut DbConn, event: &Event, lang: Lang) -> QueryResult<String> {
    let topics = queries::open_topics(conn, event.id)?;
    let slots = queries::slots(conn, event.id)?;
    let rooms = queries::rooms(conn, event.id)?;
    let interest = queries::interest(conn, event.id)?;
    let notes = queries::current_notes(conn, event.id)?;
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{}\n",
        lang.t_args(
            "recap-intro",
            &[
                ("event", FluentArg::from(event.title(lang))),
                ("count", FluentArg::Num(topics.len() as i64)),
            ]
        )
    );
    let section = |out: &mut String, t: &super::model::Topic, heading: &str| {
        let _ = writeln!(out, "{heading} {}\n", t.title);
        let votes = interest.get(&t.id).copied().unwrap_or(0);
        let _ = writeln!(
            out,
            "*{}*\n",
            lang.t_args(
                "recap-topic-meta",
                &[
                    ("name", FluentArg::from(t.proposer_name.as_str())),
                    ("count", FluentArg::Num(votes)),
                ]
            )
        );
        if !t.description.is_empty() {
            let _ = writeln!(out, "{}\n", t.description);
        }
        if let Some(note) = notes.get(&t.id) {
            let _ = writeln!(out, "{}\n", note.body.trim());
        }
    };
    for slot in &slots {
        let in_slot: Vec<_> = rooms
            .iter()
            .filter_map(|r| {
                topics
                    .iter()
                    .find(|t| t.slot_id == Some(slot.id) && t.room_id == Some(r.id))
                    .map(|t| (r, t))
            })
            .collect();
        if in_slot.is_empty() {
            continue;
        }
        let _ = writeln!(out, "## {}\n", super::pages::slot_time(slot, event, lang));
        for (room, topic) in in_slot {
            section(&mut out, topic, &format!("### {} –", room.name));
        }
    }
    let unscheduled: Vec<_> = topics.iter().filter(|t| t.slot_id.is_none()).collect();
    if !unscheduled.is_empty() {
        let _ = writeln!(out, "## {}\n", lang.t("recap-unscheduled"));
        for topic in unscheduled {
            section(&mut out, topic, "###");
        }
    }
    Ok(out)
}

/// Creates the draft post in `lang`, linked to the event (and as its recap if it has none).
pub fn create_draft(
    conn: &mut DbConn,
    event: &Event,
    lang: Lang,
    author_id: i64,
) -> QueryResult<i64> {
    let body_md = markdown(conn, event, lang)?;
    let title = lang.t_args(
        "recap-title",
        &[("event", FluentArg::from(event.title(lang)))],
    );
    let base = slugify(&title);
    let mut slug = base.clone();
    let mut n = 2;
    while slug_taken(conn, lang, &slug, None)? {
        slug = format!("{base}-{n}");
        n += 1;
    }
    let input = PostInput {
        lang,
        slug,
        excerpt: lang.t_args(
            "recap-excerpt",
            &[("event", FluentArg::from(event.title(lang)))],
        ),
        body_html: markdown::to_html(&body_md, Author::Organizer),
        body_md,
        title,
        status: PostStatus::Draft,
        published_at: None,
        category_ids: Vec::new(),
        tags: Vec::new(),
        translation_id: None,
        event_id: Some(event.id),
        by_team: false,
    };
    let id = save_post(conn, None, author_id, &input)?;
    diesel::update(
        events::table
            .find(event.id)
            .filter(events::recap_post_id.is_null()),
    )
    .set(events::recap_post_id.eq(id))
    .execute(conn)?;
    Ok(id)
}
