//! The back office's templates (`templates/staff/`) and their view models.
//! Every value is escaped by askama.

use askama::Template;
use chrono::{DateTime, FixedOffset, Utc};
use gongkai_store::StaffRole;

use super::Staff;

/// A time in Beijing time (UTC+8), formatted.
pub(crate) fn beijing_time(at: DateTime<Utc>, format: &str) -> String {
    FixedOffset::east_opt(8 * 3600)
        .map(|tz| at.with_timezone(&tz).format(format).to_string())
        .unwrap_or_default()
}

/// A link of the side menu.
#[derive(Debug, Clone)]
pub(crate) struct MenuLink {
    pub label: &'static str,
    pub href: &'static str,
    pub current: bool,
}

/// What every staff page shows around its content.
#[derive(Debug, Clone)]
pub(crate) struct StaffChrome {
    /// The `<title>` and heading.
    pub title: String,
    /// The signed-in user: name, role label, agency; `None` on the sign-in
    /// and error pages.
    pub user: Option<(String, &'static str, String)>,
    /// The CSRF token for the sign-out form.
    pub csrf: String,
    /// The side menu.
    pub menu: Vec<MenuLink>,
}

impl StaffChrome {
    /// Chrome without a user (sign-in, errors).
    pub(crate) fn anonymous(title: &str) -> StaffChrome {
        StaffChrome {
            title: title.to_owned(),
            user: None,
            csrf: String::new(),
            menu: Vec::new(),
        }
    }

    /// Chrome for `staff`, with the menu entries the role may use.
    pub(crate) fn for_user(staff: &Staff, title: impl Into<String>, section: &str) -> StaffChrome {
        let role = staff.user.role;
        let acts = matches!(role, StaffRole::Administrator | StaffRole::Officer);
        let mut menu = Vec::new();
        let mut link = |label: &'static str, href: &'static str, key: &str| {
            menu.push(MenuLink {
                label,
                href,
                current: section == key,
            });
        };
        if staff.scope.has_cases() {
            link("依申请公开办件", "/staff/cases", "cases");
            if acts {
                link("登记申请", "/staff/cases/new", "register");
            }
            link("到期提醒", "/staff/reminders", "reminders");
            link("复议诉讼", "/staff/disputes", "disputes");
            link("统计图表", "/staff/dashboard", "dashboard");
        }
        // Every role works with the catalog: officers draft, reviewers review,
        // supervisors read.
        link("信息发布", "/staff/items", "items");
        if acts {
            link("目录导入", "/staff/items/import", "import");
        }
        if role != StaffRole::Reviewer {
            link("年度报告", "/staff/reports", "reports");
        }
        if matches!(role, StaffRole::Administrator | StaffRole::Supervisor) {
            link("报告汇总", "/staff/reports/overview", "overview");
        }
        if role == StaffRole::Administrator {
            link("用户管理", "/staff/admin/users", "users");
            link("检索词典", "/staff/admin/search-words", "search_words");
        }
        menu.push(MenuLink {
            label: "修改密码",
            href: "/staff/password",
            current: section == "password",
        });
        StaffChrome {
            title: title.into(),
            user: Some((
                staff.user.display_name.clone(),
                staff.user.role.label(),
                staff.agency_name.clone(),
            )),
            csrf: staff.csrf.clone(),
            menu,
        }
    }
}

/// `GET /staff/login`.
#[derive(Template)]
#[template(path = "staff/login.html")]
pub(crate) struct LoginView {
    pub chrome: StaffChrome,
    pub csrf: String,
    pub username: String,
    pub next: String,
    pub error: Option<String>,
    pub notice: Option<&'static str>,
}

/// `GET /staff/password`.
#[derive(Template)]
#[template(path = "staff/password.html")]
pub(crate) struct PasswordView {
    pub chrome: StaffChrome,
    pub csrf: String,
    pub error: Option<String>,
    pub done: bool,
    pub min_chars: usize,
}

/// Staff error pages.
#[derive(Template)]
#[template(path = "staff/error.html")]
pub(crate) struct StaffErrorView {
    pub chrome: StaffChrome,
    pub status: u16,
    pub heading: &'static str,
    pub message: String,
}

/// An option of a `<select>`.
#[derive(Debug, Clone)]
pub(crate) struct Choice {
    pub value: String,
    pub label: String,
    pub selected: bool,
}

/// How urgent a row or deadline is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Urgency {
    Overdue,
    Soon,
    Normal,
    Paused,
    None,
}

impl Urgency {
    /// The CSS class.
    pub(crate) fn class(&self) -> &'static str {
        match self {
            Urgency::Overdue => "u-overdue",
            Urgency::Soon => "u-soon",
            Urgency::Normal => "u-normal",
            Urgency::Paused => "u-paused",
            Urgency::None => "u-none",
        }
    }
}

/// A row of the inbox.
#[derive(Debug, Clone)]
pub(crate) struct InboxRow {
    pub href: String,
    pub number: String,
    pub applicant: String,
    pub phone_masked: String,
    pub description: String,
    pub agency: String,
    pub received: String,
    pub state: &'static str,
    pub state_class: &'static str,
    pub pauses: Vec<&'static str>,
    pub due: String,
    pub due_text: String,
    pub urgency: Urgency,
}

/// A figure on the inbox summary.
#[derive(Debug, Clone)]
pub(crate) struct Tile {
    pub label: &'static str,
    pub value: usize,
    pub class: &'static str,
}

/// `GET /staff/cases`.
#[derive(Template)]
#[template(path = "staff/inbox.html")]
pub(crate) struct InboxView {
    pub chrome: StaffChrome,
    pub tiles: Vec<Tile>,
    pub rows: Vec<InboxRow>,
    pub total: usize,
    pub states: Vec<Choice>,
    pub agencies: Vec<Choice>,
    pub q: String,
    pub show_agency: bool,
    pub page: usize,
    pub pages: usize,
    pub prev_href: Option<String>,
    pub next_href: Option<String>,
    pub heading: String,
}

/// A field of the applicant panel.
#[derive(Debug, Clone)]
pub(crate) struct Field {
    pub label: &'static str,
    pub value: String,
}

/// A computed deadline on the case page.
#[derive(Debug, Clone)]
pub(crate) struct DeadlineRow {
    pub label: &'static str,
    pub due: String,
    pub status: String,
    pub reason: String,
    pub urgency: Urgency,
}

/// An entry of the timeline.
#[derive(Debug, Clone)]
pub(crate) struct TimelineEntry {
    pub date: String,
    pub label: &'static str,
    pub detail: String,
    pub actor: String,
    pub recorded: String,
}

/// A notice offered for download.
#[derive(Debug, Clone)]
pub(crate) struct NoticeLink {
    pub title: &'static str,
    pub docx: String,
    pub html: String,
}

/// An attachment link.
#[derive(Debug, Clone)]
pub(crate) struct AttachmentLink {
    pub name: String,
    pub href: String,
    pub size: String,
}

/// The forms of the next possible steps.
#[derive(Debug, Clone, Default)]
pub(crate) struct Actions {
    pub correction: bool,
    pub correction_received: bool,
    pub consultation: bool,
    pub consultation_replied: bool,
    pub served: bool,
    pub extension: bool,
    pub deadline: bool,
    pub fee: bool,
    pub payment: bool,
    pub answer: bool,
    pub close: bool,
    pub withdraw: bool,
}

impl Actions {
    pub(crate) fn any(&self) -> bool {
        self.correction
            || self.correction_received
            || self.consultation
            || self.consultation_replied
            || self.served
            || self.extension
            || self.deadline
            || self.fee
            || self.payment
            || self.answer
            || self.close
            || self.withdraw
    }
}

/// `GET /staff/cases/{id}`.
#[derive(Template)]
#[template(path = "staff/case.html")]
pub(crate) struct CaseView {
    pub chrome: StaffChrome,
    pub csrf: String,
    pub id: i64,
    pub number: String,
    pub agency: String,
    pub state: &'static str,
    pub state_class: &'static str,
    pub received: String,
    pub channel: String,
    pub delivery: String,
    pub query_code: String,
    pub description: String,
    pub applicant: Vec<Field>,
    pub personal_shown: bool,
    pub deadlines: Vec<DeadlineRow>,
    pub pauses: Vec<String>,
    pub extension: Option<String>,
    pub outcome: Option<String>,
    pub timeline: Vec<TimelineEntry>,
    pub notices: Vec<NoticeLink>,
    pub attachments: Vec<AttachmentLink>,
    pub actions: Actions,
    pub read_only_reason: Option<&'static str>,
    pub outcomes: Vec<Choice>,
    pub today: String,
    pub flash: Option<String>,
    pub error: Option<String>,
    pub error_action: String,
    pub provisional: Option<String>,
    /// Transfer, reopening and review cases (see `handling`).
    pub handling: super::handling::CasePanel,
    /// The 送达方式 choices of the notice forms.
    pub services: Vec<Choice>,
    /// The notices awaiting a service date (by record number).
    pub unserved: Vec<Choice>,
    /// The consultations awaiting a reply (by record number).
    pub open_consultations: Vec<Choice>,
    /// Steps recorded without effect on the deadlines, with the reason.
    pub ineffective: Vec<String>,
}

/// A row of the user list.
#[derive(Debug, Clone)]
pub(crate) struct UserRow {
    pub id: i64,
    pub username: String,
    pub display_name: String,
    pub role: &'static str,
    pub agency: String,
    pub active: bool,
    /// For the reminder digest (empty when none).
    pub email: String,
}

/// `GET /staff/admin/users`.
#[derive(Template)]
#[template(path = "staff/users.html")]
pub(crate) struct UsersView {
    pub chrome: StaffChrome,
    pub csrf: String,
    pub users: Vec<UserRow>,
    pub roles: Vec<Choice>,
    pub agencies: Vec<Choice>,
    pub error: Option<String>,
    pub flash: Option<String>,
    pub min_chars: usize,
    pub form_username: String,
    pub form_display_name: String,
}

/// A word of the search dictionary.
pub(crate) struct SearchWordRow {
    pub word: String,
    pub added_by: String,
    /// `YYYY-MM-DD HH:MM`.
    pub added_at: String,
}

/// `GET /staff/admin/search-words`.
#[derive(Template)]
#[template(path = "staff/search_words.html")]
pub(crate) struct SearchWordsView {
    pub chrome: StaffChrome,
    pub csrf: String,
    pub words: Vec<SearchWordRow>,
    pub flash: Option<String>,
    pub error: Option<String>,
    pub form_word: String,
    pub try_text: String,
    pub try_words: Vec<String>,
    pub max_chars: usize,
}
