//! Emails to contacts: the newsletter confirmation and campaign mail (invitations and
//! announcements), each with its personal unsubscribe link.

use super::model::{Campaign, Contact};
use crate::blog::model::Post;
use crate::events::model::Event;
use crate::i18n::{FluentArg, Lang, format};
use crate::mail::links::MailContext;
use crate::mail::{Action, Email};

fn greeting(lang: Lang, name: &str) -> String {
    if name.trim().is_empty() {
        lang.t("mail-greeting-plain")
    } else {
        lang.t_args("mail-greeting", &[("name", FluentArg::from(name))])
    }
}

/// "Please confirm your sign-up".
pub fn newsletter_confirm(ctx: &MailContext, contact: &Contact, lang: Lang, token: &str) -> Email {
    Email {
        lang,
        to: contact.email.clone(),
        subject: lang.t_args(
            "mail-newsletter-confirm-subject",
            &[("site", FluentArg::from(ctx.site_name.as_str()))],
        ),
        greeting: greeting(lang, &contact.name),
        paragraphs: vec![
            lang.t_args(
                "mail-newsletter-confirm-text",
                &[("site", FluentArg::from(ctx.site_name.as_str()))],
            ),
            lang.t("mail-newsletter-confirm-expiry"),
        ],
        action: Some(Action {
            label: lang.t("mail-newsletter-confirm-action"),
            url: format!("{}/{lang}/newsletter/confirm/{token}", ctx.base_url),
        }),
        footer: vec![lang.t("mail-newsletter-confirm-ignore")],
        ics: None,
        site_name: ctx.site_name.clone(),
        markdown: None,
        unsubscribe_url: None,
    }
}

/// What a campaign is about, for its placeholders and its button.
pub enum Subject<'a> {
    Event(&'a Event),
    Post(&'a Post),
}

/// The personal RSVP link of an invitation: the event page with the form filled in.
pub fn invite_url(ctx: &MailContext, event: &Event, lang: Lang, contact_id: i64) -> String {
    format!(
        "{}{}?invite={}#rsvp",
        ctx.base_url,
        event.path(lang),
        ctx.contact_token("invite", contact_id)
    )
}

/// Placeholders organizers may use in subject and text.
pub const PLACEHOLDERS: [&str; 6] = [
    "{name}",
    "{date}",
    "{place}",
    "{rsvp_link}",
    "{title}",
    "{link}",
];

fn fill(template: &str, values: &[(&str, String)]) -> String {
    values
        .iter()
        .fold(template.to_string(), |text, (key, value)| {
            text.replace(key, value)
        })
}

/// One recipient's campaign mail, in their language.
pub fn campaign(
    ctx: &MailContext,
    campaign: &Campaign,
    about: &Subject,
    contact: &Contact,
    lang: Lang,
) -> Email {
    let (link, action_key, date, place, title) = match about {
        Subject::Event(event) => (
            invite_url(ctx, event, lang, contact.id),
            "mail-campaign-rsvp",
            // "am {date}" / "on {date}" reads naturally: "am 25. Juni 2027 um 14:00 Uhr".
            lang.t_args(
                "campaign-date",
                &[
                    (
                        "day",
                        FluentArg::from(format::date(lang, event.starts_at, event.tz())),
                    ),
                    (
                        "time",
                        FluentArg::from(format::time(lang, event.starts_at, event.tz())),
                    ),
                ],
            ),
            format!("{}, {}", event.venue_name, event.venue_address),
            event.title(lang).to_string(),
        ),
        Subject::Post(post) => (
            format!("{}{}", ctx.base_url, post.path()),
            "mail-campaign-read",
            String::new(),
            String::new(),
            post.title.clone(),
        ),
    };
    let plain = |name: &str| -> Vec<(&str, String)> {
        vec![
            ("{name}", name.to_string()),
            ("{date}", date.clone()),
            ("{place}", place.clone()),
            ("{rsvp_link}", link.clone()),
            ("{title}", title.clone()),
            ("{link}", link.clone()),
        ]
    };
    let unsubscribe = ctx.unsubscribe_url(lang, contact.id);
    Email {
        lang,
        to: contact.email.clone(),
        subject: fill(campaign.subject(lang), &plain(&contact.name)),
        greeting: greeting(lang, &contact.name),
        paragraphs: Vec::new(),
        action: Some(Action {
            label: lang.t(action_key),
            url: link.clone(),
        }),
        footer: vec![
            lang.t_args(
                "mail-campaign-why",
                &[("site", FluentArg::from(ctx.site_name.as_str()))],
            ),
            lang.t("mail-campaign-unsubscribe"),
            unsubscribe.clone(),
        ],
        ics: None,
        site_name: ctx.site_name.clone(),
        // Values go in as they are: the text part must read naturally, and the HTML part
        // is sanitized after rendering anyway.
        markdown: Some(fill(campaign.body(lang), &plain(&contact.name))),
        unsubscribe_url: Some(unsubscribe),
    }
}

#[cfg(test)]
mod tests {
    use super::fill;

    #[test]
    fn every_placeholder_is_filled() {
        assert_eq!(
            fill("Hallo {name}, {name}!", &[("{name}", "Ann".into())]),
            "Hallo Ann, Ann!"
        );
    }
}
