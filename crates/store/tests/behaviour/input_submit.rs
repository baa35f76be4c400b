//! (to be written) The store behaviour of this part of public input, on both databases.
