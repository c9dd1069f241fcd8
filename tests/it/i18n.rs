//! Every string the UI asks for exists in German and English, and nothing more.

use std::collections::BTreeSet;
use std::path::Path;

use grillplatz::blog::model::{CommentStatus, PostState};
use grillplatz::contacts::model::{CampaignKind, CampaignStatus, ContactSource, ContactStatus};
use grillplatz::events::model::{Diet, EventFormat, EventStatus, RsvpStatus};
use grillplatz::i18n::Lang;
use grillplatz::mail::OutboxStatus;
use grillplatz::pages::model::{NavPlace, PageStatus};
use grillplatz::topics::model::TopicStatus;

fn keys_in_ftl(lang: &str) -> BTreeSet<String> {
    let mut keys = BTreeSet::new();
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("locales")
        .join(lang);
    for entry in std::fs::read_dir(&dir).expect("locale dir") {
        let text = std::fs::read_to_string(entry.expect("entry").path()).expect("ftl");
        for line in text.lines() {
            if let Some((key, _)) = line.split_once(" =")
                && !key.starts_with([' ', '#', '*', '['])
                && !key.is_empty()
            {
                keys.insert(key.trim().to_string());
            }
        }
    }
    keys
}

/// Keys named in templates and code as string literals.
fn keys_used() -> BTreeSet<String> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = Vec::new();
    collect(&root.join("templates"), &mut files);
    collect(&root.join("src"), &mut files);
    let patterns = [
        ".t(\"",
        ".tn(\"",
        ".ta(\"",
        ".t_args(\"",
        "FlashKind::Success, \"",
        "FlashKind::Error, \"",
    ];
    let mut used = BTreeSet::new();
    for file in files {
        let text = std::fs::read_to_string(&file).expect("source");
        for pattern in patterns {
            for (at, _) in text.match_indices(pattern) {
                let rest = &text[at + pattern.len()..];
                if let Some(end) = rest.find('"') {
                    used.insert(rest[..end].to_string());
                }
            }
        }
        // Validation messages: errors.add("field", "key").
        for (at, _) in text.match_indices(".add(\"") {
            let rest = &text[at..];
            if let Some(second) = rest.split('"').nth(3).filter(|k| k.contains('-')) {
                used.insert(second.to_string());
            }
        }
        for word in text.split(|c: char| !(c.is_ascii_alphanumeric() || c == '-')) {
            if word.starts_with("error-")
                && word.len() > 6
                && (word.ends_with("-title") || word.ends_with("-text"))
            {
                used.insert(word.to_string());
            }
        }
    }
    used
}

fn collect(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    for entry in std::fs::read_dir(dir).expect("dir").flatten() {
        let path = entry.path();
        if path.is_dir() {
            collect(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs" || e == "html") {
            out.push(path);
        }
    }
}

#[test]
fn both_languages_have_the_same_keys() {
    let de = keys_in_ftl("de");
    let en = keys_in_ftl("en");
    let only_de: Vec<_> = de.difference(&en).collect();
    let only_en: Vec<_> = en.difference(&de).collect();
    assert!(
        only_de.is_empty() && only_en.is_empty(),
        "only in de: {only_de:?}; only in en: {only_en:?}"
    );
    assert!(de.len() > 100, "locale files were read ({} keys)", de.len());
}

#[test]
fn every_key_the_ui_uses_exists_in_both_languages() {
    let mut used = keys_used();
    // Labels of the states stored in rows, from the enums themselves.
    let labels = [
        PostState::ALL
            .iter()
            .map(|s| s.label_key())
            .collect::<Vec<_>>(),
        CommentStatus::ALL.iter().map(|s| s.label_key()).collect(),
        EventStatus::ALL.iter().map(|s| s.label_key()).collect(),
        EventFormat::ALL.iter().map(|s| s.label_key()).collect(),
        RsvpStatus::ALL.iter().map(|s| s.label_key()).collect(),
        Diet::ALL.iter().map(|s| s.label_key()).collect(),
        TopicStatus::ALL.iter().map(|s| s.label_key()).collect(),
        ContactStatus::ALL.iter().map(|s| s.label_key()).collect(),
        ContactSource::ALL.iter().map(|s| s.label_key()).collect(),
        CampaignKind::ALL.iter().map(|s| s.label_key()).collect(),
        CampaignStatus::ALL.iter().map(|s| s.label_key()).collect(),
        OutboxStatus::ALL.iter().map(|s| s.label_key()).collect(),
        PageStatus::ALL.iter().map(|s| s.label_key()).collect(),
        NavPlace::ALL.iter().map(|s| s.label_key()).collect(),
    ];
    used.extend(labels.iter().flatten().map(|k| k.to_string()));
    // Keys built at run time from a fixed set of names.
    for state in CommentStatus::ALL {
        used.insert(format!("comment-action-{state}"));
    }
    used.remove("comment-action-pending");
    used.insert("comment-action-delete".into());
    for mail in [
        "confirm",
        "confirmed",
        "waitlisted",
        "promoted",
        "cancelled",
        "again",
        "event-cancelled",
        "reminder",
        "topic-scheduled",
        "topic-moved",
    ] {
        used.insert(format!("mail-{mail}-subject"));
        used.insert(format!("mail-{mail}-text"));
    }
    for lang in ["de", "en"] {
        used.insert(format!("admin-recap-{lang}"));
        used.insert(format!("campaign-text-{lang}"));
        used.insert(format!("campaign-preview-{lang}"));
    }
    for key in ["mail-campaign-rsvp", "mail-campaign-read"] {
        used.insert(key.to_string());
    }
    for month in 1..=12 {
        used.insert(format!("month-{month}"));
    }
    let missing: Vec<String> = used
        .iter()
        .flat_map(|key| {
            Lang::ALL
                .into_iter()
                .filter(|l| l.sample(key).is_none())
                .map(move |l| format!("{l}:{key}"))
        })
        .collect();
    assert!(missing.is_empty(), "keys used but not defined: {missing:?}");
    assert!(used.len() > 100, "found {} keys in use", used.len());
}

#[test]
fn german_and_english_really_differ() {
    let de = keys_in_ftl("de");
    let same: Vec<_> = de
        .iter()
        .filter(|k| Lang::De.sample(k) == Lang::En.sample(k))
        .filter(|k| {
            ![
                "nav-blog",
                "blog-title",
                "comment-name",
                "comment-state-spam",
                "comment-action-spam",
                "admin-state",
                "event-format",
                "event-format-code-retreat",
                "event-format-open-space",
                "rsvp-diet-vegan",
                "attendee-diet-vegan",
                "rsvp-name",
                "month-4",
                "month-8",
                "month-9",
                "month-11",
                "live-title",
                "newsletter-name",
                "campaign-test-tag",
                "live-connected",
            ]
            .contains(&k.as_str())
        })
        .cloned()
        .collect();
    assert!(same.is_empty(), "untranslated: {same:?}");
}
