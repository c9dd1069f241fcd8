//! Emails of the topic board: "your topic is scheduled" and the organizers' daily digest.

use std::collections::BTreeMap;

use super::model::{Room, Slot, Topic};
use crate::events::emails::{to_attendee, with_manage_link};
use crate::events::model::{Event, Rsvp};
use crate::i18n::FluentArg;
use crate::mail::links::MailContext;
use crate::mail::{Action, Email};
use crate::organizers::OrganizerRow;

/// Tells a proposer where and when their session takes place (`moved` after a change).
pub fn scheduled(
    ctx: &MailContext,
    event: &Event,
    topic: &Topic,
    rsvp: &Rsvp,
    slot: &Slot,
    room: &Room,
    moved: bool,
) -> Email {
    let lang = rsvp.lang;
    let key = if moved {
        "mail-topic-moved"
    } else {
        "mail-topic-scheduled"
    };
    let mut email = to_attendee(
        ctx,
        event,
        rsvp,
        key,
        &[
            ("topic", FluentArg::from(topic.title.as_str())),
            (
                "slot",
                FluentArg::from(super::pages::slot_time(slot, event, lang)),
            ),
            ("room", FluentArg::from(room.name.as_str())),
        ],
    );
    email.action = Some(Action {
        label: lang.t("mail-topic-schedule-action"),
        url: format!("{}schedule/", ctx.url(&event.path(lang))),
    });
    with_manage_link(email, ctx, rsvp.id)
}

/// One organizer's digest of the topics proposed on one day, grouped by event.
pub fn digest(
    ctx: &MailContext,
    organizer: &OrganizerRow,
    day: &str,
    proposed: &[(Event, Vec<Topic>)],
) -> Email {
    let lang = organizer.lang;
    let total: usize = proposed.iter().map(|(_, t)| t.len()).sum();
    let mut paragraphs = vec![lang.t_args(
        "mail-digest-text",
        &[
            ("count", FluentArg::Num(total as i64)),
            ("day", FluentArg::from(day)),
        ],
    )];
    let mut by_event: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for (event, topics) in proposed {
        let lines = by_event.entry(event.title(lang).to_string()).or_default();
        for t in topics {
            lines.push(format!(
                "• {} ({}, {})",
                t.title,
                t.proposer_name,
                t.lang.code().to_uppercase()
            ));
        }
    }
    for (title, lines) in by_event {
        paragraphs.push(format!("{title}:\n{}", lines.join("\n")));
    }
    let first_event = proposed.first().map(|(e, _)| e);
    Email {
        lang,
        to: organizer.email.clone(),
        subject: lang.t_args(
            "mail-digest-subject",
            &[("count", FluentArg::Num(total as i64))],
        ),
        greeting: lang.t_args(
            "mail-greeting",
            &[("name", FluentArg::from(organizer.name.as_str()))],
        ),
        paragraphs,
        action: first_event.map(|e| Action {
            label: lang.t("mail-digest-action"),
            url: format!("{}/admin/events/{}/topics", ctx.base_url, e.id),
        }),
        footer: vec![lang.t("mail-digest-footer")],
        ics: None,
        site_name: ctx.site_name.clone(),
        markdown: None,
        unsubscribe_url: None,
    }
}
