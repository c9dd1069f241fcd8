//! Diesel rows of contacts and campaigns and the states stored in them.

use chrono::NaiveDateTime;
use diesel::prelude::*;

use crate::db::schema::{campaigns, contacts};
use crate::i18n::Lang;
use crate::organizers::OrganizerRow;

#[derive(Debug, Clone, Queryable, Selectable, Identifiable)]
#[diesel(table_name = contacts)]
pub struct Contact {
    pub id: i64,
    pub email: String,
    pub name: String,
    pub lang: Lang,
    pub organization: String,
    pub invitations: bool,
    pub announcements: bool,
    pub status: ContactStatus,
    pub source: ContactSource,
    pub consent_at: Option<NaiveDateTime>,
    pub consent_source: Option<String>,
    pub consent_text: Option<String>,
    pub confirm_token_hash: Option<String>,
    pub confirm_expires_at: Option<NaiveDateTime>,
    pub confirm_prefs: Option<String>,
    pub unsubscribed_at: Option<NaiveDateTime>,
    pub bounced_at: Option<NaiveDateTime>,
    pub created_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
}

impl Contact {
    /// An organizer in a contact's place, for previews and test mails. Its id is the
    /// organizer's negated, so the links of a test mail name the organizer: they open the
    /// same pages as a contact's, filled in for the organizer, and change nothing.
    pub fn stand_in(organizer: &OrganizerRow, lang: Lang, now: NaiveDateTime) -> Contact {
        Contact {
            id: -organizer.id,
            email: organizer.email.clone(),
            name: organizer.name.clone(),
            lang,
            organization: String::new(),
            invitations: true,
            announcements: true,
            status: ContactStatus::Active,
            source: ContactSource::Admin,
            consent_at: None,
            consent_source: None,
            consent_text: None,
            confirm_token_hash: None,
            confirm_expires_at: None,
            confirm_prefs: None,
            unsubscribed_at: None,
            bounced_at: None,
            created_at: now,
            updated_at: now,
        }
    }
}

/// The organizer a stand-in's id (from a test mail's link) names, if it is one.
pub fn stand_in_organizer(contact_id: i64) -> Option<i64> {
    (contact_id < 0).then(|| -contact_id)
}

crate::db::text_enum! {
    /// Where a contact stands.
    pub enum ContactStatus: "contact-state-" {
        /// Signed up for the newsletter, has not confirmed yet.
        Pending = "pending",
        Active = "active",
        Unsubscribed = "unsubscribed",
        /// A permanent delivery failure: nothing is sent any more.
        Bouncing = "bouncing",
    }
}

crate::db::text_enum! {
    /// How a contact came onto the list.
    pub enum ContactSource: "contact-source-" {
        Admin = "admin",
        Import = "import",
        Newsletter = "newsletter",
    }
}

#[derive(Debug, Clone, Queryable, Selectable, Identifiable)]
#[diesel(table_name = campaigns)]
pub struct Campaign {
    pub id: i64,
    pub kind: CampaignKind,
    pub event_id: Option<i64>,
    pub post_id: Option<i64>,
    pub subject_de: String,
    pub subject_en: String,
    pub body_de: String,
    pub body_en: String,
    pub tags: String,
    pub langs: String,
    pub status: CampaignStatus,
    pub send_at: Option<NaiveDateTime>,
    pub queued_at: Option<NaiveDateTime>,
    pub recipients: i32,
    pub created_by: Option<i64>,
    pub created_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
}

impl Campaign {
    pub fn subject(&self, lang: Lang) -> &str {
        match lang {
            Lang::De => &self.subject_de,
            Lang::En => &self.subject_en,
        }
    }

    pub fn body(&self, lang: Lang) -> &str {
        match lang {
            Lang::De => &self.body_de,
            Lang::En => &self.body_en,
        }
    }

    pub fn tag_list(&self) -> Vec<String> {
        split_list(&self.tags)
    }

    pub fn lang_list(&self) -> Vec<Lang> {
        split_list(&self.langs)
            .iter()
            .filter_map(|l| l.parse().ok())
            .collect()
    }
}

/// "a, b,,c" → ["a", "b", "c"]
pub fn split_list(raw: &str) -> Vec<String> {
    raw.split(',')
        .map(|t| t.trim().to_string())
        .filter(|t| !t.is_empty())
        .collect()
}

crate::db::text_enum! {
    /// Where a campaign stands.
    pub enum CampaignStatus: "campaign-state-" {
        Draft = "draft",
        /// Waits for its time (an announcement waits for its post).
        Scheduled = "scheduled",
        /// Its mails are in the outbox.
        Queued = "queued",
        Cancelled = "cancelled",
    }
}

crate::db::text_enum! {
    /// What a campaign sends.
    pub enum CampaignKind: "campaign-kind-" {
        Invitation = "invitation",
        Announcement = "announcement",
    }
}
