//! The service itself: home, eligibility, the page for minors, choosing files, case status.

use maud::{Markup, html};
use serde::Deserialize;
use serde_json::json;

use super::{Ctx, Nav, PageSpec, layout};
use crate::config::tel_href;
use crate::{HASHER_ERROR_CODES, QUALITY_FLOOR, TRANSLATED_ERROR_CODES};

/// The case API paths, as the hub serves them (docs/architecture.md, "Case API").
const API_PLATFORMS: &str = "/api/v1/platforms";
const API_CASES: &str = "/api/v1/cases";
const API_STATUS: &str = "/api/v1/cases/status";
const API_WITHDRAW: &str = "/api/v1/cases/withdraw";

/// The plain name of the hashing Web Worker, which the WebAssembly build provides.
const HASHER_WORKER: &str = "hasher-worker.js";

fn api_error_keys() -> impl Iterator<Item = String> {
    TRANSLATED_ERROR_CODES
        .iter()
        .chain(&["network", "unknown"])
        .map(|code| format!("error-api-{code}"))
}

pub(crate) fn home(ctx: &Ctx) -> Markup {
    let strings = ctx.js_strings([
        "home-platforms-empty",
        "home-platforms-error",
        "home-platforms-loading",
    ]);
    layout(
        ctx,
        PageSpec {
            title: ctx.t("home-title"),
            nav: Nav::Home,
            scripts: &["home.js"],
            data: Some(json!({ "api": { "platforms": API_PLATFORMS }, "strings": strings })),
        },
        html! {
            section.hero {
                h1 { (ctx.t("home-title")) }
                p.lead { (ctx.t("home-lead")) }
                p.actions {
                    a.button.primary href=(ctx.href("/eligibility")) { (ctx.t("home-start")) }
                    a.button.secondary href=(ctx.href("/status")) { (ctx.t("home-status-link")) }
                }
            }
            section aria-labelledby="how" {
                h2 #how { (ctx.t("home-how-heading")) }
                ol.steps {
                    @for key in super::numbered_keys(ctx, "home-how") { li { (ctx.t(&key)) } }
                }
            }
            section aria-labelledby="limits" {
                h2 #limits { (ctx.t("home-limits-heading")) }
                ul {
                    @for key in super::numbered_keys(ctx, "home-limits") { li { (ctx.rich(&key)) } }
                }
                p { a href=(ctx.href("/help")) { (ctx.t("home-limits-help")) } }
            }
            section #platforms aria-labelledby="platforms-heading" {
                h2 #platforms-heading { (ctx.t("home-platforms-heading")) }
                p #platforms-state role="status" { (ctx.t("home-platforms-noscript")) }
                ul #platforms-list .platforms hidden {}
            }
            section aria-labelledby="protect" {
                h2 #protect { (ctx.t("home-protect-heading")) }
                ul {
                    @for key in super::numbered_keys(ctx, "home-protect") { li { (ctx.rich(&key)) } }
                }
                p { a href=(ctx.href("/privacy")) { (ctx.t("home-protect-more")) } }
            }
            section.callout aria-labelledby="not-alone" {
                h2 #not-alone { (ctx.t("home-help-heading")) }
                p { (ctx.t("home-help-text")) }
                p { a.button.secondary href=(ctx.href("/help")) { (ctx.t("home-help-link")) } }
            }
        },
    )
}

/// The answers of the eligibility form, as they arrive in the query string.
#[derive(Debug, Default, Deserialize)]
pub(crate) struct EligibilityAnswers {
    step: Option<String>,
    age: Option<String>,
    depicted: Option<String>,
    intimate: Option<String>,
}

/// A question answered in a way that does not allow a case.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Missing {
    Age,
    Depicted,
    Intimate,
}

/// Where the answers lead.
#[derive(Debug, PartialEq, Eq)]
pub(crate) enum Verdict {
    /// The form has not been sent yet.
    Unanswered,
    /// 18 or over, in the images, intimate: the person may create a case.
    Eligible,
    /// Under 18 (or unsure) when the images were made: the services for minors, no case.
    Minor,
    /// Something is missing; the form is shown again with explanations.
    Incomplete(Vec<Missing>),
}

impl EligibilityAnswers {
    pub(crate) fn verdict(&self) -> Verdict {
        if self.step.as_deref() != Some("check") {
            return Verdict::Unanswered;
        }
        // Under 18 (or unsure) wins over everything else: no case, whatever else was ticked.
        if let Some("minor" | "unsure") = self.age.as_deref() {
            return Verdict::Minor;
        }
        let mut missing = Vec::new();
        if self.age.as_deref() != Some("adult") {
            missing.push(Missing::Age);
        }
        if self.depicted.as_deref() != Some("yes") {
            missing.push(Missing::Depicted);
        }
        if self.intimate.as_deref() != Some("yes") {
            missing.push(Missing::Intimate);
        }
        if missing.is_empty() {
            Verdict::Eligible
        } else {
            Verdict::Incomplete(missing)
        }
    }
}

pub(crate) fn eligibility(ctx: &Ctx, answers: &EligibilityAnswers, missing: &[Missing]) -> Markup {
    let age = answers.age.as_deref();
    let error_id = |m: Missing| match m {
        Missing::Age => ("age-adult", "elig-error-age"),
        Missing::Depicted => ("depicted", "elig-error-depicted"),
        Missing::Intimate => ("intimate", "elig-error-intimate"),
    };
    let has = |m: Missing| missing.contains(&m);
    let title = if missing.is_empty() {
        ctx.t("elig-title")
    } else {
        format!(
            "{} – {}",
            ctx.t("elig-error-title-prefix"),
            ctx.t("elig-title")
        )
    };
    let radio = |value: &str, key: &str| {
        let id = format!("age-{value}");
        html! {
            div.choice {
                input type="radio" name="age" id=(id) value=(value) checked[age == Some(value)]
                    aria-describedby=@if has(Missing::Age) { "age-hint age-error" } @else { "age-hint" };
                label for=(id) { (ctx.t(key)) }
            }
        }
    };
    layout(
        ctx,
        PageSpec {
            title,
            nav: Nav::Start,
            scripts: &[],
            data: None,
        },
        html! {
            h1 { (ctx.t("elig-title")) }
            p.lead { (ctx.t("elig-lead")) }
            @if !missing.is_empty() {
                div.error-summary #error-summary role="alert" tabindex="-1" aria-labelledby="error-summary-title" {
                    h2 #error-summary-title { (ctx.t("elig-error-summary")) }
                    ul {
                        @for m in missing {
                            li { a href=(format!("#{}", error_id(*m).0)) { (ctx.t(error_id(*m).1)) } }
                        }
                    }
                }
            }
            form.stack method="get" action=(ctx.href("/files")) novalidate {
                input type="hidden" name="step" value="check";
                fieldset.group.invalid[has(Missing::Age)] {
                    legend { (ctx.t("elig-age-legend")) }
                    p.hint #age-hint { (ctx.t("elig-age-hint")) }
                    @if has(Missing::Age) { p.error #age-error { (ctx.t("elig-error-age")) } }
                    (radio("adult", "elig-age-adult"))
                    (radio("minor", "elig-age-minor"))
                    (radio("unsure", "elig-age-unsure"))
                }
                fieldset.group.invalid[has(Missing::Depicted) || has(Missing::Intimate)] {
                    legend { (ctx.t("elig-confirm-legend")) }
                    @if has(Missing::Depicted) { p.error #depicted-error { (ctx.t("elig-error-depicted")) } }
                    div.choice {
                        input type="checkbox" name="depicted" id="depicted" value="yes"
                            checked[answers.depicted.as_deref() == Some("yes")]
                            aria-describedby=[has(Missing::Depicted).then_some("depicted-error")];
                        label for="depicted" { (ctx.t("elig-depicted-label")) }
                    }
                    @if has(Missing::Intimate) { p.error #intimate-error { (ctx.t("elig-error-intimate")) } }
                    div.choice {
                        input type="checkbox" name="intimate" id="intimate" value="yes"
                            checked[answers.intimate.as_deref() == Some("yes")]
                            aria-describedby=[has(Missing::Intimate).then_some("intimate-error")];
                        label for="intimate" { (ctx.t("elig-intimate-label")) }
                    }
                }
                p.hint { (ctx.t("elig-why")) }
                p { button.button.primary type="submit" { (ctx.t("elig-continue")) } }
            }
        },
    )
}

pub(crate) fn minors(ctx: &Ctx) -> Markup {
    layout(
        ctx,
        PageSpec {
            title: ctx.t("minors-title"),
            nav: Nav::Start,
            scripts: &[],
            data: None,
        },
        html! {
            h1 { (ctx.t("minors-title")) }
            p.lead { (ctx.t("minors-lead")) }
            div.callout.calm {
                p { (ctx.t("minors-not-your-fault")) }
                p { (ctx.t("minors-nothing-sent")) }
            }
            @for service in &ctx.config.minors_services {
                section.card aria-labelledby=(format!("service-{}", slug(ctx.local(&service.name)))) {
                    h2 #(format!("service-{}", slug(ctx.local(&service.name)))) { (ctx.local(&service.name)) }
                    p { (ctx.local(&service.description)) }
                    ul.contact-list {
                        @if let Some(phone) = &service.phone {
                            li {
                                a.button.primary href=(tel_href(phone)) { (ctx.tw("contact-call", &[("phone", phone)])) }
                                @if let Some(hours) = &service.hours { " " span.hint { (ctx.local(hours)) } }
                            }
                        }
                        @if let Some(email) = &service.email {
                            li { a href=(format!("mailto:{email}")) { (ctx.tw("contact-write", &[("email", email)])) } }
                        }
                        @if let Some(url) = &service.url {
                            li { a href=(url) rel="noreferrer" { (ctx.tw("contact-website-of", &[("name", ctx.local(&service.name))])) } }
                        }
                    }
                }
            }
            p { (ctx.t("minors-now-adult")) }
            p { (ctx.t("minors-unsure")) }
            p { a href=(ctx.href("/eligibility")) { (ctx.t("minors-back")) } }
        },
    )
}

pub(crate) fn files(ctx: &Ctx) -> Markup {
    let mut keys: Vec<String> = [
        "files-need-one",
        "files-submitting",
        "files-submit",
        "files-waiting",
        "files-summary",
        "file-status-queued",
        "file-status-hashing",
        "file-status-ready",
        "file-status-low-quality",
        "file-status-error",
        "file-low-quality-explain",
        "file-browser-decoded",
        "file-remove",
        "file-kind-image",
        "file-kind-video",
        "hasher-unavailable",
        "case-created-title",
        "case-created-lead",
        "case-number-label",
        "case-pin-label",
        "case-warning",
        "case-copy-number",
        "case-copy-pin",
        "case-copied",
        "case-copy-failed",
        "case-download",
        "case-print",
        "case-file-title",
        "case-file-intro",
        "case-file-status",
        "case-file-name",
        "case-saved-check",
        "case-next-status",
        "case-next-help",
        "case-safety",
    ]
    .iter()
    .map(|k| (*k).to_owned())
    .collect();
    keys.extend(HASHER_ERROR_CODES.iter().map(|c| format!("error-file-{c}")));
    keys.extend(api_error_keys());
    let strings = ctx.js_strings(keys.iter().map(String::as_str));
    layout(
        ctx,
        PageSpec {
            title: ctx.t("files-title"),
            nav: Nav::Start,
            scripts: &["files.js"],
            data: Some(json!({
                "attestations": { "adult_when_made": true, "depicted": true, "intimate": true },
                "workerUrl": ctx.asset(HASHER_WORKER),
                "api": { "cases": API_CASES },
                "statusUrl": ctx.href("/status"),
                "helpUrl": ctx.href("/help"),
                "qualityFloor": QUALITY_FLOOR,
                "strings": strings,
            })),
        },
        html! {
            h1 #files-heading { (ctx.t("files-title")) }
            div #chooser {
                p.lead { (ctx.t("files-lead")) }
                noscript { p.callout.warning { (ctx.t("noscript")) } }
                div.error-box #hasher-error role="alert" hidden {}
                div.dropzone #dropzone {
                    input.file-input #file-input type="file" multiple accept="image/*,video/*,.heic,.heif" aria-describedby="accept-hint";
                    label.button.primary for="file-input" { (ctx.t("files-choose")) }
                    p.drop-hint #drop-hint hidden { (ctx.t("files-drop")) }
                    p.hint #accept-hint { (ctx.t("files-accept-hint")) }
                }
                h2 #files-list-heading { (ctx.t("files-list-heading")) }
                p #files-empty { (ctx.t("files-empty")) }
                ul.file-list #file-list aria-labelledby="files-list-heading" {}
                p.hint #files-summary role="status" {}
                p.hint { (ctx.t("files-privacy-note")) }
                div.error-box #submit-error role="alert" hidden {}
                p { button.button.primary #submit type="button" disabled { (ctx.t("files-submit")) } }
            }
            section #result hidden aria-labelledby="result-heading" {}
        },
    )
}

pub(crate) fn status(ctx: &Ctx, posted_without_script: bool) -> Markup {
    let mut keys: Vec<String> = [
        "status-invalid-number",
        "status-invalid-pin",
        "status-loading",
        "status-submit",
        "status-case-heading",
        "status-case-active",
        "status-case-withdrawn",
        "status-created",
        "status-withdrawn-on",
        "status-items-heading",
        "status-item-image",
        "status-item-video",
        "status-item-active",
        "status-item-withdrawn",
        "status-item-quarantined",
        "status-item-quarantined-explain",
        "status-item-unknown",
        "status-no-reports",
        "status-not-blocked-help",
        "status-withdraw-heading",
        "status-withdraw-explain",
        "status-withdraw",
        "status-withdraw-confirm-question",
        "status-withdraw-confirm",
        "status-withdraw-cancel",
        "status-hide",
        "outcome-matched",
        "outcome-pending_review",
        "outcome-blocked",
        "outcome-not_blocked",
        "outcome-unknown",
    ]
    .iter()
    .map(|k| (*k).to_owned())
    .collect();
    keys.extend(api_error_keys());
    let strings = ctx.js_strings(keys.iter().map(String::as_str));
    layout(
        ctx,
        PageSpec {
            title: ctx.t("status-title"),
            nav: Nav::Status,
            scripts: &["status.js"],
            data: Some(json!({
                "api": { "status": API_STATUS, "withdraw": API_WITHDRAW },
                "strings": strings,
            })),
        },
        html! {
            h1 { (ctx.t("status-title")) }
            @if posted_without_script {
                p.callout.warning role="alert" { (ctx.t("status-noscript-posted")) }
            }
            noscript { p.callout.warning { (ctx.t("noscript")) } }
            p.lead { (ctx.t("status-lead")) }
            form.stack #status-form method="post" action=(ctx.href("/status")) novalidate {
                div.field {
                    label for="case-number" { (ctx.t("status-number-label")) }
                    p.hint #case-number-hint { (ctx.t("status-number-hint")) }
                    p.error #case-number-error hidden {}
                    input #case-number name="case_number" type="text" autocomplete="off"
                        autocapitalize="characters" spellcheck="false" required
                        aria-describedby="case-number-hint case-number-error";
                }
                div.field {
                    label for="pin" { (ctx.t("status-pin-label")) }
                    p.hint #pin-hint { (ctx.t("status-pin-hint")) }
                    p.error #pin-error hidden {}
                    input.short #pin name="pin" type="text" inputmode="numeric" autocomplete="off"
                        spellcheck="false" required aria-describedby="pin-hint pin-error";
                }
                div.error-box #status-error role="alert" hidden {}
                p { button.button.primary #status-submit type="submit" { (ctx.t("status-submit")) } }
            }
            section #case-view hidden aria-labelledby="case-view-heading" {}
            p { a href=(ctx.href("/eligibility")) { (ctx.t("status-new-case")) } }
        },
    )
}

/// A fragment id from a name (`Take It Down (NCMEC)` -> `take-it-down-ncmec`).
pub(crate) fn slug(text: &str) -> String {
    let mut slug = String::new();
    for c in text.chars() {
        if c.is_ascii_alphanumeric() {
            slug.push(c.to_ascii_lowercase());
        } else if !slug.ends_with('-') && !slug.is_empty() {
            slug.push('-');
        }
    }
    slug.trim_end_matches('-').to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn answers(age: Option<&str>, depicted: bool, intimate: bool) -> EligibilityAnswers {
        EligibilityAnswers {
            step: Some("check".into()),
            age: age.map(Into::into),
            depicted: depicted.then(|| "yes".into()),
            intimate: intimate.then(|| "yes".into()),
        }
    }

    #[test]
    fn eligibility_verdicts() {
        assert_eq!(EligibilityAnswers::default().verdict(), Verdict::Unanswered);
        assert_eq!(
            answers(Some("adult"), true, true).verdict(),
            Verdict::Eligible
        );
        assert_eq!(answers(Some("minor"), true, true).verdict(), Verdict::Minor);
        assert_eq!(
            answers(Some("unsure"), false, false).verdict(),
            Verdict::Minor
        );
        assert_eq!(
            answers(None, true, false).verdict(),
            Verdict::Incomplete(vec![Missing::Age, Missing::Intimate])
        );
        assert_eq!(
            answers(Some("adult"), false, true).verdict(),
            Verdict::Incomplete(vec![Missing::Depicted])
        );
    }

    #[test]
    fn slugs() {
        assert_eq!(slug("Take It Down (NCMEC)"), "take-it-down-ncmec");
        assert_eq!(slug("Child Focus"), "child-focus");
    }
}
