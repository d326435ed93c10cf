//! Administrators' template folders: overrides, and errors that name the
//! file and line.

mod common;

use std::fs;

use common::context;
use gongkai_domain::deadline::Outcome;
use gongkai_notices::{DEFAULT_TEMPLATES, NoticeError, NoticeKind, NoticeTemplates, render_html};

fn folder(files: &[(&str, &str)]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    for (name, text) in files {
        let path = dir.path().join(name);
        if let Some(parent) = path.parent() {
            fs::create_dir_all(parent).expect("mkdir");
        }
        fs::write(path, text).expect("write");
    }
    dir
}

fn answer_ctx(outcome: Outcome) -> gongkai_notices::NoticeContext {
    let mut ctx = context();
    ctx.outcome = Some(outcome);
    ctx
}

#[test]
fn every_outcome_has_a_built_in_answer_body() {
    for outcome in Outcome::ALL {
        let name = format!("answer/{}.txt.j2", outcome.key());
        assert!(
            DEFAULT_TEMPLATES.iter().any(|(n, _)| *n == name),
            "{name} missing"
        );
    }
    for kind in NoticeKind::ALL {
        assert!(
            NoticeTemplates::builtin()
                .source(kind.template_name())
                .is_some()
        );
    }
}

#[test]
fn an_override_replaces_one_template_only() {
    let dir = folder(&[(
        "answer/granted.txt.j2",
        "\u{feff}经审核，本局同意公开。依据《中华人民共和国政府信息公开条例》{{ outcome.article }}，现予提供。\n",
    )]);
    let templates = NoticeTemplates::load_dir(dir.path()).expect("loads");
    assert!(templates.overridden_by("answer/granted.txt.j2").is_some());
    assert!(templates.overridden_by("answer.txt.j2").is_none());

    let html = render_html(
        NoticeKind::Answer,
        &answer_ctx(Outcome::Granted),
        &templates,
    )
    .expect("renders");
    assert!(html.contains("经审核，本局同意公开。"));
    assert!(!html.contains('\u{feff}'));
    // The frame and the remedy sentence still come from the defaults.
    assert!(html.contains("政府信息公开申请答复书"));
    assert!(html.contains("申请行政复议"));
    // Other outcomes are untouched.
    let other = render_html(
        NoticeKind::Answer,
        &answer_ctx(Outcome::PartiallyGranted),
        &templates,
    )
    .expect("renders");
    assert!(other.contains("能够作区分处理"));
}

#[test]
fn a_broken_template_is_reported_with_file_and_line() {
    let dir = folder(&[(
        "fee.txt.j2",
        "# {{ agency.name }}\n# 收费通知书\n{% if fee.amount %}\n金额{{ fee.amount }元\n",
    )]);
    let err = NoticeTemplates::load_dir(dir.path()).expect_err("does not parse");
    let NoticeError::Template { file, line, .. } = &err else {
        panic!("not a template error: {err}");
    };
    assert!(file.ends_with("fee.txt.j2"), "{file}");
    assert!(file.contains(&dir.path().display().to_string()), "{file}");
    assert_eq!(*line, Some(4));
    let message = err.to_string();
    assert!(
        message.contains("fee.txt.j2") && message.contains("line 4"),
        "{message}"
    );
}

#[test]
fn an_undefined_variable_is_an_error_not_an_empty_string() {
    let dir = folder(&[(
        "acknowledgement.txt.j2",
        "# 受理回执\n@left {{ applicant.name }}：\n您的申请已于{{ recieved_on }}收到。\n",
    )]);
    let templates = NoticeTemplates::load_dir(dir.path()).expect("parses");
    let err = render_html(NoticeKind::Acknowledgement, &context(), &templates)
        .expect_err("undefined variable");
    let NoticeError::Template {
        file,
        line,
        message,
    } = &err
    else {
        panic!("not a template error: {err}");
    };
    assert!(file.ends_with("acknowledgement.txt.j2"), "{file}");
    assert_eq!(*line, Some(3));
    assert!(
        message.contains("undefined") && message.contains("recieved_on"),
        "{message}"
    );
}

#[test]
fn an_undefined_attribute_in_an_included_template_names_that_template() {
    let dir = folder(&[(
        "remedy.txt.j2",
        "如不服，可以向{{ remedies.reconsideration_office }}申请行政复议。\n",
    )]);
    let templates = NoticeTemplates::load_dir(dir.path()).expect("parses");
    let err = render_html(
        NoticeKind::Answer,
        &answer_ctx(Outcome::Granted),
        &templates,
    )
    .expect_err("undefined attribute");
    let text = err.to_string();
    assert!(
        text.contains("remedy.txt.j2") && text.contains("line 1"),
        "{text}"
    );
}

#[test]
fn printing_a_missing_optional_value_is_an_error() {
    let dir = folder(&[(
        "acknowledgement.txt.j2",
        "# 受理回执\n应于{{ answer_due }}前答复。\n",
    )]);
    let templates = NoticeTemplates::load_dir(dir.path()).expect("parses");
    let mut ctx = context();
    ctx.answer_due = None;
    let err = render_html(NoticeKind::Acknowledgement, &ctx, &templates).expect_err("none printed");
    assert!(err.to_string().contains("none"), "{err}");
    // The built-in template guards it.
    assert!(
        render_html(
            NoticeKind::Acknowledgement,
            &ctx,
            &NoticeTemplates::builtin()
        )
        .is_ok()
    );
}

#[test]
fn an_unknown_template_file_is_refused() {
    let dir = folder(&[("answr.txt.j2", "# x\n"), ("notes.md", "ignored")]);
    let err = NoticeTemplates::load_dir(dir.path()).expect_err("unknown name");
    assert!(matches!(err, NoticeError::UnknownTemplate { .. }), "{err}");
    assert!(err.to_string().contains("answr.txt.j2"), "{err}");
}

#[test]
fn a_template_without_title_is_refused() {
    let dir = folder(&[("extension.txt.j2", "本机关决定延期答复。\n")]);
    let templates = NoticeTemplates::load_dir(dir.path()).expect("parses");
    let err =
        render_html(NoticeKind::ExtensionNotice, &context(), &templates).expect_err("no title");
    assert!(matches!(err, NoticeError::NoTitle { .. }), "{err}");
}

#[test]
fn exported_defaults_load_back_unchanged() {
    let dir = tempfile::tempdir().expect("temp dir");
    NoticeTemplates::write_defaults(dir.path()).expect("writes");
    let templates = NoticeTemplates::load_dir(dir.path()).expect("loads");
    let builtin = NoticeTemplates::builtin();
    let ctx = answer_ctx(Outcome::DeniedThirdParty);
    for kind in NoticeKind::ALL {
        assert_eq!(
            render_html(kind, &ctx, &templates).expect("renders"),
            render_html(kind, &ctx, &builtin).expect("renders"),
        );
    }
    assert!(
        templates
            .overridden_by("answer/denied_third_party.txt.j2")
            .is_some()
    );
}
