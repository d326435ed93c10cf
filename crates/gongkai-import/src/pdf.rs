//! PDF text through poppler's `pdftotext -layout`, which keeps the columns of
//! tables apart with runs of spaces and ends every page with a form feed.

use std::io::{Read, Write};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use crate::error::ImportError;

/// How long `pdftotext` may run before it is stopped.
const TIMEOUT: Duration = Duration::from_secs(60);

/// The layout text of a PDF, pages separated by form feeds.
pub fn extract_text(bytes: &[u8], file: &str) -> Result<String, ImportError> {
    let text = run_pdftotext(bytes, file)?;
    if text.chars().all(|c| c.is_whitespace()) {
        return Err(ImportError::NoTextLayer {
            file: file.to_owned(),
        });
    }
    Ok(text)
}

fn run_pdftotext(bytes: &[u8], file: &str) -> Result<String, ImportError> {
    let pdf_error = |detail: String| ImportError::Pdf {
        file: file.to_owned(),
        detail,
    };
    let mut child = Command::new("pdftotext")
        .args(["-layout", "-enc", "UTF-8", "-", "-"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|e| {
            if e.kind() == std::io::ErrorKind::NotFound {
                pdf_error("找不到 pdftotext（请安装 poppler-utils）".to_owned())
            } else {
                pdf_error(format!("无法启动 pdftotext：{e}"))
            }
        })?;
    // Feed stdin and drain stdout/stderr on threads so that no pipe fills up.
    let stdin = child.stdin.take();
    let input = bytes.to_vec();
    let writer = std::thread::spawn(move || {
        if let Some(mut stdin) = stdin {
            // A PDF that pdftotext rejects early closes the pipe: not an error here.
            let _ = stdin.write_all(&input);
        }
    });
    let stdout = child.stdout.take();
    let reader = std::thread::spawn(move || {
        let mut out = Vec::new();
        if let Some(mut stdout) = stdout {
            let _ = stdout.read_to_end(&mut out);
        }
        out
    });
    let stderr = child.stderr.take();
    let err_reader = std::thread::spawn(move || {
        let mut err = String::new();
        if let Some(mut stderr) = stderr {
            let _ = stderr.read_to_string(&mut err);
        }
        err
    });
    let status = wait_with_timeout(&mut child).map_err(&pdf_error)?;
    let _ = writer.join();
    let out = reader.join().unwrap_or_default();
    let err = err_reader.join().unwrap_or_default();
    if !status.success() {
        let detail = err.lines().next().unwrap_or("pdftotext 失败").to_owned();
        return Err(pdf_error(detail));
    }
    Ok(String::from_utf8_lossy(&out).into_owned())
}

fn wait_with_timeout(child: &mut std::process::Child) -> Result<std::process::ExitStatus, String> {
    let start = Instant::now();
    loop {
        match child.try_wait() {
            Ok(Some(status)) => return Ok(status),
            Ok(None) if start.elapsed() > TIMEOUT => {
                let _ = child.kill();
                let _ = child.wait();
                return Err(format!("pdftotext 超过 {} 秒未完成", TIMEOUT.as_secs()));
            }
            Ok(None) => std::thread::sleep(Duration::from_millis(5)),
            Err(e) => return Err(format!("等待 pdftotext 失败：{e}")),
        }
    }
}
