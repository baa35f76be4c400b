//! iCalendar files of forum meetings (invitations, updates, cancellations, feeds).
