//! DOCX → PDF with LibreOffice headless (`soffice --headless --convert-to pdf`).
//!
//! Every conversion runs in its own temporary directory with its own
//! LibreOffice user profile (`-env:UserInstallation=file:///…`), so parallel
//! conversions never share a profile lock; it is killed (with its whole process
//! group) when it runs past the timeout; at most a fixed number run at once.
//! Converted PDFs are cached in memory by a version key chosen by the caller
//! (e.g. the hash of the report's canonical JSON), bounded by total size, so a
//! report downloaded again does not start LibreOffice again.
//!
//! When LibreOffice is not installed, [`PdfConverter::is_available`] says so
//! and conversions fail with [`PdfError::NotInstalled`], whose message is
//! Chinese and tells the operator what to install.

#![warn(missing_docs)]

mod cache;
mod soffice;

use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use tokio::sync::Semaphore;

use cache::PdfCache;

/// Why a DOCX file could not be converted to PDF.
#[derive(Debug, thiserror::Error)]
pub enum PdfError {
    /// No LibreOffice program was found.
    #[error(
        "服务器未安装 LibreOffice（找不到 soffice 程序），暂不能生成 PDF；请管理员安装 LibreOffice 后重试"
    )]
    NotInstalled,
    /// LibreOffice ran past the time limit and was stopped.
    #[error("LibreOffice 转换 PDF 超过{}秒未完成，已中止", .0.as_secs())]
    Timeout(Duration),
    /// LibreOffice ran but produced no PDF.
    #[error("LibreOffice 未能生成 PDF：{0}")]
    Failed(String),
    /// The temporary files could not be written or read.
    #[error("转换 PDF 时读写临时文件失败：{0}")]
    Io(#[from] std::io::Error),
}

/// Converts DOCX files to PDF; cheap to share behind an `Arc`.
#[derive(Debug)]
pub struct PdfConverter {
    program: Option<PathBuf>,
    timeout: Duration,
    permits: Semaphore,
    cache: Mutex<PdfCache>,
}

/// How long one conversion may take before it is killed.
pub const DEFAULT_TIMEOUT: Duration = Duration::from_secs(60);
/// How many conversions run at once (LibreOffice is heavy; the server has few cores).
pub const DEFAULT_CONCURRENCY: usize = 2;
/// The total size of cached PDFs.
pub const DEFAULT_CACHE_BYTES: usize = 64 * 1024 * 1024;

impl PdfConverter {
    /// A converter using `GONGKAI_SOFFICE` when set, else `soffice` or
    /// `libreoffice` found on `PATH` or in the usual install folders.
    pub fn detect() -> PdfConverter {
        PdfConverter::with_program(soffice::locate())
    }

    /// A converter running `program` (`None`: LibreOffice is not available),
    /// with the default limits.
    pub fn with_program(program: Option<PathBuf>) -> PdfConverter {
        PdfConverter {
            program,
            timeout: DEFAULT_TIMEOUT,
            permits: Semaphore::new(DEFAULT_CONCURRENCY),
            cache: Mutex::new(PdfCache::new(DEFAULT_CACHE_BYTES)),
        }
    }

    /// The same converter with another time limit per conversion.
    #[must_use]
    pub fn with_timeout(mut self, timeout: Duration) -> PdfConverter {
        self.timeout = timeout;
        self
    }

    /// The same converter allowing `n` (at least 1) conversions at once.
    #[must_use]
    pub fn with_concurrency(mut self, n: usize) -> PdfConverter {
        self.permits = Semaphore::new(n.max(1));
        self
    }

    /// Whether LibreOffice was found, i.e. whether PDF links should be offered.
    pub fn is_available(&self) -> bool {
        self.program.is_some()
    }

    /// The LibreOffice program used.
    pub fn program(&self) -> Option<&Path> {
        self.program.as_deref()
    }

    /// The PDF cached under `version_key`, if any.
    pub fn cached(&self, version_key: &str) -> Option<Arc<Vec<u8>>> {
        self.cache.lock().ok().and_then(|c| c.get(version_key))
    }

    /// The PDF of `docx`, from the cache when `version_key` was converted
    /// before; otherwise converted (waiting for a free slot) and cached.
    /// `version_key` must change whenever the document's content changes.
    pub async fn pdf_for(&self, version_key: &str, docx: &[u8]) -> Result<Arc<Vec<u8>>, PdfError> {
        if let Some(pdf) = self.cached(version_key) {
            return Ok(pdf);
        }
        let pdf = Arc::new(self.convert(docx).await?);
        if let Ok(mut cache) = self.cache.lock() {
            cache.insert(version_key, Arc::clone(&pdf));
        }
        Ok(pdf)
    }

    /// Converts `docx` to PDF without the cache.
    pub async fn convert(&self, docx: &[u8]) -> Result<Vec<u8>, PdfError> {
        let program = self.program.as_deref().ok_or(PdfError::NotInstalled)?;
        let _permit = self
            .permits
            .acquire()
            .await
            .map_err(|_| PdfError::Failed("转换队列已关闭".into()))?;
        soffice::convert(program, docx, self.timeout).await
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn without_libreoffice_the_error_says_what_to_install() {
        let converter = PdfConverter::with_program(None);
        assert!(!converter.is_available());
        let err = converter.pdf_for("k", b"PK").await.unwrap_err();
        assert!(matches!(err, PdfError::NotInstalled));
        assert!(err.to_string().contains("未安装 LibreOffice"));
    }

    #[tokio::test]
    async fn a_program_that_hangs_is_killed_at_the_timeout() {
        // A stand-in "soffice" that never finishes.
        let dir = tempfile::tempdir().unwrap();
        let script = dir.path().join("soffice");
        std::fs::write(&script, "#!/bin/sh\nsleep 30\n").unwrap();
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&script, std::fs::Permissions::from_mode(0o755)).unwrap();
        let converter =
            PdfConverter::with_program(Some(script)).with_timeout(Duration::from_millis(300));
        let started = std::time::Instant::now();
        let err = converter.convert(b"PK").await.unwrap_err();
        assert!(matches!(err, PdfError::Timeout(_)), "{err}");
        assert!(started.elapsed() < Duration::from_secs(5));
    }

    #[tokio::test]
    async fn a_program_that_writes_nothing_fails_with_its_output() {
        let dir = tempfile::tempdir().unwrap();
        let script = dir.path().join("soffice");
        std::fs::write(
            &script,
            "#!/bin/sh\necho 'Error: source file could not be loaded' >&2\n",
        )
        .unwrap();
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&script, std::fs::Permissions::from_mode(0o755)).unwrap();
        let err = PdfConverter::with_program(Some(script))
            .convert(b"PK")
            .await
            .unwrap_err();
        assert!(matches!(err, PdfError::Failed(_)));
        assert!(err.to_string().contains("could not be loaded"), "{err}");
    }
}
