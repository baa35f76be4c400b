//! The right of access: everything the platform holds about the signed-in person, in one JSON
//! document they can download.

use domain::Action;
use serde_json::{Value, json};
use store::TenantRow;

use crate::{Actor, ServiceError, Services, common::error::Result};

impl Services {
    /// The person's account, roles and organisations; their applications with previous works,
    /// attachments (name, type, size and a download link) and the decision as they may see it;
    /// the e-mails sent to them; and the audit entries about their account and applications.
    pub async fn personal_data(&self, tenant: &TenantRow, actor: &Actor) -> Result<Value> {
        let user = actor.require_user(Action::ManageOwnAccount)?;
        let account = self
            .store
            .user_by_id(actor.tenant, user)
            .await?
            .ok_or(ServiceError::NotFound)?;
        let site = self.site_url(tenant);
        let mut applications = Vec::new();
        let mut audit = self.store.audit_about(actor.tenant, "user", user.0).await?;
        for a in self.my_applications(actor).await? {
            let works = self.store.application_works(actor.tenant, a.id()).await?;
            let files: Vec<Value> = self
                .store
                .application_files(actor.tenant, a.id())
                .await?
                .into_iter()
                .map(|f| {
                    json!({
                        "name": f.filename,
                        "content_type": f.content_type,
                        "size_bytes": f.size_bytes,
                        "uploaded_at": f.created_at,
                        "download": format!("{site}/applications/{}/files/{}", a.id, f.id),
                    })
                })
                .collect();
            // Entries about a decision not yet published stay out, like the decision itself (the
            // applicant sees a decision's status only once the outcome is published).
            let published = a.status.as_seen_by_applicant(false) != a.status;
            audit.extend(
                self.store
                    .audit_about(actor.tenant, "application", a.id)
                    .await?
                    .into_iter()
                    .filter(|e| published || e.action != "application.decide"),
            );
            applications.push(json!({"application": a, "previous_work": works, "files": files}));
        }
        let mails = match &account.email {
            Some(email) => self.store.mail_to(actor.tenant, email).await?,
            None => Vec::new(),
        };
        let mails: Vec<Value> = mails
            .into_iter()
            .map(|m| {
                json!({
                    "subject": m.subject,
                    "body": m.body_text,
                    "status": m.status,
                    "created_at": m.created_at,
                    "sent_at": m.sent_at,
                })
            })
            .collect();
        Ok(json!({
            "municipality": tenant.slug,
            "account": account,
            "roles": actor.roles.iter().map(|r| r.key()).collect::<Vec<_>>(),
            "organisations": self.store.orgs_of_user(actor.tenant, user).await?,
            "applications": applications,
            "emails": mails,
            "audit_log": audit,
        }))
    }
}
