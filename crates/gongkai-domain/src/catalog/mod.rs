//! The proactive-disclosure catalog (法定主动公开内容): the statutory
//! categories of Art. 20/21 and what an item is made of. Shared by the store
//! (which keeps items) and the importer (which reads existing catalogs).

mod category;
mod item;

pub use category::Category;
pub use item::{DisclosureMode, ItemStatus, NewCatalogItem, Validity};
