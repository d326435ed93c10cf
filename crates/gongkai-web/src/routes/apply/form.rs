//! The fields of the online application form, their checks (the store's
//! own field validators, so the rules are the same as on the staff side)
//! and the mapping of the store's field names back to form controls.

use chrono::NaiveDate;
use gongkai_domain::casework::ApplicantType;
use gongkai_store::{
    DeliveryForm, IdDocumentType, NewApplicant, NewAttachment, StoreError, fields,
};

use super::multipart::{FormData, Part};

/// The most files one application may carry.
pub const MAX_FILES: usize = 5;
/// The largest file accepted by the form (the store accepts up to 20 MB).
pub const MAX_FILE_BYTES: usize = 10 * 1024 * 1024;
/// The largest total of files.
pub const MAX_FILES_TOTAL: usize = 20 * 1024 * 1024;
/// File types accepted, by extension, with the media type stored.
pub const FILE_TYPES: [(&str, &str); 8] = [
    ("pdf", "application/pdf"),
    ("jpg", "image/jpeg"),
    ("jpeg", "image/jpeg"),
    ("png", "image/png"),
    ("ofd", "application/ofd"),
    ("doc", "application/msword"),
    (
        "docx",
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    ),
    ("txt", "text/plain"),
];

/// 提供形式 (Art. 29 第二款第三项: 获取信息的方式、途径), first half.
pub const PROVIDE: [(&str, &str); 3] = [
    ("paper", "纸质文本"),
    ("electronic", "电子文本"),
    ("inspection", "当场阅读、抄录"),
];

/// 获取方式, second half.
pub const WAYS: [(&str, &str); 4] = [
    ("post", "邮寄"),
    ("email", "电子邮件"),
    ("online", "网上获取（凭查询码下载）"),
    ("pickup", "当面领取或查阅"),
];

/// The identity documents a natural person may show.
pub fn person_id_types() -> impl Iterator<Item = IdDocumentType> {
    IdDocumentType::ALL
        .iter()
        .copied()
        .filter(|t| *t != IdDocumentType::BusinessLicense)
}

/// What was typed into the form, kept to show it again.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ApplyInput {
    /// One of [`ApplicantType`]'s keys.
    pub applicant_type: String,
    /// 姓名 (natural persons).
    pub name: String,
    /// [`IdDocumentType`] key (natural persons).
    pub id_type: String,
    /// 证件号码 (natural persons).
    pub id_number: String,
    /// 单位名称.
    pub org_name: String,
    /// 统一社会信用代码.
    pub credit_code: String,
    /// 法定代表人或者主要负责人.
    pub legal_rep: String,
    /// 联系人.
    pub contact: String,
    /// 联系电话.
    pub phone: String,
    /// 电子邮箱.
    pub email: String,
    /// 通信地址.
    pub address: String,
    /// 邮政编码.
    pub postcode: String,
    /// 所需政府信息的名称、文号或者便于查询的其他特征性描述.
    pub description: String,
    /// 提供形式 key.
    pub provide: String,
    /// 获取方式 key.
    pub way: String,
    /// The truthfulness statement was ticked.
    pub consent: bool,
}

impl ApplyInput {
    /// The input of a submitted form.
    pub fn from_form(form: &FormData) -> ApplyInput {
        let text = |name: &str| form.get(name).to_owned();
        ApplyInput {
            applicant_type: text("applicant_type"),
            name: text("name"),
            id_type: text("id_type"),
            id_number: text("id_number"),
            org_name: text("org_name"),
            credit_code: text("credit_code"),
            legal_rep: text("legal_rep"),
            contact: text("contact"),
            phone: text("phone"),
            email: text("email"),
            address: text("address"),
            postcode: text("postcode"),
            description: text("description"),
            provide: text("provide"),
            way: text("way"),
            consent: form.get("consent") == "yes",
        }
    }

    /// An empty form: a natural person with a resident ID.
    pub fn blank() -> ApplyInput {
        ApplyInput {
            applicant_type: ApplicantType::NaturalPerson.key().into(),
            id_type: IdDocumentType::ResidentId.key().into(),
            ..ApplyInput::default()
        }
    }

    fn applicant_type(&self) -> Option<ApplicantType> {
        ApplicantType::from_key(&self.applicant_type)
    }

    /// Whether the applicant chose an organisation type.
    pub fn is_organisation(&self) -> bool {
        self.applicant_type()
            .is_some_and(ApplicantType::is_organisation)
    }
}

/// An error shown next to a control.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldError {
    /// The control's `id` (and `name`).
    pub control: &'static str,
    /// The message, naming the field.
    pub message: String,
}

/// The form control a store field name belongs to.
pub fn control_of(field: &str, organisation: bool) -> &'static str {
    match field {
        "申请人姓名" if organisation => "legal_rep",
        "申请人姓名" => "name",
        "居民身份证号码" | "身份证件号码" => "id_number",
        "统一社会信用代码" => "credit_code",
        "单位名称" => "org_name",
        "联系电话" => "phone",
        "电子邮箱" => "email",
        "申请内容描述" => "description",
        "附件文件名" | "附件类型" => "attachments",
        _ => "form",
    }
}

/// A store error as a field error, if it is about the input.
pub fn from_store_error(err: &StoreError, organisation: bool) -> Option<FieldError> {
    match err {
        StoreError::InvalidField { field, message } => Some(FieldError {
            control: control_of(field, organisation),
            message: format!("{field}{message}"),
        }),
        StoreError::Attachment { .. } => Some(FieldError {
            control: "attachments",
            message: err.to_string(),
        }),
        _ => None,
    }
}

fn store_message(err: StoreError) -> String {
    match err {
        StoreError::InvalidField { field, message } => format!("{field}{message}"),
        other => other.to_string(),
    }
}

/// What a valid form registers.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Checked {
    /// The applicant.
    pub applicant: NewApplicant,
    /// The description.
    pub description: String,
    /// How the information is to be provided.
    pub delivery: DeliveryForm,
    /// The files.
    pub files: Vec<NewAttachment>,
}

/// The store's delivery form for a 提供形式 and 获取方式.
pub fn delivery_form(provide: &str, way: &str) -> Option<DeliveryForm> {
    match (provide, way) {
        ("paper", "post") => Some(DeliveryForm::PaperPost),
        ("paper", "pickup") => Some(DeliveryForm::PaperPickup),
        ("electronic", "email") => Some(DeliveryForm::ElectronicEmail),
        ("electronic", "online") => Some(DeliveryForm::ElectronicOnline),
        ("inspection", "pickup") => Some(DeliveryForm::Inspection),
        _ => None,
    }
}

/// A file name as uploaded, reduced to its last path component without
/// control characters, at most 100 characters.
pub fn clean_file_name(raw: &str) -> String {
    let base = raw.rsplit(['/', '\\']).next().unwrap_or_default();
    let cleaned: String = base
        .chars()
        .filter(|c| !c.is_control() && !matches!(c, '<' | '>' | ':' | '"' | '|' | '?' | '*'))
        .collect();
    let cleaned = cleaned.trim().trim_start_matches('.').to_owned();
    if cleaned.chars().count() <= 100 {
        return cleaned;
    }
    let (stem, ext) = cleaned.rsplit_once('.').unwrap_or((&cleaned, ""));
    let stem: String = stem.chars().take(90).collect();
    if ext.is_empty() || ext.chars().count() > 8 {
        stem
    } else {
        format!("{stem}.{ext}")
    }
}

fn check_file(part: &Part) -> Result<NewAttachment, String> {
    let name = clean_file_name(part.file_name.as_deref().unwrap_or_default());
    let shown = if name.is_empty() {
        "（无文件名）"
    } else {
        &name
    };
    let ext = name
        .rsplit_once('.')
        .map(|(_, e)| e.to_ascii_lowercase())
        .unwrap_or_default();
    let Some((_, media_type)) = FILE_TYPES.iter().find(|(e, _)| *e == ext) else {
        return Err(format!(
            "附件“{shown}”的类型不支持，请上传 PDF、JPG、PNG、OFD、DOC、DOCX 或 TXT 文件"
        ));
    };
    if part.data.is_empty() {
        return Err(format!("附件“{shown}”为空（0字节），请重新选择文件"));
    }
    if part.data.len() > MAX_FILE_BYTES {
        return Err(format!(
            "附件“{shown}”大小为{:.1}MB，超过每个附件{}MB的上限，请压缩后重新上传",
            part.data.len() as f64 / (1024.0 * 1024.0),
            MAX_FILE_BYTES / (1024 * 1024)
        ));
    }
    Ok(NewAttachment {
        file_name: name,
        media_type: (*media_type).to_owned(),
        bytes: part.data.clone(),
    })
}

/// Checks everything and collects every error, in the order of the form.
pub fn check(
    input: &ApplyInput,
    files: &[Part],
    today: NaiveDate,
) -> Result<Checked, Vec<FieldError>> {
    let mut errors = Vec::new();
    let mut push = |control: &'static str, message: String| {
        errors.push(FieldError { control, message });
    };
    let applicant_type = input.applicant_type();
    if applicant_type.is_none() {
        push("applicant_type", "请选择申请人类型".into());
    }
    let organisation = input.is_organisation();
    let mut name = String::new();
    let mut id_type = IdDocumentType::ResidentId;
    let mut id_number = String::new();
    let mut org_name = None;
    let mut credit = None;
    if organisation {
        match fields::required_text("单位名称", &input.org_name, 200) {
            Ok(v) => org_name = Some(v),
            Err(e) => push("org_name", store_message(e)),
        }
        if input.credit_code.trim().is_empty() {
            push("credit_code", "统一社会信用代码不能为空".into());
        } else {
            match fields::credit_code(&input.credit_code) {
                Ok(v) => {
                    id_type = IdDocumentType::BusinessLicense;
                    id_number.clone_from(&v);
                    credit = Some(v);
                }
                Err(e) => push("credit_code", store_message(e)),
            }
        }
        match fields::required_text("法定代表人或者主要负责人", &input.legal_rep, 40) {
            Ok(v) => name = v,
            Err(e) => push("legal_rep", store_message(e)),
        }
        let contact = input.contact.trim();
        if contact.chars().count() > 40 {
            push("contact", "联系人姓名不能超过40个字符".into());
        } else if !contact.is_empty() && contact != name {
            name = format!("{name}（联系人：{contact}）");
        }
    } else if applicant_type.is_some() {
        match fields::required_text("申请人姓名", &input.name, 100) {
            Ok(v) => name = v,
            Err(e) => push("name", store_message(e)),
        }
        match IdDocumentType::from_key(&input.id_type)
            .filter(|t| *t != IdDocumentType::BusinessLicense)
        {
            None => push("id_type", "请选择身份证件类型".into()),
            Some(t) => {
                id_type = t;
                let checked = if t == IdDocumentType::ResidentId {
                    fields::resident_id(&input.id_number, today)
                } else {
                    fields::required_text("身份证件号码", &input.id_number, 64)
                };
                match checked {
                    Ok(v) => id_number = v,
                    Err(e) => push("id_number", store_message(e)),
                }
            }
        }
    }
    let phone = fields::phone(&input.phone).unwrap_or_else(|e| {
        push("phone", store_message(e));
        String::new()
    });
    let email = fields::email(&input.email).unwrap_or_else(|e| {
        push("email", store_message(e));
        String::new()
    });
    let address = input.address.trim();
    if address.chars().count() > 200 {
        push("address", "通信地址不能超过200个字符".into());
    }
    let postcode = input.postcode.trim();
    let postcode_ok = postcode.is_empty()
        || (postcode.len() == 6 && postcode.bytes().all(|b| b.is_ascii_digit()));
    if !postcode_ok {
        push("postcode", "邮政编码应为6位数字".into());
    }
    let description = fields::required_text(
        "所需政府信息的描述",
        &input.description,
        fields::MAX_DESCRIPTION_CHARS,
    )
    .unwrap_or_else(|e| {
        push("description", store_message(e));
        String::new()
    });
    let delivery = if !PROVIDE.iter().any(|(k, _)| *k == input.provide) {
        push("provide", "请选择所需信息的提供形式".into());
        None
    } else if !WAYS.iter().any(|(k, _)| *k == input.way) {
        push("way", "请选择获取信息的方式".into());
        None
    } else {
        let form = delivery_form(&input.provide, &input.way);
        if form.is_none() {
            push(
                "way",
                match input.provide.as_str() {
                    "paper" => "纸质文本只能选择邮寄或当面领取",
                    "electronic" => "电子文本只能选择电子邮件或网上获取",
                    _ => "当场阅读、抄录请选择当面领取或查阅",
                }
                .into(),
            );
        }
        form
    };
    if delivery == Some(DeliveryForm::ElectronicEmail) && input.email.trim().is_empty() {
        push("email", "选择以电子邮件获取时，请填写电子邮箱".into());
    }
    if delivery == Some(DeliveryForm::PaperPost) && address.is_empty() {
        push("address", "选择邮寄时，请填写通信地址".into());
    }
    let mut attachments = Vec::new();
    if files.len() > MAX_FILES {
        push(
            "attachments",
            format!("最多上传{MAX_FILES}个附件（现有{}个）", files.len()),
        );
    } else {
        for part in files {
            match check_file(part) {
                Ok(file) => attachments.push(file),
                Err(message) => push("attachments", message),
            }
        }
        let total: usize = files.iter().map(|f| f.data.len()).sum();
        if total > MAX_FILES_TOTAL {
            push(
                "attachments",
                format!(
                    "附件合计超过{}MB，请压缩后重新上传",
                    MAX_FILES_TOTAL / (1024 * 1024)
                ),
            );
        }
    }
    if !input.consent {
        push("consent", "请阅读并勾选申请承诺".into());
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    let full_address = if postcode.is_empty() {
        address.to_owned()
    } else {
        format!("{address}（邮编{postcode}）")
    };
    Ok(Checked {
        applicant: NewApplicant {
            applicant_type: applicant_type.unwrap_or(ApplicantType::NaturalPerson),
            name,
            id_document_type: id_type,
            id_document_number: id_number,
            phone,
            address: full_address,
            email,
            organisation_name: org_name,
            credit_code: credit,
        },
        description,
        delivery: delivery.unwrap_or(DeliveryForm::ElectronicOnline),
        files: attachments,
    })
}

/// The name as shown on the status page: the first character, the rest
/// hidden (张** ; for organisations' “法定代表人（联系人：…）” only the
/// first name counts).
pub fn masked_name(name: &str) -> String {
    let first_name = name.split('（').next().unwrap_or_default().trim();
    let mut chars = first_name.chars();
    match chars.next() {
        None => "*".into(),
        Some(first) => {
            let hidden = chars.count().clamp(1, 3);
            format!("{first}{}", "*".repeat(hidden))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn file_names_lose_their_paths() {
        assert_eq!(clean_file_name("../../etc/passwd"), "passwd");
        assert_eq!(clean_file_name("C:\\Users\\a\\身份证.jpg"), "身份证.jpg");
        assert_eq!(clean_file_name("<script>.pdf"), "script.pdf");
        assert_eq!(clean_file_name(".hidden"), "hidden");
        let long = format!("{}.pdf", "长".repeat(200));
        assert!(clean_file_name(&long).ends_with(".pdf"));
        assert_eq!(clean_file_name(&long).chars().count(), 94);
    }

    #[test]
    fn masks_and_deliveries() {
        assert_eq!(masked_name("张三"), "张*");
        assert_eq!(masked_name("欧阳娜娜"), "欧***");
        assert_eq!(masked_name("王五（联系人：李四）"), "王*");
        assert_eq!(delivery_form("paper", "email"), None);
        assert_eq!(
            delivery_form("electronic", "online"),
            Some(DeliveryForm::ElectronicOnline)
        );
        assert_eq!(control_of("申请人姓名", true), "legal_rep");
        assert_eq!(control_of("居民身份证号码", false), "id_number");
    }
}
