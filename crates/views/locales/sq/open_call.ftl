### Open calls: calls, applications, files, review, ranking and decisions, outcome and statistics, their errors and e-mails.
error-number-invalid = Shkruani një numër të plotë nga 1 deri në 1000.
error-weight-invalid = Pesha është një numër i plotë nga 1 deri në 100.
error-criteria-required = Shtoni të paktën një kriter përzgjedhjeje.
error-phone-invalid = Shkruani një numër telefoni, p.sh. +355 69 123 4567.
error-works-invalid = Çdo shembull pune ka nevojë për një titull; viti nuk mund të jetë në të ardhmen dhe lidhja fillon me https://.
error-works-required = Shtoni të paktën një shembull të punës së mëparshme.
error-consent-required = Duhet të pranoni njoftimin e privatësisë për të dorëzuar aplikimin.
error-call-not-open = Thirrja nuk është e hapur: afati ka mbaruar ose nuk ka filluar ende. Drafti juaj mbetet i ruajtur.
error-application-not-editable = Aplikimi është dorëzuar dhe nuk mund të ndryshohet më. Mund ta tërhiqni para afatit.
error-application-not-decidable = Vendim merret vetëm për aplikimet e dorëzuara.
error-application-withdrawn = Aplikimi është tërhequr.
error-already-submitted = Ky aplikim është dorëzuar tashmë; nuk u krijua asnjë aplikim i dytë.
error-already-applied = Keni aplikuar tashmë në këtë thirrje me këtë organizatë ose në emrin tuaj.
error-applicant-type-not-allowed = Kjo thirrje nuk pranon aplikime të këtij lloji.
error-org-kind-mismatch = Lloji i organizatës nuk përputhet me llojin e aplikimit.
error-deadline-not-later = Afati i ri duhet të jetë pas afatit aktual dhe në të ardhmen.
mail-deadline-extended-subject = Afati i thirrjes u shty
mail-deadline-extended-body = Afati i thirrjes „{ $call }“ të { $tenant_gen } u shty deri më { $deadline } ({ $zone }). Drafti juaj është i ruajtur; mund ta plotësoni dhe ta dorëzoni deri atëherë:
mail-application-submitted-subject = Aplikimi { $reference } u dorëzua
mail-application-submitted-body = Aplikimi juaj në thirrjen „{ $call }“ të { $tenant_gen } u dorëzua me numrin e referencës { $reference }. Mund ta shihni ose ta tërhiqni para afatit këtu:
mail-application-received-subject = Aplikim i ri: { $reference }
mail-application-received-body = { $applicant } dorëzoi një aplikim ({ $reference }) në thirrjen „{ $call }“. Shihni aplikimet e thirrjes këtu:
calls-title = Thirrjet e hapura
calls-feed = Njoftimet për thirrjet (Atom)
calls-open = Të hapura tani
calls-none-open = Nuk ka thirrje të hapura tani.
calls-upcoming = Së shpejti
calls-closed = Të mbyllura
calls-none = Nuk ka ende thirrje.
call-opens = Hapet më
call-closes = Afati
call-days-left = { $n ->
    [0] dita e fundit
    [1] edhe 1 ditë
   *[other] edhe { $n } ditë
}
call-phase-upcoming = Së shpejti
call-phase-open = E hapur
call-phase-closed = E mbyllur
call-phase-draft = Draft (nuk është publike)
call-draft-preview = Ky është një draft: vetëm koordinatorët e shohin.
call-status = Gjendja
call-add-to-calendar = Shtoje afatin në kalendar
call-who = Kush mund të aplikojë
call-places = Numri i vendeve
call-eligibility = Kushtet e pranimit
call-requirements = Çfarë duhet të përmbajë aplikimi
call-criteria = Kriteret e përzgjedhjes
call-criterion = Kriteri
call-weight = Pesha
call-how-to-apply = Si të aplikoni
call-you-applied = Keni një aplikim në këtë thirrje:
call-apply-intro = Aplikoni këtu në vend të postës elektronike: plotësoni formularin, ruani draftin sa herë të doni dhe dorëzojeni para afatit.
call-apply = Apliko
call-not-yet-open = Thirrja nuk është hapur ende.
call-closed-text = Afati i kësaj thirrjeje ka mbaruar.
call-manage = Menaxho thirrjen
apply-title = Fillo aplikimin
apply-as = Aplikoni si
apply-org = Organizata
apply-org-hint = Për OSHC-të dhe grupet jo-formale: zgjidhni organizatën tuaj. Si qytetar aktiv lëreni bosh.
apply-no-org = — në emrin tim —
apply-start = Vazhdo
applicant-cso = Organizatë e shoqërisë civile (OSHC)
applicant-informal_group = Grup jo-formal
applicant-citizen = Qytetar aktiv
application-title = Aplikimi
application-draft-hint = Mund ta ruani draftin dhe të ktheheni më vonë.
field-app-description = Përshkrim i shkurtër i organizatës/grupit dhe misionit të saj
field-works = Shembuj të punës ose iniciativave të mëparshme
hint-works = Për transparencën, llogaridhënien ose angazhimin e komunitetit. Deri në 5 shembuj.
work-example = Shembulli
work-title = Titulli
work-year = Viti
work-role = Roli juaj
work-description = Përshkrimi
work-link = Lidhja (opsionale)
field-statement = Deklaratë interesi: pse dëshironi të merrni pjesë në procesin e bashkë-krijimit
field-areas = Zonat e bashkisë ku veproni
hint-areas = Zgjidhni njësitë administrative ku vepron organizata ose grupi juaj (një ose më shumë).
field-contact-name = Personi i kontaktit
field-contact-phone = Telefoni i kontaktit
hint-phone = P.sh. +355 69 123 4567. E shohin vetëm koordinatorët dhe vlerësuesit.
field-consent = Pëlqimi
consent-privacy = Pranoj përpunimin e të dhënave të mia për këtë thirrje.
consent-listing = Nëse përzgjidhemi, pranoj që emri, lloji dhe fushat tona të publikohen.
application-continue = Vazhdo te rishikimi
application-save-draft = Ruaj draftin
application-reference = Numri i referencës
application-status = Gjendja
application-call = Thirrja
application-applicant = Aplikuesi
application-submitted = Dorëzuar më
application-reason = Arsyeja e vendimit
application-review-title = Rishikoni aplikimin
application-review-intro = Kontrolloni të dhënat. Pas dorëzimit aplikimi nuk ndryshohet më, por mund ta tërhiqni para afatit.
application-submit = Dorëzo aplikimin
application-back-to-edit = Kthehu te formulari
application-continue-editing = Vazhdo plotësimin
application-withdraw = Tërhiq aplikimin
application-withdraw-explain = Tërheqja nuk mund të zhbëhet. Aplikimi nuk do të vlerësohet.
my-applications-none = Nuk keni ende aplikime.
application-draft = Draft
admin-calls = Thirrjet
call-new = Thirrje e re
call-edit = Ndrysho thirrjen
field-summary-sq = Përmbledhja (shqip)
field-summary-en = Përmbledhja (anglisht)
hint-summary = Një ose dy fjali; shfaqen në listën e thirrjeve.
field-eligibility-sq = Kushtet e pranimit (shqip)
field-eligibility-en = Kushtet e pranimit (anglisht)
field-requirements-sq = Çfarë duhet të përmbajë aplikimi (shqip)
field-requirements-en = Çfarë duhet të përmbajë aplikimi (anglisht)
hint-places = Opsionale: sa organizata do të përzgjidhen.
hint-criteria = Rreshtat bosh nuk ruhen. Çdo kriter ka nevojë për një titull në shqip dhe për një peshë nga 1 deri në 100: sa më e madhe pesha, aq më shumë vlen kriteri në renditje; shkruani 1 te të gjitha nëse vlejnë njësoj. Për ta hequr një kriter, zbrazni të gjitha kutitë e tij. Për më shumë rreshta, ruani thirrjen dhe hapeni përsëri për ta ndryshuar.
field-description-sq = Përshkrimi (shqip)
field-description-en = Përshkrimi (anglisht)
call-applications = Aplikimet
call-preview = Shiko si e shohin të tjerët
call-publish = Publiko thirrjen
call-extend = Shty afatin
call-new-deadline = Afati i ri
hint-extend = Dita.muaji.viti dhe ora me 24 orë, p.sh. 31.12.2026 23:59 ({ $zone }). Kush ka një draft merr një njoftim me postë elektronike.
hint-max-chars = Deri në { $n } shenja.
status-draft = Draft
status-submitted = Dorëzuar
status-withdrawn = Tërhequr
status-shortlisted = Në listën e ngushtë
status-selected = Përzgjedhur
status-waitlisted = Në listën e pritjes
status-declined = Nuk u përzgjodh
flash-call-published = Thirrja u publikua.
flash-deadline-extended = Afati u shty dhe kush kishte draft u njoftua.
flash-application-saved = Drafti u ruajt.
flash-application-submitted = Aplikimi u dorëzua. Ju dërguam një konfirmim me postë elektronike.
flash-application-withdrawn = Aplikimi u tërhoq.
flash-application-not-editable = Aplikimi është dorëzuar dhe nuk mund të ndryshohet më.
error-not-a-reviewer = Ky person nuk ka rolin e vlerësuesit në këtë bashki.
error-reviewer-not-independent = Vlerësuesi nuk mund të vlerësojë aplikimin e vet ose të organizatës së vet.
error-score-missing = Jepni një pikë nga 1 deri në 5 për çdo kriter.
error-score-invalid = Pikët janë nga 1 deri në 5.
error-review-closed = Vlerësimi është dorëzuar ose keni deklaruar konflikt interesi; nuk mund të ndryshohet.
error-outcome-published = Rezultati është publikuar; vendimet nuk ndryshohen më.
error-undecided-remain = Disa aplikime janë ende pa vendim. Merrni vendim për të gjitha para publikimit.
mail-outcome-subject = Rezultati i thirrjes: { $call }
mail-outcome-body = Vendimi për aplikimin tuaj { $reference } në thirrjen „{ $call }“ të { $tenant_gen }: { $outcome }. Arsyeja: { $reason } Rezultati publik është këtu:
review-title = Aplikimet për vlerësim
review-none = Nuk keni aplikime për të vlerësuar.
review-state-todo = Për t'u vlerësuar
review-state-done = Vlerësuar
review-state-conflict = Konflikt interesi
review-application = Vlerëso aplikimin
review-scores = Pikët sipas kritereve
review-score = Pikët (1–5)
review-comment = Koment
review-save = Ruaj pa dorëzuar
review-submit = Dorëzo vlerësimin
review-hint = Pikët e vlerësuesve të tjerë shihen pasi të dorëzoni tuajat.
review-conflict = Deklaro konflikt interesi
review-conflict-explain = Nëse keni lidhje me aplikuesin (anëtarësi, punë, familje), deklarojeni: nuk do ta vlerësoni këtë aplikim.
review-conflict-note = Shpjegim (opsional)
review-others = Vlerësimet e të gjithëve
review-average = Mesatarja e peshuar
review-reviewer = Vlerësuesi
flash-review-saved = Vlerësimi u ruajt.
flash-review-submitted = Vlerësimi u dorëzua.
flash-conflict-declared = Konflikti i interesit u regjistrua.
ranking-title = Aplikimet dhe renditja
ranking-mean = Mesatarja
ranking-spread = Shpërndarja
ranking-reviews = Vlerësime
ranking-conflicts = Konflikte
ranking-filter = Filtro
ranking-all = Të gjitha
ranking-select = Shëno
ranking-decide = Vendim për aplikimet e shënuara
decision = Vendimi
decision-reason = Arsyeja (dërgohet te aplikuesi)
decision-shortlist = Në listën e ngushtë
decision-select = Përzgjidh
decision-waitlist = Në listën e pritjes
decision-decline = Mos e përzgjidh
decision-save = Ruaj vendimin
assign-reviewer = Cakto vlerësues
assign-reviewer-email = Adresa e vlerësuesit
assign-to-call = Cakto për të gjitha aplikimet e thirrjes
assign-one = Cakto për këtë aplikim
outcome-publish = Publiko rezultatin dhe njofto aplikuesit
outcome-publish-explain = Çdo aplikues merr vendimin dhe arsyen me postë elektronike; të përzgjedhurit kalojnë te grupi i punës.
outcome-title = Rezultati i thirrjes
outcome-selected = Të përzgjedhurit
outcome-none-listed = Asnjë i përzgjedhur nuk ka pranuar të publikohet emri.
outcome-not-yet = Rezultati nuk është publikuar ende.
outcome-stats = Kush aplikoi dhe kush u përzgjodh
stats-dimension = Grupi
stats-applications = Aplikime
stats-selected = Të përzgjedhur
stats-by-type = Sipas llojit të aplikuesit
stats-by-size = Sipas madhësisë
stats-by-field = Sipas fushës së veprimit
stats-by-area = Sipas zonës
size-unknown = E padeklaruar
flash-decided = Vendimi u ruajt.
flash-assigned = Vlerësuesi u caktua.
flash-outcome-published = Rezultati u publikua dhe aplikuesit u njoftuan.
call-outcome-link = Shiko rezultatin
call-export-csv = Shkarko aplikimet (CSV)
files-title = Dokumente shtesë (opsionale)
files-hint = PDF ose imazhe (PNG, JPEG, WebP), deri në { $mb } MB secili, deri në 5 skedarë. Ruani draftin para se të ngarkoni: ky është formular më vete.
files-none = Nuk keni ngarkuar dokumente.
files-choose = Zgjidhni një skedar
files-upload = Ngarko skedarin
error-file-too-large = Skedari është më i madh se sa lejohet.
error-file-type = Pranohen vetëm PDF dhe imazhe (PNG, JPEG, WebP); përmbajtja e skedarit nuk është e tillë, cilido qoftë emri i tij.
error-too-many-files = Mund të ngarkoni deri në 5 skedarë.
flash-file-attached = Skedari u ngarkua.
flash-file-removed = Skedari u hoq.
call-export-zip = Shkarko dokumentet shtesë (ZIP)
application-pdf = Shkarko aplikimin si PDF
call-documents = Dokumentet e thirrjes
call-documents-hint = PDF ose imazhe, deri në { $mb } MB; shfaqen në faqen publike të thirrjes.
error-applications-not-decidable = Disa nga aplikimet e shënuara nuk mund të marrin vendim (janë draft, të tërhequra ose nga një thirrje tjetër). Nuk u ndryshua asgjë.
error-call-still-open = Thirrja është ende e hapur: rezultati mund të publikohet vetëm pas afatit, që askush të mos mbetet pa vendim.
error-call-already-published = Thirrja është publikuar tashmë.
error-withdraw-after-outcome = Vendimi për këtë aplikim është publikuar, prandaj aplikimi nuk mund të tërhiqet më. Për pyetje shkruani në adresën e kontaktit të thirrjes.

## Field names in error summaries ("Field: message"): each refers to the field's own label.
field-closes-at = { call-closes }
field-opens-at = { call-opens }
field-conflict-note = { review-conflict-note }
field-description = { field-app-description }
field-places = { call-places }
field-reason = { decision-reason }
field-reviewer = { assign-reviewer-pick }
field-applicant-type = { apply-as }
field-applicant-types = { call-who }
field-criteria = { call-criteria }
field-file = { files-choose }
field-org-id = { apply-org }
field-consent-privacy = { field-consent }
assign-reviewer-pick = Vlerësuesi
assign-choose = — Zgjidhni vlerësuesin —
assign-no-reviewers = Askush nuk e ka ende rolin e vlerësuesit. Jepjani dikujt te
error-reviewer-choose = Zgjidhni vlerësuesin nga lista.
mail-review-assigned-subject = Aplikime për t'u vlerësuar: { $call }
mail-review-assigned-body = Ju janë caktuar aplikime për t'i vlerësuar në thirrjen „{ $call }“ të { $tenant_gen }. Ju presin { $count } aplikime; thirrja mbyllet më { $closes }. Lista juaj e vlerësimeve:
review-conflict-first = Para se të vlerësoni: a keni konflikt interesi?
review-scale-default = 1 = shumë i dobët · 3 = mesatar · 5 = shkëlqyeshëm
field-app-description-citizen = Përshkrim i shkurtër për veten tuaj dhe angazhimin tuaj
application-next-title = Çfarë ndodh më pas
application-next-draft = Aplikimi nuk është dorëzuar ende. Plotësojeni dhe dorëzojeni deri më { $closes }; pas afatit drafti nuk mund të dorëzohet.
application-next-submitted = Aplikimi juaj u dorëzua. Pas mbylljes së thirrjes më { $closes }, vlerësuesit e shqyrtojnë sipas kritereve të publikuara. Kur Bashkia publikon rezultatin, vendimi dhe arsyeja ju dërgohen me e-mail dhe shfaqen këtu.
application-next-decided = Rezultati është publikuar. Vendimi dhe arsyeja janë më sipër; ju janë dërguar edhe me e-mail.
application-next-withdrawn = E keni tërhequr këtë aplikim; ai nuk vlerësohet.
withdraw-confirm-title = Ta tërheqim aplikimin?
withdraw-confirm-text = Po tërhiqni aplikimin { $reference } në thirrjen „{ $call }“. Tërheqja nuk mund të zhbëhet dhe aplikimi nuk do të vlerësohet.
withdraw-confirm-button = Po, tërhiqe aplikimin
application-next-reviewing = Thirrja u mbyll më { $closes } dhe vlerësuesit po e shqyrtojnë aplikimin tuaj sipas kritereve të publikuara. Kur Bashkia publikon rezultatin, vendimi dhe arsyeja ju dërgohen me e-mail dhe shfaqen këtu.
consent-listing-citizen = Nëse përzgjidhem, pranoj që emri dhe fushat e mia të publikohen.
ranking-filter-type = Lloji i aplikuesit
ranking-filter-unit = Njësia administrative
outcome-confirm-title = Ta publikojmë rezultatin?
outcome-confirm-text = Po publikoni rezultatin e thirrjes „{ $call }“. { $total } aplikues do të marrin vendimin dhe arsyen me e-mail ({ $breakdown }); të përzgjedhurit kalojnë te grupi i punës dhe lista e tyre bëhet publike. Pas kësaj vendimet nuk ndryshohen më.
outcome-confirm-button = Po, publiko dhe njofto aplikuesit
## The call form: times typed as the municipality writes them, long texts, criteria, the warning when applicants exist.
# The municipality's time zone in words (views::zone_name): `zone-` and the IANA name with "/" as "-".
zone-Europe-Tirane = ora e Shqipërisë
zone-Europe-Skopje = ora e Maqedonisë së Veriut
zone-Europe-Podgorica = ora e Malit të Zi
zone-Europe-Belgrade = ora e Evropës Qendrore
hint-call-time = Dita.muaji.viti dhe ora me 24 orë, p.sh. 31.12.2026 23:59 ({ $zone }).
error-opens-at-format = Data e hapjes nuk u kuptua. Shkruajeni si dita.muaji.viti ora:minutat, p.sh. 01.12.2026 08:00.
error-closes-at-format = Afati nuk u kuptua. Shkruajeni si dita.muaji.viti ora:minutat, p.sh. 31.12.2026 23:59.
error-datetime-nonexistent = Kjo orë nuk ekziston atë ditë, sepse ora kalon një orë përpara për orën verore. Zgjidhni një orë tjetër, p.sh. 03:00.
error-weight-missing = Ky kriter ka titull, por jo peshë: shkruani një peshë nga 1 deri në 100 (1 te të gjitha, nëse vlejnë njësoj).
error-criterion-name-sq-required = Ky rresht nuk ka titull në shqip. Shkruani një titull, ose zbrazni të gjitha kutitë e rreshtit për ta hequr kriterin.
error-criteria-too-many = Një thirrje mund të ketë deri në { $limit } kritere.
# How to format a long text, shown by example under its label (the long_text macro of common/_forms.html).
format-bold = Për shkronja të trasha shkruani
format-bold-word = fjalë
format-list = për listë nisni çdo rresht me vizë dhe hapësirë, si
format-list-item = pika e parë
format-link = për lidhje shkruani
format-link-text = faqja e bashkisë
call-edit-warning-title = Kjo thirrje është publikuar dhe ka aplikime
call-edit-warning-drafts = { $n ->
    [0] Asnjë aplikues nuk ka draft.
    [1] 1 aplikues ka një draft të padorëzuar.
   *[other] { $n } aplikues kanë drafte të padorëzuara.
}
call-edit-warning-submitted = { $n ->
    [0] Asnjë aplikim nuk është dorëzuar ende.
    [1] 1 aplikim është dorëzuar.
   *[other] { $n } aplikime janë dorëzuar.
}
call-edit-warning-seen = Çfarë ruani këtu e shohin menjëherë të gjithë në faqen e thirrjes. Aplikimet e dorëzuara nuk ndryshojnë: ato u shkruan sipas teksteve të mëparshme.
call-edit-warning-told = Nëse ndryshoni afatin ose tekstet (titullin, përmbledhjen, tekstin, kushtet e pranimit ose çfarë duhet të përmbajë aplikimi), çdo aplikues me draft ose me aplikim të dorëzuar merr një njoftim me postë elektronike që i tregon çfarë ndryshoi.
call-edit-warning-not-told = Për ndryshimet e tjera (kush mund të aplikojë, numri i vendeve, data e hapjes, adresa e kontaktit, kriteret) nuk njoftohet askush.
call-edit-warning-criteria = Kriteret e përzgjedhjes nuk ndryshojnë më pasi një vlerësues ka filluar vlerësimin.
mail-call-changed-subject = Thirrja „{ $call }“ u ndryshua
mail-call-changed-body = { $tenant } ndryshoi thirrjen „{ $call }“, ku keni një aplikim. { $changes } Lexojeni thirrjen siç është tani këtu:
mail-call-changed-deadline = Afati i ri është { $deadline } ({ $zone }).
mail-call-changed-texts = Tekstet e thirrjes u ndryshuan; ju lutemi lexojini përsëri.
mail-call-changed-draft = Drafti juaj është i ruajtur; mund ta plotësoni dhe ta dorëzoni deri në afat.
mail-call-changed-submitted = Aplikimi juaj i dorëzuar nuk ndryshon dhe do të vlerësohet si zakonisht.
decision-choose = — Zgjidhni vendimin —
outcome-after-close = Rezultati mund të publikohet pasi të mbyllet thirrja, më { $closes }. Deri atëherë mund të vlerësoni dhe të shënoni vendimet; aplikuesit nuk njoftohen.
call-more-criteria = { $count ->
    [one] Shto një kriter tjetër
   *[other] Shto kritere të tjera (deri në { $count })
}
call-save-explain-new = Thirrja ruhet si draft: nuk e sheh askush derisa ta publikoni nga faqja e saj.
call-save-explain-edit = Ndryshimet shihen menjëherë, nëse thirrja është publikuar.
ranking-explain-title = Çfarë tregojnë shtyllat?
ranking-explain-mean = Mesatarja e pikëve të vlerësuesve (nga 1 deri në 5), sipas peshës së çdo kriteri.
ranking-explain-spread = Sa ndryshojnë vlerësuesit nga njëri-tjetri. Një numër i madh (p.sh. mbi 1) do të thotë që aplikimi duhet parë më nga afër.
ranking-explain-reviews = Vlerësime të dorëzuara nga vlerësues të caktuar për këtë aplikim.
ranking-explain-conflicts = Vlerësues që deklaruan konflikt interesi dhe nuk e vlerësuan këtë aplikim.
# The reviewer's queue, grouped by call, and a review already submitted.
review-remaining = { $total ->
    [one] { $left ->
        [0] Aplikimi është vlerësuar.
       *[other] 1 aplikim mbetet për t'u vlerësuar.
    }
   *[other] { $left ->
        [0] Të { $total } aplikimet janë vlerësuar.
        [one] 1 nga { $total } aplikime mbetet për t'u vlerësuar.
       *[other] { $left } nga { $total } aplikime mbeten për t'u vlerësuar.
    }
}
review-done-heading = Të përfunduara
review-state-started = Filluar, pa dorëzuar
review-application-done = Vlerësimi i aplikimit
review-yours = Vlerësimi juaj (dorëzuar më { $when })
review-conflict-declared = Keni deklaruar konflikt interesi (më { $when })
review-conflict-declared-explain = Këtë aplikim nuk e vlerësoni. Koordinatori e sheh deklarimin tuaj.
review-conflict-your-note = Shpjegimi juaj
review-others-only = Vlerësimet e vlerësuesve të tjerë
# The applicant's list and page: a draft's deadline and the way back to the form; empty answers.
application-draft-unnumbered = Draft (pa numër ende)
my-applications-draft-due = Dorëzojeni deri më { $closes } ({ $zone }).
my-applications-draft-late = Afati mbaroi më { $closes } ({ $zone }); drafti nuk mund të dorëzohet më.
application-empty = — (pa plotësuar)
# The public outcome: selected applicants who did not agree to be named.
outcome-unlisted = { $n ->
    [one] 1 i përzgjedhur nuk pranoi që emri të publikohej.
   *[other] { $n } të përzgjedhur nuk pranuan që emri të publikohej.
}
outcome-none-selected = Askush nuk u përzgjodh.
