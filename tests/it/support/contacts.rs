//! Contacts for tests, made as organizers and the newsletter form make them: `save`,
//! `sign_up` with `confirm_sign_up`, and `unsubscribe`.

use grillplatz::clock::now;
use grillplatz::contacts::queries::{self, ContactInput, SignUp, SignUpConfirmation};
use grillplatz::i18n::Lang;
use grillplatz::tokens::{random_token, token_hash};

use super::TestApp;

/// Where a test's contact should stand.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Origin {
    /// Typed in by an organizer.
    Organizer,
    /// Signed up for the newsletter and confirmed: the consent is stored.
    Newsletter { source: String, text: String },
    /// Signed up for the newsletter, the link not followed yet.
    PendingSignUp,
}

/// A contact to create in a test.
#[derive(Debug, Clone)]
pub struct ContactSpec {
    email: String,
    name: String,
    lang: Lang,
    organization: String,
    tags: Vec<String>,
    invitations: bool,
    announcements: bool,
    origin: Origin,
    unsubscribed: bool,
}

impl ContactSpec {
    /// An active contact an organizer added, named after the address ("ben" for
    /// ben@example.org), German, wanting invitations and announcements.
    pub fn new(email: &str) -> ContactSpec {
        ContactSpec {
            email: email.into(),
            name: email.split('@').next().unwrap_or_default().into(),
            lang: Lang::De,
            organization: String::new(),
            tags: Vec::new(),
            invitations: true,
            announcements: true,
            origin: Origin::Organizer,
            unsubscribed: false,
        }
    }

    pub fn name(mut self, name: &str) -> ContactSpec {
        self.name = name.into();
        self
    }

    pub fn lang(mut self, lang: Lang) -> ContactSpec {
        self.lang = lang;
        self
    }

    pub fn organization(mut self, organization: &str) -> ContactSpec {
        self.organization = organization.into();
        self
    }

    /// Tags as an organizer types them: "Kunde, halle".
    pub fn tags(mut self, typed: &str) -> ContactSpec {
        self.tags = queries::normalize_tags(typed);
        self
    }

    pub fn invitations(mut self, wanted: bool) -> ContactSpec {
        self.invitations = wanted;
        self
    }

    pub fn announcements(mut self, wanted: bool) -> ContactSpec {
        self.announcements = wanted;
        self
    }

    /// Came through the newsletter form at `source` and confirmed having read `text`.
    pub fn consented(mut self, source: &str, text: &str) -> ContactSpec {
        self.origin = Origin::Newsletter {
            source: source.into(),
            text: text.into(),
        };
        self
    }

    /// Signed up for the newsletter but never confirmed.
    pub fn pending(mut self) -> ContactSpec {
        self.origin = Origin::PendingSignUp;
        self
    }

    /// Unsubscribed (which also puts the address on the suppression list).
    pub fn unsubscribed(mut self) -> ContactSpec {
        self.unsubscribed = true;
        self
    }
}

impl TestApp {
    /// Creates the contact; returns its id.
    pub fn contact(&self, spec: ContactSpec) -> i64 {
        let mut conn = self.conn();
        let input = ContactInput {
            email: spec.email.clone(),
            name: spec.name.clone(),
            lang: spec.lang,
            organization: spec.organization.clone(),
            tags: spec.tags.clone(),
            invitations: spec.invitations,
            announcements: spec.announcements,
        };
        let id = match &spec.origin {
            Origin::Organizer => queries::save(&mut conn, None, &input, "admin", now())
                .expect("save contact")
                .expect("a new address"),
            Origin::Newsletter { .. } | Origin::PendingSignUp => {
                let (source, text) = match &spec.origin {
                    Origin::Newsletter { source, text } => (source.clone(), text.clone()),
                    _ => (
                        "newsletter form".to_string(),
                        "Ja, schickt mir Post.".to_string(),
                    ),
                };
                let hash = token_hash(&random_token());
                let sign_up = SignUp {
                    email: spec.email.clone(),
                    name: spec.name.clone(),
                    lang: spec.lang,
                    invitations: spec.invitations,
                    announcements: spec.announcements,
                    source,
                    consent_text: text,
                };
                let id = queries::sign_up(&mut conn, &sign_up, &hash, now()).expect("sign up");
                if spec.origin != Origin::PendingSignUp {
                    let confirmed =
                        queries::confirm_sign_up(&mut conn, &hash, now()).expect("confirm");
                    assert!(matches!(confirmed, SignUpConfirmation::Confirmed(_)));
                }
                // What the form does not ask (organization, tags) an organizer adds later;
                // saving an existing contact keeps its status.
                queries::save(&mut conn, Some(id), &input, "admin", now())
                    .expect("save contact")
                    .expect("its own address")
            }
        };
        if spec.unsubscribed {
            queries::unsubscribe(&mut conn, id, now())
                .expect("unsubscribe")
                .expect("the contact");
        }
        id
    }
}
