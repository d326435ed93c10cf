//! Finds the input files: a single file, or every file under a folder.

use std::collections::HashSet;
use std::path::{Path, PathBuf};

use crate::AuditError;

/// The file extensions audited (compared case-insensitively); other files are skipped.
pub const SUPPORTED_EXTENSIONS: &[&str] = &["txt", "md", "html", "htm", "docx", "pdf"];

/// Longest output file name, in bytes, before it is shortened (file systems allow 255).
const MAX_NAME_BYTES: usize = 200;

/// One input file and where its JSON goes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct InputFile {
    /// The file on disk.
    pub path: PathBuf,
    /// Its path relative to the input folder, with `/` separators.
    pub rel: String,
    /// The name of its JSON in the output folder (unique within the audit).
    pub json_name: String,
}

/// The files to audit, in a deterministic order, and how many were skipped.
#[derive(Debug, Default)]
pub(crate) struct Inputs {
    /// Supported files, sorted by relative path.
    pub files: Vec<InputFile>,
    /// Files skipped: unsupported extension, or a folder entry that could not be read.
    pub skipped: usize,
}

/// Lists the files under `input` (or `input` itself when it is a file),
/// leaving out the folder `output` when it lies inside `input`.
pub(crate) fn walk(input: &Path, output: &Path) -> Result<Inputs, AuditError> {
    let meta = std::fs::metadata(input).map_err(|source| AuditError::Input {
        path: input.to_path_buf(),
        source,
    })?;
    let mut found = Vec::new();
    let mut skipped = 0;
    if meta.is_file() {
        let name = input
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        found.push((input.to_path_buf(), name));
    } else {
        // The output folder is left out when it lies inside the input; when it is
        // the input folder itself, nothing is left out (its own .json and .csv files
        // are not supported extensions anyway).
        let exclude = std::fs::canonicalize(output)
            .ok()
            .filter(|out| std::fs::canonicalize(input).ok().as_ref() != Some(out));
        // The top folder itself must be readable; below it, unreadable entries are skipped.
        std::fs::read_dir(input).map_err(|source| AuditError::Input {
            path: input.to_path_buf(),
            source,
        })?;
        let mut visited = HashSet::new();
        visit(
            input,
            "",
            exclude.as_deref(),
            &mut visited,
            &mut found,
            &mut skipped,
        );
    }
    found.sort_by(|a, b| a.1.cmp(&b.1));
    let mut used = HashSet::new();
    let mut files = Vec::with_capacity(found.len());
    for (path, rel) in found {
        if is_supported(&rel) {
            let json_name = unique_json_name(&rel, &mut used);
            files.push(InputFile {
                path,
                rel,
                json_name,
            });
        } else {
            skipped += 1;
        }
    }
    Ok(Inputs { files, skipped })
}

fn visit(
    dir: &Path,
    prefix: &str,
    exclude: Option<&Path>,
    visited: &mut HashSet<PathBuf>,
    found: &mut Vec<(PathBuf, String)>,
    skipped: &mut usize,
) {
    // Symbolic links to folders are followed once: the canonical path breaks cycles.
    let Ok(canonical) = std::fs::canonicalize(dir) else {
        *skipped += 1;
        return;
    };
    if exclude == Some(canonical.as_path()) || !visited.insert(canonical) {
        return;
    }
    let Ok(entries) = std::fs::read_dir(dir) else {
        *skipped += 1;
        return;
    };
    for entry in entries {
        let Ok(entry) = entry else {
            *skipped += 1;
            continue;
        };
        let path = entry.path();
        let name = entry.file_name().to_string_lossy().into_owned();
        let rel = if prefix.is_empty() {
            name
        } else {
            format!("{prefix}/{name}")
        };
        match std::fs::metadata(&path) {
            Ok(meta) if meta.is_dir() => visit(&path, &rel, exclude, visited, found, skipped),
            Ok(meta) if meta.is_file() => found.push((path, rel)),
            // Sockets, dangling links and the like.
            _ => *skipped += 1,
        }
    }
}

/// Whether the file name ends in one of [`SUPPORTED_EXTENSIONS`].
pub(crate) fn is_supported(name: &str) -> bool {
    let file = name.rsplit('/').next().unwrap_or(name);
    file.rsplit_once('.').is_some_and(|(stem, ext)| {
        !stem.is_empty()
            && SUPPORTED_EXTENSIONS
                .iter()
                .any(|s| s.eq_ignore_ascii_case(ext))
    })
}

/// `a/b/report.pdf` → `a__b__report.pdf.json`, made unique (case-insensitively,
/// for file systems that ignore case) and short enough for any file system.
fn unique_json_name(rel: &str, used: &mut HashSet<String>) -> String {
    let mut base = rel.replace('/', "__");
    if base.len() > MAX_NAME_BYTES {
        let mut cut = MAX_NAME_BYTES - 20;
        while !base.is_char_boundary(cut) {
            cut -= 1;
        }
        base = format!("{}~{:016x}", &base[..cut], fnv1a(rel.as_bytes()));
    }
    let mut name = format!("{base}.json");
    let mut n = 2;
    while !used.insert(name.to_lowercase()) {
        name = format!("{base}~{n}.json");
        n += 1;
    }
    name
}

/// FNV-1a: a stable hash, the same on every platform and Rust version.
fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |hash, &b| {
        (hash ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn extensions_are_matched_without_case() {
        assert!(is_supported("a/b/报告.PDF"));
        assert!(is_supported("x.htm"));
        assert!(!is_supported("x.png"));
        assert!(!is_supported(".txt"));
        assert!(!is_supported("README"));
    }

    #[test]
    fn json_names_are_unique_and_short() {
        let mut used = HashSet::new();
        assert_eq!(unique_json_name("a/b.txt", &mut used), "a__b.txt.json");
        assert_eq!(unique_json_name("a__b.txt", &mut used), "a__b.txt~2.json");
        assert_eq!(unique_json_name("A/B.txt", &mut used), "A__B.txt~3.json");
        let long = "长".repeat(100) + ".txt";
        let name = unique_json_name(&long, &mut used);
        assert!(name.len() <= MAX_NAME_BYTES + 10, "{name}");
    }
}
