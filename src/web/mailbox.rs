//! The development mailbox: every queued e-mail, readable in the browser.
//! Mounted only when `MAIL_TRANSPORT=mailbox`.

use crate::db::{self, outbox::QueuedEmail};
use crate::error::AppError;
use crate::i18n::filters;
use crate::state::AppState;
use crate::web::ctx::Ctx;
use crate::web::form::Path;
use askama::Template;
use askama_web::WebTemplate;
use axum::Router;
use axum::extract::State;
use axum::http::header;
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use uuid::Uuid;

/// Routes of this area.
pub fn router() -> Router<AppState> {
    Router::new()
        .route("/dev/mailbox", get(index))
        .route("/dev/mailbox/{id}", get(message))
        .route("/dev/mailbox/{id}/html", get(message_html))
}

/// The list of messages.
#[derive(Template, WebTemplate)]
#[template(path = "mailbox/index.html")]
pub struct MailboxPage {
    ctx: Ctx,
    emails: Vec<QueuedEmail>,
}

async fn index(State(state): State<AppState>, ctx: Ctx) -> Result<MailboxPage, AppError> {
    let emails = db::outbox::recent(&state.db, 200).await?;
    Ok(MailboxPage { ctx, emails })
}

/// A piece of a plain-text body: text, or a link to make clickable.
pub struct Segment {
    /// The text.
    pub text: String,
    /// True when `text` is an http(s) URL.
    pub is_link: bool,
}

/// Splits text into plain runs and http(s) links.
pub fn segments(body: &str) -> Vec<Segment> {
    let mut out = Vec::new();
    let mut rest = body;
    while let Some(start) = [rest.find("http://"), rest.find("https://")]
        .into_iter()
        .flatten()
        .min()
    {
        if start > 0 {
            out.push(Segment {
                text: rest[..start].to_owned(),
                is_link: false,
            });
        }
        let tail = &rest[start..];
        let end = tail
            .find(|c: char| c.is_whitespace() || c == '<' || c == '>' || c == '"')
            .unwrap_or(tail.len());
        out.push(Segment {
            text: tail[..end].to_owned(),
            is_link: true,
        });
        rest = &tail[end..];
    }
    if !rest.is_empty() {
        out.push(Segment {
            text: rest.to_owned(),
            is_link: false,
        });
    }
    out
}

/// One message.
#[derive(Template, WebTemplate)]
#[template(path = "mailbox/message.html")]
pub struct MessagePage {
    ctx: Ctx,
    email: QueuedEmail,
    body: Vec<Segment>,
}

async fn message(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<Uuid>,
) -> Result<MessagePage, AppError> {
    let email = db::outbox::find(&state.db, id)
        .await?
        .ok_or(AppError::NotFound)?;
    let body = segments(&email.body_text);
    Ok(MessagePage { ctx, email, body })
}

/// The policy of a message's HTML: its inline styles and images, nothing else, sandboxed.
pub const MAIL_CSP: &str =
    "default-src 'none'; style-src 'unsafe-inline'; img-src data:; sandbox; frame-ancestors 'self'";

async fn message_html(
    State(state): State<AppState>,
    Path(id): Path<Uuid>,
) -> Result<Response, AppError> {
    let email = db::outbox::find(&state.db, id)
        .await?
        .ok_or(AppError::NotFound)?;
    // Shown framed in the message page, styled as a mail client shows it: this response
    // alone allows the message's inline styles and our own page to frame it, sandboxed
    // (no script, no form, no navigation); the portal's policy elsewhere stays as it is.
    Ok((
        [
            (header::CONTENT_TYPE, "text/html; charset=utf-8"),
            (header::CONTENT_SECURITY_POLICY, MAIL_CSP),
            (header::X_FRAME_OPTIONS, "SAMEORIGIN"),
            (header::CACHE_CONTROL, "no-store"),
        ],
        email.body_html,
    )
        .into_response())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn links_in_text_become_their_own_segments() {
        let s = segments("Open this link:\n\nhttp://127.0.0.1:3000/x/abc\n\nThanks");
        assert_eq!(s.len(), 3);
        assert!(s[1].is_link);
        assert_eq!(s[1].text, "http://127.0.0.1:3000/x/abc");
        assert_eq!(s[2].text, "\n\nThanks");
        assert!(segments("no links").iter().all(|s| !s.is_link));
    }
}
