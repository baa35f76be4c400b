//! Files attached to applications. They are kept in the database (see the migration): the
//! instances stay stateless and a backup holds everything.

use chrono::{DateTime, Utc};
use domain::{ApplicationId, CallId, TenantId};
use serde_json::json;

use crate::{AuditCtx, Result, Store, StoreError, audit, read, write};

#[derive(Debug, Clone, sqlx::FromRow, serde::Serialize)]
pub struct FileMeta {
    pub id: i64,
    pub filename: String,
    pub content_type: String,
    pub size_bytes: i64,
    pub sha256: String,
    pub created_at: DateTime<Utc>,
}

/// One attachment of a call's applications, for the ZIP: where it goes and which file it is.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct AttachmentRef {
    /// The application's reference, empty before submission.
    pub reference: String,
    pub application_id: i64,
    pub file_id: i64,
}

/// A file to store: its name as uploaded (cleaned), its type as read from its content.
#[derive(Debug, Clone)]
pub struct NewFile<'a> {
    pub filename: &'a str,
    pub content_type: &'a str,
    pub sha256: &'a str,
    pub content: &'a [u8],
}

/// Stores a file's row inside an open write transaction; evaluates to its id.
macro_rules! insert_file {
    ($tx:ident, $tenant:expr, $file:expr, $ctx:expr) => {
        sqlx::query_scalar::<_, i64>(
            "INSERT INTO files (tenant_id, filename, content_type, size_bytes, sha256, content, uploaded_by, created_at)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id",
        )
        .bind($tenant.0)
        .bind($file.filename)
        .bind($file.content_type)
        .bind($file.content.len() as i64)
        .bind($file.sha256)
        .bind($file.content)
        .bind($ctx.actor.map(|a| a.0))
        .bind($ctx.at)
        .fetch_one(&mut *$tx)
        .await?
    };
}

impl Store {
    /// Attaches a file to a draft application (conflict on `status` once it is submitted).
    pub async fn attach_file(
        &self,
        tenant: TenantId,
        app: ApplicationId,
        file: &NewFile<'_>,
        ctx: &AuditCtx,
    ) -> Result<i64> {
        Ok(write!(self, |tx| {
            let status: String =
                sqlx::query_scalar::<_, String>("SELECT status FROM applications WHERE id = $1 AND tenant_id = $2")
                    .bind(app.0)
                    .bind(tenant.0)
                    .fetch_optional(&mut *tx)
                    .await?
                    .ok_or(StoreError::NotFound)?;
            if status != "draft" {
                return Err(StoreError::Conflict { field: "status".into() });
            }
            let id: i64 = insert_file!(tx, tenant, file, ctx);
            sqlx::query("INSERT INTO application_files (tenant_id, application_id, file_id) VALUES ($1, $2, $3)")
                .bind(tenant.0)
                .bind(app.0)
                .bind(id)
                .execute(&mut *tx)
                .await?;
            audit!(
                tx,
                ctx,
                "application.attach",
                "application",
                app.0,
                None,
                Some(
                    json!({"file_id": id, "filename": file.filename, "content_type": file.content_type, "size": file.content.len()})
                )
            );
            id
        }))
    }

    pub async fn remove_file(&self, tenant: TenantId, app: ApplicationId, file: i64, ctx: &AuditCtx) -> Result<()> {
        write!(self, |tx| {
            let status: String =
                sqlx::query_scalar::<_, String>("SELECT status FROM applications WHERE id = $1 AND tenant_id = $2")
                    .bind(app.0)
                    .bind(tenant.0)
                    .fetch_optional(&mut *tx)
                    .await?
                    .ok_or(StoreError::NotFound)?;
            if status != "draft" {
                return Err(StoreError::Conflict { field: "status".into() });
            }
            let done = sqlx::query(
                "DELETE FROM application_files WHERE tenant_id = $1 AND application_id = $2 AND file_id = $3",
            )
            .bind(tenant.0)
            .bind(app.0)
            .bind(file)
            .execute(&mut *tx)
            .await?;
            if done.rows_affected() != 1 {
                return Err(StoreError::NotFound);
            }
            sqlx::query("DELETE FROM files WHERE id = $1 AND tenant_id = $2")
                .bind(file)
                .bind(tenant.0)
                .execute(&mut *tx)
                .await?;
            audit!(
                tx,
                ctx,
                "application.detach",
                "application",
                app.0,
                Some(json!({"file_id": file})),
                None
            );
        });
        Ok(())
    }

    pub async fn application_files(&self, tenant: TenantId, app: ApplicationId) -> Result<Vec<FileMeta>> {
        read!(self, |db| {
            sqlx::query_as::<_, FileMeta>(
                "SELECT f.id, f.filename, f.content_type, f.size_bytes, f.sha256, f.created_at
                 FROM application_files af JOIN files f ON f.id = af.file_id
                 WHERE af.tenant_id = $1 AND f.tenant_id = $1 AND af.application_id = $2 ORDER BY f.id",
            )
            .bind(tenant.0)
            .bind(app.0)
            .fetch_all(db)
            .await
            .map_err(Into::into)
        })
    }

    /// One attachment of an application, with its content.
    pub async fn application_file(
        &self,
        tenant: TenantId,
        app: ApplicationId,
        file: i64,
    ) -> Result<Option<(FileMeta, Vec<u8>)>> {
        self.file_with_content(
            "SELECT f.id, f.filename, f.content_type, f.size_bytes, f.sha256, f.created_at, f.content
             FROM application_files af JOIN files f ON f.id = af.file_id
             WHERE af.tenant_id = $1 AND f.tenant_id = $1 AND af.application_id = $2 AND f.id = $3",
            tenant,
            app.0,
            file,
        )
        .await
    }

    /// A file with its content, by a statement that binds the tenant, the owner and the file.
    async fn file_with_content(
        &self,
        sql: &'static str,
        tenant: TenantId,
        owner: i64,
        file: i64,
    ) -> Result<Option<(FileMeta, Vec<u8>)>> {
        #[derive(sqlx::FromRow)]
        struct Row {
            #[sqlx(flatten)]
            meta: FileMeta,
            content: Vec<u8>,
        }
        let row: Option<Row> = read!(self, |db| {
            sqlx::query_as::<_, Row>(sql)
                .bind(tenant.0)
                .bind(owner)
                .bind(file)
                .fetch_optional(db)
                .await?
        });
        Ok(row.map(|r| (r.meta, r.content)))
    }

    /// The attachments of a call's submitted applications: (application reference, application
    /// id, file id), for building the ZIP one file at a time.
    pub async fn call_attachments(&self, tenant: TenantId, call: CallId) -> Result<Vec<AttachmentRef>> {
        read!(self, |db| {
            sqlx::query_as::<_, AttachmentRef>(
                "SELECT COALESCE(a.reference, '') AS reference, a.id AS application_id, af.file_id FROM applications a
                 JOIN application_files af ON af.application_id = a.id AND af.tenant_id = a.tenant_id
                 WHERE a.tenant_id = $1 AND a.call_id = $2 AND a.status NOT IN ('draft', 'withdrawn')
                 ORDER BY a.id, af.file_id",
            )
            .bind(tenant.0)
            .bind(call.0)
            .fetch_all(db)
            .await
            .map_err(Into::into)
        })
    }

    /// Attaches a document (terms of reference, a form…) to a call.
    pub async fn attach_call_document(
        &self,
        tenant: TenantId,
        call: CallId,
        file: &NewFile<'_>,
        ctx: &AuditCtx,
    ) -> Result<i64> {
        Ok(write!(self, |tx| {
            let exists: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM calls WHERE id = $1 AND tenant_id = $2")
                .bind(call.0)
                .bind(tenant.0)
                .fetch_one(&mut *tx)
                .await?;
            if exists != 1 {
                return Err(StoreError::NotFound);
            }
            let id: i64 = insert_file!(tx, tenant, file, ctx);
            sqlx::query(
                "INSERT INTO call_documents (tenant_id, call_id, file_id, position)
                 VALUES ($1, $2, $3, (SELECT COUNT(*) FROM call_documents WHERE tenant_id = $1 AND call_id = $2))",
            )
            .bind(tenant.0)
            .bind(call.0)
            .bind(id)
            .execute(&mut *tx)
            .await?;
            audit!(
                tx,
                ctx,
                "call.attach",
                "call",
                call.0,
                None,
                Some(json!({"file_id": id, "filename": file.filename}))
            );
            id
        }))
    }

    pub async fn remove_call_document(&self, tenant: TenantId, call: CallId, file: i64, ctx: &AuditCtx) -> Result<()> {
        write!(self, |tx| {
            let done = sqlx::query("DELETE FROM call_documents WHERE tenant_id = $1 AND call_id = $2 AND file_id = $3")
                .bind(tenant.0)
                .bind(call.0)
                .bind(file)
                .execute(&mut *tx)
                .await?;
            if done.rows_affected() != 1 {
                return Err(StoreError::NotFound);
            }
            sqlx::query("DELETE FROM files WHERE id = $1 AND tenant_id = $2")
                .bind(file)
                .bind(tenant.0)
                .execute(&mut *tx)
                .await?;
            audit!(
                tx,
                ctx,
                "call.detach",
                "call",
                call.0,
                Some(json!({"file_id": file})),
                None
            );
        });
        Ok(())
    }

    pub async fn call_documents(&self, tenant: TenantId, call: CallId) -> Result<Vec<FileMeta>> {
        read!(self, |db| {
            sqlx::query_as::<_, FileMeta>(
                "SELECT f.id, f.filename, f.content_type, f.size_bytes, f.sha256, f.created_at
                 FROM call_documents cd JOIN files f ON f.id = cd.file_id
                 WHERE cd.tenant_id = $1 AND f.tenant_id = $1 AND cd.call_id = $2 ORDER BY cd.position, f.id",
            )
            .bind(tenant.0)
            .bind(call.0)
            .fetch_all(db)
            .await
            .map_err(Into::into)
        })
    }

    pub async fn call_document(
        &self,
        tenant: TenantId,
        call: CallId,
        file: i64,
    ) -> Result<Option<(FileMeta, Vec<u8>)>> {
        self.file_with_content(
            "SELECT f.id, f.filename, f.content_type, f.size_bytes, f.sha256, f.created_at, f.content
             FROM call_documents cd JOIN files f ON f.id = cd.file_id
             WHERE cd.tenant_id = $1 AND f.tenant_id = $1 AND cd.call_id = $2 AND f.id = $3",
            tenant,
            call.0,
            file,
        )
        .await
    }
}
