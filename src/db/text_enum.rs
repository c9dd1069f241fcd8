//! States stored as text columns (with a CHECK constraint) and read as Rust enums: one
//! macro gives each the text mapping, its Fluent label key and diesel's conversions for
//! SQLite, PostgreSQL and the connection over both. An unknown text in a row is an error,
//! never a silent default.

/// Declares `enum Name: "label-prefix-" { Variant = "text", … }`. A variant whose label
/// key differs from its text says so: `OpenSpace = "open_space" / "open-space"`; a state
/// without labels leaves out the prefix.
macro_rules! text_enum {
    (@label $prefix:literal, $text:literal) => { concat!($prefix, $text) };
    (@label $prefix:literal, $text:literal, $label:literal) => { concat!($prefix, $label) };
    (
        $(#[$meta:meta])*
        $vis:vis enum $name:ident : $prefix:literal {
            $($(#[$vmeta:meta])* $variant:ident = $text:literal $(/ $label:literal)?),+ $(,)?
        }
    ) => {
        $crate::db::text_enum! {
            $(#[$meta])*
            $vis enum $name {
                $($(#[$vmeta])* $variant = $text),+
            }
        }

        impl $name {
            /// The Fluent key of its label.
            pub fn label_key(self) -> &'static str {
                match self {
                    $($name::$variant => $crate::db::text_enum!(@label $prefix, $text $(, $label)?)),+
                }
            }
        }
    };
    // A state nobody reads a label of.
    (
        $(#[$meta:meta])*
        $vis:vis enum $name:ident {
            $($(#[$vmeta:meta])* $variant:ident = $text:literal),+ $(,)?
        }
    ) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, diesel::AsExpression, diesel::FromSqlRow)]
        #[diesel(sql_type = diesel::sql_types::Text)]
        $vis enum $name {
            $($(#[$vmeta])* $variant),+
        }

        impl $name {
            /// Every value, in declaration order.
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            /// The text stored in the database.
            pub fn as_str(self) -> &'static str {
                match self {
                    $($name::$variant => $text),+
                }
            }

            pub fn parse(text: &str) -> Option<$name> {
                match text {
                    $($text => Some($name::$variant),)+
                    _ => None,
                }
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.as_str())
            }
        }

        impl serde::Serialize for $name {
            fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                serializer.serialize_str(self.as_str())
            }
        }

        impl std::str::FromStr for $name {
            type Err = ();

            fn from_str(text: &str) -> Result<$name, ()> {
                $name::parse(text).ok_or(())
            }
        }

        $crate::db::text_sql!($name, as_str);
    };
}

/// diesel's text conversions for a type of our own that has `$type::$to_text(self) ->
/// &'static str` and `FromStr` (and derives `AsExpression`/`FromSqlRow` for `Text`).
macro_rules! text_sql {
    ($name:ident, $to_text:ident) => {
        impl diesel::serialize::ToSql<diesel::sql_types::Text, diesel::sqlite::Sqlite> for $name {
            fn to_sql<'b>(
                &'b self,
                out: &mut diesel::serialize::Output<'b, '_, diesel::sqlite::Sqlite>,
            ) -> diesel::serialize::Result {
                <str as diesel::serialize::ToSql<diesel::sql_types::Text, diesel::sqlite::Sqlite>>::to_sql((*self).$to_text(), out)
            }
        }

        impl diesel::serialize::ToSql<diesel::sql_types::Text, diesel::pg::Pg> for $name {
            fn to_sql<'b>(
                &'b self,
                out: &mut diesel::serialize::Output<'b, '_, diesel::pg::Pg>,
            ) -> diesel::serialize::Result {
                <str as diesel::serialize::ToSql<diesel::sql_types::Text, diesel::pg::Pg>>::to_sql((*self).$to_text(), out)
            }
        }

        impl diesel::serialize::ToSql<diesel::sql_types::Text, $crate::db::SqlBackend> for $name {
            fn to_sql<'b>(
                &'b self,
                out: &mut diesel::serialize::Output<'b, '_, $crate::db::SqlBackend>,
            ) -> diesel::serialize::Result {
                out.set_value((diesel::sql_types::Text, self));
                Ok(diesel::serialize::IsNull::No)
            }
        }

        impl diesel::deserialize::FromSql<diesel::sql_types::Text, diesel::sqlite::Sqlite> for $name {
            fn from_sql(
                value: <diesel::sqlite::Sqlite as diesel::backend::Backend>::RawValue<'_>,
            ) -> diesel::deserialize::Result<Self> {
                let text = <String as diesel::deserialize::FromSql<diesel::sql_types::Text, diesel::sqlite::Sqlite>>::from_sql(value)?;
                text.parse::<$name>().map_err(|()| format!("unknown {} {text:?}", stringify!($name)).into())
            }
        }

        impl diesel::deserialize::FromSql<diesel::sql_types::Text, diesel::pg::Pg> for $name {
            fn from_sql(
                value: <diesel::pg::Pg as diesel::backend::Backend>::RawValue<'_>,
            ) -> diesel::deserialize::Result<Self> {
                let text = <String as diesel::deserialize::FromSql<diesel::sql_types::Text, diesel::pg::Pg>>::from_sql(value)?;
                text.parse::<$name>().map_err(|()| format!("unknown {} {text:?}", stringify!($name)).into())
            }
        }

        impl diesel::deserialize::FromSql<diesel::sql_types::Text, $crate::db::SqlBackend> for $name {
            fn from_sql(
                value: <$crate::db::SqlBackend as diesel::backend::Backend>::RawValue<'_>,
            ) -> diesel::deserialize::Result<Self> {
                value.from_sql::<Self, diesel::sql_types::Text>()
            }
        }
    };
}

pub(crate) use {text_enum, text_sql};

#[cfg(test)]
mod tests {
    crate::db::text_enum! {
        enum Sample: "sample-state-" {
            First = "first",
            Second = "second",
            LongName = "long_name" / "long-name",
        }
    }

    #[test]
    fn text_label_and_parse_agree() {
        assert_eq!(
            Sample::ALL,
            &[Sample::First, Sample::Second, Sample::LongName]
        );
        for state in Sample::ALL {
            assert_eq!(Sample::parse(state.as_str()), Some(*state));
        }
        assert_eq!(Sample::Second.label_key(), "sample-state-second");
        assert_eq!(Sample::LongName.as_str(), "long_name");
        assert_eq!(Sample::LongName.label_key(), "sample-state-long-name");
        assert_eq!(Sample::parse("Third"), None, "unknown text is no value");
    }
}
