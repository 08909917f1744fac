//! Languages and translations: Fluent files for fr, nl, de and en, embedded in the binary.
//!
//! Every text a person reads comes from `locales/<lang>/*.ftl`. English is the reference: every
//! language must define exactly the same messages, with the same variables, and format without
//! error; [`translation_problems`] checks all of that and the test suite fails on any finding.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt;
use std::str::FromStr;
use std::sync::LazyLock;

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use fluent_syntax::ast;
use serde::Deserialize;
use unic_langid::LanguageIdentifier;

/// A language the portal speaks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    /// French.
    Fr,
    /// Dutch.
    Nl,
    /// German.
    De,
    /// English.
    En,
}

impl Lang {
    /// Every language, in the order of the language switcher (Belgium's national languages
    /// first, then English).
    pub const ALL: [Lang; 4] = [Lang::Fr, Lang::Nl, Lang::De, Lang::En];

    /// The reference language of the translations (the one the others are checked against).
    pub const REFERENCE: Lang = Lang::En;

    /// The ISO 639-1 code, as used in URLs and the `lang` attribute.
    pub fn code(self) -> &'static str {
        match self {
            Lang::Fr => "fr",
            Lang::Nl => "nl",
            Lang::De => "de",
            Lang::En => "en",
        }
    }

    /// The language's name in itself, for the switcher.
    pub fn native_name(self) -> &'static str {
        match self {
            Lang::Fr => "Français",
            Lang::Nl => "Nederlands",
            Lang::De => "Deutsch",
            Lang::En => "English",
        }
    }

    /// The language of the browser's `Accept-Language` header that the portal speaks and the
    /// browser prefers most, or `fallback`.
    pub fn negotiate(accept_language: Option<&str>, fallback: Lang) -> Lang {
        let Some(header) = accept_language else {
            return fallback;
        };
        let mut candidates: Vec<(f32, usize, Lang)> = Vec::new();
        for (position, entry) in header.split(',').enumerate() {
            let mut parts = entry.split(';');
            let tag = parts.next().unwrap_or("").trim();
            let mut quality = 1.0_f32;
            for parameter in parts {
                if let Some(value) = parameter.trim().strip_prefix("q=") {
                    quality = value.trim().parse().unwrap_or(0.0);
                }
            }
            let primary = tag.split(['-', '_']).next().unwrap_or("");
            if let (true, Ok(lang)) = (quality > 0.0, primary.parse::<Lang>()) {
                candidates.push((quality, position, lang));
            }
        }
        // Highest quality first; among equals, the order the browser gave.
        candidates.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
        candidates.first().map_or(fallback, |c| c.2)
    }

    fn identifier(self) -> LanguageIdentifier {
        // The codes are constant, valid language identifiers.
        self.code().parse().unwrap_or_default()
    }
}

impl fmt::Display for Lang {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

/// A string that names no language the portal speaks.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("not a language of the portal: {0:?}")]
pub struct UnknownLang(pub String);

impl FromStr for Lang {
    type Err = UnknownLang;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s.to_ascii_lowercase().as_str() {
            "fr" => Ok(Lang::Fr),
            "nl" => Ok(Lang::Nl),
            "de" => Ok(Lang::De),
            "en" => Ok(Lang::En),
            _ => Err(UnknownLang(s.to_owned())),
        }
    }
}

/// One Fluent file of one language.
#[derive(Debug, Clone, Copy)]
pub struct Source {
    /// Its language.
    pub lang: Lang,
    /// Its file name, for messages.
    pub name: &'static str,
    /// Its text.
    pub text: &'static str,
}

macro_rules! sources {
    ($($lang:ident $code:literal),*) => {
        &[$(
            Source { lang: Lang::$lang, name: concat!($code, "/ui.ftl"),
                     text: include_str!(concat!("../locales/", $code, "/ui.ftl")) },
            Source { lang: Lang::$lang, name: concat!($code, "/help.ftl"),
                     text: include_str!(concat!("../locales/", $code, "/help.ftl")) },
            Source { lang: Lang::$lang, name: concat!($code, "/letters.ftl"),
                     text: include_str!(concat!("../locales/", $code, "/letters.ftl")) },
        )*]
    };
}

/// Every Fluent file embedded in the portal.
pub const SOURCES: &[Source] = sources!(Fr "fr", Nl "nl", De "de", En "en");

/// The marker put in place of a message that does not exist, so that tests can find it in
/// rendered pages (and a person sees which text is missing rather than nothing).
pub const MISSING_MARKER: char = '⟦';

/// The loaded translations of every language.
pub struct Translations {
    bundles: BTreeMap<Lang, FluentBundle<FluentResource>>,
}

impl fmt::Debug for Translations {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Translations")
            .field("languages", &self.bundles.keys().collect::<Vec<_>>())
            .finish()
    }
}

static TRANSLATIONS: LazyLock<Translations> = LazyLock::new(|| Translations::build(SOURCES).0);

impl Translations {
    /// The portal's translations (loaded once).
    pub fn get() -> &'static Translations {
        &TRANSLATIONS
    }

    /// Builds bundles from `sources`, keeping whatever parses, and lists every problem met.
    fn build(sources: &[Source]) -> (Translations, Vec<String>) {
        let mut problems = Vec::new();
        let mut bundles = BTreeMap::new();
        for lang in Lang::ALL {
            let mut bundle = FluentBundle::new_concurrent(vec![lang.identifier()]);
            // Every language here is written left to right; the isolation marks Fluent adds
            // around variables by default would only end up in copied text.
            bundle.set_use_isolating(false);
            for source in sources.iter().filter(|s| s.lang == lang) {
                let resource = match FluentResource::try_new(source.text.to_owned()) {
                    Ok(resource) => resource,
                    Err((resource, errors)) => {
                        for error in errors {
                            problems.push(format!("{}: syntax error: {error:?}", source.name));
                        }
                        resource
                    }
                };
                if let Err(errors) = bundle.add_resource(resource) {
                    for error in errors {
                        problems.push(format!("{}: {error}", source.name));
                    }
                }
            }
            bundles.insert(lang, bundle);
        }
        (Translations { bundles }, problems)
    }

    /// Whether `key` is a message in the reference language.
    pub fn has(&self, key: &str) -> bool {
        self.bundles
            .get(&Lang::REFERENCE)
            .is_some_and(|bundle| bundle.has_message(key))
    }

    /// The message `key` in `lang`, formatted with `args`; `None` when it does not exist.
    pub fn format(&self, lang: Lang, key: &str, args: Option<&FluentArgs>) -> Option<String> {
        let bundle = self.bundles.get(&lang)?;
        let pattern = bundle.get_message(key)?.value()?;
        let mut errors = Vec::new();
        let text = bundle.format_pattern(pattern, args, &mut errors);
        Some(text.into_owned())
    }

    /// The message `key` with named string arguments.
    pub fn text_with(&self, lang: Lang, key: &str, args: &[(&str, &str)]) -> String {
        let mut fluent_args = FluentArgs::new();
        for (name, value) in args {
            fluent_args.set(*name, FluentValue::from(*value));
        }
        self.format(lang, key, Some(&fluent_args))
            .unwrap_or_else(|| format!("{MISSING_MARKER}{key}⟧"))
    }
}

fn ast_of(text: &str) -> ast::Resource<&str> {
    match fluent_syntax::parser::parse(text) {
        Ok(resource) => resource,
        Err((resource, _)) => resource,
    }
}

/// The variables (`$name`) a message uses, and the messages and terms it refers to.
#[derive(Default, Debug, PartialEq)]
struct References {
    variables: BTreeSet<String>,
    messages: BTreeSet<String>,
}

fn collect_pattern(pattern: &ast::Pattern<&str>, refs: &mut References) {
    for element in &pattern.elements {
        if let ast::PatternElement::Placeable { expression } = element {
            collect_expression(expression, refs);
        }
    }
}

fn collect_expression(expression: &ast::Expression<&str>, refs: &mut References) {
    match expression {
        ast::Expression::Select { selector, variants } => {
            collect_inline(selector, refs);
            for variant in variants {
                collect_pattern(&variant.value, refs);
            }
        }
        ast::Expression::Inline(inline) => collect_inline(inline, refs),
    }
}

fn collect_inline(inline: &ast::InlineExpression<&str>, refs: &mut References) {
    match inline {
        ast::InlineExpression::VariableReference { id } => {
            refs.variables.insert(id.name.to_owned());
        }
        ast::InlineExpression::MessageReference { id, .. } => {
            refs.messages.insert(id.name.to_owned());
        }
        ast::InlineExpression::TermReference { id, .. } => {
            refs.messages.insert(format!("-{}", id.name));
        }
        ast::InlineExpression::Placeable { expression } => collect_expression(expression, refs),
        ast::InlineExpression::FunctionReference { arguments, .. } => {
            for argument in &arguments.positional {
                collect_inline(argument, refs);
            }
            for argument in &arguments.named {
                collect_inline(&argument.value, refs);
            }
        }
        _ => {}
    }
}

/// Whether the translations define the message `key` (in English, and so, as the tests check,
/// in every language).
pub fn message_exists(key: &str) -> bool {
    Translations::get().has(key)
}

static VARIABLES: LazyLock<BTreeMap<String, BTreeSet<String>>> = LazyLock::new(|| {
    let mut variables = BTreeMap::new();
    for source in SOURCES.iter().filter(|s| s.lang == Lang::REFERENCE) {
        for entry in &ast_of(source.text).body {
            if let ast::Entry::Message(message) = entry {
                let mut refs = References::default();
                if let Some(pattern) = &message.value {
                    collect_pattern(pattern, &mut refs);
                }
                variables.insert(message.id.name.to_owned(), refs.variables);
            }
        }
    }
    variables
});

/// The variables (`$name`) the message `key` uses (the same in every language, as checked by
/// [`translation_problems`]).
pub(crate) fn variables_of(key: &str) -> BTreeSet<String> {
    VARIABLES.get(key).cloned().unwrap_or_default()
}

/// Every problem of the embedded translations: syntax errors, messages defined twice, messages
/// missing or extra in a language compared to English, messages without a value, variables that
/// differ from English, and formatting errors. Empty when all is well.
pub fn translation_problems() -> Vec<String> {
    problems_of(SOURCES)
}

/// The checks of [`translation_problems`] over any set of sources (so that the checker itself
/// can be tested on broken files).
pub fn problems_of(sources: &[Source]) -> Vec<String> {
    let (translations, mut problems) = Translations::build(sources);

    // Per language: message id -> references, from the syntax tree.
    let mut per_lang: BTreeMap<Lang, BTreeMap<String, References>> = BTreeMap::new();
    for source in sources {
        let resource = match fluent_syntax::parser::parse(source.text) {
            Ok(resource) => resource,
            Err((resource, _)) => resource, // already reported by `build`
        };
        let messages = per_lang.entry(source.lang).or_default();
        for entry in &resource.body {
            let ast::Entry::Message(message) = entry else {
                continue;
            };
            let mut refs = References::default();
            match &message.value {
                Some(pattern) => collect_pattern(pattern, &mut refs),
                None => problems.push(format!(
                    "{}: message {} has no value",
                    source.name, message.id.name
                )),
            }
            if !message.attributes.is_empty() {
                problems.push(format!(
                    "{}: message {} has attributes, which the portal does not use",
                    source.name, message.id.name
                ));
            }
            messages.insert(message.id.name.to_owned(), refs);
        }
    }

    let empty = BTreeMap::new();
    let reference = per_lang.get(&Lang::REFERENCE).unwrap_or(&empty);
    for lang in Lang::ALL {
        let messages = per_lang.get(&lang).unwrap_or(&empty);
        for (id, refs) in reference {
            match messages.get(id) {
                None => problems.push(format!("{lang}: message {id} is missing")),
                Some(theirs) if theirs.variables != refs.variables => problems.push(format!(
                    "{lang}: message {id} uses variables {:?}, English uses {:?}",
                    theirs.variables, refs.variables
                )),
                Some(_) => {}
            }
        }
        for (id, refs) in messages {
            if !reference.contains_key(id) {
                problems.push(format!("{lang}: message {id} is not in English (extra)"));
            }
            for referenced in &refs.messages {
                if !referenced.starts_with('-') && !messages.contains_key(referenced) {
                    problems.push(format!(
                        "{lang}: message {id} refers to {referenced}, which does not exist"
                    ));
                }
            }
        }
        // Format every message with a value for each variable it uses: resolver errors
        // (unknown terms, cycles, bad selectors) show up here.
        let Some(bundle) = translations.bundles.get(&lang) else {
            continue;
        };
        for (id, refs) in messages {
            let Some(pattern) = bundle.get_message(id).and_then(|m| m.value()) else {
                continue;
            };
            let mut args = FluentArgs::new();
            for variable in &refs.variables {
                args.set(variable.as_str(), FluentValue::from("x"));
            }
            let mut errors = Vec::new();
            let text = bundle.format_pattern(pattern, Some(&args), &mut errors);
            for error in errors {
                problems.push(format!("{lang}: message {id}: {error}"));
            }
            if text.trim().is_empty() {
                problems.push(format!("{lang}: message {id} is empty"));
            }
        }
    }
    problems
}

/// Escapes text for HTML, then turns `**label**` into `<strong>label</strong>` (the translations
/// use it for the names of buttons and menus a person has to find on a platform).
pub fn rich_html(text: &str) -> String {
    let escaped = maud::html! { (text) }.into_string();
    let parts: Vec<&str> = escaped.split("**").collect();
    if parts.len().is_multiple_of(2) {
        // Unbalanced markers: show the text as written rather than guess.
        return escaped;
    }
    let mut html = String::with_capacity(escaped.len() + 16);
    for (index, part) in parts.iter().enumerate() {
        if index % 2 == 1 {
            html.push_str("<strong>");
            html.push_str(part);
            html.push_str("</strong>");
        } else {
            html.push_str(part);
        }
    }
    html
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn negotiation_follows_quality_then_order() {
        let n = |h| Lang::negotiate(Some(h), Lang::En);
        assert_eq!(n("nl-BE,nl;q=0.9,fr;q=0.8"), Lang::Nl);
        assert_eq!(n("es-ES,es;q=0.9,de;q=0.5,fr;q=0.7"), Lang::Fr);
        assert_eq!(n("fr;q=0,de"), Lang::De);
        assert_eq!(n("es"), Lang::En);
        assert_eq!(n("DE-at"), Lang::De);
        assert_eq!(n(""), Lang::En);
        assert_eq!(n(";;;q=,,"), Lang::En);
        assert_eq!(Lang::negotiate(None, Lang::Fr), Lang::Fr);
    }

    #[test]
    fn rich_html_escapes_and_emphasises() {
        assert_eq!(
            rich_html("Tap **Report** <now> & wait"),
            "Tap <strong>Report</strong> &lt;now&gt; &amp; wait"
        );
        assert_eq!(rich_html("a ** b"), "a ** b");
    }

    const EN: &str = "hello = Hello { $name }\nbye = Bye\n";

    #[test]
    fn the_checker_finds_missing_extra_and_broken_messages() {
        let sources = vec![
            Source {
                lang: Lang::En,
                name: "en",
                text: EN,
            },
            Source {
                lang: Lang::Fr,
                name: "fr",
                text: "hello = Bonjour { $nom }\nbye = Au revoir\n",
            },
            Source {
                lang: Lang::Nl,
                name: "nl",
                text: "hello = Hallo { $name }\n",
            },
            Source {
                lang: Lang::De,
                name: "de",
                text: "hello = Hallo { $name }\nbye = Tschüss { -brand }\nextra = x\nbad = {\n",
            },
        ];
        let problems = problems_of(&sources).join("\n");
        assert!(
            problems.contains("fr: message hello uses variables"),
            "{problems}"
        );
        assert!(
            problems.contains("nl: message bye is missing"),
            "{problems}"
        );
        assert!(
            problems.contains("de: message extra is not in English"),
            "{problems}"
        );
        assert!(problems.contains("syntax error"), "{problems}");
        assert!(problems.contains("de: message bye:"), "{problems}");
    }

    #[test]
    fn the_embedded_translations_are_complete() {
        let problems = translation_problems();
        assert!(problems.is_empty(), "{}", problems.join("\n"));
    }
}
