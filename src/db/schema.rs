//! The one hand-kept diesel schema, portable across SQLite and PostgreSQL.

diesel::table! {
    organizers (id) {
        id -> BigInt,
        email -> Text,
        name -> Text,
        password_hash -> Text,
        lang -> Text,
        created_at -> Timestamp,
        deactivated_at -> Nullable<Timestamp>,
    }
}

diesel::table! {
    organizer_sessions (id) {
        id -> BigInt,
        token_hash -> Text,
        organizer_id -> BigInt,
        created_at -> Timestamp,
        last_seen_at -> Timestamp,
    }
}

diesel::table! {
    categories (id) {
        id -> BigInt,
        slug_de -> Text,
        name_de -> Text,
        name_en -> Text,
        slug_en -> Text,
    }
}

diesel::table! {
    tags (id) {
        id -> BigInt,
        slug -> Text,
        name -> Text,
    }
}

diesel::table! {
    posts (id) {
        id -> BigInt,
        guid -> Text,
        lang -> Text,
        slug -> Text,
        title -> Text,
        excerpt -> Text,
        body_md -> Text,
        body_html -> Text,
        status -> Text,
        published_at -> Nullable<Timestamp>,
        translation_key -> Nullable<Text>,
        author_id -> BigInt,
        created_at -> Timestamp,
        updated_at -> Timestamp,
        by_team -> Bool,
    }
}

diesel::table! {
    post_categories (post_id, category_id) {
        post_id -> BigInt,
        category_id -> BigInt,
    }
}

diesel::table! {
    post_tags (post_id, tag_id) {
        post_id -> BigInt,
        tag_id -> BigInt,
    }
}

diesel::table! {
    comments (id) {
        id -> BigInt,
        post_id -> BigInt,
        author_name -> Text,
        author_email -> Text,
        body -> Text,
        status -> Text,
        created_at -> Timestamp,
    }
}

diesel::table! {
    rate_counters (bucket, subject) {
        bucket -> Text,
        subject -> Text,
        window_start -> Timestamp,
        hits -> Integer,
    }
}

diesel::table! {
    events (id) {
        id -> BigInt,
        uid -> Text,
        slug -> Text,
        format -> Text,
        title_de -> Text,
        title_en -> Text,
        description_de -> Text,
        description_en -> Text,
        starts_at -> Timestamp,
        ends_at -> Timestamp,
        timezone -> Text,
        venue_name -> Text,
        venue_address -> Text,
        capacity -> Integer,
        max_guests -> Integer,
        registration_opens_at -> Nullable<Timestamp>,
        registration_closes_at -> Nullable<Timestamp>,
        status -> Text,
        sequence -> Integer,
        recap_post_id -> Nullable<BigInt>,
        created_at -> Timestamp,
        updated_at -> Timestamp,
        description_html_de -> Text,
        description_html_en -> Text,
        waitlist_on_board -> Bool,
        series_id -> Nullable<BigInt>,
        edition -> Nullable<Integer>,
    }
}

diesel::table! {
    series (id) {
        id -> BigInt,
        slug -> Text,
        name_de -> Text,
        name_en -> Text,
        numbering -> Text,
        created_at -> Timestamp,
        updated_at -> Timestamp,
    }
}

diesel::table! {
    agenda_items (id) {
        id -> BigInt,
        event_id -> BigInt,
        starts_at -> Timestamp,
        title_de -> Text,
        title_en -> Text,
    }
}

diesel::table! {
    event_posts (event_id, post_id) {
        event_id -> BigInt,
        post_id -> BigInt,
    }
}

diesel::table! {
    rsvps (id) {
        id -> BigInt,
        event_id -> BigInt,
        name -> Text,
        email -> Text,
        lang -> Text,
        guests -> Integer,
        diet -> Text,
        notes -> Text,
        status -> Text,
        manage_token_hash -> Text,
        consent_at -> Timestamp,
        created_at -> Timestamp,
        confirmed_at -> Nullable<Timestamp>,
        waitlisted_at -> Nullable<Timestamp>,
        cancelled_at -> Nullable<Timestamp>,
        checked_in_at -> Nullable<Timestamp>,
    }
}

diesel::table! {
    rsvp_links (token_hash) {
        token_hash -> Text,
        rsvp_id -> BigInt,
        expires_at -> Timestamp,
    }
}

diesel::table! {
    outbox (id) {
        id -> BigInt,
        dedupe_key -> Text,
        recipient -> Text,
        subject -> Text,
        body_text -> Text,
        body_html -> Text,
        ics -> Nullable<Text>,
        status -> Text,
        attempts -> Integer,
        last_error -> Nullable<Text>,
        next_attempt_at -> Timestamp,
        claim_token -> Nullable<Text>,
        locked_until -> Nullable<Timestamp>,
        sent_at -> Nullable<Timestamp>,
        created_at -> Timestamp,
        campaign_id -> Nullable<BigInt>,
        unsubscribe_url -> Nullable<Text>,
    }
}

diesel::table! {
    contacts (id) {
        id -> BigInt,
        email -> Text,
        name -> Text,
        lang -> Text,
        organization -> Text,
        invitations -> Bool,
        announcements -> Bool,
        status -> Text,
        source -> Text,
        consent_at -> Nullable<Timestamp>,
        consent_source -> Nullable<Text>,
        consent_text -> Nullable<Text>,
        confirm_token_hash -> Nullable<Text>,
        confirm_expires_at -> Nullable<Timestamp>,
        confirm_prefs -> Nullable<Text>,
        unsubscribed_at -> Nullable<Timestamp>,
        bounced_at -> Nullable<Timestamp>,
        created_at -> Timestamp,
        updated_at -> Timestamp,
    }
}

diesel::table! {
    contact_tags (contact_id, tag) {
        contact_id -> BigInt,
        tag -> Text,
    }
}

diesel::table! {
    suppressions (email_hash) {
        email_hash -> Text,
        reason -> Text,
        created_at -> Timestamp,
    }
}

diesel::table! {
    campaigns (id) {
        id -> BigInt,
        kind -> Text,
        event_id -> Nullable<BigInt>,
        post_id -> Nullable<BigInt>,
        subject_de -> Text,
        subject_en -> Text,
        body_de -> Text,
        body_en -> Text,
        tags -> Text,
        langs -> Text,
        status -> Text,
        send_at -> Nullable<Timestamp>,
        queued_at -> Nullable<Timestamp>,
        recipients -> Integer,
        created_by -> Nullable<BigInt>,
        created_at -> Timestamp,
        updated_at -> Timestamp,
    }
}

diesel::table! {
    contact_imports (id) {
        id -> BigInt,
        organizer_id -> Nullable<BigInt>,
        filename -> Text,
        content -> Text,
        created_at -> Timestamp,
    }
}

diesel::table! {
    topic_boards (event_id) {
        event_id -> BigInt,
        dots_per_attendee -> Integer,
        proposals_per_person -> Integer,
        max_topics -> Integer,
        version -> BigInt,
    }
}

diesel::table! {
    rooms (id) {
        id -> BigInt,
        event_id -> BigInt,
        name -> Text,
        capacity -> Integer,
    }
}

diesel::table! {
    time_slots (id) {
        id -> BigInt,
        event_id -> BigInt,
        starts_at -> Timestamp,
        ends_at -> Timestamp,
    }
}

diesel::table! {
    topics (id) {
        id -> BigInt,
        event_id -> BigInt,
        rsvp_id -> Nullable<BigInt>,
        organizer_id -> Nullable<BigInt>,
        proposer_name -> Text,
        title -> Text,
        description -> Text,
        lang -> Text,
        status -> Text,
        merged_into_id -> Nullable<BigInt>,
        slot_id -> Nullable<BigInt>,
        room_id -> Nullable<BigInt>,
        placement_version -> Integer,
        created_at -> Timestamp,
        updated_at -> Timestamp,
    }
}

diesel::table! {
    topic_votes (topic_id, rsvp_id) {
        topic_id -> BigInt,
        rsvp_id -> BigInt,
        created_at -> Timestamp,
    }
}

diesel::table! {
    topic_notes (id) {
        id -> BigInt,
        topic_id -> BigInt,
        body -> Text,
        author_name -> Text,
        rsvp_id -> Nullable<BigInt>,
        organizer_id -> Nullable<BigInt>,
        created_at -> Timestamp,
        body_html -> Text,
    }
}

diesel::table! {
    pages (id) {
        id -> BigInt,
        lang -> Text,
        slug -> Text,
        title -> Text,
        body_md -> Text,
        body_html -> Text,
        status -> Text,
        nav -> Text,
        position -> Integer,
        translation_key -> Nullable<Text>,
        role -> Nullable<Text>,
        created_at -> Timestamp,
        updated_at -> Timestamp,
    }
}

diesel::joinable!(posts -> organizers (author_id));
diesel::joinable!(organizer_sessions -> organizers (organizer_id));
diesel::joinable!(rsvp_links -> rsvps (rsvp_id));
diesel::joinable!(post_categories -> posts (post_id));
diesel::joinable!(post_categories -> categories (category_id));
diesel::joinable!(post_tags -> posts (post_id));
diesel::joinable!(post_tags -> tags (tag_id));
diesel::joinable!(comments -> posts (post_id));
diesel::joinable!(agenda_items -> events (event_id));
diesel::joinable!(event_posts -> events (event_id));
diesel::joinable!(event_posts -> posts (post_id));
diesel::joinable!(rsvps -> events (event_id));
diesel::joinable!(topic_boards -> events (event_id));
diesel::joinable!(rooms -> events (event_id));
diesel::joinable!(time_slots -> events (event_id));
diesel::joinable!(topics -> events (event_id));
diesel::joinable!(topics -> rsvps (rsvp_id));
diesel::joinable!(topics -> time_slots (slot_id));
diesel::joinable!(topics -> rooms (room_id));
diesel::joinable!(topic_votes -> topics (topic_id));
diesel::joinable!(topic_votes -> rsvps (rsvp_id));
diesel::joinable!(topic_notes -> topics (topic_id));
diesel::joinable!(contact_tags -> contacts (contact_id));
diesel::joinable!(campaigns -> events (event_id));
diesel::joinable!(campaigns -> posts (post_id));
diesel::joinable!(outbox -> campaigns (campaign_id));
diesel::joinable!(events -> series (series_id));

diesel::allow_tables_to_appear_in_same_query!(
    organizers,
    organizer_sessions,
    categories,
    tags,
    posts,
    post_categories,
    post_tags,
    comments,
    rate_counters,
    events,
    agenda_items,
    event_posts,
    rsvps,
    rsvp_links,
    outbox,
    topic_boards,
    rooms,
    time_slots,
    topics,
    topic_votes,
    topic_notes,
    contacts,
    contact_tags,
    suppressions,
    campaigns,
    contact_imports,
    series,
    pages,
);
