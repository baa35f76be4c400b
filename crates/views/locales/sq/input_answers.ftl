# Public input (see views/src/input/mod.rs). Same keys in sq and en.

## The answer on the input page
answer-heading = Përgjigja e arsyetuar
answer-status-adopted = U pranua
answer-status-merged = U bashkua me një tjetër
answer-status-under_consideration = Në shqyrtim
answer-status-not_adopted = Nuk u pranua
answer-draft = Draft, ende i papublikuar
answer-published-on = Publikuar më
answer-none-yet = Ky kontribut nuk ka marrë ende përgjigje.
answer-commitment = Angazhimi
answer-merged-into = Ky kontribut u bashkua me:
answer-in-cluster = Pjesë e grupit:
answer-from-cluster = Përgjigja e dhënë për grupin „{ $title }“.
answer-from-merged = Përgjigja e dhënë për kontributin me të cilin u bashkua ky.
answer-write = Shkruani përgjigjen
answer-edit = Ndryshoni përgjigjen
answer-merge-link = Bashkojeni me një kontribut tjetër
answer-grouping-link = Grupimi i kontributeve
answer-text-withheld = Kontributi është fshehur nga moderatori, prandaj arsyetimi i përgjigjes nuk shfaqet: shfaqen vetëm statusi dhe data.

## Coverage
coverage-title = Sa kontribute kanë marrë përgjigje
coverage-intro = Çdo kontribut i publikuar merr një përgjigje të arsyetuar. Këtu shihet sa prej tyre e kanë marrë, cili pret më gjatë dhe si qëndron çdo temë.
coverage-answered = Me përgjigje
coverage-share = Pjesa
coverage-oldest = Kontributi që pret më gjatë
coverage-oldest-waiting = Pret që prej
coverage-by-theme = Sipas temës
coverage-theme = Tema
coverage-no-theme = Pa temë
coverage-none = Ende asnjë kontribut
coverage-days = { $days ->
    [one] { $days } ditë
   *[other] { $days } ditë
}
coverage-csv = Të gjitha kontributet me përgjigjet (CSV)
coverage-feed = Përgjigjet e reja (Atom)

## Feeds
feed-inputs-title = Kontributet e reja – { $tenant }
feed-answers-title = Përgjigjet e reja – { $tenant }
feed-hidden = Fshehur nga moderatori: { $reason }
feed-answer-withheld = Kontributi është fshehur nga moderatori; arsyetimi i përgjigjes nuk shfaqet.

## E-mail
mail-input-answered-subject = Përgjigje për „{ $title }“
mail-input-answered-body = Kontributi „{ $title }“ në { $tenant } mori përgjigje: { $status }.

    { $justification }

## Errors
error-answer-status-required = Zgjidhni statusin e përgjigjes.
error-answer-merged-into-required = Shkruani numrin e kontributit me të cilin u bashkua ky.
error-answer-merged-into-invalid = Numri nuk i përket një kontributi tjetër të së njëjtës fazë që mund të marrë bashkime.
error-answer-merged-cluster = Një grup nuk bashkohet me një kontribut: zgjidhni një status tjetër.
error-answer-confirm-required = Konfirmoni publikimin e përgjigjes.
error-grouping-no-phase = Nuk ka ende një fazë të shpallur kontributesh për t'u grupuar.
error-grouping-two-inputs = Zgjidhni të paktën dy kontribute për grupin.
error-grouping-proposal-decided = Ky propozim është vendosur tashmë nga dikush tjetër.
error-grouping-already-merged = Ky kontribut është bashkuar tashmë me një tjetër.
error-grouping-merge-target-invalid = Zgjidhni kontributin me të cilin bashkohet ky.
error-grouping-merge-confirm = Konfirmoni bashkimin.

## Audit sentences (the audit page reads every key alike)
audit-input-proposal-compute = { $who } llogariti propozimet për grupimin e kontributeve të fazës { $what }.
audit-input-proposal-accept = { $who } pranoi një propozim grupimi dhe krijoi grupin { $what }.
audit-input-proposal-reject = { $who } hodhi poshtë propozimin e grupimit { $what }.
audit-input-cluster-create = { $who } krijoi grupin e kontributeve { $what }.
audit-input-cluster-update = { $who } ndryshoi grupin e kontributeve { $what }.
audit-input-merge = { $who } bashkoi kontributin { $what } me një kontribut tjetër.
audit-input-answer-save = { $who } ruajti përgjigjen { $what }.
audit-input-answer-publish = { $who } publikoi përgjigjen { $what }.
audit-field-proposals = Propozimet
audit-field-proposal = Propozimi
audit-field-inputs = Kontributet
audit-field-title = Titulli
audit-field-merged-into = Bashkuar me
audit-field-published = Publikuar

## Grouping (forum members)
grouping-title = Grupimi i kontributeve
grouping-no-phase = Ende nuk është shpallur asnjë fazë kontributesh për t'u grupuar.
grouping-phase = Faza
grouping-intro = Sistemi propozon së bashku kontributet me tekst të ngjashëm; ju i pranoni, i ndryshoni ose i hidhni poshtë.
grouping-threshold = Propozohen bashkë kontributet që ngjajnë të paktën { $percent } %.
grouping-propose = Propozoni grupe tani
grouping-new-cluster = Krijoni një grup me dorë
grouping-edit-cluster = Ndryshoni grupin „{ $title }“
grouping-proposals = Propozimet e hapura
grouping-no-proposals = Nuk ka propozime të hapura. Shtypni „Propozoni grupe tani“ për t'i llogaritur.
grouping-proposal-heading = Propozimi { $id }
grouping-proposal-inputs = Kontributet e propozuara (hiqni shenjën te ato që nuk përkojnë)
grouping-open-input = Hapni
grouping-score = Ngjashmëria { $percent } %
grouping-accept = Pranojeni si grup
grouping-reject = Hidheni poshtë
grouping-clusters = Grupet e fazës
grouping-public-page = Faqja publike
grouping-back = Kthehuni te grupimi
grouping-title-hint = Një titull i shkurtër që thotë për çfarë janë kontributet e grupit.
grouping-inputs-hint = Shënoni të paktën dy kontribute të fazës.
grouping-no-inputs = Faza nuk ka kontribute që mund të grupohen.
grouping-kept-members = Këto kontribute mbeten në grup, edhe pse nuk mund të zgjidhen më (janë fshehur ose tërhequr):
grouping-hidden-input = Kontribut i fshehur nga moderatori
grouping-note-withdrawn = tërhequr nga autori
grouping-note-merged = bashkuar me #{ $id }
field-inputs = Kontributet
field-propose = Propozimi i grupeve
flash-grouping-proposed = Propozimet u llogaritën.
flash-grouping-none-found = Nuk u gjet asnjë grup kontributesh të ngjashme.
flash-grouping-accepted = Propozimi u pranua dhe grupi u krijua.
flash-grouping-rejected = Propozimi u hodh poshtë.
flash-cluster-saved = Grupi u ruajt.

## Clusters (public)
clusters-title = Grupet e kontributeve
clusters-intro = Kontributet që flasin për të njëjtën gjë mblidhen në një grup dhe marrin një përgjigje të përbashkët.
clusters-none = Ende nuk ka grupe.
clusters-back-to-inputs = Të gjitha kontributet
clusters-count = { $count ->
    [one] 1 kontribut
   *[other] { $count } kontribute
}
cluster-inputs = Kontributet e grupit
cluster-no-answer = Ky grup nuk ka marrë ende përgjigje.
cluster-edit = Ndryshoni grupin

## Merging a duplicate
merge-title = Bashkoni një kontribut me një tjetër
merge-back = Kthehuni te kontributi
merge-input = Kontributi që bashkohet
merge-intro = Kur dy kontribute thonë të njëjtën gjë, njëri bashkohet me tjetrin: faqja e tij tregon me cilin, dhe përgjigja e tjetrit vlen edhe për të.
merge-no-targets = Faza nuk ka kontribut tjetër me të cilin mund të bashkohet ky.
merge-choose = Zgjidhni kontributin
merge-continue = Vazhdoni
field-into = Bashkohet me kontributin
merge-confirm-heading = Ta bashkojmë kontributin?
merge-confirm-text = Kontributi { $input } do të bashkohet me kontributin { $into }. Përgjigja e këtij të fundit do të vlejë edhe për të.
merge-confirm-button = Po, bashkojeni
flash-input-merged = Kontributi u bashkua.

## The answer form
answer-form-title-input = Përgjigja për kontributin
answer-form-title-cluster = Përgjigja për grupin
answer-back = Kthehuni pa ruajtur
field-status = Statusi
field-merged-into = Numri i kontributit me të cilin u bashkua
field-commitment-ref = Angazhimi (referenca ose lidhja)
answer-body-hint = Arsyetimi në shqip: çfarë do të ndodhë dhe pse, edhe kur kontributi nuk pranohet.
answer-body-en-hint = Jo i detyrueshëm. Lexuesit në anglisht e shohin këtë kur jepet.
answer-merged-into-hint = Vetëm për statusin „U bashkua me një tjetër“, p.sh. 12.
answer-commitment-hint = Vetëm për statusin „U pranua“: numri ose lidhja e angazhimit në planin e veprimit.
answer-publish-note = { $count ->
    [one] Publikimi e bën përgjigjen publike dhe i dërgon e-mail autorit dhe ndjekësve të 1 kontributi.
   *[other] Publikimi e bën përgjigjen publike dhe u dërgon e-mail autorëve dhe ndjekësve të { $count } kontributeve.
}
answer-published-note = Publikuar më { $date }: ndryshimet shfaqen menjëherë, pa dërguar e-maile të reja.
answer-publish = Publikoni…
answer-save-draft = Ruani si draft
answer-save-published = Ruani ndryshimet
answer-confirm-heading = Ta publikojmë përgjigjen?
answer-confirm-text = Përgjigja „{ $status }“ për „{ $title }“ do të bëhet publike dhe { $count ->
    [one] autori dhe ndjekësit e 1 kontributi do të marrin e-mail.
   *[other] autorët dhe ndjekësit e { $count } kontributeve do të marrin e-mail.
}
answer-confirm-button = Po, publikojeni
flash-answer-draft = Drafti i përgjigjes u ruajt. Nuk është ende publik.
flash-answer-published = Përgjigja u publikua dhe autorët u njoftuan.
flash-answer-updated = Ndryshimet e përgjigjes u ruajtën.
