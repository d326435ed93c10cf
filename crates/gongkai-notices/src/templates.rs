//! The editable templates: built-in defaults, overridable from a folder.

mod defaults;
mod diagnose;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use minijinja::{AutoEscape, Environment, UndefinedBehavior, Value};
use serde::Serialize;

use crate::{NoticeError, NoticeKind, context::periods, markup};

pub use defaults::DEFAULT_TEMPLATES;

/// One template's text and where it came from.
#[derive(Debug)]
struct Source {
    text: String,
    /// The administrator's file, or `None` for the built-in default.
    file: Option<PathBuf>,
}

/// The set of notice templates in force: the built-in defaults, each
/// possibly replaced by an administrator's file.
///
/// Templates are MiniJinja (Jinja2 syntax) rendered with strict undefined
/// behaviour: using a variable that does not exist, or printing a value that
/// was not provided, is an error naming the file and line — never an empty
/// string in a document sent to a citizen.
pub struct NoticeTemplates {
    env: Environment<'static>,
    sources: Arc<BTreeMap<&'static str, Source>>,
}

impl std::fmt::Debug for NoticeTemplates {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("NoticeTemplates")
            .field("sources", &self.sources)
            .finish_non_exhaustive()
    }
}

impl Default for NoticeTemplates {
    fn default() -> Self {
        NoticeTemplates::builtin()
    }
}

impl NoticeTemplates {
    /// The built-in templates (`crates/gongkai-notices/templates/`).
    pub fn builtin() -> Self {
        let sources = DEFAULT_TEMPLATES
            .iter()
            .map(|&(name, text)| {
                let source = Source {
                    text: text.to_owned(),
                    file: None,
                };
                (name, source)
            })
            .collect();
        NoticeTemplates::from_sources(sources)
    }

    /// The built-in templates, with every `*.j2` file under `dir` (searched
    /// recursively; `answer/granted.txt.j2` replaces the template of that
    /// name) replacing the default of the same name. Every replaced template
    /// is parsed now, so a syntax error is reported at loading, naming the
    /// file and line. A `.j2` file whose name no notice uses is an error, so
    /// that a misspelt name is not silently ignored; other files are skipped.
    pub fn load_dir(dir: impl AsRef<Path>) -> Result<Self, NoticeError> {
        let dir = dir.as_ref();
        let mut sources: BTreeMap<&'static str, Source> = BTreeMap::new();
        for file in template_files(dir)? {
            let relative = file.strip_prefix(dir).unwrap_or(&file);
            let name = relative
                .components()
                .map(|c| c.as_os_str().to_string_lossy())
                .collect::<Vec<_>>()
                .join("/");
            let Some(&(known, _)) = DEFAULT_TEMPLATES.iter().find(|(n, _)| *n == name) else {
                return Err(NoticeError::UnknownTemplate {
                    file,
                    known: DEFAULT_TEMPLATES
                        .iter()
                        .map(|(n, _)| *n)
                        .collect::<Vec<_>>()
                        .join(", "),
                });
            };
            let text = std::fs::read_to_string(&file).map_err(|source| NoticeError::Io {
                path: file.clone(),
                source,
            })?;
            // Editors on Windows like to start UTF-8 files with a BOM.
            let text = text.strip_prefix('\u{feff}').unwrap_or(&text).to_owned();
            sources.insert(
                known,
                Source {
                    text,
                    file: Some(file),
                },
            );
        }
        let overridden: Vec<&'static str> = sources.keys().copied().collect();
        for &(name, text) in DEFAULT_TEMPLATES {
            sources.entry(name).or_insert_with(|| Source {
                text: text.to_owned(),
                file: None,
            });
        }
        let templates = NoticeTemplates::from_sources(sources);
        for name in overridden {
            templates
                .env
                .get_template(name)
                .map_err(|e| templates.error(&e))?;
        }
        Ok(templates)
    }

    /// Writes the built-in templates under `dir` (creating folders), as the
    /// starting point of an administrator's own set. Existing files are
    /// left alone, so local edits are never overwritten.
    pub fn write_defaults(dir: impl AsRef<Path>) -> Result<(), NoticeError> {
        let dir = dir.as_ref();
        for &(name, text) in DEFAULT_TEMPLATES {
            let path = dir.join(name);
            if path.exists() {
                continue;
            }
            if let Some(parent) = path.parent() {
                std::fs::create_dir_all(parent).map_err(|source| NoticeError::Io {
                    path: parent.to_owned(),
                    source,
                })?;
            }
            std::fs::write(&path, text).map_err(|source| NoticeError::Io { path, source })?;
        }
        Ok(())
    }

    /// The text of the template `name` in force.
    pub fn source(&self, name: &str) -> Option<&str> {
        self.sources.get(name).map(|s| s.text.as_str())
    }

    /// The administrator's file that replaced template `name`, if any.
    pub fn overridden_by(&self, name: &str) -> Option<&Path> {
        self.sources.get(name).and_then(|s| s.file.as_deref())
    }

    /// Renders the template of `kind` with `context` into the line markup
    /// (see [`crate::Block`]); values are wrapped so that they can never
    /// form a markup line.
    pub(crate) fn render<C: Serialize>(
        &self,
        kind: NoticeKind,
        context: &C,
    ) -> Result<String, NoticeError> {
        let template = self
            .env
            .get_template(kind.template_name())
            .map_err(|e| self.error(&e))?;
        let notice = minijinja::context! {
            key => kind.key(),
            title => kind.title(),
            document_title => kind.document_title(),
        };
        let context = minijinja::context! {
            notice => notice,
            periods => Periods::LAW,
            ..Value::from_serialize(context)
        };
        template.render(context).map_err(|e| self.error(&e))
    }

    fn from_sources(sources: BTreeMap<&'static str, Source>) -> Self {
        let sources = Arc::new(sources);
        let mut env = Environment::new();
        env.set_undefined_behavior(UndefinedBehavior::Strict);
        // No trim_blocks: a tag ending a line must not swallow the line
        // break, or two markup lines would merge. The empty lines that block
        // tags leave are dropped by the markup reader instead.
        env.set_lstrip_blocks(true);
        // An included template ends with its own line break, so its last
        // line never runs into the line after the include.
        env.set_keep_trailing_newline(true);
        env.set_auto_escape_callback(|_| AutoEscape::None);
        env.set_formatter(markup::format_value);
        env.add_filter("cn_num", |n: u64| crate::chinese::number_cn(n));
        let loader_sources = Arc::clone(&sources);
        env.set_loader(move |name| Ok(loader_sources.get(name).map(|s| s.text.clone())));
        NoticeTemplates { env, sources }
    }

    fn error(&self, error: &minijinja::Error) -> NoticeError {
        diagnose::template_error(error, |name| {
            self.sources.get(name).map(|s| match &s.file {
                Some(path) => (path.display().to_string(), s.text.as_str()),
                None => (format!("built-in:{name}"), s.text.as_str()),
            })
        })
    }
}

/// The statutory periods as templates see them (`periods.answer`, …).
#[derive(Serialize)]
struct Periods {
    answer: u32,
    extension_max: u32,
    correction_notice: u32,
    consultation: u32,
    fee_payment: u32,
}

impl Periods {
    const LAW: Periods = Periods {
        answer: periods::ANSWER,
        extension_max: periods::EXTENSION_MAX,
        correction_notice: periods::CORRECTION_NOTICE,
        consultation: periods::CONSULTATION,
        fee_payment: periods::FEE_PAYMENT,
    };
}

/// Every `*.j2` file under `dir`, recursively, in a stable order.
fn template_files(dir: &Path) -> Result<Vec<PathBuf>, NoticeError> {
    let io = |path: &Path| {
        let path = path.to_owned();
        move |source| NoticeError::Io { path, source }
    };
    let mut files = Vec::new();
    let mut pending = vec![dir.to_owned()];
    while let Some(folder) = pending.pop() {
        for entry in std::fs::read_dir(&folder).map_err(io(&folder))? {
            let path = entry.map_err(io(&folder))?.path();
            if path.is_dir() {
                pending.push(path);
            } else if path.extension().is_some_and(|e| e == "j2") {
                files.push(path);
            }
        }
    }
    files.sort();
    Ok(files)
}
