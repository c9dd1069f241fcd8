//! The one hand-kept diesel schema, portable across SQLite and PostgreSQL.

diesel::table! {
    organizers (id) {
        id -> BigInt,
        email -> Text,
        name -> Text,
        password_hash -> Text,
        lang -> Text,
        created_at -> Timestamp,
    }
}

diesel::table! {
    categories (id) {
        id -> BigInt,
        slug -> Text,
        name_de -> Text,
        name_en -> Text,
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
    rate_events (id) {
        id -> BigInt,
        bucket -> Text,
        subject -> Text,
        created_at -> Timestamp,
    }
}

diesel::joinable!(posts -> organizers (author_id));
diesel::joinable!(post_categories -> posts (post_id));
diesel::joinable!(post_categories -> categories (category_id));
diesel::joinable!(post_tags -> posts (post_id));
diesel::joinable!(post_tags -> tags (tag_id));
diesel::joinable!(comments -> posts (post_id));

diesel::allow_tables_to_appear_in_same_query!(
    organizers,
    categories,
    tags,
    posts,
    post_categories,
    post_tags,
    comments,
    rate_events,
);
