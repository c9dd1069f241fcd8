//! Diesel rows of contacts and campaigns and the states stored in them.

use chrono::NaiveDateTime;
use diesel::prelude::*;

use crate::db::schema::{campaigns, contacts};
use crate::i18n::Lang;

#[derive(Debug, Clone, Queryable, Selectable, Identifiable)]
#[diesel(table_name = contacts)]
pub struct Contact {
    pub id: i64,
    pub email: String,
    pub name: String,
    pub lang: String,
    pub organization: String,
    pub invitations: bool,
    pub announcements: bool,
    pub status: String,
    pub source: String,
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
    pub fn lang(&self) -> Lang {
        self.lang.parse().unwrap_or_default()
    }
}

/// Where a contact stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ContactStatus {
    /// Signed up for the newsletter, has not confirmed yet.
    Pending,
    Active,
    Unsubscribed,
    /// A permanent delivery failure: nothing is sent any more.
    Bouncing,
}

impl ContactStatus {
    pub const ALL: [ContactStatus; 4] = [
        ContactStatus::Pending,
        ContactStatus::Active,
        ContactStatus::Unsubscribed,
        ContactStatus::Bouncing,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            ContactStatus::Pending => "pending",
            ContactStatus::Active => "active",
            ContactStatus::Unsubscribed => "unsubscribed",
            ContactStatus::Bouncing => "bouncing",
        }
    }
}

#[derive(Debug, Clone, Queryable, Selectable, Identifiable)]
#[diesel(table_name = campaigns)]
pub struct Campaign {
    pub id: i64,
    pub kind: String,
    pub event_id: Option<i64>,
    pub post_id: Option<i64>,
    pub subject_de: String,
    pub subject_en: String,
    pub body_de: String,
    pub body_en: String,
    pub tags: String,
    pub langs: String,
    pub status: String,
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

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CampaignStatus {
    Draft,
    /// Waits for its time (an announcement waits for its post).
    Scheduled,
    /// Its mails are in the outbox.
    Queued,
    Cancelled,
}

impl CampaignStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            CampaignStatus::Draft => "draft",
            CampaignStatus::Scheduled => "scheduled",
            CampaignStatus::Queued => "queued",
            CampaignStatus::Cancelled => "cancelled",
        }
    }
}
