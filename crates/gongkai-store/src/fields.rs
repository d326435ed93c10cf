//! Validation of the fields of a registration form, with errors that name the
//! field in Chinese: 居民身份证号码 (GB 11643 checksum), 统一社会信用代码
//! (GB 32100 checksum), phone numbers, e-mail, texts and dates.

use chrono::NaiveDate;

use crate::StoreError;
use crate::model::{IdDocumentType, NewApplicant, NewApplication};

/// The longest request description accepted, in characters.
pub const MAX_DESCRIPTION_CHARS: usize = 5000;

/// The day the 2008 Regulation took effect; no application can be older.
fn earliest_receipt() -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(2008, 5, 1)
}

fn invalid(field: &'static str, message: impl Into<String>) -> StoreError {
    StoreError::InvalidField {
        field,
        message: message.into(),
    }
}

/// A required single-line text of at most `max` characters, trimmed.
pub fn required_text(field: &'static str, value: &str, max: usize) -> Result<String, StoreError> {
    let value = value.trim();
    if value.is_empty() {
        return Err(invalid(field, "不能为空"));
    }
    let chars = value.chars().count();
    if chars > max {
        return Err(invalid(
            field,
            format!("不能超过{max}个字符（现有{chars}个）"),
        ));
    }
    Ok(value.to_owned())
}

/// Checks a 18-digit 居民身份证号码: digits, a real birth date not after
/// `today`, and the GB 11643-1999 check character. Returns it upper-cased.
pub fn resident_id(value: &str, today: NaiveDate) -> Result<String, StoreError> {
    const FIELD: &str = "居民身份证号码";
    const WEIGHTS: [u32; 17] = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
    const CHECK: [char; 11] = ['1', '0', 'X', '9', '8', '7', '6', '5', '4', '3', '2'];
    let id = value.trim().to_uppercase();
    let chars: Vec<char> = id.chars().collect();
    if chars.len() != 18 {
        return Err(invalid(FIELD, format!("应为18位（现有{}位）", chars.len())));
    }
    let mut sum = 0;
    for (c, w) in chars.iter().zip(WEIGHTS) {
        let digit = c
            .to_digit(10)
            .ok_or_else(|| invalid(FIELD, "前17位应为数字"))?;
        sum += digit * w;
    }
    let birth = &id[6..14];
    if NaiveDate::parse_from_str(birth, "%Y%m%d")
        .ok()
        .filter(|b| *b <= today)
        .is_none()
    {
        return Err(invalid(FIELD, format!("出生日期“{birth}”不是有效日期")));
    }
    let expected = CHECK[(sum % 11) as usize];
    if chars[17] != expected {
        return Err(invalid(FIELD, "校验码不正确，请核对号码"));
    }
    Ok(id)
}

/// Checks a 18-character 统一社会信用代码 with its GB 32100-2015 check character.
pub fn credit_code(value: &str) -> Result<String, StoreError> {
    const FIELD: &str = "统一社会信用代码";
    const ALPHABET: &str = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    const WEIGHTS: [usize; 17] = [
        1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28,
    ];
    let code = value.trim().to_uppercase();
    let chars: Vec<char> = code.chars().collect();
    if chars.len() != 18 {
        return Err(invalid(FIELD, format!("应为18位（现有{}位）", chars.len())));
    }
    let values: Option<Vec<usize>> = chars.iter().map(|c| ALPHABET.find(*c)).collect();
    let values = values.ok_or_else(|| invalid(FIELD, "含有不允许的字符（不使用I、O、Z、S、V）"))?;
    let sum: usize = values.iter().zip(WEIGHTS).map(|(v, w)| v * w).sum();
    let check = (31 - sum % 31) % 31;
    if values[17] != check {
        return Err(invalid(FIELD, "校验码不正确，请核对代码"));
    }
    Ok(code)
}

/// Checks a phone number: a mobile number `1[3-9]` + 9 digits, or a landline
/// with area code (`0xx-xxxxxxxx`, optional extension). Spaces are removed.
pub fn phone(value: &str) -> Result<String, StoreError> {
    const FIELD: &str = "联系电话";
    let number: String = value.chars().filter(|c| !c.is_whitespace()).collect();
    let number = number.strip_prefix("+86").unwrap_or(&number).to_owned();
    let bytes = number.as_bytes();
    let is_mobile = bytes.len() == 11
        && bytes[0] == b'1'
        && (b'3'..=b'9').contains(&bytes[1])
        && bytes.iter().all(u8::is_ascii_digit);
    if is_mobile || is_landline(&number) {
        return Ok(number);
    }
    if number.is_empty() {
        return Err(invalid(FIELD, "不能为空"));
    }
    Err(invalid(
        FIELD,
        format!("“{number}”不是有效的手机号码（1开头11位）或带区号的固定电话（如0573-86012345）"),
    ))
}

/// `0` + 2–3 digit area code, optional `-`, 7–8 digit number, optional `-` extension.
fn is_landline(number: &str) -> bool {
    let mut parts = number.splitn(3, '-');
    let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    match (parts.next(), parts.next(), parts.next()) {
        (Some(area), Some(local), ext) => {
            digits(area)
                && area.starts_with('0')
                && (3..=4).contains(&area.len())
                && digits(local)
                && (7..=8).contains(&local.len())
                && ext.is_none_or(|e| digits(e) && e.len() <= 6)
        }
        (Some(all), None, _) => {
            digits(all) && all.starts_with('0') && (10..=12).contains(&all.len())
        }
        _ => false,
    }
}

/// Checks an e-mail address (empty is allowed: the field is optional).
pub fn email(value: &str) -> Result<String, StoreError> {
    const FIELD: &str = "电子邮箱";
    let email = value.trim();
    if email.is_empty() {
        return Ok(String::new());
    }
    let valid = email.len() <= 254
        && !email.chars().any(char::is_whitespace)
        && email.split_once('@').is_some_and(|(local, domain)| {
            !local.is_empty()
                && !domain.contains('@')
                && domain.contains('.')
                && !domain.starts_with('.')
                && !domain.ends_with('.')
                && !domain.contains("..")
        });
    if valid {
        Ok(email.to_owned())
    } else {
        Err(invalid(FIELD, format!("“{email}”不是有效的电子邮箱地址")))
    }
}

/// Checks a receipt date: not before the Regulation took effect, not after today.
pub fn received_on(date: NaiveDate, today: NaiveDate) -> Result<NaiveDate, StoreError> {
    const FIELD: &str = "收到申请日期";
    if date > today {
        return Err(invalid(FIELD, format!("{date}晚于今天（{today}）")));
    }
    if earliest_receipt().is_some_and(|earliest| date < earliest) {
        return Err(invalid(FIELD, format!("{date}早于条例施行日期2008-05-01")));
    }
    Ok(date)
}

/// Checks and normalises an applicant.
pub fn applicant(a: &NewApplicant, today: NaiveDate) -> Result<NewApplicant, StoreError> {
    let id_document_number = match a.id_document_type {
        IdDocumentType::ResidentId => resident_id(&a.id_document_number, today)?,
        IdDocumentType::BusinessLicense => credit_code(&a.id_document_number)?,
        _ => required_text("身份证件号码", &a.id_document_number, 64)?,
    };
    let (organisation_name, credit) = if a.applicant_type.is_organisation() {
        let name = a.organisation_name.as_deref().unwrap_or_default();
        let code = a
            .credit_code
            .as_deref()
            .filter(|c| !c.trim().is_empty())
            .map(credit_code)
            .transpose()?;
        (Some(required_text("单位名称", name, 200)?), code)
    } else {
        (None, None)
    };
    Ok(NewApplicant {
        applicant_type: a.applicant_type,
        name: required_text("申请人姓名", &a.name, 100)?,
        id_document_type: a.id_document_type,
        id_document_number,
        phone: phone(&a.phone)?,
        address: a.address.trim().chars().take(500).collect(),
        email: email(&a.email)?,
        organisation_name,
        credit_code: credit,
    })
}

/// Checks and normalises an application before it is registered.
pub fn application(a: &NewApplication, today: NaiveDate) -> Result<NewApplication, StoreError> {
    Ok(NewApplication {
        agency_code: required_text("机构代码", &a.agency_code, 64)?,
        applicant: applicant(&a.applicant, today)?,
        channel: a.channel,
        received_on: received_on(a.received_on, today)?,
        description: required_text("申请内容描述", &a.description, MAX_DESCRIPTION_CHARS)?,
        delivery_form: a.delivery_form,
    })
}

/// The ID number with all but the first 6 and last 4 characters hidden, for the audit log.
pub fn masked(number: &str) -> String {
    let chars: Vec<char> = number.chars().collect();
    if chars.len() <= 10 {
        return "*".repeat(chars.len());
    }
    let head: String = chars[..6].iter().collect();
    let tail: String = chars[chars.len() - 4..].iter().collect();
    format!("{head}{}{tail}", "*".repeat(chars.len() - 10))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2024, 10, 1).expect("date")
    }

    #[test]
    fn resident_id_checksum() {
        // The GB 11643 example number.
        assert_eq!(
            resident_id("11010519491231002x", today()).expect("valid"),
            "11010519491231002X"
        );
        assert!(resident_id("110105194912310021", today()).is_err());
        assert!(resident_id("11010519491331002X", today()).is_err());
        assert!(resident_id("1101051949123100", today()).is_err());
        let err = resident_id("110105194912310021", today()).expect_err("bad checksum");
        assert!(err.to_string().starts_with("居民身份证号码无效"), "{err}");
    }

    #[test]
    fn credit_code_checksum() {
        assert!(credit_code("91350100M000100Y43").is_ok());
        assert!(credit_code("91350100M000100Y44").is_err());
        assert!(credit_code("91350100M000100Y4").is_err());
    }

    #[test]
    fn phones() {
        for ok in [
            "13812345678",
            "+86 138 1234 5678",
            "0573-86012345",
            "010-12345678-123",
            "057386012345",
        ] {
            assert!(phone(ok).is_ok(), "{ok}");
        }
        for bad in [
            "12812345678",
            "1381234567",
            "86012345",
            "0573-12",
            "abc",
            "",
        ] {
            let err = phone(bad).expect_err(bad);
            assert!(err.to_string().starts_with("联系电话无效"), "{err}");
        }
    }

    #[test]
    fn emails() {
        assert_eq!(email("").expect("optional"), "");
        assert!(email("a@b.cn").is_ok());
        for bad in ["a@b", "@b.cn", "a b@c.cn", "a@@b.cn", "a@.cn"] {
            assert!(email(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn texts_and_dates() {
        assert!(required_text("申请内容描述", "  ", 10).is_err());
        assert!(required_text("申请内容描述", &"字".repeat(11), 10).is_err());
        assert!(received_on(NaiveDate::from_ymd_opt(2024, 10, 2).expect("d"), today()).is_err());
        assert!(received_on(NaiveDate::from_ymd_opt(2008, 4, 30).expect("d"), today()).is_err());
        assert_eq!(masked("11010519491231002X"), "110105********002X");
    }
}
