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

## Forumi dhe anëtarët e tij (pjesa A)
forum-title = Forumi
forum-none = Forumi i ciklit aktual nuk është ngritur ende. Sapo Bashkia ta ngrejë, këtu do të publikohen anëtarët, termat e referencës dhe rregullat e tij.
forum-mandate = Mandati
forum-legal-basis = Baza ligjore
forum-legal-none = Baza ligjore nuk është publikuar ende.
forum-legal-act = Akti
forum-legal-number = Numri
forum-legal-date = Data
forum-legal-document = Dokumenti i bazës ligjore (PDF)
forum-how-chosen = Si u përzgjodhën anëtarët
forum-chosen-by-call = Anëtarët joqeveritarë u përzgjodhën nëpërmjet thirrjes së hapur
forum-call-outcome = rezultati i publikuar i thirrjes
forum-chosen-directly = Anëtarët u caktuan drejtpërdrejt nga Bashkia.
forum-members = Anëtarët sipas sektorit
forum-members-none = Asnjë anëtar nuk e ka pranuar ende pozicionin.
forum-member-name = Emri
forum-member-organisation = Organizata
forum-member-position = Pozicioni
forum-member-responsibilities = Përgjegjësitë
forum-member-email = E-maili
forum-member-status = Gjendja
forum-member-dates = Mandati
forum-none-given = asnjë
forum-composition = Përbërja e forumit
forum-composition-summary = { $total ->
    [one] Një anëtar e ka pranuar pozicionin.
   *[other] { $total } anëtarë e kanë pranuar pozicionin.
}
forum-composition-share = { $percent } % e tyre janë anëtarë joqeveritarë.
forum-composition-by-sector = Numri i anëtarëve sipas sektorit
forum-composition-by-gender = { $recorded ->
    [one] Anëtarët sipas gjinisë (vetëm 1 anëtar zgjodhi ta shënojë)
   *[other] Anëtarët sipas gjinisë (vetëm { $recorded } anëtarë zgjodhën ta shënojnë)
}
forum-gender = Gjinia
forum-gender-none = Asnjë anëtar nuk ka zgjedhur ta shënojë gjininë.
forum-texts = Termat e referencës dhe rregullat e pjesëmarrjes publike
forum-texts-version = Versioni { $version }
forum-texts-history = Historiku i versioneve
forum-terms = Termat e referencës
forum-rules = Rregullat e pjesëmarrjes publike
forum-texts-not-written = Nuk janë shkruar ende.
forum-texts-none = Nuk është ruajtur ende asnjë version i teksteve.
forum-more = Më shumë për forumin
forum-link-meetings = Takimet
forum-link-decisions = Vendimet
forum-texts-history-title = Versionet e termave të referencës dhe të rregullave
forum-version = Versioni
forum-version-date = Ruajtur më
forum-version-note = Shënim
forum-compare = Krahasoni dy versione
forum-compare-from = Versioni i mëparshëm
forum-compare-to = Versioni i mëvonshëm
forum-compare-submit = Krahaso
forum-compare-title = Krahasimi i dy versioneve
forum-compare-legend = Fjalët e hequra janë të shënuara me vijë në mes dhe shënohen „hequr“; fjalët e shtuara janë të theksuara dhe shënohen „shtuar“. Shembull:
forum-compare-removed-example = fjalë të vjetra
forum-compare-added-example = fjalë të reja
forum-compare-same = Pa ndryshim.
forum-diff-removed = hequr
forum-diff-added = shtuar
forum-diff-terms-sq = Termat e referencës (shqip)
forum-diff-terms-en = Termat e referencës (anglisht)
forum-diff-rules-sq = Rregullat e pjesëmarrjes publike (shqip)
forum-diff-rules-en = Rregullat e pjesëmarrjes publike (anglisht)
position-chair = Kryetar
position-co_chair = Bashkëkryetar
position-secretary = Sekretar
position-member = Anëtar
position-observer = Vëzhgues
member-status-invited = I ftuar, pa përgjigje ende
member-status-accepted = Pranoi
member-status-declined = Refuzoi
member-status-left = U largua
gender-woman = Grua
gender-man = Burrë
gender-other = Tjetër
admin-forum-title = Forumi
admin-forum-no-cycle = Nuk ka ende cikël aktual. Krijoni fillimisht ciklin dhe kalendarin e tij; forumi i përket ciklit.
admin-forum-public-page = Faqja publike e forumit
admin-forum-meetings = Takimet
admin-forum-positions = Pozicionet në forum
admin-forum-add-member = Shtoni drejtpërdrejt një person
admin-forum-members = Anëtarët
admin-forum-members-none = Askujt nuk i është ofruar ende një vend.
admin-forum-actions = Veprime
admin-forum-end-seat = Përfundoni vendin
admin-forum-candidates = Aplikantë të përzgjedhur që nuk janë ulur ende në forum
admin-forum-candidates-intro = Çdo aplikant i përzgjedhur i thirrjes së hapur mund të ulet në forum me një hap: kontrolloni sektorin, organizatën, pozicionin dhe datat, pastaj dërgoni ftesën. Personi e pranon ose e refuzon nga lidhja e dërguar me e-mail; numërohen vetëm anëtarët që kanë pranuar.
admin-forum-candidates-none = Asnjë aplikant i përzgjedhur nuk pret për një vend.
admin-forum-applicant = Aplikoi si
admin-forum-seat = Vendi në forum
admin-forum-seat-button = Uleni dhe dërgoni ftesën
admin-forum-edit = Të dhënat e forumit
admin-forum-create = Ngrini forumin e ciklit aktual
admin-forum-no-call = Pa thirrje (anëtarët u caktuan drejtpërdrejt)
admin-forum-texts-hint = Çdo ruajtje është një version i ri; versionet e mëparshme mbeten publike dhe mund të krahasohen.
admin-forum-save-version = Ruajeni si version të ri
admin-forum-legal-hint = Një PDF deri në { $mb } MB. Zëvendëson dokumentin e bashkëngjitur më parë.
admin-forum-positions-intro = Pozicionet që mund të mbajnë anëtarët. Lini bosh një rresht për të hequr një pozicion që nuk e mban asnjë vend; pozicionet e paracaktuara i mbajnë emrat e tyre kur emërtimet lihen bosh.
admin-forum-position-row = Pozicion i ri { $n }
admin-forum-member-new = Shtoni një person në forum
admin-forum-member-edit = Ndryshoni vendin në forum: { $person }
admin-forum-invite-button = Dërgoni ftesën
admin-forum-end-title = Ta përfundoni këtë vend?
admin-forum-end-text = Vendi në forum i anëtarit { $person } përfundon sot. Nëse personi nuk mban vend tjetër, humbet rolin e anëtarit të forumit. Ky veprim nuk kthehet mbrapsht.
field-sector = Sektori që përfaqëson
field-organisation = Organizata
field-position = Pozicioni
field-responsibilities = Përgjegjësitë
hint-day-optional = Në formën dd.mm.vvvv, p.sh. 31.12.2027; lëreni bosh nëse mandati nuk ka datë mbarimi.
field-mandate-sq = Mandati (shqip)
field-mandate-en = Mandati (anglisht)
field-legal-basis-sq = Baza ligjore: akti (shqip)
field-legal-basis-en = Baza ligjore: akti (anglisht)
hint-legal-basis = Për shembull: Vendim i Kryetarit të Bashkisë për ngritjen e forumit.
field-legal-number = Numri i aktit
field-legal-date = Data e aktit
field-call-id = Thirrja që përzgjodhi anëtarët
hint-call-id = Thirrja e hapur, rezultati i publikuar i së cilës përzgjodhi anëtarët joqeveritarë.
field-terms-sq = Termat e referencës (shqip)
field-terms-en = Termat e referencës (anglisht)
field-rules-sq = Rregullat e pjesëmarrjes publike (shqip)
field-rules-en = Rregullat e pjesëmarrjes publike (anglisht)
field-note = Çfarë ndryshoi në këtë version
hint-note = Një shënim i shkurtër, që shfaqet në historikun e versioneve.
field-pos-key = Çelësi (shkronja të vogla latine, shifra dhe _)
field-label-sq = Emërtimi (shqip)
field-label-en = Emërtimi (anglisht)
field-sort-order = Renditja
field-approves-minutes = Miraton procesverbalet e takimeve
field-substitute = Zëvendësuesi
forum-no-substitute = Pa zëvendësues
hint-person = Adresa e e-mailit e llogarisë së personit në këtë faqe.
hint-responsibilities = Çfarë merr përsipër anëtari në këtë pozicion; i pranon bashkë me pozicionin.
field-gender = Gjinia
field-youth = Jeni nën 30 vjeç?
field-rural = Jetoni në zonë rurale?
field-candidate = Aplikanti i përzgjedhur
field-positions = Pozicionet
membership-title = Vendi juaj në forum
membership-intro = Jeni ftuar të bëheni anëtar i forumit „{ $forum }“. Lexoni pozicionin dhe përgjegjësitë e tij, pastaj pranojeni ose refuzojeni.
membership-no-responsibilities = Për këtë pozicion nuk janë shkruar përgjegjësi të veçanta.
membership-what-accepting-means = Duke pranuar, merrni përsipër pozicionin dhe përgjegjësitë e tij; emri, organizata dhe pozicioni juaj do të shfaqen në faqen publike të forumit. Adresa juaj e e-mailit nuk publikohet kurrë.
membership-accept = E pranoj pozicionin
membership-decline = Nuk e pranoj
membership-accepted-title = Faleminderit: jeni anëtar i forumit
membership-accepted-text = Pranimi juaj u regjistrua. Hyni me llogarinë tuaj për të marrë pjesë në punën e forumit; ftesat për takimet do t’ju vijnë me e-mail.
membership-declined-title = Përgjigjja juaj u regjistrua
membership-declined-text = E keni refuzuar vendin në forum. Faleminderit që e njoftuat Bashkinë.
forum-me-title = Vendi im në forum
forum-me-no-seat = Nuk mbani vend në forumin aktual.
forum-me-facts = Për ju (sipas dëshirës)
forum-me-facts-intro = Përbërja e forumit tregon sa anëtarë janë gra, të rinj ose jetojnë në zona rurale. Përgjigjja është sipas dëshirës; përgjigjet tuaja nuk shfaqen kurrë me emrin tuaj, vetëm numërohen.
forum-prefer-not = Preferoj të mos e them
forum-me-leave = Largohuni nga forumi
forum-me-leave-intro = Nëse nuk mund të merrni më pjesë, mund të largoheni nga forumi. Vendi juaj përfundon sot.
forum-me-leave-button = Largohuni nga forumi…
forum-me-leave-confirm-title = Të largoheni nga forumi?
forum-me-leave-confirm-text = Vendi juaj përfundon sot dhe humbni rolin e anëtarit të forumit. Ky veprim nuk kthehet mbrapsht.
flash-forum-saved = Forumi u ruajt.
flash-forum-texts-saved = Versioni i ri i teksteve u ruajt.
flash-forum-file-attached = Dokumenti i bazës ligjore u bashkëngjit.
flash-forum-member-invited = Ftesa u dërgua.
flash-forum-member-saved = Vendi u ruajt.
flash-forum-member-ended = Vendi përfundoi.
flash-forum-positions-saved = Pozicionet u ruajtën.
flash-forum-facts-saved = Përgjigjet tuaja u ruajtën.
flash-forum-left = U larguat nga forumi.
error-member-twice = Ky person ka tashmë një vend në forum.
error-member-no-account = Asnjë llogari nuk e përdor këtë adresë. Kërkojini personit të regjistrohet fillimisht në këtë faqe, pastaj shtojeni.
error-member-term-order = Data e mbarimit nuk mund të jetë para datës së fillimit.
error-texts-empty = Shkruani termat e referencës ose rregullat e pjesëmarrjes në shqip.
error-texts-saved-meanwhile = Dikush ruajti një version në të njëjtin çast. Ruajeni sërish.
error-version-unknown = Nuk ka version të tillë.
error-file-not-pdf = Pranohet vetëm PDF; përmbajtja e këtij skedari nuk është PDF, çfarëdo që të thotë emri i tij.
error-forum-no-cycle = Nuk ka cikël aktual për të cilin të ngrihet forumi.
error-position-key = Përdorni vetëm shkronja të vogla latine, shifra dhe _ (p.sh. zevendeskryetar).
error-position-twice = Ky çelës përdoret nga një rresht tjetër.
error-position-in-use = Një pozicion që e mban një vend aktual nuk mund të hiqet.
error-positions-too-many = Jo më shumë se 20 pozicione.
mail-forum-invite-subject = Ftesë në forum: { $forum }
mail-forum-invite-body = { $tenant } ju fton të bëheni anëtar i forumit „{ $forum }“, në pozicionin: { $position }.

    Përgjegjësitë: { $responsibilities }

    Ju lutemi ta pranoni ose ta refuzoni nga kjo lidhje (funksionon një herë dhe nuk ju duhet të hyni në llogari). Për çdo pyetje, shkruani në { $contact }.
mail-forum-invite-no-responsibilities = nuk janë shkruar për këtë pozicion.
health-evidence-shown = Shfaqen { $shown } nga { $total } takime: ato që nuk e plotësojnë kriterin, pastaj më të fundit.
