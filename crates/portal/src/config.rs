//! The deployment's settings: who runs the portal, whom people can call, where minors are sent.
//!
//! The defaults are the Belgian deployment, read from `config.example.toml` (embedded), which is
//! also the commented template a deployment copies.

use std::collections::BTreeMap;
use std::sync::LazyLock;

use serde::Deserialize;

use crate::i18n::Lang;

/// The example configuration, which is also the default one (the Belgian deployment).
pub const EXAMPLE_CONFIG_TOML: &str = include_str!("../config.example.toml");

/// Everything about a deployment that the portal shows to people.
///
/// Every field has a default (the Belgian deployment), so a configuration file only lists what
/// differs.
#[derive(Debug, Clone, Deserialize, PartialEq)]
#[serde(deny_unknown_fields, default)]
pub struct PortalConfig {
    /// The language used when the browser asks for none that the portal speaks.
    pub default_language: Lang,
    /// The country (ISO 3166 code, `BE`), for writing dates the local way; none: the
    /// language's default.
    pub country: Option<String>,
    /// The neutral site the quick-exit button leaves for.
    pub quick_exit_url: String,
    /// The organisation running the deployment.
    pub organisation: Organisation,
    /// Listening lines for emotional support.
    pub support_lines: Vec<SupportLine>,
    /// Services for people who were under 18 when the images were made.
    pub minors_services: Vec<MinorsService>,
    /// What the police help page needs to know about the country.
    pub police: Police,
}

/// The organisation running the deployment (a helpline, an equality body).
#[derive(Debug, Clone, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Organisation {
    /// Its name, as a title (headings, lists).
    pub name: LocalizedText,
    /// Its name as it reads inside a sentence, with the article the language needs
    /// (`l'Institut …`, `het Instituut …`, `das Institut …`, `the Institute …`); defaults to
    /// `name`.
    #[serde(default)]
    pub name_in_text: Option<LocalizedText>,
    /// Its phone number as it is written; the `tel:` link keeps only the digits and a leading `+`.
    #[serde(default)]
    pub phone: Option<String>,
    /// When the phone line answers, and whether it is free.
    #[serde(default)]
    pub phone_hours: Option<LocalizedText>,
    /// Its e-mail address.
    #[serde(default)]
    pub email: Option<LocalizedText>,
    /// Its website.
    #[serde(default)]
    pub website: Option<LocalizedText>,
    /// Its online form for reporting a case to it.
    #[serde(default)]
    pub report_form_url: Option<LocalizedText>,
    /// Ids of the platform guides (`facebook`, `x`, ...) for which the organisation has a direct
    /// channel whose removal requests the platform handles first.
    #[serde(default)]
    pub priority_platforms: Vec<String>,
}

/// A listening line for emotional support.
#[derive(Debug, Clone, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct SupportLine {
    /// Its name.
    pub name: LocalizedText,
    /// Its phone number as written.
    #[serde(default)]
    pub phone: Option<String>,
    /// When it answers, whether it is free and anonymous, in which language.
    #[serde(default)]
    pub hours: Option<LocalizedText>,
    /// Its website.
    #[serde(default)]
    pub url: Option<String>,
    /// The languages it answers in; lines speaking the page's language are listed first.
    #[serde(default)]
    pub languages: Vec<Lang>,
}

/// A service for people who were under 18 when the images were made.
#[derive(Debug, Clone, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct MinorsService {
    /// Its name.
    pub name: LocalizedText,
    /// What it does, in a sentence or two.
    pub description: LocalizedText,
    /// Its phone number as written.
    #[serde(default)]
    pub phone: Option<String>,
    /// When the phone line answers.
    #[serde(default)]
    pub hours: Option<LocalizedText>,
    /// Its e-mail address.
    #[serde(default)]
    pub email: Option<String>,
    /// Its website.
    #[serde(default)]
    pub url: Option<String>,
}

/// The country-specific parts of the police help page.
#[derive(Debug, Clone, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Police {
    /// The emergency number for someone in danger right now (112 in Europe).
    pub emergency_number: String,
    /// The police's own urgent number, when there is one (101 in Belgium).
    #[serde(default)]
    pub police_number: Option<String>,
    /// Where to find the local police station or book an appointment.
    #[serde(default)]
    pub website: Option<LocalizedText>,
}

/// A text given either once for every language or per language.
///
/// In TOML: `name = "Child Focus"` or `name.fr = "…"`, `name.nl = "…"`.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(untagged)]
pub enum LocalizedText {
    /// The same text in every language.
    Same(String),
    /// One text per language; missing languages fall back.
    PerLanguage(BTreeMap<Lang, String>),
}

impl LocalizedText {
    /// The text in `lang`, else in `fallback`, else in any language given (English first).
    pub fn get(&self, lang: Lang, fallback: Lang) -> &str {
        match self {
            LocalizedText::Same(text) => text,
            LocalizedText::PerLanguage(texts) => texts
                .get(&lang)
                .or_else(|| texts.get(&fallback))
                .or_else(|| texts.get(&Lang::En))
                .or_else(|| texts.values().next())
                .map(String::as_str)
                .unwrap_or(""),
        }
    }

    /// Every text given, for checks over the whole configuration.
    pub fn all(&self) -> Vec<&str> {
        match self {
            LocalizedText::Same(text) => vec![text.as_str()],
            LocalizedText::PerLanguage(texts) => texts.values().map(String::as_str).collect(),
        }
    }
}

impl From<&str> for LocalizedText {
    fn from(text: &str) -> Self {
        LocalizedText::Same(text.to_owned())
    }
}

static DEFAULT_CONFIG: LazyLock<PortalConfig> = LazyLock::new(|| {
    // The example file is part of the crate and checked by the tests; a parse failure here is a
    // bug in this crate, not bad input.
    let raw: RawDefaults = toml::from_str(EXAMPLE_CONFIG_TOML)
        .unwrap_or_else(|error| panic!("config.example.toml does not parse: {error}"));
    raw.into()
});

/// The example file with every field required, so that it cannot silently rely on itself.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawDefaults {
    default_language: Lang,
    country: Option<String>,
    quick_exit_url: String,
    organisation: Organisation,
    support_lines: Vec<SupportLine>,
    minors_services: Vec<MinorsService>,
    police: Police,
}

impl From<RawDefaults> for PortalConfig {
    fn from(raw: RawDefaults) -> Self {
        PortalConfig {
            default_language: raw.default_language,
            country: raw.country,
            quick_exit_url: raw.quick_exit_url,
            organisation: raw.organisation,
            support_lines: raw.support_lines,
            minors_services: raw.minors_services,
            police: raw.police,
        }
    }
}

impl Default for PortalConfig {
    /// The Belgian deployment, as written in `config.example.toml`.
    fn default() -> Self {
        DEFAULT_CONFIG.clone()
    }
}

/// Why a configuration is not usable.
#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
    /// The TOML text does not describe a `PortalConfig`.
    #[error("portal configuration: {0}")]
    Parse(#[from] toml::de::Error),
    /// The country is not a two-letter ISO 3166 code in capitals.
    #[error("portal configuration: country must be a two-letter code such as \"BE\", got {0:?}")]
    BadCountry(String),
    /// A link is not an absolute `https://` (or `http://`) URL.
    #[error("portal configuration: {field} must be an absolute http(s) URL, got {value:?}")]
    BadUrl {
        /// Which setting.
        field: String,
        /// What it was set to.
        value: String,
    },
}

impl PortalConfig {
    /// Reads a configuration from TOML text; missing fields keep their default.
    pub fn from_toml(text: &str) -> Result<Self, ConfigError> {
        let config: PortalConfig = toml::from_str(text)?;
        config.validate()?;
        Ok(config)
    }

    /// Checks what serde cannot: every link is an absolute http(s) URL (the portal links to
    /// them, and a `javascript:` link would run on the portal's origin).
    pub fn validate(&self) -> Result<(), ConfigError> {
        if let Some(country) = &self.country
            && (country.len() != 2 || !country.bytes().all(|b| b.is_ascii_uppercase()))
        {
            return Err(ConfigError::BadCountry(country.clone()));
        }
        for (field, url) in self.external_links_by_field() {
            if !is_http_url(url) {
                return Err(ConfigError::BadUrl {
                    field,
                    value: url.to_owned(),
                });
            }
        }
        Ok(())
    }

    /// The configuration with every link that is not an absolute http(s) URL dropped (and the
    /// quick exit set back to the default's), so that a configuration built without
    /// [`PortalConfig::validate`] can never put a `javascript:` link on the portal's origin.
    pub fn without_unsafe_links(mut self) -> Self {
        let keep_text = |text: &mut Option<LocalizedText>| {
            if text
                .as_ref()
                .is_some_and(|t| t.all().into_iter().any(|url| !is_http_url(url)))
            {
                *text = None;
            }
        };
        let keep = |url: &mut Option<String>| {
            if url.as_deref().is_some_and(|u| !is_http_url(u)) {
                *url = None;
            }
        };
        if !is_http_url(&self.quick_exit_url) {
            self.quick_exit_url = DEFAULT_CONFIG.quick_exit_url.clone();
        }
        keep_text(&mut self.organisation.website);
        keep_text(&mut self.organisation.report_form_url);
        keep_text(&mut self.police.website);
        for line in &mut self.support_lines {
            keep(&mut line.url);
        }
        for service in &mut self.minors_services {
            keep(&mut service.url);
        }
        self
    }

    /// Every link this configuration makes the portal show (for the no-third-party check).
    pub fn external_links(&self) -> Vec<&str> {
        self.external_links_by_field()
            .into_iter()
            .map(|(_, url)| url)
            .collect()
    }

    fn external_links_by_field(&self) -> Vec<(String, &str)> {
        let mut links = vec![("quick_exit_url".to_owned(), self.quick_exit_url.as_str())];
        let organisation = &self.organisation;
        for (name, text) in [
            ("organisation.website", &organisation.website),
            (
                "organisation.report_form_url",
                &organisation.report_form_url,
            ),
        ] {
            if let Some(text) = text {
                links.extend(text.all().into_iter().map(|url| (name.to_owned(), url)));
            }
        }
        for (index, line) in self.support_lines.iter().enumerate() {
            if let Some(url) = &line.url {
                links.push((format!("support_lines[{index}].url"), url.as_str()));
            }
        }
        for (index, service) in self.minors_services.iter().enumerate() {
            if let Some(url) = &service.url {
                links.push((format!("minors_services[{index}].url"), url.as_str()));
            }
        }
        if let Some(website) = &self.police.website {
            links.extend(
                website
                    .all()
                    .into_iter()
                    .map(|url| ("police.website".to_owned(), url)),
            );
        }
        links
    }
}

fn is_http_url(url: &str) -> bool {
    let rest = url
        .strip_prefix("https://")
        .or_else(|| url.strip_prefix("http://"));
    match rest {
        Some(rest) => {
            let host = rest.split(['/', '?', '#']).next().unwrap_or("");
            !host.is_empty()
                && !url
                    .chars()
                    .any(|c| c.is_whitespace() || c == '"' || c == '<')
        }
        None => false,
    }
}

/// The digits of a phone number for a `tel:` link (keeps a leading `+`).
pub(crate) fn tel_href(phone: &str) -> String {
    let mut href = String::from("tel:");
    for (index, c) in phone.trim().chars().enumerate() {
        if c.is_ascii_digit() || (index == 0 && c == '+') {
            href.push(c);
        }
    }
    href
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_example_file_is_the_default_and_valid() {
        let config = PortalConfig::default();
        config.validate().unwrap();
        assert_eq!(
            PortalConfig::from_toml(EXAMPLE_CONFIG_TOML).unwrap(),
            config
        );
        assert_eq!(config.minors_services[0].phone.as_deref(), Some("116 000"));
    }

    #[test]
    fn a_partial_file_keeps_the_other_defaults() {
        let config = PortalConfig::from_toml("quick_exit_url = \"https://example.org/\"").unwrap();
        assert_eq!(config.quick_exit_url, "https://example.org/");
        assert_eq!(config.organisation, PortalConfig::default().organisation);
    }

    #[test]
    fn unknown_fields_and_bad_links_are_refused() {
        assert!(PortalConfig::from_toml("quik_exit_url = \"https://example.org/\"").is_err());
        let error = PortalConfig::from_toml("quick_exit_url = \"javascript:alert(1)\"");
        assert!(matches!(error, Err(ConfigError::BadUrl { .. })));
        let error = PortalConfig::from_toml("country = \"Belgium\"");
        assert!(matches!(error, Err(ConfigError::BadCountry(_))));
        let error = PortalConfig::from_toml(
            "[police]\nemergency_number = \"112\"\nwebsite = \"www.police.be\"",
        );
        assert!(matches!(error, Err(ConfigError::BadUrl { .. })));
    }

    #[test]
    fn unsafe_links_never_reach_a_page() {
        let mut config = PortalConfig {
            quick_exit_url: "javascript:alert(1)".into(),
            ..PortalConfig::default()
        };
        config.support_lines[0].url = Some("data:text/html,x".into());
        config.organisation.website = Some("https://ok.example/".into());
        let safe = config.without_unsafe_links();
        assert_eq!(safe.quick_exit_url, PortalConfig::default().quick_exit_url);
        assert_eq!(safe.support_lines[0].url, None);
        assert_eq!(
            safe.organisation.website,
            Some("https://ok.example/".into())
        );
        safe.validate().unwrap();
    }

    #[test]
    fn localized_text_falls_back() {
        let text: LocalizedText = toml::from_str::<BTreeMap<String, LocalizedText>>(
            "t.fr = \"bonjour\"\nt.nl = \"hallo\"",
        )
        .unwrap()
        .remove("t")
        .unwrap();
        assert_eq!(text.get(Lang::Nl, Lang::Fr), "hallo");
        assert_eq!(text.get(Lang::De, Lang::Fr), "bonjour");
        assert_eq!(text.get(Lang::De, Lang::En), "bonjour");
    }

    #[test]
    fn tel_links_keep_digits() {
        assert_eq!(tel_href("0800 12 800"), "tel:080012800");
        assert_eq!(tel_href("+32 2 233 44 00"), "tel:+3222334400");
    }
}
