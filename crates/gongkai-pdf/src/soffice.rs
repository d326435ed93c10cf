//! Finding and running LibreOffice.

use std::path::{Path, PathBuf};
use std::process::Stdio;
use std::time::Duration;

use tokio::process::Command;

use crate::PdfError;

/// Folders searched besides `PATH`.
const USUAL_PLACES: [&str; 3] = [
    "/usr/bin",
    "/usr/lib/libreoffice/program",
    "/opt/libreoffice/program",
];

/// `GONGKAI_SOFFICE` when it names a file, else `soffice`/`libreoffice` on
/// `PATH` or in the usual folders.
pub(crate) fn locate() -> Option<PathBuf> {
    if let Some(explicit) = std::env::var_os("GONGKAI_SOFFICE") {
        let path = PathBuf::from(explicit);
        return path.is_file().then_some(path);
    }
    let path_dirs: Vec<PathBuf> = std::env::var_os("PATH")
        .map(|p| std::env::split_paths(&p).collect())
        .unwrap_or_default();
    let dirs = path_dirs
        .into_iter()
        .chain(USUAL_PLACES.iter().map(PathBuf::from));
    dirs.flat_map(|dir| ["soffice", "libreoffice"].map(|name| dir.join(name)))
        .find(|candidate| candidate.is_file())
}

/// `file:///…` for an absolute path (LibreOffice wants a URL for its profile).
fn file_url(path: &Path) -> String {
    let mut url = String::from("file://");
    for byte in path.to_string_lossy().bytes() {
        if byte.is_ascii_alphanumeric() || b"/-_.~".contains(&byte) {
            url.push(char::from(byte));
        } else {
            url.push_str(&format!("%{byte:02X}"));
        }
    }
    url
}

/// Runs one conversion in a fresh temporary directory (removed afterwards).
pub(crate) async fn convert(
    program: &Path,
    docx: &[u8],
    timeout: Duration,
) -> Result<Vec<u8>, PdfError> {
    let work = tempfile::Builder::new().prefix("gongkai-pdf-").tempdir()?;
    let input = work.path().join("report.docx");
    let out_dir = work.path().join("out");
    let profile = work.path().join("profile");
    tokio::fs::write(&input, docx).await?;
    tokio::fs::create_dir(&out_dir).await?;
    let mut command = Command::new(program);
    command
        .arg(format!("-env:UserInstallation={}", file_url(&profile)))
        .args(["--headless", "--norestore", "--nolockcheck", "--nodefault"])
        .args(["--convert-to", "pdf", "--outdir"])
        .arg(&out_dir)
        .arg(&input)
        .env("HOME", work.path())
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        // Its own process group, so that a timeout kills soffice.bin too.
        .process_group(0)
        .kill_on_drop(true);
    let child = command.spawn()?;
    let group = child.id();
    let output = match tokio::time::timeout(timeout, child.wait_with_output()).await {
        Ok(output) => output?,
        Err(_) => {
            kill_group(group);
            return Err(PdfError::Timeout(timeout));
        }
    };
    let pdf_path = out_dir.join("report.pdf");
    match tokio::fs::read(&pdf_path).await {
        Ok(pdf) if pdf.starts_with(b"%PDF") => Ok(pdf),
        _ => {
            let mut detail = String::from_utf8_lossy(&output.stderr).trim().to_owned();
            if detail.is_empty() {
                detail = String::from_utf8_lossy(&output.stdout).trim().to_owned();
            }
            if detail.is_empty() {
                detail = format!("退出状态 {}", output.status);
            }
            Err(PdfError::Failed(detail.chars().take(500).collect()))
        }
    }
}

/// Kills the process group led by `leader` (the child was started with
/// `process_group(0)`, so its id is the group id).
fn kill_group(leader: Option<u32>) {
    let Some(pid) = leader.and_then(|p| libc::pid_t::try_from(p).ok()) else {
        return;
    };
    // SAFETY: `kill` has no memory-safety preconditions; a negative pid
    // addresses the process group we created for this child only.
    unsafe {
        libc::kill(-pid, libc::SIGKILL);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn profile_urls_are_absolute_file_urls() {
        assert_eq!(
            file_url(Path::new("/tmp/gongkai-pdf-a b/profile")),
            "file:///tmp/gongkai-pdf-a%20b/profile"
        );
    }
}
