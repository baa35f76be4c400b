## Commitments: commitments_ogp (OGP's data in and out, the commitment settings; owner: OGP data)

nav-commitments-ogp = OGP data

## The import page
ogp-import-title = Import OGP commitments
ogp-import-intro = Upload OGP's commitments CSV (its 171 columns, as OGP publishes them). The commitments go into the library, where drafters find them with their IRM ratings. A commitment imported earlier with the same identifier is replaced, not duplicated. The file is imported whole in one go: if anything fails, nothing is imported.
ogp-import-file = OGP's CSV file
ogp-import-hint = Up to { $mb } MB, saved as “CSV UTF-8” (with or without a BOM).
ogp-import-submit = Import the file
ogp-export-csv = Export as CSV (OGP's format)
ogp-export-json = Export as JSON
ogp-imports = Earlier imports
ogp-imports-none = No file has been imported yet.
ogp-import-file-name = File
ogp-import-when = When
ogp-import-by = By
ogp-import-by-machine = The command bashke import-commitments
flash-ogp-imported = The file was imported. The import's report is below.

## Why a file is refused whole (next to the file field)
error-ogp-file-too-large = The file is larger than { $limit } MB. Upload only the commitments CSV.
error-ogp-file-not-utf8 = The file is not in the UTF-8 encoding (it was probably saved as Windows-1252 or Latin-1). Open it in your spreadsheet program, save it as “CSV UTF-8” and upload it again.
error-ogp-file-empty = The file is empty, or no file was chosen.
error-ogp-file-columns = The file's columns are not those of OGP's CSV, so nothing was imported.
ogp-refusal-missing = Missing columns: { $columns }.
ogp-refusal-unknown = Columns OGP's CSV does not have: { $columns }.
ogp-refusal-more = …and { $count } more.
ogp-refusal-line = The first character that is not UTF-8 is on line { $line }.

## The report of an import
ogp-report-title = Import report
ogp-back-to-import = ← Import OGP commitments
ogp-rows-read = Rows in the file
ogp-rows-imported = Rows imported
ogp-rows-replaced = { $count ->
    [one] one of them replaced an earlier import
   *[other] { $count } of them replaced earlier imports
}
ogp-rows-skipped = Rows skipped
ogp-mismatches = Codes that contradicted their label
ogp-undated = Date cells without a date
ogp-skipped-heading = Rows skipped and why
ogp-skipped-none = No row was skipped.
ogp-row = Row
ogp-identifier = Identifier
ogp-reason = Reason
ogp-column = Column
ogp-label = Label
ogp-code-found = In the file
ogp-code-written = Stored and exported
ogp-cell = Cell
ogp-mismatches-heading = Codes that contradicted their labels
ogp-mismatches-intro = When an IRM rating's code says something other than the level's label beside it, the label is trusted: the code is derived from it and exported that way. Every such case is listed here.
ogp-mismatches-none = Every code matched its label.
ogp-mismatches-range = Cases { $from }–{ $to } of { $total }
ogp-undated-heading = Date cells that name no date
ogp-undated-none = Every date cell was read as a date or as ND, NR or NA.
ogp-undated-show = { $count ->
    [one] Show the cell
   *[other] Show the { $count } cells
}
ogp-skip-length = The row has { $found } cells and the header row { $expected }: it looks cut off.
ogp-skip-no_identifier = The row has no identifier (Commitment Unique Identifier).
ogp-skip-no_title = The row has no title.
ogp-skip-duplicate = The same identifier is also on row { $first_row }; that row was imported.
ogp-skip-drafted = This identifier belongs to a commitment drafted on the platform; an import never overwrites one.
ogp-skip-unreadable = The row could not be read: { $message }

## The commitment settings
commitment-settings-title = Commitment settings
commitment-settings-intro = The commitments' identifier, how many commitments the action plan holds, and the values the export in OGP's format fills in.
commitment-settings-plan = The action plan
commitment-settings-export = Export in OGP's format
commitment-settings-export-hint = These values go into the columns of OGP's CSV for the commitments drafted here.
commitment-settings-no-cycle = The plan period can be set once there is a current cycle.
flash-commitment-settings-saved = The commitment settings were saved.
hint-commitment-prefix = 2 to 8 capital Latin letters, e.g. ALBSN: commitments get ALBSN0001, ALBSN0002 and so on.
field-commitments-min = Fewest commitments in the plan
field-commitments-max = Most commitments in the plan
hint-commitments-range = Whole numbers from 1 to 100; the default is 1 to 5.
field-plan-starts-on = Plan starts on
field-plan-ends-on = Plan ends on
hint-plan-date = As dd.mm.yyyy, e.g. 24.06.2025.
field-ogp-locality = Place (Country/Locality)
hint-ogp-locality = As OGP writes it, e.g. Elbasan, Albania.
field-ogp-slug = Name in OGP's web address
hint-ogp-slug = Lower-case Latin letters, digits and hyphens, e.g. elbasan-albania.
field-ogp-region = Region
hint-ogp-region = As OGP writes it, e.g. Europe.
field-ogp-code = OGP code
hint-ogp-code = The member's code at OGP, if it has one.
field-ogp-action-plan-id = OGP's action plan identifier
hint-ogp-action-plan-id = As OGP gives it; empty until it does.
field-ogp-national-or-local = National or local (National Or Local)
hint-ogp-national-or-local = “Local” for a municipality.
error-commitment-prefix-invalid = Type 2 to 8 capital Latin letters (A–Z), without spaces or digits, e.g. ALBSN.
error-commitments-range = Type a whole number from 1 to 100.
error-commitments-min-above-max = The most cannot be fewer than the fewest.
error-ogp-slug-invalid = Use only lower-case Latin letters, digits and hyphens, e.g. elbasan-albania.
error-commitment-no-cycle = There is no current cycle, so the plan period cannot be set yet.
