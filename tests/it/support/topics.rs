//! Topics for tests, proposed through the board's own `propose` as an attendee would.

use grillplatz::clock::now;
use grillplatz::i18n::Lang;
use grillplatz::topics::model::TopicInput;
use grillplatz::topics::queries::{self as board, Proposer};

use super::TestApp;

/// A topic an attendee proposes.
#[derive(Debug, Clone)]
pub struct TopicSpec {
    title: String,
    description: String,
    lang: Lang,
    proposer_name: String,
}

impl TopicSpec {
    /// A German topic without a description, signed "Someone".
    pub fn new(title: &str) -> TopicSpec {
        TopicSpec {
            title: title.into(),
            description: String::new(),
            lang: Lang::De,
            proposer_name: "Someone".into(),
        }
    }

    pub fn description(mut self, description: &str) -> TopicSpec {
        self.description = description.into();
        self
    }

    /// The name shown with the topic (the board keeps only the first name).
    pub fn signed(mut self, name: &str) -> TopicSpec {
        self.proposer_name = name.into();
        self
    }
}

impl TestApp {
    /// The attendee with RSVP `rsvp_id` proposes the topic; returns its id.
    pub fn topic(&self, event_id: i64, rsvp_id: i64, spec: TopicSpec) -> i64 {
        let input = TopicInput {
            title: spec.title,
            description: spec.description,
            lang: spec.lang,
        };
        let proposer = Proposer::Attendee {
            rsvp_id,
            name: spec.proposer_name,
        };
        board::propose(&mut self.conn(), event_id, &proposer, &input, now()).expect("propose")
    }
}
