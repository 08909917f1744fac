//! The platform guides: how to report an image yourself on each major platform.
//!
//! The structure lives here (which sections a guide has, which links it gives); the words live
//! in the translations under `guide-<id>-…`: an introduction `guide-<id>-intro`, for each section
//! a heading `guide-<id>-<section>-h` and numbered steps `guide-<id>-<section>-1`, `-2`, … (as
//! many as the English file defines), optionally `guide-<id>-<section>-note`, and optionally a
//! closing `guide-<id>-note`.

/// One platform's guide.
#[derive(Debug, Clone, Copy)]
pub struct Guide {
    /// The id used in URLs and in the translation keys (`x`, `whatsapp`).
    pub id: &'static str,
    /// The platform's name, which is the same in every language.
    pub name: &'static str,
    /// The sections, in order.
    pub sections: &'static [&'static str],
    /// Links to the platform's own help, as (translation key of the label, URL).
    pub links: &'static [(&'static str, &'static str)],
}

/// Every guide, in the order the help page lists them.
pub const GUIDES: &[Guide] = &[
    Guide {
        id: "facebook",
        name: "Facebook & Messenger",
        sections: &["post", "messenger"],
        links: &[("guide-facebook-link-help", "https://www.facebook.com/help/")],
    },
    Guide {
        id: "instagram",
        name: "Instagram",
        sections: &["app", "web", "noaccount"],
        links: &[("guide-instagram-link-help", "https://help.instagram.com/")],
    },
    Guide {
        id: "snapchat",
        name: "Snapchat",
        sections: &["app", "web"],
        links: &[("guide-snapchat-link-help", "https://help.snapchat.com/")],
    },
    Guide {
        id: "youtube",
        name: "YouTube",
        sections: &["form", "video"],
        links: &[(
            "guide-youtube-link-privacy",
            "https://support.google.com/youtube/answer/142443",
        )],
    },
    Guide {
        id: "tiktok",
        name: "TikTok",
        sections: &["video", "comment", "account"],
        links: &[("guide-tiktok-link-help", "https://support.tiktok.com/")],
    },
    Guide {
        id: "x",
        name: "X (Twitter)",
        sections: &["post", "form"],
        links: &[(
            "guide-x-link-form",
            "https://help.x.com/forms/private_information",
        )],
    },
    Guide {
        id: "whatsapp",
        name: "WhatsApp",
        sections: &["block", "explain", "group"],
        links: &[("guide-whatsapp-link-help", "https://faq.whatsapp.com/")],
    },
    Guide {
        id: "discord",
        name: "Discord",
        sections: &["app", "form"],
        links: &[
            ("guide-discord-link-safety", "https://discord.com/safety"),
            ("guide-discord-link-form", "https://dis.gd/request"),
        ],
    },
];

/// The guide with this id.
pub fn guide(id: &str) -> Option<&'static Guide> {
    GUIDES.iter().find(|guide| guide.id == id)
}
