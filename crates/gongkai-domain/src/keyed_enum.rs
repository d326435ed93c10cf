//! The one way the domain's closed vocabularies (categories, statuses) map to
//! stable storage keys and Chinese labels.

/// Defines `key()`, `from_key()` and `label()` for a fieldless enum from one table.
#[macro_export]
macro_rules! keyed_enum {
    ($(#[$meta:meta])* $vis:vis enum $name:ident { $( $(#[$vmeta:meta])* $variant:ident => $key:literal, $label:literal; )* }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        $vis enum $name { $( $(#[$vmeta])* $variant, )* }

        impl $name {
            /// Every value, in display order.
            pub const ALL: &'static [$name] = &[$($name::$variant,)*];

            /// The stable key stored in the database and used in URLs.
            pub fn key(self) -> &'static str {
                match self { $($name::$variant => $key,)* }
            }

            /// The key's inverse.
            pub fn from_key(key: &str) -> Option<$name> {
                $name::ALL.iter().copied().find(|v| v.key() == key)
            }

            /// The Chinese label shown to people.
            pub fn label(self) -> &'static str {
                match self { $($name::$variant => $label,)* }
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.label())
            }
        }
    };
}
