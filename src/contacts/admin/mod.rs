//! The organizer side of contacts: the list, CSV import and export, and campaigns.

mod campaigns;
mod contacts;
mod import;

use actix_web::web;

/// Mounted under `/admin` by the admin shell; the import's fixed paths come before
/// `/contacts/{id}`.
pub fn admin_routes(cfg: &mut web::ServiceConfig) {
    import::routes(cfg);
    contacts::routes(cfg);
    campaigns::routes(cfg);
}
