//! Attachments to applications: PDFs and images, their type read from their content.

use domain::{Action, ApplicationId};
use sha2::{Digest, Sha256};
use store::{FileMeta, NewFile};

use crate::{Actor, ServiceError, Services, common::error::Result};

/// At most this many files per application.
pub const MAX_FILES: usize = 5;

/// The types accepted, as recognised from the first bytes of the file (never from its name).
const ALLOWED: [&str; 4] = ["application/pdf", "image/png", "image/jpeg", "image/webp"];

/// The file's real type, if it is one we accept.
pub fn sniff(content: &[u8]) -> Option<&'static str> {
    let kind = infer::get(content)?;
    ALLOWED.iter().copied().find(|allowed| *allowed == kind.mime_type())
}

/// A file name safe to store and to send back in a header: the last path part, no control
/// characters or quotes, at most 120 characters.
pub fn clean_filename(raw: &str) -> String {
    let base = raw.rsplit(['/', '\\']).next().unwrap_or(raw);
    let cleaned: String = base
        .chars()
        .filter(|c| !c.is_control() && !matches!(c, '"' | '\\' | ';'))
        .take(120)
        .collect();
    let cleaned = cleaned.trim().to_owned();
    if cleaned.is_empty() { "file".into() } else { cleaned }
}

impl Services {
    /// Whether the actor may attach files to this application (their own): asked before an
    /// upload's body is read, so that nobody else can make the server read megabytes.
    pub async fn may_attach(&self, actor: &Actor, app: ApplicationId) -> Result<()> {
        self.own_application(actor, app).await.map(|_| ())
    }

    /// Attaches a file to the actor's own draft, while the call is open.
    pub async fn attach_file(
        &self,
        actor: &Actor,
        app: ApplicationId,
        filename: &str,
        content: &[u8],
        max_bytes: usize,
    ) -> Result<i64> {
        let (row, call) = self.own_application(actor, app).await?;
        row.status
            .can_edit(self.call_phase(&call))
            .map_err(|r| ServiceError::field("file", r.code()))?;
        if content.is_empty() {
            return Err(ServiceError::field("file", "required"));
        }
        if content.len() > max_bytes {
            return Err(ServiceError::field("file", "file_too_large"));
        }
        let Some(content_type) = sniff(content) else {
            return Err(ServiceError::field("file", "file_type"));
        };
        if self.store.application_files(actor.tenant, app).await?.len() >= MAX_FILES {
            return Err(ServiceError::field("file", "too_many_files"));
        }
        let sha = hex::encode(Sha256::digest(content));
        let name = clean_filename(filename);
        let ctx = self.ctx(actor.tenant, actor.user, actor.request_id.as_deref());
        let file = NewFile {
            filename: &name,
            content_type,
            sha256: &sha,
            content,
        };
        self.store
            .attach_file(actor.tenant, app, &file, &ctx)
            .await
            .map_err(|e| match ServiceError::from(e) {
                ServiceError::Conflict(_) => ServiceError::field("file", "application_not_editable"),
                other => other,
            })
    }

    pub async fn remove_file(&self, actor: &Actor, app: ApplicationId, file: i64) -> Result<()> {
        self.own_application(actor, app).await?;
        let ctx = self.ctx(actor.tenant, actor.user, actor.request_id.as_deref());
        self.store
            .remove_file(actor.tenant, app, file, &ctx)
            .await
            .map_err(|e| match ServiceError::from(e) {
                ServiceError::Conflict(_) => ServiceError::field("file", "application_not_editable"),
                other => other,
            })
    }

    /// A file of an application, for whoever may see the application (staff and reviewer reads
    /// are audited there).
    pub async fn file_for(&self, actor: &Actor, app: ApplicationId, file: i64) -> Result<(FileMeta, Vec<u8>)> {
        self.application_for(actor, app).await?;
        self.store
            .application_file(actor.tenant, app, file)
            .await?
            .ok_or(ServiceError::NotFound)
    }
}

impl Services {
    /// Attaches a document to a call, shown on its public page.
    pub async fn attach_call_document(
        &self,
        actor: &Actor,
        call: domain::CallId,
        filename: &str,
        content: &[u8],
        max_bytes: usize,
    ) -> Result<i64> {
        actor.require(Action::ManageCalls)?;
        if content.is_empty() {
            return Err(ServiceError::field("file", "required"));
        }
        if content.len() > max_bytes {
            return Err(ServiceError::field("file", "file_too_large"));
        }
        let Some(content_type) = sniff(content) else {
            return Err(ServiceError::field("file", "file_type"));
        };
        let sha = hex::encode(Sha256::digest(content));
        let name = clean_filename(filename);
        let ctx = self.ctx(actor.tenant, actor.user, actor.request_id.as_deref());
        let file = NewFile {
            filename: &name,
            content_type,
            sha256: &sha,
            content,
        };
        Ok(self.store.attach_call_document(actor.tenant, call, &file, &ctx).await?)
    }

    pub async fn remove_call_document(&self, actor: &Actor, call: domain::CallId, file: i64) -> Result<()> {
        let user = actor.require_user(Action::ManageCalls)?;
        let ctx = self.ctx(actor.tenant, Some(user), actor.request_id.as_deref());
        Ok(self.store.remove_call_document(actor.tenant, call, file, &ctx).await?)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn types_come_from_the_content() {
        assert_eq!(sniff(b"%PDF-1.7\n1 0 obj"), Some("application/pdf"));
        assert_eq!(
            sniff(&[0x89, b'P', b'N', b'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0]),
            Some("image/png")
        );
        assert_eq!(sniff(b"MZ\x90\x00 this is a program"), None);
        assert_eq!(sniff(b"just text pretending to be.pdf"), None);
    }

    #[test]
    fn file_names_are_cleaned() {
        assert_eq!(
            clean_filename("C:\\Users\\Ana\\Raporti “2024” ë.pdf"),
            "Raporti “2024” ë.pdf"
        );
        assert_eq!(clean_filename("../../etc/passwd"), "passwd");
        assert_eq!(clean_filename("a\"b;c\n.pdf"), "abc.pdf");
        assert_eq!(clean_filename(""), "file");
    }
}
