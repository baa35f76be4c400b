## Commitments: commitments_public (owner: public pages, library, quality panel)

## The quality panel beside the drafting form
quality-title = Kontrolli i cilësisë
quality-summary = { $fail ->
        [0] Asnjë problem
        [one] 1 problem
       *[other] { $fail } probleme
    }, { $warn ->
        [0] asnjë paralajmërim
        [one] 1 paralajmërim
       *[other] { $warn } paralajmërime
    }, { $pass ->
        [one] { $pass } kontroll në rregull
       *[other] { $pass } kontrolle në rregull
    }.
quality-never-blocks = Këto kontrolle ndjekin testet e OGP-së për një angazhim. Ato nuk ju pengojnë të ruani: një draft mund të ruhet edhe i paplotë. Paneli përditësohet sa herë që ruani.
quality-outcome-pass = Në rregull
quality-outcome-warn = Për t'u parë
quality-outcome-fail = Mungon
quality-control-title = Titulli
quality-control-starts-on = Fillimi i angazhimit
quality-control-ends-on = Përfundimi i angazhimit
quality-control-values = Vlerat e OGP-së
quality-control-milestones = Hapat kryesorë
quality-required-field-pass = Të gjitha fushat e detyrueshme të shabllonit janë plotësuar.
quality-required-field-fail = "{ $field }" është bosh. Shablloni i OGP-së e kërkon, që lexuesit ta kuptojnë angazhimin.
quality-milestone-present-pass = Angazhimi ka të paktën një hap.
quality-milestone-present-fail = Nuk ka ende asnjë hap. Shtoni të paktën një, që ecuria të ndiqet hap pas hapi.
quality-milestone-output-pass = Çdo hap thotë se çfarë do të prodhojë.
quality-milestone-output-fail = Hapi { $n } nuk ka rezultat të pritshëm. Shkruani çfarë do të ekzistojë kur të kryhet (një dokument, një shërbim, një takim i mbajtur).
quality-milestone-date-pass = Çdo hap ka një datë të pritshme përfundimi.
quality-milestone-date-fail = Hapi { $n } nuk ka datë të pritshme përfundimi. Pa datë askush nuk e di nëse është vonuar.
quality-milestone-in-plan-pass = Çdo hap përfundon brenda periudhës së planit të veprimit.
quality-milestone-in-plan-fail = Hapi { $n } përfundon jashtë periudhës së planit të veprimit ({ $start } – { $end }).
quality-dates-present-pass = Angazhimi ka datë fillimi dhe datë përfundimi.
quality-dates-present-fail = Mungon "{ $field }". Një angazhim ka nevojë për datë fillimi dhe përfundimi.
quality-start-before-end-pass = Angazhimi fillon para se të përfundojë.
quality-start-before-end-fail = Angazhimi përfundon para se të fillojë. Kontrolloni të dyja datat.
quality-dates-in-plan-pass = Datat e angazhimit janë brenda periudhës së planit të veprimit.
quality-dates-in-plan-fail = "{ $field }" është jashtë periudhës së planit të veprimit ({ $start } – { $end }).
quality-plan-period-warn = Periudha e planit të veprimit nuk është caktuar ende, ndaj datat nuk mund të krahasohen me të. Koordinatori e cakton te «Rregullat e angazhimeve».
quality-ogp-value-pass = Angazhimi mbart të paktën një nga vlerat e OGP-së: akses në informacion, pjesëmarrje qytetare ose llogaridhënie publike.
quality-ogp-value-warn = Nuk është zgjedhur asnjë vlerë e OGP-së. Një angazhim duhet ta hapë qeverisjen përmes aksesit në informacion, pjesëmarrjes qytetare ose llogaridhënies publike.
quality-technology-alone-warn = Teknologjia dhe inovacioni vlen vetëm së bashku me aksesin në informacion, pjesëmarrjen qytetare ose llogaridhënien publike. Zgjidhni edhe të paktën një prej tyre.
quality-plan-count-pass = Plani ka { $count } angazhime, brenda kufijve që ka caktuar bashkia ({ $min } deri { $max }).
quality-plan-count-warn = Plani ka { $count } angazhime; bashkia ka caktuar { $min } deri { $max }. Mendoni t'i bashkoni ose të shtoni angazhime.

## The public list and page of commitments
commitments-list-title = Angazhimet e planit të veprimit
commitments-list-plan = Plani i veprimit: { $plan }
commitments-library-link = Angazhimet e bashkive të tjera (biblioteka)
commitments-filters = Filtrat e angazhimeve
commitments-filter-all = Të gjitha
commitments-filter-value = Vlera e OGP-së
commitments-filter-area = Fusha e politikave
commitments-filter-status = Statusi
commitments-filter-button = Shfaq
commitments-filter-page = Faqja
commitments-none = Ende nuk është publikuar asnjë angazhim. Angazhimet shfaqen këtu pasi forumi i miraton.
commitments-none-found = Asnjë angazhim nuk përputhet me filtrat.
commitments-col-id = ID e angazhimit
commitments-col-title = Titulli i angazhimit
commitments-col-status = Statusi
commitments-col-values = Vlera e OGP-së
commitments-col-area = Fusha kryesore e politikave
commitments-pager = Faqet
commitments-prev = Faqja e mëparshme
commitments-next = Faqja tjetër
commitments-at-a-glance = Me një shikim
commitments-description = Përshkrimi
commitments-commitment-id = ID e angazhimit
commitments-commitment-title = Titulli i angazhimit
commitments-brief = Përshkrim i shkurtër i angazhimit
commitments-milestones = Hapat kryesorë
commitments-no-milestones = Ende pa hapa.
commitments-ms-milestone = Hapi kryesor
commitments-ms-output = Produkti i pritur
commitments-ms-due = Data e pritshme e përfundimit
commitments-ms-stakeholders = Palët e interesit
commitments-inputs = Kontribute publike të përfshira në këtë angazhim
commitments-ratings = Vlerësimet e IRM-së dhe të monitorimit
commitments-no-ratings = Ende pa vlerësim.
commitments-version-of = Ky është versioni i publikuar më { $date }.
commitments-history-link = Historiku i versioneve
commitments-history-title = Historiku i versioneve: { $title }
commitments-history-versions = Versionet e publikuara
commitments-col-version = Versioni
commitments-col-date = Data
commitments-col-note = Shënimi
commitments-compare-from = Krahaso versionin
commitments-compare-to = me versionin
commitments-compare-button = Krahaso
commitments-compare-title = Ndryshimet nga versioni { $from }
commitments-compare-legend = Fjalët e hequra janë të vizatuara dhe të shënuara si të hequra; fjalët e shtuara janë të shënuara si të shtuara.
glance-action-plan = Plani i veprimit
glance-inception = Raporti fillestar
glance-inception-none = Nuk është i disponueshëm
glance-not-given = Nuk është dhënë
glance-start = Fillimi i angazhimit
glance-end = Përfundimi i angazhimit
glance-institutions = Institucionet e përfshira
glance-primary-area = Fusha kryesore e politikave
glance-primary-sector = Sektori kryesor
glance-values = Vlera e OGP-së
public-status-forum_endorsed = Miratuar nga forumi
public-status-in_consultation = Në konsultim
public-status-final = Përfundimtar
public-value-access_to_information = Akses në informacion
public-value-civic_participation = Pjesëmarrje qytetare
public-value-public_accountability = Llogaridhënie publike
public-value-technology_innovation = Teknologji dhe inovacion për transparencë dhe llogaridhënie

## The library across municipalities
library-title = Biblioteka e angazhimeve
library-intro = Angazhime të bashkive dhe vendeve të tjera, nga të dhënat e OGP-së dhe nga bashkitë në këtë platformë, me vlerësimet e IRM-së. Gjeni një të ngjashëm dhe nisni draftin tuaj prej tij.
library-search = Kërko
library-search-hint = Fjalë nga titulli ose teksti; shenjat mbi shkronja nuk janë të detyrueshme.
library-filter-country = Vendi ose lokaliteti
library-search-button = Kërko
library-none-found = Asnjë angazhim nuk përputhet me kërkimin ose filtrat.
library-empty = Biblioteka është bosh.
library-areas = Fushat e politikave
library-place = Vendi ose lokaliteti
library-source = Burimi
library-source-ogp = Të dhënat e angazhimeve të OGP-së
library-on-ogp = angazhimi në faqen e OGP-së
library-dates = Fillimi dhe përfundimi
library-start = Nis një draft nga ky
library-start-hint = Kopjon titullin, tekstet, institucionin drejtues, vlerat dhe fushat e politikave në një draft të ri të planit aktual të bashkisë suaj, me një lidhje këtu. Datat dhe hapat nuk kopjohen.
library-start-failed = Drafti nuk mund të nisej: { $reason }
