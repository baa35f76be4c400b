//! OGP's commitments CSV (section 10): the 171 columns in order with what each holds, the cells'
//! sentinels, labels and codes, and dates in all the forms OGP's data uses.
