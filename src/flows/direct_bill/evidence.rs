//! The applicant's evidence: uploads (checked by their bytes, not their names) and removal.

use crate::db::applications::Application;
use crate::db::audit::AuditEvent;
use crate::db::direct_bill::{self as store};
use crate::db::users::SessionUser;
use crate::db::{self};
use crate::domain::direct_bill::{self as rules};
use crate::messages;
use crate::state::AppState;
use serde_json::json;
use sha2::{Digest, Sha256};
use uuid::Uuid;

/// Why an upload was refused.
#[derive(Debug, PartialEq, Eq)]
pub enum UploadRefusal {
    /// No file chosen.
    Empty,
    /// Over 10 MB.
    TooLarge,
    /// Not a PDF, PNG or JPEG.
    WrongType,
    /// Five files already.
    TooMany,
}

impl UploadRefusal {
    /// The refusal in words.
    pub fn message(&self) -> messages::Msg {
        match self {
            UploadRefusal::Empty => messages::CHOOSE_FILE_UPLOAD,
            UploadRefusal::TooLarge => messages::FILE_MUST_10_MB,
            UploadRefusal::WrongType => messages::FILE_MUST_PDF_PNG,
            UploadRefusal::TooMany => messages::CAN_UPLOAD_UP_5,
        }
    }
}

/// Stores an evidence file on the application after checking its size and its content type.
pub async fn upload(
    state: &AppState,
    user: &SessionUser,
    app: &Application,
    file_name: &str,
    bytes: &[u8],
    ip: &str,
) -> anyhow::Result<Result<Uuid, UploadRefusal>> {
    if bytes.is_empty() {
        return Ok(Err(UploadRefusal::Empty));
    }
    if bytes.len() > rules::MAX_DOCUMENT_BYTES {
        return Ok(Err(UploadRefusal::TooLarge));
    }
    let Some(content_type) = rules::sniff_document(bytes) else {
        return Ok(Err(UploadRefusal::WrongType));
    };
    let name = rules::clean_file_name(file_name);
    let digest = Sha256::digest(bytes);
    let mut tx = state.db.begin().await?;
    let Some(id) = store::add_document(
        &mut tx,
        &store::NewDocument {
            application_id: app.application_id,
            file_name: &name,
            content_type,
            content: bytes,
            sha256: digest.as_slice(),
            uploaded_by: user.user_id,
        },
        rules::MAX_DOCUMENTS,
    )
    .await?
    else {
        return Ok(Err(UploadRefusal::TooMany));
    };
    db::audit::record(
        &mut *tx,
        AuditEvent {
            actor_user_id: Some(user.user_id),
            tenant_id: Some(user.tenant_id),
            action: "direct_bill.document_uploaded",
            target_type: "application",
            target_id: app.application_id.to_string(),
            ip_address: Some(ip.to_owned()),
            after: Some(json!({
                "document_id": id, "file_name": name, "content_type": content_type,
                "size_bytes": bytes.len(), "sha256": hex(digest.as_slice()),
            })),
            ..Default::default()
        },
    )
    .await?;
    tx.commit().await?;
    Ok(Ok(id))
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// Removes an evidence file while the application may change; false when nothing was removed.
pub async fn remove_document(
    state: &AppState,
    user: &SessionUser,
    app: &Application,
    document_id: Uuid,
    ip: &str,
) -> anyhow::Result<bool> {
    let mut tx = state.db.begin().await?;
    let Some(name) = store::remove_document(&mut *tx, app.application_id, document_id).await?
    else {
        return Ok(false);
    };
    db::audit::record(
        &mut *tx,
        AuditEvent {
            actor_user_id: Some(user.user_id),
            tenant_id: Some(user.tenant_id),
            action: "direct_bill.document_removed",
            target_type: "application",
            target_id: app.application_id.to_string(),
            ip_address: Some(ip.to_owned()),
            before: Some(json!({ "document_id": document_id, "file_name": name })),
            ..Default::default()
        },
    )
    .await?;
    tx.commit().await?;
    Ok(true)
}
