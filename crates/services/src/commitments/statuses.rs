//! A commitment's statuses (issue 10, part 5): draft → forum-endorsed by the forum's chair or
//! the coordinator; forum-endorsed → in consultation → final, any → withdrawn and back to draft
//! by the coordinator. Each change has a reason, is recorded and audited; withdrawing asks for a
//! confirmation first.

use domain::commitments::{CommitmentStatus, NOTE_MAX};
use store::{
    TenantRow,
    commitments::{
        comments::CommentRow, drafts::CommitmentRow, drafts::LinkedInput, drafts::VersionRow, statuses::StatusChangeRow,
    },
};

use super::drafts::Drafter;
use crate::{Actor, ServiceError, Services, common::error::Result};

/// Who may make a move.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mover {
    /// The forum's chair or the coordinator.
    ChairOrCoordinator,
    Coordinator,
}

/// Who may move a commitment from `from` to `to`; `None`: no such move.
pub fn mover(from: CommitmentStatus, to: CommitmentStatus) -> Option<Mover> {
    use CommitmentStatus::*;
    match (from, to) {
        _ if from == to => None,
        (Draft, ForumEndorsed) => Some(Mover::ChairOrCoordinator),
        (ForumEndorsed, InConsultation) | (InConsultation, Final) => Some(Mover::Coordinator),
        (_, Withdrawn) | (_, Draft) => Some(Mover::Coordinator),
        _ => None,
    }
}

fn may(drafter: &Drafter, m: Mover) -> bool {
    match m {
        Mover::ChairOrCoordinator => drafter.staff || drafter.is_chair(),
        Mover::Coordinator => drafter.staff,
    }
}

/// The moves this person may make from `from`, in the statuses' order.
pub fn moves_for(drafter: &Drafter, from: CommitmentStatus) -> Vec<CommitmentStatus> {
    CommitmentStatus::ALL
        .iter()
        .copied()
        .filter(|to| mover(from, *to).is_some_and(|m| may(drafter, m)))
        .collect()
}

/// What asking for a change did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum StatusOutcome {
    Changed,
    /// Withdrawing: the page asks once more.
    NeedsConfirmation,
}

/// The staff page of a commitment: everything the forum sees about it.
#[derive(Debug, Clone)]
pub struct CommitmentStaffView {
    pub row: CommitmentRow,
    pub versions: Vec<VersionRow>,
    pub comments: Vec<CommentRow>,
    pub statuses: Vec<StatusChangeRow>,
    pub inputs: Vec<LinkedInput>,
    pub moves: Vec<CommitmentStatus>,
    pub template: domain::commitments::template::Template,
}

impl Services {
    /// The staff page of a commitment.
    pub async fn commitment_staff_view(
        &self,
        tenant: &TenantRow,
        actor: &Actor,
        id: i64,
    ) -> Result<CommitmentStaffView> {
        let (row, drafter) = self.drafted_commitment(tenant, actor, id).await?;
        let versions = self.store.commitment_versions(tenant.id(), id).await?;
        let comments = self.store.commitment_comments(tenant.id(), id).await?;
        let statuses = self.store.commitment_status_changes(tenant.id(), id).await?;
        let inputs = self.store.commitment_inputs(tenant.id(), id).await?;
        let template = self.template_of(tenant, row.template_id).await?;
        let moves = moves_for(&drafter, row.status);
        Ok(CommitmentStaffView {
            row,
            versions,
            comments,
            statuses,
            inputs,
            moves,
            template,
        })
    }

    /// Moves a commitment to `to` (a status key) with a reason. Withdrawing needs `confirmed`.
    pub async fn change_commitment_status(
        &self,
        tenant: &TenantRow,
        actor: &Actor,
        id: i64,
        to: &str,
        reason: &str,
        confirmed: bool,
    ) -> Result<StatusOutcome> {
        let (row, drafter) = self.drafted_commitment(tenant, actor, id).await?;
        let to = CommitmentStatus::parse(to.trim()).ok_or_else(|| ServiceError::field("to", "choice_invalid"))?;
        let Some(m) = mover(row.status, to) else {
            return Err(ServiceError::field("to", "status_move_invalid"));
        };
        if !may(&drafter, m) {
            return Err(ServiceError::Forbidden);
        }
        let reason =
            domain::Text::parse("reason", reason, true, NOTE_MAX).map_err(|e| ServiceError::Invalid(vec![e]))?;
        if to == CommitmentStatus::Withdrawn && !confirmed {
            return Ok(StatusOutcome::NeedsConfirmation);
        }
        let ctx = self.ctx(tenant.id(), Some(drafter.user), actor.request_id.as_deref());
        match self
            .store
            .set_commitment_status(tenant.id(), id, row.status, to, reason.as_str(), &ctx)
            .await
        {
            Ok(()) => Ok(StatusOutcome::Changed),
            Err(store::StoreError::Conflict { .. }) => Err(ServiceError::field("to", "status_changed_meanwhile")),
            Err(e) => Err(e.into()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use domain::UserId;

    fn who(staff: bool, seat: Option<&str>) -> Drafter {
        Drafter {
            user: UserId(1),
            staff,
            seat: seat.map(str::to_owned),
        }
    }

    #[test]
    fn only_chair_or_coordinator_endorses() {
        use CommitmentStatus::*;
        assert_eq!(moves_for(&who(false, Some("chair")), Draft), vec![ForumEndorsed]);
        assert!(moves_for(&who(false, Some("member")), Draft).is_empty());
        assert_eq!(moves_for(&who(true, None), Draft), vec![ForumEndorsed, Withdrawn]);
        assert_eq!(
            moves_for(&who(true, None), ForumEndorsed),
            vec![Draft, InConsultation, Withdrawn]
        );
        assert!(moves_for(&who(false, Some("chair")), ForumEndorsed).is_empty());
        assert_eq!(mover(Draft, Final), None);
        assert_eq!(mover(Withdrawn, Draft), Some(Mover::Coordinator));
    }
}
