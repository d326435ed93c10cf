//! Why an input could not be read as a report.

/// Why a file could not be imported. Every message names the file and says
/// what to do about it where something can be done.
#[derive(Debug, thiserror::Error)]
pub enum ImportError {
    /// The file has no content.
    #[error("{file}: 文件为空")]
    EmptyFile {
        /// The file name as given.
        file: String,
    },
    /// The file is larger than the importer accepts.
    #[error("{file}: 文件过大（{size} 字节，上限 {limit} 字节）")]
    TooLarge {
        /// The file name as given.
        file: String,
        /// Its size in bytes.
        size: u64,
        /// The limit in bytes.
        limit: u64,
    },
    /// The bytes are not text in any supported encoding (UTF-8, UTF-16, GB18030).
    #[error("{file}: 无法识别文本编码（支持 UTF-8、UTF-16、GB18030/GBK）：{detail}")]
    Encoding {
        /// The file name as given.
        file: String,
        /// What went wrong.
        detail: String,
    },
    /// The text contains none of the three annual-report tables.
    #[error("{file}: 不是政府信息公开工作年度报告：{reason}")]
    NotAReport {
        /// The file name as given.
        file: String,
        /// What is missing.
        reason: String,
    },
    /// The reporting year appears nowhere in the title or the statistics period.
    #[error("{file}: 找不到报告年度（标题或“统计期限”中的年份）")]
    NoYear {
        /// The file name as given.
        file: String,
    },
    /// A PDF whose pages carry no text (a scan).
    #[error("{file}: PDF 没有文本层（可能是扫描件），无法提取表格")]
    NoTextLayer {
        /// The file name as given.
        file: String,
    },
    /// The PDF text could not be extracted.
    #[error("{file}: 无法读取 PDF：{detail}")]
    Pdf {
        /// The file name as given.
        file: String,
        /// The tool's message.
        detail: String,
    },
    /// The DOCX package is damaged or not a Word document.
    #[error("{file}: 无法读取 DOCX：{detail}")]
    Docx {
        /// The file name as given.
        file: String,
        /// What went wrong.
        detail: String,
    },
    /// The file could not be read.
    #[error("{file}: 无法读取文件：{source}")]
    Io {
        /// The file name as given.
        file: String,
        /// The operating system's error.
        source: std::io::Error,
    },
    /// A bug in the importer or one of its libraries; the input was not the cause's fault.
    #[error("{file}: 导入时发生内部错误，请报告此文件")]
    Internal {
        /// The file name as given.
        file: String,
    },
}

impl ImportError {
    /// Replaces the file name in the message (e.g. the bare name by the full path).
    pub(crate) fn with_file(mut self, name: &str) -> ImportError {
        let slot = match &mut self {
            ImportError::EmptyFile { file }
            | ImportError::TooLarge { file, .. }
            | ImportError::Encoding { file, .. }
            | ImportError::NotAReport { file, .. }
            | ImportError::NoYear { file }
            | ImportError::NoTextLayer { file }
            | ImportError::Pdf { file, .. }
            | ImportError::Docx { file, .. }
            | ImportError::Io { file, .. }
            | ImportError::Internal { file } => file,
        };
        name.clone_into(slot);
        self
    }
}
