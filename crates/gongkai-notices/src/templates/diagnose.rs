//! Turning MiniJinja errors into errors an administrator can act on.

use std::error::Error as _;

use crate::NoticeError;

/// Maps a MiniJinja error to [`NoticeError::Template`], naming the file and
/// line where it happened (the innermost included template) and quoting the
/// offending expression. `lookup` gives a template's display file name and
/// source text.
pub(super) fn template_error<'a>(
    error: &minijinja::Error,
    lookup: impl Fn(&str) -> Option<(String, &'a str)>,
) -> NoticeError {
    let located = innermost_located(error);
    let name = located.name().unwrap_or("?");
    let (file, source) = match lookup(name) {
        Some((file, source)) => (file, Some(source)),
        None => (name.to_owned(), None),
    };
    let mut message = describe(located);
    if let Some(snippet) = located
        .range()
        .and_then(|range| source.and_then(|s| s.get(range)))
        .map(str::trim)
        .filter(|s| !s.is_empty())
    {
        message.push_str(&format!(" (at `{snippet}`)"));
    }
    NoticeError::Template {
        file,
        line: located.line(),
        message,
    }
}

/// The deepest error in the chain that knows its template, since an error in
/// an included template is wrapped in a "could not render include" error.
fn innermost_located(error: &minijinja::Error) -> &minijinja::Error {
    let mut best = error;
    let mut current: Option<&(dyn std::error::Error + 'static)> = error.source();
    while let Some(e) = current {
        if let Some(inner) = e.downcast_ref::<minijinja::Error>()
            && inner.name().is_some()
        {
            best = inner;
        }
        current = e.source();
    }
    best
}

fn describe(error: &minijinja::Error) -> String {
    let kind = match error.kind() {
        minijinja::ErrorKind::UndefinedError => {
            "undefined variable or attribute (templates are strict: check the name, or guard it with `is defined`)".to_owned()
        }
        minijinja::ErrorKind::SyntaxError => "syntax error".to_owned(),
        other => other.to_string(),
    };
    match error.detail() {
        Some(detail) => format!("{kind}: {detail}"),
        None => kind,
    }
}
