//! The emails an RSVP causes, composed from Fluent strings in the recipient's language.

use super::ics;
use super::model::RsvpInput;
use super::model::{AgendaItem, Event, Rsvp};
use crate::i18n::{FluentArg, Lang, format};
use crate::mail::links::MailContext;
use crate::mail::{Action, Email};

/// "25. Juni 2027, 14:00 Uhr", with the event's zone ("WEST") where it is not the site's.
fn when(ctx: &MailContext, event: &Event, lang: Lang) -> String {
    let at = format::date_time(lang, event.starts_at, event.tz());
    match event.zone_note(ctx.site_tz) {
        Some(zone) => format!("{at} ({zone})"),
        None => at,
    }
}

fn base(
    ctx: &MailContext,
    lang: Lang,
    to: &str,
    subject_key: &str,
    event: &Event,
    name: &str,
) -> Email {
    let title = event.title(lang);
    Email {
        lang,
        to: to.to_string(),
        subject: lang.t_args(subject_key, &[("event", FluentArg::from(title))]),
        greeting: lang.t_args("mail-greeting", &[("name", FluentArg::from(name))]),
        paragraphs: Vec::new(),
        action: None,
        footer: Vec::new(),
        ics: None,
        site_name: ctx.site_name.clone(),
        markdown: None,
        unsubscribe_url: None,
    }
}

fn event_args(ctx: &MailContext, event: &Event, lang: Lang) -> Vec<(&'static str, FluentArg)> {
    vec![
        ("event", FluentArg::from(event.title(lang))),
        ("when", FluentArg::from(when(ctx, event, lang))),
        (
            "venue",
            FluentArg::from(format!("{}, {}", event.venue_name, event.venue_address)),
        ),
    ]
}

pub(crate) fn with_manage_link(mut email: Email, ctx: &MailContext, rsvp_id: i64) -> Email {
    let lang = email.lang;
    email.footer.push(lang.t("mail-manage-hint"));
    email.footer.push(ctx.manage_url(lang, rsvp_id));
    email
}

/// "Please confirm": the double opt-in link.
pub fn confirm_link(
    ctx: &MailContext,
    event: &Event,
    rsvp_id: i64,
    input: &RsvpInput,
    token: &str,
    full: bool,
) -> Email {
    let lang = input.lang;
    let mut email = base(
        ctx,
        lang,
        &input.email,
        "mail-confirm-subject",
        event,
        &input.name,
    );
    email
        .paragraphs
        .push(lang.t_args("mail-confirm-text", &event_args(ctx, event, lang)));
    if full {
        email.paragraphs.push(lang.t("mail-confirm-full"));
    }
    email.paragraphs.push(lang.t("mail-confirm-expiry"));
    email.action = Some(Action {
        label: lang.t("mail-confirm-action"),
        url: format!("{}/{lang}/rsvp/confirm/{token}", ctx.base_url),
    });
    email.footer.push(lang.t("mail-confirm-ignore"));
    with_manage_link(email, ctx, rsvp_id)
}

/// A mail to an attendee: subject `{key}-subject`, one paragraph `{key}-text` about the event.
pub(crate) fn to_attendee(
    ctx: &MailContext,
    event: &Event,
    rsvp: &Rsvp,
    key: &str,
    extra: &[(&'static str, FluentArg)],
) -> Email {
    let lang = rsvp.lang;
    let mut email = base(
        ctx,
        lang,
        &rsvp.email,
        &format!("{key}-subject"),
        event,
        &rsvp.name,
    );
    let mut args = event_args(ctx, event, lang);
    args.extend_from_slice(extra);
    email
        .paragraphs
        .push(lang.t_args(&format!("{key}-text"), &args));
    email
}

fn event_action(ctx: &MailContext, event: &Event, lang: Lang) -> Option<Action> {
    Some(Action {
        label: lang.t("mail-event-action"),
        url: ctx.url(&event.path(lang)),
    })
}

fn event_ics(
    ctx: &MailContext,
    event: &Event,
    agenda: &[AgendaItem],
    lang: Lang,
) -> Option<String> {
    Some(ics::event_calendar(
        event,
        agenda,
        &[],
        lang,
        &ctx.base_url,
        &ics::Organizer::of(ctx),
    ))
}

/// What someone booked, so the mail can be checked at a glance.
fn booking(rsvp: &Rsvp) -> Vec<String> {
    let lang = rsvp.lang;
    let mut lines = vec![lang.t_args(
        "mail-booking",
        &[
            ("count", FluentArg::Num(i64::from(rsvp.guests))),
            ("diet", FluentArg::from(lang.t(rsvp.diet.label_key()))),
        ],
    )];
    if !rsvp.notes.is_empty() {
        lines.push(lang.t_args(
            "mail-booking-notes",
            &[("notes", FluentArg::from(rsvp.notes.as_str()))],
        ));
    }
    lines
}

/// "You have a place", with what was booked and the event as .ics.
pub fn confirmed(ctx: &MailContext, event: &Event, rsvp: &Rsvp) -> Email {
    let mut email = to_attendee(ctx, event, rsvp, "mail-confirmed", &[]);
    email.paragraphs.extend(booking(rsvp));
    email.action = event_action(ctx, event, email.lang);
    email.ics = event_ics(ctx, event, &[], email.lang);
    with_manage_link(email, ctx, rsvp.id)
}

/// "You are on the waiting list at position N".
pub fn waitlisted(ctx: &MailContext, event: &Event, rsvp: &Rsvp, position: i64) -> Email {
    let email = to_attendee(
        ctx,
        event,
        rsvp,
        "mail-waitlisted",
        &[("position", FluentArg::Num(position))],
    );
    with_manage_link(email, ctx, rsvp.id)
}

/// "A place became free and it is yours".
pub fn promoted(ctx: &MailContext, event: &Event, rsvp: &Rsvp) -> Email {
    let mut email = to_attendee(ctx, event, rsvp, "mail-promoted", &[]);
    email.paragraphs.extend(booking(rsvp));
    email.ics = event_ics(ctx, event, &[], email.lang);
    with_manage_link(email, ctx, rsvp.id)
}

/// "Your registration is cancelled".
pub fn cancelled(ctx: &MailContext, event: &Event, rsvp: &Rsvp) -> Email {
    let mut email = to_attendee(ctx, event, rsvp, "mail-cancelled", &[]);
    email.action = event_action(ctx, event, email.lang);
    email
}

/// Someone registered again with an address that already has a place or waits for one.
pub fn already_registered(ctx: &MailContext, event: &Event, rsvp: &Rsvp) -> Email {
    let mut email = to_attendee(ctx, event, rsvp, "mail-again", &[]);
    email.action = Some(Action {
        label: email.lang.t("mail-manage-action"),
        url: ctx.manage_url(email.lang, rsvp.id),
    });
    email
}

/// The organizers cancelled the event.
pub fn event_cancelled(ctx: &MailContext, event: &Event, rsvp: &Rsvp) -> Email {
    let mut email = to_attendee(ctx, event, rsvp, "mail-event-cancelled", &[]);
    email.ics = event_ics(ctx, event, &[], email.lang);
    email
}

/// "See you soon", with the schedule as .ics, some time before the start.
pub fn reminder(ctx: &MailContext, event: &Event, agenda: &[AgendaItem], rsvp: &Rsvp) -> Email {
    let mut email = to_attendee(ctx, event, rsvp, "mail-reminder", &[]);
    email.action = event_action(ctx, event, email.lang);
    email.ics = event_ics(ctx, event, agenda, email.lang);
    with_manage_link(email, ctx, rsvp.id)
}

/// A message the organizers wrote to everyone registered; the text is theirs, the frame ours.
pub fn organizer_message(
    ctx: &MailContext,
    event: &Event,
    rsvp: &Rsvp,
    subject: &str,
    body: &str,
) -> Email {
    let lang = rsvp.lang;
    let mut email = base(
        ctx,
        lang,
        &rsvp.email,
        "mail-message-subject",
        event,
        &rsvp.name,
    );
    email.subject = format!("{subject} – {}", event.title(lang));
    email.paragraphs = body
        .split("\n\n")
        .map(|p| p.trim().to_string())
        .filter(|p| !p.is_empty())
        .collect();
    with_manage_link(email, ctx, rsvp.id)
}
