//! The help around the service: platform guides, police complaint, support, letters.

use maud::{Markup, html};
use serde_json::json;

use super::{Ctx, Nav, PageSpec, layout, numbered_keys};
use crate::config::tel_href;
use crate::guides::{GUIDES, Guide};

/// The forms of violence, senders and channels of the letter composer (the ids used in the
/// translation keys `letter-…` and by `letter.js`).
pub(crate) const LETTER_VIOLENCE: &[&str] = &["sextortion", "deepfake", "sharing", "unsolicited"];
pub(crate) const LETTER_SENDERS: &[&str] = &["victim", "witness", "recipient", "manager"];
pub(crate) const LETTER_CHANNELS: &[&str] = &["message", "email", "letter"];

fn breadcrumb(ctx: &Ctx, trail: &[(&str, String)], current: &str) -> Markup {
    html! {
        nav.breadcrumb aria-label=(ctx.t("breadcrumb-label")) {
            ol {
                @for (path, label) in trail {
                    li { a href=(ctx.href(path)) { (label) } }
                }
                li { span aria-current="page" { (current) } }
            }
        }
    }
}

pub(crate) fn index(ctx: &Ctx) -> Markup {
    let card = |path: &str, heading: &str, text: &str| {
        html! {
            li.card {
                h2 { a href=(ctx.href(path)) { (ctx.t(heading)) } }
                p { (ctx.t(text)) }
            }
        }
    };
    layout(
        ctx,
        PageSpec {
            title: ctx.t("help-title"),
            nav: Nav::Help,
            scripts: &[],
            data: None,
        },
        html! {
            h1 { (ctx.t("help-title")) }
            p.lead { (ctx.t("help-lead")) }
            ul.cards {
                li.card {
                    h2 #report-heading { (ctx.t("help-report-h")) }
                    p { (ctx.t("help-report-text")) }
                    ul.guide-list aria-labelledby="report-heading" {
                        @for guide in GUIDES {
                            li { a href=(ctx.href(&format!("/help/report/{}", guide.id))) { (guide.name) } }
                        }
                    }
                }
                (card("/help/police", "help-police-h", "help-police-text"))
                (card("/help/support", "help-support-h", "help-support-text"))
                (card("/help/letters", "help-letters-h", "help-letters-text"))
            }
        },
    )
}

pub(crate) fn guide(ctx: &Ctx, guide: &Guide) -> Markup {
    let args = [("platform", guide.name)];
    let key = |suffix: &str| format!("guide-{}-{suffix}", guide.id);
    let priority = ctx
        .config
        .organisation
        .priority_platforms
        .iter()
        .any(|id| id == guide.id);
    let title = ctx.tw("guide-title", &args);
    layout(
        ctx,
        PageSpec {
            title: title.clone(),
            nav: Nav::Help,
            scripts: &[],
            data: None,
        },
        html! {
            (breadcrumb(ctx, &[("/help", ctx.t("help-title"))], guide.name))
            h1 { (title) }
            p.lead { (ctx.richw(&key("intro"), &args)) }
            div.callout.important {
                h2 { (ctx.t("guide-screenshot-h")) }
                p { (ctx.t("guide-screenshot")) }
            }
            @if priority {
                div.callout.calm {
                    p { (ctx.tw("guide-priority", &args)) }
                    (org_contacts(ctx))
                }
            }
            @for section in guide.sections {
                section aria-labelledby=(format!("{section}-h")) {
                    h2 #(format!("{section}-h")) { (ctx.tw(&key(&format!("{section}-h")), &args)) }
                    ol.steps {
                        @for step in numbered_keys(ctx, &key(section)) {
                            li { (ctx.richw(&step, &args)) }
                        }
                    }
                    @if ctx.has(&key(&format!("{section}-note"))) {
                        p.hint { (ctx.richw(&key(&format!("{section}-note")), &args)) }
                    }
                }
            }
            @if ctx.has(&key("note")) {
                p.callout { (ctx.richw(&key("note"), &args)) }
            }
            p.hint { (ctx.t("guide-menus-change")) }
            h2 { (ctx.t("guide-links-h")) }
            ul {
                @for (label, url) in guide.links {
                    li { a href=(url) rel="noreferrer" { (ctx.tw(label, &args)) } }
                }
            }
            div.callout {
                p { (ctx.t("guide-not-removed")) }
                (org_contacts(ctx))
            }
            nav aria-labelledby="other-guides" {
                h2 #other-guides { (ctx.t("guide-others")) }
                ul.guide-list {
                    @for other in GUIDES.iter().filter(|g| g.id != guide.id) {
                        li { a href=(ctx.href(&format!("/help/report/{}", other.id))) { (other.name) } }
                    }
                }
            }
        },
    )
}

/// The organisation's ways to be reached, as a short list of links.
fn org_contacts(ctx: &Ctx) -> Markup {
    let organisation = &ctx.config.organisation;
    html! {
        ul.contact-list {
            @if let Some(phone) = &organisation.phone {
                li {
                    a href=(tel_href(phone)) { (ctx.tw("contact-call", &[("phone", phone)])) }
                    @if let Some(hours) = &organisation.phone_hours { br; span.hint { (ctx.local(hours)) } }
                }
            }
            @if let Some(email) = &organisation.email {
                li { a href=(format!("mailto:{}", ctx.local(email))) { (ctx.tw("contact-write", &[("email", ctx.local(email))])) } }
            }
            @if let Some(form) = &organisation.report_form_url {
                li { a href=(ctx.local(form)) rel="noreferrer" { (ctx.t("contact-report-form")) } }
            }
        }
    }
}

pub(crate) fn police(ctx: &Ctx) -> Markup {
    let police = &ctx.config.police;
    let list = |prefix: &str| {
        html! { ul { @for key in numbered_keys(ctx, prefix) { li { (ctx.rich(&key)) } } } }
    };
    layout(
        ctx,
        PageSpec {
            title: ctx.t("police-title"),
            nav: Nav::Help,
            scripts: &[],
            data: None,
        },
        html! {
            (breadcrumb(ctx, &[("/help", ctx.t("help-title"))], &ctx.t("police-title")))
            h1 { (ctx.t("police-title")) }
            p.lead { (ctx.t("police-lead")) }
            div.callout.important {
                p {
                    (ctx.t("police-danger"))
                    " "
                    a href=(tel_href(&police.emergency_number)) { (ctx.tw("contact-call", &[("phone", &police.emergency_number)])) }
                }
                @if let Some(number) = &police.police_number {
                    p {
                        (ctx.t("police-danger-police"))
                        " "
                        a href=(tel_href(number)) { (ctx.tw("contact-call", &[("phone", number)])) }
                    }
                }
            }
            p { (ctx.t("police-you-decide")) }
            h2 { (ctx.t("police-how-h")) }
            (list("police-how"))
            @if let Some(website) = &police.website {
                p { a href=(ctx.local(website)) rel="noreferrer" { (ctx.t("police-website")) } }
            }
            p.callout.calm { (ctx.t("police-fear")) }
            h2 { (ctx.t("police-bring-h")) }
            (list("police-bring"))
            h2 { (ctx.t("police-evidence-h")) }
            (list("police-evidence"))
            h2 { (ctx.t("police-tell-h")) }
            (list("police-tell"))
            h2 { (ctx.t("police-next-h")) }
            (list("police-next"))
            h2 { (ctx.t("police-who-h")) }
            p { (ctx.t("police-who")) }
            div.callout {
                p { (ctx.t("police-org")) }
                (org_contacts(ctx))
            }
        },
    )
}

pub(crate) fn support(ctx: &Ctx) -> Markup {
    // Lines that answer in the page's language first; otherwise the configured order.
    let mut lines: Vec<_> = ctx.config.support_lines.iter().collect();
    lines.sort_by_key(|line| !line.languages.contains(&ctx.lang));
    layout(
        ctx,
        PageSpec {
            title: ctx.t("support-title"),
            nav: Nav::Help,
            scripts: &[],
            data: None,
        },
        html! {
            (breadcrumb(ctx, &[("/help", ctx.t("help-title"))], &ctx.t("support-title")))
            h1 { (ctx.t("support-title")) }
            p.lead { (ctx.t("support-lead")) }
            p { (ctx.t("support-talk")) }
            @if !lines.is_empty() {
                h2 { (ctx.t("support-lines-h")) }
                p { (ctx.t("support-lines-lead")) }
                ul.cards {
                    @for line in lines {
                        li.card {
                            h3 { (ctx.local(&line.name)) }
                            @if let Some(hours) = &line.hours { p.hint { (ctx.local(hours)) } }
                            @if let Some(phone) = &line.phone {
                                p { a.button.secondary href=(tel_href(phone)) { (ctx.tw("contact-call", &[("phone", phone)])) } }
                            }
                            @if let Some(url) = &line.url {
                                p { a href=(url) rel="noreferrer" { (ctx.tw("contact-website-of", &[("name", ctx.local(&line.name))])) } }
                            }
                        }
                    }
                }
            }
            h2 { (ctx.org_title()) }
            p { (ctx.t("support-org-text")) }
            ul { @for key in numbered_keys(ctx, "support-org") { li { (ctx.t(&key)) } } }
            p { (ctx.t("support-org-never")) }
            (org_contacts(ctx))
            @if let Some(website) = &ctx.config.organisation.website {
                p { a href=(ctx.local(website)) rel="noreferrer" { (ctx.tw("contact-website-of", &[("name", ctx.org_title())])) } }
            }
            div.callout.calm {
                p {
                    (ctx.t("support-minors"))
                    " "
                    a href=(ctx.href("/minors")) { (ctx.t("support-minors-link")) }
                }
            }
            h2 { (ctx.t("support-supporter-h")) }
            p { (ctx.t("support-supporter")) }
        },
    )
}

pub(crate) fn letters(ctx: &Ctx) -> Markup {
    let mut keys: Vec<String> = vec![
        "letters-copied".into(),
        "letters-copy-failed".into(),
        "letter-to".into(),
        "letter-place-date".into(),
        "letter-manager-intro".into(),
        "letter-greeting-letter".into(),
        "letter-placeholder-victim".into(),
        "letter-placeholder-organisation".into(),
    ];
    for violence in LETTER_VIOLENCE {
        keys.push(format!("letter-subject-{violence}"));
        keys.push(format!("letter-law-{violence}"));
        keys.push(format!("letter-demand-self-{violence}"));
        keys.push(format!("letter-demand-other-{violence}"));
        for sender in LETTER_SENDERS {
            keys.push(format!("letter-intro-{sender}-{violence}"));
            let specific = format!("letter-next-{sender}-{violence}");
            if ctx.has(&specific) {
                keys.push(specific);
            }
        }
    }
    for sender in LETTER_SENDERS {
        keys.push(format!("letter-next-{sender}"));
    }
    for channel in LETTER_CHANNELS {
        keys.push(format!("letter-closing-{channel}"));
        if *channel != "letter" {
            keys.push(format!("letter-greeting-{channel}"));
            keys.push(format!("letter-greeting-{channel}-named"));
        }
    }
    let strings = ctx.js_strings(keys.iter().map(String::as_str));
    let radios = |name: &str, values: &[&str], checked: &str| {
        html! {
            @for value in values {
                div.choice {
                    input type="radio" name=(name) id=(format!("{name}-{value}")) value=(value) checked[*value == checked];
                    label for=(format!("{name}-{value}")) { (ctx.t(&format!("letters-{name}-{value}"))) }
                }
            }
        }
    };
    let field = |name: &str, show_for: &str| {
        html! {
            div.field data-show-for=(show_for) {
                label for=(format!("field-{name}")) { (ctx.t(&format!("letters-field-{name}"))) }
                input #(format!("field-{name}")) name=(name) type="text" autocomplete="off";
            }
        }
    };
    layout(
        ctx,
        PageSpec {
            title: ctx.t("letters-title"),
            nav: Nav::Help,
            scripts: &["letters.js"],
            data: Some(json!({ "strings": strings })),
        },
        html! {
            (breadcrumb(ctx, &[("/help", ctx.t("help-title"))], &ctx.t("letters-title")))
            h1 { (ctx.t("letters-title")) }
            p.lead { (ctx.t("letters-lead")) }
            div.callout.important { p { (ctx.t("letters-safety")) } }
            noscript { p.callout.warning { (ctx.t("letters-noscript")) } }
            // Deliberately not a <form>: there is nothing to submit, and without one no key press
            // can send what the person typed anywhere. The script writes the letter on the device.
            div.stack #letter-form {
                fieldset.group {
                    legend { (ctx.t("letters-violence-legend")) }
                    (radios("violence", LETTER_VIOLENCE, "sharing"))
                }
                @for violence in LETTER_VIOLENCE {
                    p.hint data-show-for-violence=(violence) { (ctx.t(&format!("letters-advice-{violence}"))) }
                }
                fieldset.group {
                    legend { (ctx.t("letters-sender-legend")) }
                    (radios("sender", LETTER_SENDERS, "victim"))
                }
                fieldset.group {
                    legend { (ctx.t("letters-channel-legend")) }
                    (radios("channel", LETTER_CHANNELS, "message"))
                }
                fieldset.group {
                    legend { (ctx.t("letters-fields-legend")) }
                    (field("recipient", "all"))
                    (field("victim", "witness recipient manager"))
                    (field("organisation", "manager"))
                    (field("signature", "all"))
                    (field("city", "letter"))
                }
            }
            div.field {
                label for="letter-output" { (ctx.t("letters-output-label")) }
                textarea #letter-output rows="16" spellcheck="true" {}
            }
            p.actions {
                button.button.primary #letter-copy type="button" { (ctx.t("letters-copy")) }
            }
            p.hint #letter-copy-status role="status" {}
            p.hint { (ctx.t("letters-nothing-sent")) }
        },
    )
}
