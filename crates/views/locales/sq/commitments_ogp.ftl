## Commitments: commitments_ogp (OGP's data in and out, the commitment settings; owner: OGP data)

nav-commitments-ogp = Të dhënat e OGP-së

## The import page
ogp-import-title = Importimi i angazhimeve të OGP-së
ogp-import-intro = Ngarkoni skedarin CSV të angazhimeve të OGP-së (171 kolonat, siç i jep OGP-ja). Angazhimet hyjnë në bibliotekë, ku hartuesit i gjejnë bashkë me vlerësimet e IRM-së. Një angazhim i importuar më parë me të njëjtin identifikues zëvendësohet, nuk dyfishohet. Skedari importohet i tëri njëherësh: nëse diçka dështon, nuk importohet asgjë.
ogp-import-file = Skedari CSV i OGP-së
ogp-import-hint = Deri në { $mb } MB, i ruajtur si „CSV UTF-8” (me ose pa BOM).
ogp-import-submit = Importo skedarin
ogp-export-csv = Eksporto si CSV (formati i OGP-së)
ogp-export-json = Eksporto si JSON
ogp-imports = Importimet e mëparshme
ogp-imports-none = Ende nuk është importuar asnjë skedar.
ogp-import-file-name = Skedari
ogp-import-when = Kur
ogp-import-by = Nga
ogp-import-by-machine = Komanda bashke import-commitments
flash-ogp-imported = Skedari u importua. Më poshtë është raporti i importimit.

## Why a file is refused whole (next to the file field)
error-ogp-file-too-large = Skedari është më i madh se { $limit } MB. Ngarkoni vetëm skedarin CSV të angazhimeve.
error-ogp-file-not-utf8 = Skedari nuk është në kodimin UTF-8 (ndoshta është ruajtur si Windows-1252 ose Latin-1). Hapeni në programin e tabelave, ruajeni si „CSV UTF-8” dhe ngarkojeni përsëri.
error-ogp-file-empty = Skedari është bosh ose nuk u zgjodh asnjë skedar.
error-ogp-file-columns = Kolonat e skedarit nuk janë ato të CSV-së së OGP-së, prandaj nuk u importua asgjë.
ogp-refusal-missing = Mungojnë kolonat: { $columns }.
ogp-refusal-unknown = Kolona që CSV-ja e OGP-së nuk i ka: { $columns }.
ogp-refusal-more = …dhe { $count } të tjera.
ogp-refusal-line = Shkronja e parë që nuk është UTF-8 është në rreshtin { $line }.

## The report of an import
ogp-report-title = Raporti i importimit
ogp-back-to-import = ← Importimi i angazhimeve
ogp-rows-read = Rreshta në skedar
ogp-rows-imported = Rreshta të importuar
ogp-rows-replaced = { $count ->
    [one] një prej tyre zëvendësoi një importim të mëparshëm
   *[other] { $count } prej tyre zëvendësuan importime të mëparshme
}
ogp-rows-skipped = Rreshta të anashkaluar
ogp-mismatches = Kode që kundërshtonin emërtimin
ogp-undated = Qeliza date pa datë
ogp-skipped-heading = Rreshtat e anashkaluar dhe arsyeja
ogp-skipped-none = Asnjë rresht nuk u anashkalua.
ogp-row = Rreshti
ogp-identifier = Identifikuesi
ogp-reason = Arsyeja
ogp-column = Kolona
ogp-label = Emërtimi
ogp-code-found = Në skedar
ogp-code-written = E ruajtur dhe e eksportuar
ogp-cell = Qeliza
ogp-mismatches-heading = Kodet që kundërshtonin emërtimet
ogp-mismatches-intro = Kur kodi i një vlerësimi të IRM-së thotë tjetër gjë nga emërtimi i nivelit pranë tij, besohet emërtimi: kodi nxirret prej tij dhe eksportohet ashtu. Çdo rast i tillë është këtu.
ogp-mismatches-none = Çdo kod përputhej me emërtimin e vet.
ogp-mismatches-range = Rastet { $from }–{ $to } nga { $total }
ogp-undated-heading = Qelizat e datave që nuk emërtojnë një datë
ogp-undated-none = Çdo qelizë date u lexua si datë ose si ND, NR apo NA.
ogp-undated-show = { $count ->
    [one] Shfaq qelizën
   *[other] Shfaq { $count } qelizat
}
ogp-skip-length = Rreshti ka { $found } qeliza, ndërsa rreshti i titujve { $expected }: duket i prerë.
ogp-skip-no_identifier = Rreshti nuk ka identifikues (Commitment Unique Identifier).
ogp-skip-no_title = Rreshti nuk ka titull.
ogp-skip-duplicate = I njëjti identifikues është edhe në rreshtin { $first_row }; u importua ai rresht.
ogp-skip-drafted = Ky identifikues i përket një angazhimi të hartuar në platformë; importimi nuk e mbishkruan kurrë.
ogp-skip-unreadable = Rreshti nuk mund të lexohej: { $message }

## The commitment settings
commitment-settings-title = Rregullat e angazhimeve
commitment-settings-intro = Identifikuesi i angazhimeve, sa angazhime mban plani i veprimit dhe vlerat që plotëson eksporti në formatin e OGP-së.
commitment-settings-plan = Plani i veprimit
commitment-settings-export = Eksporti në formatin e OGP-së
commitment-settings-export-hint = Këto vlera shkojnë në kolonat e CSV-së së OGP-së për angazhimet e hartuara këtu.
commitment-settings-no-cycle = Periudha e planit caktohet kur ka një cikël aktual.
flash-commitment-settings-saved = Rregullat e angazhimeve u ruajtën.
hint-commitment-prefix = 2 deri në 8 shkronja të mëdha latine, p.sh. ALBSN: angazhimet marrin ALBSN0001, ALBSN0002 e me radhë.
field-commitments-min = Numri më i vogël i angazhimeve në plan
field-commitments-max = Numri më i madh i angazhimeve në plan
hint-commitments-range = Numra të plotë nga 1 deri në 100; parazgjedhja është nga 1 deri në 5.
field-plan-starts-on = Fillimi i planit
field-plan-ends-on = Mbarimi i planit
hint-plan-date = Si dd.mm.vvvv, p.sh. 24.06.2025.
field-ogp-locality = Vendi (Country/Locality)
hint-ogp-locality = Siç e shkruan OGP-ja, p.sh. Elbasan, Albania.
field-ogp-slug = Emri në adresën e OGP-së
hint-ogp-slug = Shkronja të vogla latine, shifra dhe viza, p.sh. elbasan-albania.
field-ogp-region = Rajoni
hint-ogp-region = Siç e shkruan OGP-ja, p.sh. Europe.
field-ogp-code = Kodi i OGP-së
hint-ogp-code = Kodi i anëtarit te OGP-ja, nëse ka një të tillë.
field-ogp-action-plan-id = Identifikuesi i planit të veprimit te OGP-ja
hint-ogp-action-plan-id = Siç e jep OGP-ja; bosh derisa ta japë.
field-ogp-national-or-local = Kombëtar apo vendor (National Or Local)
hint-ogp-national-or-local = „Local” për një bashki.
error-commitment-prefix-invalid = Shkruani nga 2 deri në 8 shkronja të mëdha latine (A–Z), pa hapësira e pa shifra, p.sh. ALBSN.
error-commitments-range = Shkruani një numër të plotë nga 1 deri në 100.
error-commitments-min-above-max = Numri më i madh nuk mund të jetë më i vogël se numri më i vogël.
error-ogp-slug-invalid = Përdorni vetëm shkronja të vogla latine, shifra dhe viza, p.sh. elbasan-albania.
error-commitment-no-cycle = Nuk ka cikël aktual, prandaj periudha e planit nuk mund të caktohet ende.
