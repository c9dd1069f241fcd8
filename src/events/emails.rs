//! The emails an RSVP causes, composed from Fluent strings in the recipient's language.

use hmac::{Hmac, Mac};
use sha2::Sha256;

use super::ics;
use super::model::{AgendaItem, Event, Rsvp};
use super::queries::RsvpInput;
use crate::i18n::{FluentArg, Lang, format};
use crate::mail::{Action, Email};

/// What emails need from the settings.
#[derive(Debug, Clone)]
pub struct MailContext {
    pub base_url: String,
    pub site_name: String,
    /// Who calendar files name as ORGANIZER (the sender address).
    pub organizer_email: String,
    secret: Vec<u8>,
}

impl MailContext {
    pub fn new(base_url: &str, site_name: &str, secret: &[u8]) -> MailContext {
        MailContext {
            base_url: base_url.to_string(),
            site_name: site_name.to_string(),
            organizer_email: "grillplatz@localhost".to_string(),
            secret: secret.to_vec(),
        }
    }

    pub fn with_organizer(mut self, email: &str) -> MailContext {
        self.organizer_email = email.to_string();
        self
    }

    /// The ORGANIZER of calendar files: the site, reachable at the sender address.
    pub fn calendar_organizer(&self) -> ics::Organizer<'_> {
        ics::Organizer {
            name: &self.site_name,
            email: &self.organizer_email,
        }
    }

    /// The personal manage token of an RSVP: an HMAC of its id under the site's secret,
    /// so every email can carry the link while the database only keeps its hash.
    pub fn manage_token(&self, rsvp_id: i64) -> String {
        use base64::Engine;
        let mut mac =
            Hmac::<Sha256>::new_from_slice(&self.secret).expect("HMAC takes keys of any length");
        mac.update(format!("rsvp-manage:{rsvp_id}").as_bytes());
        base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(mac.finalize().into_bytes())
    }

    /// A contact's link token for one `purpose` ("unsubscribe", "invite"): the id and an
    /// HMAC of purpose and id, so links in old mails keep working and nothing is stored.
    pub fn contact_token(&self, purpose: &str, contact_id: i64) -> String {
        use base64::Engine;
        let mut mac =
            Hmac::<Sha256>::new_from_slice(&self.secret).expect("HMAC takes keys of any length");
        mac.update(format!("contact-{purpose}:{contact_id}").as_bytes());
        let tag =
            base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(mac.finalize().into_bytes());
        format!("{contact_id}.{tag}")
    }

    /// The contact a token was made for, if it is genuine.
    pub fn verify_contact_token(&self, purpose: &str, token: &str) -> Option<i64> {
        let (id, _) = token.split_once('.')?;
        let id: i64 = id.parse().ok()?;
        crate::tokens::same_secret(&self.contact_token(purpose, id), token).then_some(id)
    }

    pub fn unsubscribe_url(&self, lang: Lang, contact_id: i64) -> String {
        format!(
            "{}/{lang}/unsubscribe/{}",
            self.base_url,
            self.contact_token("unsubscribe", contact_id)
        )
    }

    pub fn manage_url(&self, lang: Lang, rsvp_id: i64) -> String {
        format!(
            "{}/{lang}/rsvp/{}/",
            self.base_url,
            self.manage_token(rsvp_id)
        )
    }

    pub fn event_url(&self, event: &Event, lang: Lang) -> String {
        format!("{}{}", self.base_url, event.path(lang))
    }
}

fn when(event: &Event, lang: Lang) -> String {
    format::date_time(lang, event.starts_at, event.tz())
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

fn event_args(event: &Event, lang: Lang) -> Vec<(&'static str, FluentArg)> {
    vec![
        ("event", FluentArg::from(event.title(lang))),
        ("when", FluentArg::from(when(event, lang))),
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
        .push(lang.t_args("mail-confirm-text", &event_args(event, lang)));
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
    let lang = rsvp.lang();
    let mut email = base(
        ctx,
        lang,
        &rsvp.email,
        &format!("{key}-subject"),
        event,
        &rsvp.name,
    );
    let mut args = event_args(event, lang);
    args.extend_from_slice(extra);
    email
        .paragraphs
        .push(lang.t_args(&format!("{key}-text"), &args));
    email
}

fn event_action(ctx: &MailContext, event: &Event, lang: Lang) -> Option<Action> {
    Some(Action {
        label: lang.t("mail-event-action"),
        url: ctx.event_url(event, lang),
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
        &ctx.calendar_organizer(),
    ))
}

/// "You have a place", with the event as .ics.
pub fn confirmed(ctx: &MailContext, event: &Event, rsvp: &Rsvp) -> Email {
    let mut email = to_attendee(ctx, event, rsvp, "mail-confirmed", &[]);
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
    let lang = rsvp.lang();
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
