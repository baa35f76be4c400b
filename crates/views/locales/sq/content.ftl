### Content: home page and timeline, news, privacy notice, staff forms for news and the timeline.
home-intro = Këtu ndiqni procesin e bashkë-krijimit të angazhimeve lokale të OGP: thirrjet e hapura, grupin e punës, planin e veprimit dhe zbatimin e tij.
home-timeline = Kalendari i procesit
home-no-timeline = Kalendari i procesit nuk është publikuar ende.
home-news = Lajmet e fundit
phase-current = Faza aktuale
news-title = Lajme
news-none = Nuk ka ende lajme.
news-all = Të gjitha lajmet
news-new = Shkruaj një lajm
news-edit = Ndrysho lajmin
flash-news-deleted = Lajmi u fshi.
admin-timeline = Kalendari
timeline-help = Fazat shfaqen në faqen kryesore sipas radhës. Lini bosh titullin e një rreshti për ta hequr.
timeline-phase = Faza
field-starts-on = Fillon më
field-ends-on = Mbaron më
privacy-title = Njoftimi i privatësisë
