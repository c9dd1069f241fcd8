//! Privacy requests: everything stored about one address, exported or erased. It spans
//! contacts, RSVPs, topics and comments, so it has a home of its own above them.

pub mod admin;
pub mod queries;
