# Public input (see views/src/input/mod.rs). Same keys in sq and en.

## Write limit (every write of public input)
error-input-rate-limited = Keni shkruar shumë herë brenda një ore. Prisni pak dhe provoni përsëri; teksti juaj mbetet këtu.

## Fields
field-comment = Komenti
field-support = Mbështetja
field-follow = Ndjekja
field-report-reason = Arsyeja e raportimit
field-hide-reason = Arsyeja e fshehjes
field-appeal-text = Ankesa
field-appeal-reason = Arsyeja e vendimit
field-appeal-outcome = Vendimi
field-notify-mode = E-mailet për kontributet që ndiqni

## Errors
error-input-hidden-closed = Ky kontribut është fshehur nga një moderator: nuk merr më komente, mbështetje apo ndjekës.
error-input-withdrawn-closed = Autori e ka tërhequr këtë kontribut: nuk merr më komente, mbështetje apo ndjekës.
error-comment-hidden-closed = Komenti të cilit i përgjigjeni është fshehur nga një moderator: nuk merr më përgjigje.
error-support-already = E keni mbështetur tashmë këtë kontribut. Çdo person e mbështet një herë.
error-support-own-input = Nuk mund ta mbështesni kontributin tuaj: bashkia nuk e lejon.
error-report-already = E keni raportuar tashmë këtë. Çdo person raporton një herë; moderatorët do ta shqyrtojnë.
error-already-hidden = Kjo është fshehur tashmë.
error-appeal-already = E keni bërë tashmë ankesën tuaj të vetme për këtë fshehje.
error-appeal-not-hidden = Kjo nuk është e fshehur: nuk ka asgjë për t'u ankuar.
error-appeal-outcome-required = Zgjidhni vendimin: fshehja mbetet, ose përmbajtja shfaqet përsëri.
error-appeal-decided = Kjo ankesë është vendosur tashmë. Asgjë nuk u ndryshua.
error-appeal-own-hiding = Këtë përmbajtje e keni fshehur ju: për ankesën duhet të vendosë një koordinator tjetër.
error-appeal-own-content = Kjo përmbajtje është e juaja: për ankesën duhet të vendosë një koordinator tjetër.
error-notify-mode-invalid = Zgjidhni një nga dy mënyrat: menjëherë ose një përmbledhje në ditë.

## The thread on the input page
discussion-heading = Diskutimi
discussion-supports = { $count ->
    [one] 1 mbështetje
   *[other] { $count } mbështetje
}
discussion-comments = { $count ->
    [one] 1 koment
   *[other] { $count } komente
}
discussion-support = Mbështeteni
discussion-supported = E mbështetni këtë kontribut.
discussion-withdraw-support = Tërhiqni mbështetjen
discussion-follow = Ndiqeni (e-mail për komente të reja dhe për përgjigjen)
discussion-unfollow = Mos e ndiqni më
discussion-following = E ndiqni këtë kontribut.
discussion-own-input = Ky është kontributi juaj.
discussion-closed = Ky kontribut nuk merr më komente, mbështetje apo ndjekës.
discussion-no-comments = Ende nuk ka komente.
discussion-comments-withheld = Komentet nuk shfaqen, sepse kontributi është fshehur nga një moderator.
discussion-hidden = Fshehur nga një moderator: { $reason }
discussion-appeal = Ankohuni për fshehjen
discussion-appealed = Ankesa juaj është dërguar.
discussion-reply = Përgjigjuni
discussion-reply-to = Përgjigje për komentin nga { $name }
discussion-report = Raportoni
discussion-hide = Fshihni komentin
discussion-new-comment = Shkruani një koment
discussion-comment-hint = Tekst i thjeshtë, deri në 3000 shenja. Komentet janë publike me emrin tuaj.
discussion-send-comment = Dërgoni komentin
discussion-send-reply = Dërgoni përgjigjen
discussion-sign-in = Hyni në llogari për të komentuar, mbështetur ose ndjekur
discussion-by = { $name }, { $date }
discussion-back = Kthehuni te kontributi
discussion-comment-form-title = Komenti juaj
discussion-refused-title = Nuk u krye
discussion-notifications-link = Cilësimet e e-maileve

## Flash messages
flash-comment-added = Komenti juaj u publikua.
flash-supported = Mbështetja juaj u regjistrua.
flash-support-withdrawn = Mbështetja juaj u tërhoq.
flash-followed = Tani e ndiqni këtë kontribut.
flash-unfollowed = Nuk e ndiqni më këtë kontribut.
flash-reported = Faleminderit. Raportimi juaj u dërgua te moderatorët.
flash-hidden = U fsheh. Autori u njoftua me e-mail për arsyen.
flash-report-dismissed = Raportimi u mbyll pa fshehur asgjë.
flash-appealed = Ankesa juaj u dërgua. Një koordinator do ta vendosë.
flash-appeal-decided = Vendimi u regjistrua dhe autori u njoftua me e-mail.
flash-notify-saved = Cilësimet e e-maileve u ruajtën.

## Notification settings
notifications-title = E-mailet për kontributet që ndiqni
notifications-intro = Kur ndiqni një kontribut (dhe kontributet tuaja i ndiqni vetë), merrni një e-mail kur dikush komenton dhe kur publikohet përgjigja e bashkisë.
notifications-immediate = Menjëherë, një e-mail për çdo ngjarje
notifications-daily = Një përmbledhje në ditë
notifications-save = Ruani
notifications-unsubscribe-hint = Çdo e-mail ka një lidhje për të mos e ndjekur më atë kontribut me një klikim.

## Unsubscribing
unsubscribe-title = Mos e ndiqni më kontributin
unsubscribe-text = Nuk do të merrni më e-maile për kontributin „{ $title }“.
unsubscribe-button = Mos e ndiqni më
unsubscribe-done-title = Nuk e ndiqni më
unsubscribe-done-text = Nuk do të merrni më e-maile për kontributin „{ $title }“.
unsubscribe-already = Nuk e ndiqni më këtë kontribut: nuk do të merrni e-maile për të.
unsubscribe-to-input = Shihni kontributin

## Reports
report-title-input = Raportoni kontributin
report-title-comment = Raportoni komentin
report-intro = Raportoni atë që shkel rregullat e diskutimit (fyerje, gjuhë urrejtjeje, të dhëna personale, reklama). Moderatorët e shqyrtojnë; emri juaj nuk i tregohet autorit.
report-reason-hint = Shkruani shkurt çfarë nuk shkon, deri në 1000 shenja.
report-send = Dërgoni raportimin
report-what = Ajo që raportoni

## Moderation
moderation-title = Moderimi: raportimet e hapura
moderation-none = Nuk ka raportime të hapura.
moderation-item-input = Kontributi „{ $title }“
moderation-item-comment = Koment te kontributi „{ $title }“
moderation-by = Nga { $name }
moderation-reports = { $count ->
    [one] 1 raportim
   *[other] { $count } raportime
}
moderation-report-line = { $name }: { $reason }
moderation-dismiss = Mbyllni raportimin
moderation-hide-title-input = Fshihni kontributin
moderation-hide-title-comment = Fshihni komentin
moderation-hide-intro = Arsyeja shfaqet në vend të tekstit dhe i dërgohet autorit me e-mail, bashkë me mundësinë për t'u ankuar një herë. Teksti mbetet në bazën e të dhënave dhe në regjistrin e veprimeve.
moderation-hide-reason-hint = Shkruani arsyen ashtu si do ta lexojë autori, deri në 1000 shenja.
moderation-hide-continue = Vazhdoni
moderation-confirm-heading = Ta fshehim vërtet?
moderation-confirm-text = { $title }, shkruar nga { $name }, do të fshihet me arsyen: „{ $reason }“. Autori njoftohet me e-mail.
moderation-confirm-button = Fshihni
moderation-back = Kthehuni te raportimet

## Appeals
appeal-title = Ankesa për fshehjen
appeal-hidden-because = U fsheh nga një moderator me arsyen: { $reason }
appeal-intro = Mund të ankoheni një herë. Një koordinator i bashkisë e shqyrton ankesën dhe ju njofton me e-mail.
appeal-text-hint = Shpjegoni pse mendoni se nuk duhej fshehur, deri në 1000 shenja.
appeal-send = Dërgoni ankesën
appeal-sent-on = Ankesa juaj u dërgua më { $date }.
appeal-waiting = Ende pa vendim.
appeal-outcome-upheld = Fshehja mbetet
appeal-outcome-reinstated = Përmbajtja shfaqet përsëri
appeal-decision = Vendimi: { $outcome }. { $reason }
appeals-title = Ankesat për fshehjet
appeals-none = Nuk ka ankesa.
appeals-col-item = Çfarë u fsheh
appeals-col-author = Autori
appeals-col-date = Data
appeals-col-state = Gjendja
appeals-open = Pa vendim
appeals-decide-title = Vendosni për ankesën
appeals-hidden-text = Teksti i fshehur
appeals-hidden-reason = Arsyeja e moderatorit
appeals-appeal-text = Ankesa e autorit
appeals-reason-hint = Arsyeja i dërgohet autorit me e-mail, deri në 1000 shenja.
appeals-decide = Vazhdoni
appeals-confirm-heading = Të regjistrohet vendimi?
appeals-confirm-text = Vendimi „{ $outcome }“ për ankesën nga { $name } regjistrohet dhe autori njoftohet me e-mail.
appeals-confirm-button = Regjistroni vendimin
appeals-back = Kthehuni te ankesat

## E-mails
mail-input-unsubscribe-line = Për të mos marrë më e-maile për këtë kontribut, hapni këtë lidhje:
mail-input-comment-subject = Koment i ri te „{ $title }“
mail-input-comment-body = { $who } komentoi te kontributi „{ $title }“ që ndiqni:

    { $text }

    Lexojeni diskutimin këtu:
mail-input-answer-subject = Përgjigje për „{ $title }“
mail-input-answer-body = Bashkia publikoi përgjigjen e arsyetuar për kontributin „{ $title }“ që ndiqni. Lexojeni këtu:
mail-input-digest-subject = Çfarë ndodhi me kontributet që ndiqni
mail-input-digest-body = Ja çfarë ka të re te { $count ->
    [one] kontributi që ndiqni
   *[other] { $count } kontributet që ndiqni
    }:

    { $items }

    Këto e-maile i merrni një herë në ditë. Mënyrën e ndryshoni këtu:
mail-input-digest-comments = { $count ->
    [one] 1 koment i ri
   *[other] { $count } komente të reja
    }
mail-input-digest-answered = Ka marrë përgjigjen e bashkisë.
mail-input-digest-unsubscribe = Mos e ndiqni më:
mail-input-hidden-input-subject = Kontributi juaj „{ $title }“ u fsheh
mail-input-hidden-input-body = Një moderator e fshehu kontributin tuaj „{ $title }“ me këtë arsye:

    { $reason }

    Mund të ankoheni një herë; një koordinator i bashkisë e vendos ankesën. Ankohuni këtu:
mail-input-hidden-comment-subject = Komenti juaj te „{ $title }“ u fsheh
mail-input-hidden-comment-body = Një moderator e fshehu komentin tuaj te kontributi „{ $title }“ me këtë arsye:

    { $reason }

    Mund të ankoheni një herë; një koordinator i bashkisë e vendos ankesën. Ankohuni këtu:
mail-input-appeal-upheld-subject = Vendimi për ankesën tuaj: fshehja mbetet
mail-input-appeal-upheld-body = Një koordinator shqyrtoi ankesën tuaj për fshehjen te „{ $title }“ dhe vendosi që fshehja të mbetet, me këtë arsye:

    { $reason }
mail-input-appeal-reinstated-subject = Vendimi për ankesën tuaj: përmbajtja shfaqet përsëri
mail-input-appeal-reinstated-body = Një koordinator shqyrtoi ankesën tuaj për fshehjen te „{ $title }“ dhe vendosi ta shfaqë përsëri, me këtë arsye:

    { $reason }

## Audit sentences (the audit page reads every key alike)
audit-input-comment-create = { $who } komentoi te kontributi { $what }.
audit-input-support = { $who } mbështeti kontributin { $what }.
audit-input-unsupport = { $who } tërhoqi mbështetjen për kontributin { $what }.
audit-input-follow = { $who } filloi të ndjekë kontributin { $what }.
audit-input-unfollow = { $who } nuk e ndjek më kontributin { $what }.
audit-user-notify-mode = { $what } ndryshoi mënyrën e e-maileve për kontributet që ndjek.
audit-input-report-create = { $who } raportoi { $what }.
audit-input-report-dismiss = { $who } mbylli pa fshehur asgjë raportimin { $what }.
audit-input-item-hide = { $who } fshehu { $what }.
audit-input-appeal-create = { $who } u ankua për fshehjen { $what }.
audit-input-appeal-decide = { $who } vendosi për ankesën { $what }.
audit-field-text = Teksti
audit-field-comment-id = Komenti
audit-field-parent-id = Përgjigje për komentin
audit-field-report-id = Raportimi
audit-field-outcome = Vendimi
audit-field-notify-mode = Mënyra e e-maileve
audit-field-by-link = Nga lidhja në e-mail
audit-field-hidden-at = Fshehur më
audit-field-hidden-by = Fshehur nga
audit-field-hidden-reason = Arsyeja e fshehjes
