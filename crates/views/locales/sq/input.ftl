# Public input (see views/src/input/mod.rs). Same keys in sq and en.

nav-input = Kontributet
input-list-title = Probleme dhe ide të qytetarëve
input-no-phase = Ende nuk është hapur asnjë fazë për kontribute. Njoftimi do të dalë në faqen kryesore.
input-new-button = Dërgoni një problem ose një ide
input-filters = Kërkimi dhe filtrat e kontributeve
input-filter-phase = Faza
input-search = Kërkoni
input-search-hint = Fjalë nga titulli ose përshkrimi; shkruajini edhe pa ë dhe ç.
input-filter-theme = Tema
input-filter-all = Të gjitha
input-filter-unit = Njësia administrative
input-filter-kind = Lloji
input-filter-status = Gjendja
field-q = { input-search }
field-sort = { input-sort }
input-sort = Renditja
input-sort-newest = Më të rejat
input-sort-supported = Më të mbështeturat
input-sort-discussed = Më të diskutuarat
input-sort-answered = Të përgjigjurat së fundi
input-none = Ende nuk ka kontribute në këtë fazë.
input-none-found = Asnjë kontribut nuk përputhet me kërkimin ose filtrat.
input-first-page = Faqja e parë
input-hidden-title = Kontribut i fshehur nga moderatori
input-hidden-reason = Moderatori e fshehu këtë përmbajtje me arsyen: { $reason }
input-supports-count = { $count ->
    [one] 1 mbështetje
   *[other] { $count } mbështetje
}
input-comments-count = { $count ->
    [one] 1 koment
   *[other] { $count } komente
}
input-kind-problem = Problem
input-kind-idea = Ide
input-status-withdrawn = Tërhequr nga autori
input-status-unanswered = Pa përgjigje
input-answer-unanswered = Pa përgjigje ende
input-answer-adopted = Pranuar
input-answer-merged = Bashkuar me një kontribut tjetër
input-answer-under_consideration = Në shqyrtim
input-answer-not_adopted = Nuk u pranua
input-phase-when-open = E hapur deri më { $date }
input-phase-when-upcoming = Hapet më { $date }
input-phase-when-closed = U mbyll më { $date }
input-phase-when-draft = Ende e pashpallur
input-phase-status-draft = E pashpallur
input-phase-status-upcoming = Shpallur, ende e pahapur
input-phase-status-open = E hapur
input-phase-status-closed = E mbyllur

input-by = Nga { $name }
input-on-behalf-of = në emër të { $org }
input-updated-on = ndryshuar më { $date }
input-withdrawn-heading = Autori e tërhoqi këtë kontribut
input-withdrawn-on = Tërhequr më { $date }, me këtë shënim:
input-attachment = Skedari bashkëngjitur: { $name }
input-your-input = Kontributi juaj
input-edit-link = Ndryshoni kontributin
input-withdraw-link = Tërhiqni kontributin

input-new-title = Problem ose ide e re
input-edit-title = Ndryshimi i kontributit
field-input-kind = Çfarë dërgoni
field-title = Titulli
input-title-hint = Një fjali e shkurtër që e përmbledh.
field-body = Përshkrimi
input-body-hint = Shpjegoni ku, çfarë dhe pse; mund të përdorni formatimin e mëposhtëm.
field-theme = Tema
input-choose = Zgjidhni…
field-unit = Njësia administrative
input-unit-hint = Ku ndodh problemi ose ku do të zbatohej ideja.
field-org = Në emër të
input-org-hint = Vetëm organizatat ku jeni anëtar.
input-org-none = Në emrin tim
field-input-file = Skedar (sipas dëshirës)
input-file-hint = Një PDF ose një foto (PNG, JPEG, WebP).
input-remove-file = Hiqni skedarin { $name }
input-email-only-legend = Pa llogari
input-email-only-hint = Do t'ju dërgojmë një lidhje në këtë adresë; kontributi publikohet kur ta hapni.
field-author-name = Emri juaj
input-submit = Dërgojeni
input-closed-title = Nuk ka fazë të hapur për kontribute
input-closed-text = Kontributet pranohen vetëm gjatë një faze të hapur. Afatet shihen në faqen kryesore.
input-edit-closed-title = Ky kontribut nuk ndryshohet më
input-back-to-input = Kthehuni te kontributi
input-pending-title = Kontrolloni e-mailin tuaj
input-pending-text = Dërguam një lidhje te { $email }. Kontributi publikohet kur ta hapni atë.

input-withdraw-title = Tërheqja e kontributit
input-withdraw-text = Kontributi “{ $title }” mbetet i dukshëm, i shënuar si i tërhequr, me shënimin tuaj. Kjo nuk zhbëhet.
field-withdraw-note = Pse e tërhiqni
input-withdraw-note-hint = Shënimi shfaqet në faqen e kontributit.
input-withdraw-button = Tërhiqeni kontributin

input-confirm-title = Publikimi i kontributit tuaj
input-confirm-text = Shtypni butonin për të publikuar kontributin “{ $title }”.
input-confirm-button = Publikojeni
input-confirm-mail-subject = Konfirmoni kontributin tuaj: { $title }
input-confirm-mail-body = Faleminderit për kontributin “{ $title }”. Hapni lidhjen më poshtë brenda { $days } ditëve për ta publikuar.

input-admin-title = Kontributet e publikut
input-admin-nav = Kontributet
input-phase-new = Fazë e re kontributesh
input-phase-edit = Faza e kontributeve
input-phases = Fazat e kontributeve
input-phases-none = Ende nuk ka asnjë fazë.
input-phase = Faza
input-phase-status = Gjendja
input-phase-opens = Hapet
input-phase-closes = Mbyllet
input-announced-on = Shpallur më { $date }
input-settings = Rregullat e kontributeve
field-input-email-only = Lejoni pjesëmarrjen pa llogari, vetëm me adresë e-maili të verifikuar
field-input-self-support = Lejoni autorin të mbështesë kontributin e vet
field-input-writes-per-hour = Shkrime në orë për person
input-writes-hint = Kontribute, komente dhe raportime; nga 1 deri në 1000.
field-input-similarity-percent = Pragu i ngjashmërisë (%)
input-similarity-hint = Nga 10 deri në 95; sa më i lartë, aq më të ngjashëm duhet të jenë kontributet për t'u grupuar.
field-questions-sq = Pyetjet për publikun (shqip)
field-questions-en = Pyetjet për publikun (anglisht)
input-questions-hint = Çfarë i kërkohet publikut në këtë fazë.
field-phase-opens-at = Hapet më
field-phase-closes-at = Mbyllet më
field-themes-sq = Temat (shqip)
input-themes-hint = Një temë për rresht.
field-themes-en = Temat (anglisht)
input-themes-en-hint = Në të njëjtin rend, një për rresht; mund të mungojnë.
field-units = Njësitë administrative
input-units-hint = Asnjë e zgjedhur do të thotë të gjitha njësitë e bashkisë.
field-email-only = Kjo fazë pranon kontribute pa llogari
input-email-only-allowed = Bashkia e lejon pjesëmarrjen pa llogari.
input-email-only-not-allowed = Bashkia nuk e lejon ende pjesëmarrjen pa llogari; kjo zgjedhje s'ka efekt pa rregullin përkatës.
input-announce-heading = Shpallja e fazës
input-announce-text = Shpallja e vendos fazën në kalendarin publik dhe regjistron kohën e shpalljes. Nuk dërgohet asnjë e-mail.
input-announce-button = Shpallni fazën
input-announce-confirm-title = Shpallni fazën “{ $title }”?
input-announce-confirm-text = Faza “{ $title }” shfaqet në kalendarin publik të ciklit dhe koha e shpalljes regjistrohet. Nuk dërgohet asnjë e-mail.

flash-input-submitted = Kontributi u publikua.
flash-input-saved = Ndryshimet u ruajtën.
flash-input-withdrawn = Kontributi u tërhoq.
flash-input-confirmed = Kontributi juaj u publikua.
flash-input-phase-saved = Faza u ruajt.
flash-input-phase-announced = Faza u shpall.
flash-input-settings-saved = Rregullat u ruajtën.

error-input-not-author = Vetëm autori e ndryshon kontributin.
error-input-withdrawn = Kontributi është tërhequr.
error-input-hidden = Kontributi është fshehur nga moderatori.
error-input-has-reactions = Kontributi ka tashmë mbështetje ose komente, ndaj nuk ndryshohet më.
error-input-phase-closed = Faza e kontributeve është mbyllur; kontributi nuk u dërgua.
error-input-closes-before-opens = Mbyllja duhet të jetë pas hapjes.
error-input-too-many-themes = Jo më shumë se 30 tema.
error-input-themes-mismatch = Ka më shumë tema anglisht se shqip; shkruajini në të njëjtin rend.
error-input-writes-range = Shkruani një numër të plotë nga 1 deri në 1000.
error-input-similarity-range = Shkruani një numër të plotë nga 10 deri në 95.
error-input-no-cycle = Krijoni së pari një cikël bashkëkrijimi.
error-search-too-long = Kërkimi është shumë i gjatë; shkruani deri në 200 shenja.
error-search-no-words = Kërkimi nuk ka asnjë fjalë; shkruani shkronja ose shifra.

# Audit sentences of phases and inputs.
audit-input-phase-create = { $who } krijoi fazën e kontributeve { $what }.
audit-input-phase-update = { $who } ndryshoi fazën e kontributeve { $what }.
audit-input-phase-announce = { $who } shpalli fazën e kontributeve { $what }.
audit-input-settings = { $who } ndryshoi rregullat e kontributeve.
audit-input-create = { $who } publikoi kontributin { $what }.
audit-input-update = { $who } ndryshoi kontributin { $what }.
audit-input-withdraw = { $who } tërhoqi kontributin { $what }.
audit-input-pending = { $who } dërgoi kontributin { $what }, që pret konfirmimin e adresës së e-mailit.
