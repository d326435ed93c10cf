//! Progress reporting, so the command line can show a bar with an ETA.

use std::io::IsTerminal;

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

/// Receives the audit's progress. All calls come from the thread that called
/// [`crate::audit`], in order: `start` once, `advance` once per file, `finish` once.
pub trait Progress {
    /// The audit is about to process `total` files.
    fn start(&self, total: usize);
    /// `file` (relative to the input) has been processed.
    fn advance(&self, file: &str);
    /// All files have been processed (or the audit stopped on an output error).
    fn finish(&self);
}

/// Reports nothing; for tests and library callers.
#[derive(Debug, Clone, Copy, Default)]
pub struct NoProgress;

impl Progress for NoProgress {
    fn start(&self, _total: usize) {}
    fn advance(&self, _file: &str) {}
    fn finish(&self) {}
}

/// An `indicatif` progress bar on standard error with elapsed time and ETA;
/// hidden when standard error is not a terminal (pipes, CI, log files).
#[derive(Debug, Clone)]
pub struct IndicatifProgress {
    bar: ProgressBar,
}

impl IndicatifProgress {
    /// A bar drawn on standard error when it is a terminal, hidden otherwise.
    pub fn new() -> IndicatifProgress {
        let target = if std::io::stderr().is_terminal() {
            ProgressDrawTarget::stderr()
        } else {
            ProgressDrawTarget::hidden()
        };
        IndicatifProgress::with_target(target)
    }

    /// A bar drawn on `target` (e.g. [`ProgressDrawTarget::hidden`] in tests).
    pub fn with_target(target: ProgressDrawTarget) -> IndicatifProgress {
        let bar = ProgressBar::with_draw_target(Some(0), target);
        let template = "审核报告 {bar:30.cyan/blue} {pos}/{len} [已用 {elapsed_precise}，剩余约 {eta}] {wide_msg}";
        let style =
            ProgressStyle::with_template(template).unwrap_or_else(|_| ProgressStyle::default_bar());
        bar.set_style(style.progress_chars("=> "));
        IndicatifProgress { bar }
    }
}

impl Default for IndicatifProgress {
    fn default() -> IndicatifProgress {
        IndicatifProgress::new()
    }
}

impl Progress for IndicatifProgress {
    fn start(&self, total: usize) {
        self.bar.set_length(total as u64);
        self.bar.set_position(0);
        self.bar.reset_eta();
    }

    fn advance(&self, file: &str) {
        self.bar.set_message(file.to_owned());
        self.bar.inc(1);
    }

    fn finish(&self) {
        self.bar.finish_and_clear();
    }
}
