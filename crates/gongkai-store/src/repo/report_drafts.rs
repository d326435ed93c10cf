//! Annual-report drafts: entered figures, narratives, submission and publication.
