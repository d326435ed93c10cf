//! What every handler shares.

use std::sync::Arc;

use gongkai_notices::NoticeTemplates;
use gongkai_pdf::PdfConverter;
use gongkai_search::SearchIndex;
use gongkai_store::Store;

/// The application state: the store and the full-text index of its
/// published items.
#[derive(Debug, Clone)]
pub struct AppState {
    /// The database (the source of truth).
    pub store: Store,
    /// The search index; staff-side code updates it when items are
    /// published or withdrawn.
    pub search: Arc<SearchIndex>,
    /// The templates of the official notices: the built-in ones, or a folder
    /// an administrator maintains (`GONGKAI_NOTICE_TEMPLATES`).
    pub notices: Arc<NoticeTemplates>,
    /// DOCX → PDF conversion with LibreOffice (annual-report PDFs), with its
    /// cache; offers no PDFs when LibreOffice is not installed.
    pub pdf: Arc<PdfConverter>,
    /// The reminder digest's settings (site address for links, SMTP, time).
    pub reminders: Arc<crate::ReminderSettings>,
}

impl AppState {
    /// State over `store` and its search index, with the built-in notice templates.
    pub fn new(store: Store, search: Arc<SearchIndex>) -> AppState {
        AppState {
            store,
            search,
            notices: Arc::new(NoticeTemplates::builtin()),
            pdf: Arc::new(PdfConverter::detect()),
            reminders: Arc::new(crate::ReminderSettings::default()),
        }
    }

    /// Uses `converter` for report PDFs (tests use one without LibreOffice).
    #[must_use]
    pub fn with_pdf_converter(mut self, converter: PdfConverter) -> AppState {
        self.pdf = Arc::new(converter);
        self
    }

    /// Uses `settings` for the reminder digest.
    #[must_use]
    pub fn with_reminders(mut self, settings: crate::ReminderSettings) -> AppState {
        self.reminders = Arc::new(settings);
        self
    }

    /// Uses `templates` for the official notices.
    #[must_use]
    pub fn with_notice_templates(mut self, templates: NoticeTemplates) -> AppState {
        self.notices = Arc::new(templates);
        self
    }
}
