//! A small, strict `multipart/form-data` reader (RFC 7578) for the
//! application form: text fields must be UTF-8, the number of parts and
//! the size of text fields are bounded, and anything malformed is refused.
//! The body itself is bounded by the route's `DefaultBodyLimit`.

/// The most parts a form may have.
const MAX_PARTS: usize = 64;
/// The largest text field, in bytes (the description is at most 5,000
/// characters, i.e. 15,000 bytes of UTF-8, plus line breaks).
const MAX_TEXT_BYTES: usize = 64 * 1024;

/// Why a body is not an acceptable form submission.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum MultipartError {
    /// The request is not `multipart/form-data` with a boundary.
    NotMultipart,
    /// The body does not follow the format.
    Malformed(&'static str),
    /// A text field is not valid UTF-8.
    InvalidUtf8(String),
    /// Too many parts, or a text field too long.
    TooLarge(&'static str),
}

impl MultipartError {
    /// The message shown on the 400 page.
    pub fn message(&self) -> String {
        match self {
            MultipartError::NotMultipart => {
                "提交的表单格式不正确（应为 multipart/form-data），请从申请页面重新提交。".into()
            }
            MultipartError::Malformed(what) => {
                format!("提交的表单数据格式有误（{what}），请从申请页面重新提交。")
            }
            MultipartError::InvalidUtf8(field) => {
                format!("表单项“{field}”含有无法识别的字符编码（应为 UTF-8），请检查后重新提交。")
            }
            MultipartError::TooLarge(what) => format!("提交的表单{what}，请检查后重新提交。"),
        }
    }
}

/// One part of the form.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Part {
    /// The control's name.
    pub name: String,
    /// For a file: the name the browser sent (possibly empty).
    pub file_name: Option<String>,
    /// For a file: the type the browser sent.
    pub content_type: Option<String>,
    /// The content.
    pub data: Vec<u8>,
}

/// A parsed submission.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FormData {
    /// Text fields, in order (a name may repeat).
    pub fields: Vec<(String, String)>,
    /// Files, in order; inputs left empty are dropped.
    pub files: Vec<Part>,
}

impl FormData {
    /// The first value of `name`, or "".
    pub fn get(&self, name: &str) -> &str {
        self.fields
            .iter()
            .find(|(n, _)| n == name)
            .map_or("", |(_, v)| v.as_str())
    }
}

/// The boundary of a `multipart/form-data` content type.
pub fn boundary(content_type: &str) -> Option<String> {
    let (mime, params) = content_type.split_once(';').unwrap_or((content_type, ""));
    if !mime.trim().eq_ignore_ascii_case("multipart/form-data") {
        return None;
    }
    let boundary = parameters(params)
        .into_iter()
        .find(|(k, _)| k.eq_ignore_ascii_case("boundary"))
        .map(|(_, v)| v)?;
    // RFC 2046: 1 to 70 characters.
    (!boundary.is_empty() && boundary.len() <= 70).then_some(boundary)
}

/// `key=value` parameters after a `;`, values plain or quoted (with `\`
/// escapes and the `%22`, `%0D`, `%0A` that browsers use in file names).
fn parameters(input: &str) -> Vec<(String, String)> {
    let mut out = Vec::new();
    let mut chars = input.chars().peekable();
    loop {
        while chars.peek().is_some_and(|c| *c == ';' || c.is_whitespace()) {
            chars.next();
        }
        let mut key = String::new();
        while let Some(&c) = chars.peek() {
            if c == '=' || c == ';' {
                break;
            }
            key.push(c);
            chars.next();
        }
        if key.is_empty() && chars.peek().is_none() {
            return out;
        }
        let mut value = String::new();
        if chars.peek() == Some(&'=') {
            chars.next();
            if chars.peek() == Some(&'"') {
                chars.next();
                while let Some(c) = chars.next() {
                    match c {
                        '"' => break,
                        '\\' => {
                            if let Some(next) = chars.next() {
                                value.push(next);
                            }
                        }
                        other => value.push(other),
                    }
                }
                value = value
                    .replace("%22", "\"")
                    .replace("%0D", "\r")
                    .replace("%0A", "\n");
            } else {
                while let Some(&c) = chars.peek() {
                    if c == ';' {
                        break;
                    }
                    value.push(c);
                    chars.next();
                }
                value = value.trim().to_owned();
            }
        }
        out.push((key.trim().to_owned(), value));
        if chars.peek().is_none() {
            return out;
        }
    }
}

fn find(haystack: &[u8], needle: &[u8], from: usize) -> Option<usize> {
    let first = *needle.first()?;
    let mut i = from;
    while i + needle.len() <= haystack.len() {
        let offset = haystack[i..=haystack.len() - needle.len()]
            .iter()
            .position(|b| *b == first)?;
        i += offset;
        if haystack[i..].starts_with(needle) {
            return Some(i);
        }
        i += 1;
    }
    None
}

/// Parses `body` with `boundary`.
pub fn parse(body: &[u8], boundary: &str) -> Result<FormData, MultipartError> {
    let delimiter = format!("--{boundary}").into_bytes();
    let next_delimiter = format!("\r\n--{boundary}").into_bytes();
    // The first delimiter, at the start or after a preamble line.
    let mut pos = if body.starts_with(&delimiter) {
        delimiter.len()
    } else {
        find(body, &next_delimiter, 0).ok_or(MultipartError::Malformed("缺少分隔符"))?
            + next_delimiter.len()
    };
    let mut form = FormData::default();
    let mut parts = 0;
    loop {
        let rest = &body[pos..];
        if rest.starts_with(b"--") {
            return Ok(form);
        }
        // Transport padding, then CRLF.
        let padding = rest
            .iter()
            .take_while(|b| **b == b' ' || **b == b'\t')
            .count();
        if !rest[padding..].starts_with(b"\r\n") {
            return Err(MultipartError::Malformed("分隔符后应换行"));
        }
        let start = pos + padding + 2;
        let header_end = find(body, b"\r\n\r\n", start)
            .filter(|end| end - start <= 8 * 1024)
            .ok_or(MultipartError::Malformed("表单项头部不完整"))?;
        let headers = std::str::from_utf8(&body[start..header_end])
            .map_err(|_| MultipartError::Malformed("表单项头部不是 UTF-8"))?;
        let content_start = header_end + 4;
        let content_end = find(body, &next_delimiter, content_start)
            .ok_or(MultipartError::Malformed("缺少结束分隔符"))?;
        parts += 1;
        if parts > MAX_PARTS {
            return Err(MultipartError::TooLarge("项目过多"));
        }
        let mut name = None;
        let mut file_name = None;
        let mut content_type = None;
        for line in headers.split("\r\n").filter(|l| !l.is_empty()) {
            let (key, value) = line
                .split_once(':')
                .ok_or(MultipartError::Malformed("表单项头部格式有误"))?;
            if key.trim().eq_ignore_ascii_case("content-disposition") {
                let (kind, params) = value.split_once(';').unwrap_or((value, ""));
                if !kind.trim().eq_ignore_ascii_case("form-data") {
                    return Err(MultipartError::Malformed("表单项类型应为 form-data"));
                }
                for (k, v) in parameters(params) {
                    if k.eq_ignore_ascii_case("name") {
                        name = Some(v);
                    } else if k.eq_ignore_ascii_case("filename") {
                        file_name = Some(v);
                    }
                }
            } else if key.trim().eq_ignore_ascii_case("content-type") {
                content_type = Some(value.trim().to_owned());
            }
        }
        let name = name.ok_or(MultipartError::Malformed("表单项缺少名称"))?;
        let data = &body[content_start..content_end];
        match file_name {
            Some(file_name) => {
                if !(file_name.is_empty() && data.is_empty()) {
                    form.files.push(Part {
                        name,
                        file_name: Some(file_name),
                        content_type,
                        data: data.to_vec(),
                    });
                }
            }
            None => {
                if data.len() > MAX_TEXT_BYTES {
                    return Err(MultipartError::TooLarge("文字内容过长"));
                }
                let text = String::from_utf8(data.to_vec())
                    .map_err(|_| MultipartError::InvalidUtf8(name.clone()))?;
                form.fields.push((name, text));
            }
        }
        pos = content_end + next_delimiter.len();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn boundaries() {
        assert_eq!(
            boundary("multipart/form-data; boundary=abc").as_deref(),
            Some("abc")
        );
        assert_eq!(
            boundary("Multipart/Form-Data; charset=utf-8; boundary=\"a b\"").as_deref(),
            Some("a b")
        );
        assert_eq!(boundary("application/x-www-form-urlencoded"), None);
        assert_eq!(boundary("multipart/form-data"), None);
    }

    #[test]
    fn fields_and_files() {
        let body = b"--XX\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\n\xe4\xb8\xad\r\n\
--XX\r\nContent-Disposition: form-data; name=\"f\"; filename=\"x%22y.pdf\"\r\nContent-Type: application/pdf\r\n\r\n%PDF\r\n--XX\r\n\
Content-Disposition: form-data; name=\"f\"; filename=\"\"\r\nContent-Type: application/octet-stream\r\n\r\n\r\n--XX--\r\n";
        let form = parse(body, "XX").expect("parses");
        assert_eq!(form.get("a"), "中");
        assert_eq!(form.files.len(), 1);
        assert_eq!(form.files[0].file_name.as_deref(), Some("x\"y.pdf"));
        assert_eq!(form.files[0].data, b"%PDF");
    }

    #[test]
    fn malformed() {
        assert!(matches!(
            parse(b"garbage", "XX"),
            Err(MultipartError::Malformed(_))
        ));
        assert!(matches!(
            parse(
                b"--XX\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nno end",
                "XX"
            ),
            Err(MultipartError::Malformed(_))
        ));
        assert!(matches!(
            parse(
                b"--XX\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\n\xff\xfe\r\n--XX--",
                "XX"
            ),
            Err(MultipartError::InvalidUtf8(_))
        ));
    }
}
