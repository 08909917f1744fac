//! Pages that explain: how the portal protects people.

use maud::{Markup, html};

use super::{Ctx, Nav, PageSpec, layout};

/// The sections of the privacy page, each a heading `privacy-<id>-h` and a text `privacy-<id>`.
const PRIVACY_SECTIONS: &[&str] = &["images", "stored", "platforms", "web", "exit", "control"];

pub(crate) fn privacy(ctx: &Ctx) -> Markup {
    layout(
        ctx,
        PageSpec {
            title: ctx.t("privacy-title"),
            nav: Nav::None,
            scripts: &[],
            data: None,
        },
        html! {
            h1 { (ctx.t("privacy-title")) }
            p.lead { (ctx.t("privacy-lead")) }
            @for id in PRIVACY_SECTIONS {
                section aria-labelledby=(format!("privacy-{id}")) {
                    h2 #(format!("privacy-{id}")) { (ctx.t(&format!("privacy-{id}-h"))) }
                    p { (ctx.rich(&format!("privacy-{id}"))) }
                }
            }
        },
    )
}
