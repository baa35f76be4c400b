## Forum texts (forum)
health-title = Shëndeti i forumit
health-intro = Këta tregues llogariten nga të dhënat e forumit sipas standardeve të OGP Local për bashkë-krijimin. Secili tregon pragun e caktuar nga bashkia dhe takimet që e provojnë.
health-no-forum = Forumi i ciklit aktual nuk është krijuar ende.
health-computed-at = Llogaritur më
health-check = Kontrolli OGP nr.
health-verdict = Vlerësimi
verdict-pass = Në rregull
verdict-warn = Kërkon vëmendje
verdict-fail = Nuk plotësohet
health-meeting = Takimi
health-members-only = Takim vetëm për anëtarët
health-existence = Forumi ekziston me të dy sektorët dhe rregulla të publikuara
health-existence-summary = { $government ->
    [one] Një anëtar nga bashkia
   *[other] { $government } anëtarë nga bashkia
} dhe { $others ->
    [one] një anëtar joqeveritar
   *[other] { $others } anëtarë joqeveritarë
} kanë pranuar pozicionin. { $rules }
health-rules-yes = Rregullat e pjesëmarrjes janë publikuar (versioni { $version }).
health-rules-no = Rregullat e pjesëmarrjes nuk janë publikuar ende.
health-regularity = Forumi mblidhet rregullisht
health-regularity-summary = { $held ->
    [0] Asnjë takim nuk është mbajtur ende.
    [one] Është mbajtur një takim.
   *[other] Janë mbajtur { $held } takime.
} Hendeku më i madh i lejuar mes dy takimeve: { $threshold } ditë. { $gap } { $since }
health-gap = Hendeku më i madh: { $days } ditë, mes “{ $from }” dhe “{ $to }”.
health-since = Nga takimi i fundit kanë kaluar { $days } ditë.
health-notice = Njoftimi dhe materialet para çdo takimi
health-notice-summary = Njoftimi dhe materialet paraprake duhet të ndahen të paktën { $days } ditë para takimit.
health-notice-days = Njoftimi (ditë para)
health-agenda = Rendi i ditës
health-documents = Materiale paraprake
health-minutes = Procesverbalet me pjesëmarrjen publikohen në kohë
health-minutes-summary = Procesverbali, me pjesëmarrjen e secilit, publikohet brenda { $days } ditëve pas takimit.
health-minutes-after = Publikuar pas (ditë)
health-attendance-recorded = Pjesëmarrja e regjistruar
health-not-yet = Jo ende
health-not-given = Pa njoftim
health-still-due = Ende në afat
health-yes = Po
health-no = Jo
health-composition = Përbërja e forumit
health-composition-summary = { $total ->
    [0] Forumi nuk ka ende anëtarë që kanë pranuar pozicionin.
   *[other] { $total } anëtarë; { $percent } % prej tyre joqeveritarë.
}
health-sector = Sektori
health-count = Anëtarë
health-attendance = Pjesëmarrja sipas sektorit në çdo takim
health-attendance-summary = Sa veta ishin të pranishëm nga çdo sektor, takim pas takimi.
health-present = Të pranishëm
sector-government = Bashkia (qeverisja vendore)
sector-cso = Organizata të shoqërisë civile
sector-informal_group = Grupe jo-formale
sector-academia = Akademia
sector-media = Media
sector-private_sector = Sektori privat
sector-citizen = Qytetarë aktivë
