//! Server-rendered pages (maud), one module per part of the site, sharing one layout.

pub(crate) mod flow;
pub(crate) mod help;
pub(crate) mod info;

use std::collections::BTreeSet;

use maud::{DOCTYPE, Markup, PreEscaped, html};
use serde_json::{Map, Value};

use crate::assets::Assets;
use crate::config::{LocalizedText, PortalConfig};
use crate::i18n::{Lang, Translations, rich_html};

/// The product's name, the same in every language.
pub(crate) const PRODUCT_NAME: &str = "Empreinte";

/// Which item of the main menu a page belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Nav {
    Home,
    Start,
    Status,
    Help,
    None,
}

/// What every page needs to render: the language, the configuration, the translations and
/// where it is (for the language switcher and the menu).
pub(crate) struct Ctx<'a> {
    pub lang: Lang,
    pub config: &'a PortalConfig,
    pub tr: &'static Translations,
    /// The path of the page without its language prefix (`/help/police`), for the switcher.
    pub path: String,
}

impl Ctx<'_> {
    /// A translated text.
    pub fn t(&self, key: &str) -> String {
        self.tr
            .text_with(self.lang, key, &self.standard_args_borrowed())
    }

    /// A translated text with arguments (the standard ones, `$org` and `$product`, are added).
    pub fn tw(&self, key: &str, args: &[(&str, &str)]) -> String {
        let mut all = self.standard_args_borrowed();
        all.extend_from_slice(args);
        self.tr.text_with(self.lang, key, &all)
    }

    /// A translated text as HTML, with `**label**` in bold.
    pub fn rich(&self, key: &str) -> PreEscaped<String> {
        PreEscaped(rich_html(&self.t(key)))
    }

    /// A translated text with arguments as HTML, with `**label**` in bold.
    pub fn richw(&self, key: &str, args: &[(&str, &str)]) -> PreEscaped<String> {
        PreEscaped(rich_html(&self.tw(key, args)))
    }

    /// Whether the (English reference) translations define `key`.
    pub fn has(&self, key: &str) -> bool {
        self.tr.has(key)
    }

    fn standard_args_borrowed(&self) -> Vec<(&str, &str)> {
        vec![("org", self.org()), ("product", PRODUCT_NAME)]
    }

    /// A configured text in the page's language.
    pub fn local<'t>(&self, text: &'t LocalizedText) -> &'t str {
        text.get(self.lang, self.config.default_language)
    }

    /// The organisation's name as it reads inside a sentence, in the page's language.
    pub fn org(&self) -> &str {
        let organisation = &self.config.organisation;
        self.local(
            organisation
                .name_in_text
                .as_ref()
                .unwrap_or(&organisation.name),
        )
    }

    /// The organisation's name as a title, in the page's language.
    pub fn org_title(&self) -> &str {
        self.local(&self.config.organisation.name)
    }

    /// A path of the site in the page's language (`/help` -> `/fr/help`).
    pub fn href(&self, path: &str) -> String {
        format!("/{}{}", self.lang.code(), path)
    }

    /// The URL of an embedded asset.
    pub fn asset(&self, name: &str) -> String {
        Assets::get().url(name)
    }

    /// Translations for the page's JavaScript: each message formatted with the standard
    /// arguments, and its other variables left as `{name}` for the script to fill in.
    pub fn js_strings<'k>(&self, keys: impl IntoIterator<Item = &'k str>) -> Value {
        let mut strings = Map::new();
        for key in keys {
            let variables: BTreeSet<String> = crate::i18n::variables_of(key);
            let placeholders: Vec<(String, String)> = variables
                .iter()
                .map(|name| (name.clone(), format!("{{{name}}}")))
                .collect();
            let mut args: Vec<(&str, &str)> = placeholders
                .iter()
                .map(|(name, value)| (name.as_str(), value.as_str()))
                .collect();
            // The standard arguments win over placeholders of the same name.
            args.retain(|(name, _)| *name != "org" && *name != "product");
            strings.insert(key.to_owned(), Value::String(self.tw(key, &args)));
        }
        Value::Object(strings)
    }
}

/// What differs between pages in the shared layout.
pub(crate) struct PageSpec {
    /// The page's title (shown in the tab, before the product name).
    pub title: String,
    /// The menu item it belongs to.
    pub nav: Nav,
    /// The page's own JavaScript modules (besides `common.js`, which every page loads).
    pub scripts: &'static [&'static str],
    /// Data for the scripts (`strings` and page-specific settings), read from the page.
    pub data: Option<Value>,
}

/// Serialises data for a `<script type="application/json">` element: `<`, `>` and `&` are
/// escaped so that no content can close the element or open a comment.
fn json_for_html(value: &Value) -> String {
    value
        .to_string()
        .replace('<', "\\u003c")
        .replace('>', "\\u003e")
        .replace('&', "\\u0026")
}

/// The shared page frame: skip link, header with quick exit, menu and language switcher, main
/// content, footer with the organisation's contacts.
pub(crate) fn layout(ctx: &Ctx, spec: PageSpec, main: Markup) -> Markup {
    let mut data = match spec.data {
        Some(Value::Object(map)) => map,
        _ => Map::new(),
    };
    data.insert("lang".into(), Value::String(ctx.lang.code().into()));
    let locale = match &ctx.config.country {
        Some(country) => format!("{}-{country}", ctx.lang.code()),
        None => ctx.lang.code().to_owned(),
    };
    data.insert("locale".into(), Value::String(locale));
    data.insert(
        "quickExitUrl".into(),
        Value::String(ctx.config.quick_exit_url.clone()),
    );
    let organisation = &ctx.config.organisation;
    let nav_item = |nav: Nav, path: &str, key: &str| {
        html! {
            li {
                @if spec.nav == nav {
                    a href=(ctx.href(path)) aria-current="page" { (ctx.t(key)) }
                } @else {
                    a href=(ctx.href(path)) { (ctx.t(key)) }
                }
            }
        }
    };
    html! {
        (DOCTYPE)
        html lang=(ctx.lang.code()) {
            head {
                meta charset="utf-8";
                meta name="viewport" content="width=device-width, initial-scale=1";
                meta name="referrer" content="no-referrer";
                meta name="color-scheme" content="light dark";
                title { (spec.title) " · " (PRODUCT_NAME) }
                link rel="stylesheet" href=(ctx.asset("portal.css"));
                link rel="icon" href=(ctx.asset("icon.svg")) type="image/svg+xml";
                @for lang in Lang::ALL {
                    link rel="alternate" hreflang=(lang.code()) href=(format!("/{}{}", lang.code(), ctx.path));
                }
                script type="module" src=(ctx.asset("common.js")) {}
                @for script in spec.scripts {
                    script type="module" src=(ctx.asset(script)) {}
                }
            }
            body {
                a.skip-link href="#main" { (ctx.t("skip-link")) }
                header.site-header {
                    div.bar {
                        a.brand href=(ctx.href("/")) aria-current=[(spec.nav == Nav::Home).then_some("page")] {
                            img src=(ctx.asset("icon.svg")) alt="" width="28" height="28";
                            span { (PRODUCT_NAME) }
                        }
                        a.quick-exit #quick-exit href=(ctx.config.quick_exit_url) rel="noreferrer" {
                            (ctx.t("quick-exit"))
                        }
                    }
                    nav.main-nav aria-label=(ctx.t("nav-label-main")) {
                        ul {
                            (nav_item(Nav::Start, "/eligibility", "nav-start"))
                            (nav_item(Nav::Status, "/status", "nav-status"))
                            (nav_item(Nav::Help, "/help", "nav-help"))
                        }
                    }
                    nav.lang-switch aria-label=(ctx.t("nav-label-language")) {
                        ul {
                            @for lang in Lang::ALL {
                                li {
                                    @if lang == ctx.lang {
                                        a href=(format!("/{}{}", lang.code(), ctx.path)) lang=(lang.code()) hreflang=(lang.code()) aria-current="true" { (lang.native_name()) }
                                    } @else {
                                        a href=(format!("/{}{}", lang.code(), ctx.path)) lang=(lang.code()) hreflang=(lang.code()) { (lang.native_name()) }
                                    }
                                }
                            }
                        }
                    }
                }
                main #main tabindex="-1" {
                    (main)
                }
                footer.site-footer {
                    p { (ctx.t("footer-run-by")) }
                    ul.contact-list {
                        @if let Some(phone) = &organisation.phone {
                            li { a href=(crate::config::tel_href(phone)) { (ctx.tw("contact-call", &[("phone", phone)])) } }
                        }
                        @if let Some(email) = &organisation.email {
                            li { a href=(format!("mailto:{}", ctx.local(email))) { (ctx.local(email)) } }
                        }
                        @if let Some(website) = &organisation.website {
                            li { a href=(ctx.local(website)) rel="noreferrer" { (ctx.t("contact-website")) } }
                        }
                    }
                    p {
                        a href=(ctx.href("/privacy")) { (ctx.t("footer-privacy")) }
                        " · "
                        a href=(ctx.href("/help/support")) { (ctx.t("footer-support")) }
                    }
                    p.small { (ctx.t("footer-quick-exit")) }
                    p.small { (ctx.t("footer-free-software")) }
                }
                script type="application/json" #portal-data { (PreEscaped(json_for_html(&Value::Object(data)))) }
            }
        }
    }
}

/// A list of translated items, `key-1`, `key-2`, … as long as the translations define them.
pub(crate) fn numbered_keys(ctx: &Ctx, prefix: &str) -> Vec<String> {
    (1..)
        .map(|n| format!("{prefix}-{n}"))
        .take_while(|key| ctx.has(key))
        .collect()
}

/// The page for an address under a language prefix that does not exist.
pub(crate) fn not_found(ctx: &Ctx) -> Markup {
    layout(
        ctx,
        PageSpec {
            title: ctx.t("notfound-title"),
            nav: Nav::None,
            scripts: &[],
            data: None,
        },
        html! {
            h1 { (ctx.t("notfound-title")) }
            p { (ctx.t("notfound-text")) }
            p { a href=(ctx.href("/")) { (ctx.t("notfound-home")) } }
        },
    )
}
