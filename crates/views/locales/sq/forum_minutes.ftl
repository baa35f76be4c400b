## Forum texts (forum_minutes): attendance, minutes, decisions and action items

## The minutes page
minutes-title = Procesverbali
minutes-back-to-meeting = Kthehu te takimi
minutes-members-only = Takim vetëm për anëtarët e forumit
minutes-none-yet = Procesverbali nuk është shkruar ende.
minutes-not-public-heading = Ky procesverbal nuk është publikuar ende
minutes-not-public-text = E shohin vetëm anëtarët e forumit dhe stafi i bashkisë; publiku e sheh pasi të miratohet dhe të publikohet.
minutes-status = Gjendja e procesverbalit
minutes-status-draft = Draft
minutes-status-approved = Miratuar, pret publikimin
minutes-status-published = Publikuar
minutes-approved-by = Miratuar nga { $name } më { $date }.
minutes-published-on = Publikuar më { $date }.
minutes-approve-heading = Miratoni procesverbalin
minutes-approve-text = Si kryetar ose sekretar i forumit, mund ta miratoni këtë procesverbal pasi ta keni lexuar. Pas miratimit, stafi i bashkisë e publikon.
minutes-approve-button = Miratoj procesverbalin
minutes-approve-forbidden-title = Vetëm kryetari ose sekretari e miraton procesverbalin
minutes-approve-forbidden-text = Procesverbalin e miraton një anëtar i forumit që mban pozicionin e kryetarit ose të sekretarit. Ju nuk e mbani këtë pozicion në forum, prandaj procesverbali nuk u ndryshua.
minutes-attendance = Pjesëmarrja
minutes-present-count = { $count ->
    [one] I pranishëm: 1 person.
   *[other] Të pranishëm: { $count } persona.
}
minutes-excused-count = { $count ->
    [0] Asnjë mungesë e justifikuar.
    [one] Mungesë e justifikuar: 1.
   *[other] Mungesa të justifikuara: { $count }.
}
minutes-absent-count = { $count ->
    [0] Asnjë mungesë pa njoftim.
    [one] Mungesë pa njoftim: 1.
   *[other] Mungesa pa njoftim: { $count }.
}
minutes-by-sector = Të pranishmit sipas sektorit
minutes-sector = Sektori
minutes-present = Të pranishëm
minutes-group = Grupi
minutes-where-recorded = Të pranishmit sipas gjinisë, moshës dhe vendbanimit
minutes-where-recorded-hint = Numërohen vetëm ata që kanë zgjedhur t’i japin këto të dhëna; të dhënat nuk tregohen për asnjë person.
minutes-gender-woman = Gra
minutes-gender-man = Burra
minutes-gender-other = Tjetër
minutes-youth = Të rinj
minutes-rural = Banorë të zonave rurale
minutes-present-members = Anëtarët e pranishëm
minutes-guests = Të ftuar
minutes-text = Teksti i procesverbalit
minutes-decisions = Vendimet
minutes-no-decisions = Nuk ka vendime të regjistruara.
minutes-decision-number = Vendimi nr. { $number }.
minutes-votes = Votimi: { $for } pro, { $against } kundër, { $abstain } abstenime.
minutes-all-decisions = Të gjitha vendimet e forumit
minutes-actions = Detyrat
minutes-no-actions = Nuk ka detyra të regjistruara.
minutes-edit-link = Shkruani ose ndryshoni procesverbalin
minutes-view-link = Shihni faqen e procesverbalit
attendance-edit-link = Regjistroni pjesëmarrjen

## The decisions log
decisions-title = Vendimet e forumit
decisions-intro = Të gjitha vendimet e procesverbaleve të publikuara, nga takimi më i ri te më i vjetri.
decisions-search = Kërkoni në vendime
decisions-search-hint = Mund të shkruani edhe pa ë dhe ç: „keshill“ gjen „Këshill“.
decisions-searched-for = Vendimet që përmbajnë „{ $q }“
decisions-none = Nuk ka ende vendime të publikuara.
decisions-none-found = Asnjë vendim nuk përmban këtë fjalë.
decisions-meeting = Takimi
decisions-number = Nr.
decisions-text = Vendimi
decisions-vote = Votimi
decisions-no-vote = Pa votim

## The action items board
actions-title = Detyrat e hapura
actions-intro = Detyrat e caktuara në takimet e forumit që nuk janë kryer ende; tuajat janë të parat.
actions-none = Nuk ka detyra të hapura.
actions-what = Detyra
actions-owner = Përgjegjësi
actions-due = Afati
actions-meeting = Takimi
actions-status = Gjendja
actions-mine = Detyra juaj
actions-overdue = afati ka kaluar
actions-status-open = E hapur
actions-status-done = E kryer
actions-status-dropped = E hequr
actions-mark-done = Shëno si të kryer
actions-mark-done-for = Shëno si të kryer: { $what }

## Staff: attendance
attendance-title = Pjesëmarrja
attendance-members = Anëtarët e forumit
attendance-no-members = Forumi nuk ka ende anëtarë që kanë pranuar pozicionin.
attendance-hint = Zgjidhni për secilin anëtar: i pranishëm, mungesë e justifikuar ose mungesë pa njoftim. Ruhen të gjithë njëherësh.
attendance-presence-present = I pranishëm
attendance-presence-excused = Mungesë e justifikuar
attendance-presence-absent = Mungesë pa njoftim
attendance-save = Ruaj pjesëmarrjen
attendance-guests = Të ftuarit
attendance-no-guests = Nuk ka të ftuar të regjistruar.
attendance-add-guest = Shtoni një të ftuar
attendance-add-guest-button = Shto të ftuarin
attendance-remove = Hiq
attendance-remove-guest = Hiq të ftuarin { $name }
attendance-choose = Zgjidhni…
attendance-not-said = Nuk e ka thënë
attendance-optional-hint = Tri fushat e mëposhtme plotësohen vetëm nëse i ftuari pranon t’i japë; ato numërohen, por nuk tregohen kurrë për personin.
attendance-yes = Po
attendance-no = Jo
field-guest-name = Emri dhe mbiemri i të ftuarit
field-guest-org = Organizata
field-guest-sector = Sektori
field-guest-gender = Gjinia
field-guest-youth = I ri (deri në 29 vjeç)
field-guest-rural = Banon në zonë rurale
field-attendance-presence = Pjesëmarrja

## Staff: minutes, decisions, action items, publishing
minutes-admin-title = Procesverbali
minutes-attendance-recorded = { $count ->
    [0] Pjesëmarrja nuk është regjistruar ende.
    [one] Është regjistruar pjesëmarrja e 1 personi.
   *[other] Është regjistruar pjesëmarrja e { $count } personave.
}
minutes-published-locked = Procesverbali është publikuar: teksti, vendimet dhe detyrat nuk ndryshohen më.
minutes-edit-unapproves = Procesverbali është miratuar. Nëse e ndryshoni tani (tekstin, vendimet ose detyrat), ai kthehet në draft dhe duhet miratuar sërish nga kryetari ose sekretari.
minutes-save-draft = Ruaj si draft
minutes-add-decision = Shtoni një vendim
minutes-add-decision-button = Shto vendimin
minutes-delete-decision = Fshi vendimin nr. { $number }
minutes-vote = Votimi (nëse u votua)
minutes-vote-hint = Lërini bosh nëse vendimi u mor pa votim. Një kuti bosh numërohet si 0.
minutes-add-action = Shtoni një detyrë
minutes-add-action-button = Shto detyrën
minutes-delete-action = Fshi detyrën: { $what }
minutes-publish-heading = Publikoni procesverbalin
minutes-publish-text = Procesverbali publikohet vetëm pasi ta ketë miratuar kryetari ose sekretari. Me publikimin, çdo përgjegjës detyre merr një e-mail.
minutes-publish-button = Publiko procesverbalin…
minutes-publish-confirm-title = Publikimi i procesverbalit
minutes-publish-confirm-text = Procesverbali i takimit „{ $meeting }“ do të jetë i dukshëm për { $public }. { $owners ->
    [0] Asnjë detyrë nuk ka përgjegjës, prandaj nuk dërgohet asnjë e-mail.
    [one] Merr një e-mail përgjegjësi i detyrës: { $names }.
   *[other] { $owners } përgjegjësit e detyrave marrin nga një e-mail: { $names }.
}
minutes-publish-public = të gjithë
minutes-publish-members = anëtarët e forumit dhe stafin
minutes-publish-confirm-button = Publiko procesverbalin
field-minutes-sq = Teksti i procesverbalit (shqip)
field-minutes-en = Teksti i procesverbalit (anglisht)
field-decision-sq = Vendimi (shqip)
field-decision-en = Vendimi (anglisht)
field-votes-for = Pro
field-votes-against = Kundër
field-votes-abstain = Abstenime
field-action-what = Çfarë duhet bërë
field-action-owner = Përgjegjësi (anëtar i forumit)
field-due-on = Afati
hint-due-on = Dita.muaji.viti, p.sh. 15.12.2026
field-publish-minutes = Publikimi i procesverbalit
field-minutes-approval = Miratimi i procesverbalit

error-votes-negative = Numri i votave nuk mund të jetë negativ.
error-votes-invalid = Shkruani një numër të plotë votash, nga 0 deri në 10000.
error-due-on-format = Shkruani afatin si dita.muaji.viti, p.sh. 15.12.2026.
error-owner-not-member = Zgjidhni si përgjegjës një anëtar të forumit që e ka pranuar pozicionin.
error-minutes-not-approved = Procesverbali nuk mund të publikohet para se ta miratojë kryetari ose sekretari i forumit. Asgjë nuk u ndryshua.
error-minutes-published = Procesverbali është publikuar tashmë dhe nuk ndryshohet më.
error-minutes-changed = Procesverbali ndryshoi pasi e hapët. Lexojeni sërish dhe miratojeni nëse jeni dakord.
error-minutes-missing = Procesverbali nuk është shkruar ende, prandaj nuk ka çfarë të miratohet.
error-minutes-confirm-required = Konfirmoni publikimin në hapin e dytë.

flash-attendance-saved = Pjesëmarrja u ruajt.
flash-guest-added = I ftuari u shtua.
flash-guest-removed = I ftuari u hoq.
flash-minutes-saved = Procesverbali u ruajt si draft.
flash-decision-added = Vendimi u shtua.
flash-decision-deleted = Vendimi u fshi dhe vendimet e tjera u rinumëruan.
flash-action-added = Detyra u shtua.
flash-action-deleted = Detyra u fshi.
flash-minutes-approved = Procesverbali u miratua. Stafi i bashkisë mund ta publikojë tani.
flash-minutes-published = Procesverbali u publikua dhe përgjegjësit e detyrave u njoftuan.
flash-action-done = Detyra u shënua si e kryer.

mail-action-items-subject = Detyrë nga takimi i forumit: { $meeting }
mail-action-items-body = Procesverbali i takimit „{ $meeting }“ të datës { $date } u publikua. Në këtë takim u caktuat përgjegjës për:

    { $items }

    Kur ta keni kryer, shënojeni si të kryer te lista e detyrave të forumit:
remove-guest-title = Heqja nga pjesëmarrja: { $name }
remove-guest-text = { $name } do të hiqet nga lista e të pranishmëve të këtij takimi. Mund ta shtoni sërish më vonë.
remove-guest-button = Hiqe nga lista
remove-decision-title = Fshirja e vendimit nr. { $number }
remove-decision-text = Vendimi „{ $text }“ do të fshihet nga procesverbali dhe vendimet pas tij do të rinumërohen. Nëse procesverbali është miratuar, kthehet në draft.
remove-decision-button = Fshije vendimin
remove-action-title = Fshirja e detyrës
remove-action-text = Detyra „{ $what }“ do të fshihet nga procesverbali. Nëse procesverbali është miratuar, kthehet në draft.
remove-action-button = Fshije detyrën
error-delete-confirm-required = Konfirmoni fshirjen nga faqja që e kërkon.
