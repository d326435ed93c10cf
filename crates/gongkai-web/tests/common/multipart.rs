//! `multipart/form-data` bodies for the upload forms (applications, paper
//! applications, publishing attachments, catalog imports).

/// A multipart body under construction.
pub struct Multipart {
    boundary: String,
    body: Vec<u8>,
}

impl Multipart {
    /// An empty body delimited by `boundary`.
    pub fn new(boundary: &str) -> Multipart {
        Multipart {
            boundary: boundary.to_owned(),
            body: Vec::new(),
        }
    }

    /// Adds the text field `name`.
    #[must_use]
    pub fn field(mut self, name: &str, value: &str) -> Multipart {
        let boundary = &self.boundary;
        self.body.extend_from_slice(
            format!(
                "--{boundary}\r\nContent-Disposition: form-data; name=\"{name}\"\r\n\r\n{value}\r\n"
            )
            .as_bytes(),
        );
        self
    }

    /// Adds every field of `fields`, in order.
    #[must_use]
    pub fn fields(self, fields: &[(&str, String)]) -> Multipart {
        fields
            .iter()
            .fold(self, |form, (name, value)| form.field(name, value))
    }

    /// Adds a file under the field `name`.
    #[must_use]
    pub fn file(
        mut self,
        name: &str,
        file_name: &str,
        content_type: &str,
        bytes: &[u8],
    ) -> Multipart {
        let boundary = &self.boundary;
        self.body.extend_from_slice(
            format!(
                "--{boundary}\r\nContent-Disposition: form-data; name=\"{name}\"; filename=\"{file_name}\"\r\nContent-Type: {content_type}\r\n\r\n"
            )
            .as_bytes(),
        );
        self.body.extend_from_slice(bytes);
        self.body.extend_from_slice(b"\r\n");
        self
    }

    /// The `Content-Type` header value of the body.
    pub fn content_type(&self) -> String {
        format!("multipart/form-data; boundary={}", self.boundary)
    }

    /// The complete body, closing delimiter included.
    pub fn finish(mut self) -> Vec<u8> {
        self.body
            .extend_from_slice(format!("--{}--\r\n", self.boundary).as_bytes());
        self.body
    }
}

/// An application form (the portal's and the paper one): `fields`, then each
/// file of `files` (file name, content type, bytes) under `attachments`.
pub fn application_form(
    boundary: &str,
    fields: &[(&str, String)],
    files: &[(&str, &str, Vec<u8>)],
) -> Multipart {
    files.iter().fold(
        Multipart::new(boundary).fields(fields),
        |form, (file_name, content_type, bytes)| {
            form.file("attachments", file_name, content_type, bytes)
        },
    )
}
