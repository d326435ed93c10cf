//! Counts of published items per statutory category.

pub use gongkai_domain::catalog::Category;

/// How many items of a category an agency has published.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CategoryCount {
    /// The category.
    pub category: Category,
    /// The number of items.
    pub count: u64,
}
