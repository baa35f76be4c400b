use thiserror::Error;

#[derive(Debug, Error)]
pub enum StoreError {
    #[error("not found")]
    NotFound,
    /// A unique constraint was violated; `field` names the column, the same on both backends.
    #[error("conflict on {field}")]
    Conflict { field: String },
    #[error("unsupported database URL: use sqlite://PATH or postgres://…")]
    UnsupportedUrl,
    #[error("online backup is for SQLite; for PostgreSQL use pg_dump")]
    BackupNeedsPgDump,
    #[error("database error: {0}")]
    Database(sqlx::Error),
    /// A stored value the code does not know: data and code disagree, and nothing may guess.
    #[error("{0}")]
    Unknown(#[from] domain::open_call::UnknownValue),
    #[error("migration failed: {0}")]
    Migrate(#[from] sqlx::migrate::MigrateError),
}

impl From<sqlx::Error> for StoreError {
    fn from(err: sqlx::Error) -> Self {
        if let sqlx::Error::RowNotFound = err {
            return StoreError::NotFound;
        }
        if let Some(db) = err.as_database_error()
            && db.is_unique_violation()
        {
            return StoreError::Conflict {
                field: conflict_field(db.constraint(), db.message()),
            };
        }
        StoreError::Database(err)
    }
}

/// PostgreSQL names the constraint (`uq_users__email`, `users_pkey`); SQLite only says
/// `UNIQUE constraint failed: users.tenant_id, users.email`. Both end with the column that
/// matters, which becomes the field name.
fn conflict_field(constraint: Option<&str>, message: &str) -> String {
    let raw = match constraint {
        Some(name) => name.rsplit("__").next().unwrap_or(name),
        None => message.rsplit(['.', ' ']).next().unwrap_or(message),
    };
    raw.trim_end_matches("_pkey").to_owned()
}

#[cfg(test)]
mod tests {
    use super::conflict_field;

    #[test]
    fn both_dialects_name_the_same_field() {
        assert_eq!(conflict_field(Some("uq_users__email"), ""), "email");
        assert_eq!(
            conflict_field(None, "UNIQUE constraint failed: users.tenant_id, users.email"),
            "email"
        );
    }
}
