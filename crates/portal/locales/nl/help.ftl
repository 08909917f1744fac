# Hulppagina's: overzicht, stappenplannen per platform, klacht bij de politie, steun.
# In de stappenplannen is $platform de naam van het platform. **tekst** wordt vet getoond
# (namen van knoppen en menu's zoals het platform ze in het Nederlands toont).

## Overzicht

help-title = Hulp
help-lead = Wat je nu kunt doen, stap voor stap.
help-report-h = Een beeld melden bij een platform
help-report-text = Stappenplannen voor de meest gebruikte apps en websites.
help-police-h = Klacht indienen bij de politie
help-police-text = Wat je meeneemt, hoe je bewijs verzamelt, en wat er daarna gebeurt.
help-support-h = Met iemand praten
help-support-text = Luisterlijnen, en de mensen die je kunnen helpen.
help-letters-h = Schrijven naar wie verspreidt of dreigt
help-letters-text = Een bericht dat voor je geschreven wordt, dat je aanvult en kopieert. Van hieruit wordt niets verstuurd.

## Stappenplannen: gedeelde stukken

guide-title = Een beeld melden op { $platform }
guide-screenshot-h = Eerst: een screenshot met datum
guide-screenshot = Voor je iets meldt: maak een screenshot van het beeld waar het staat, met het platform en als het kan de datum en het uur erop. Noteer ook de link (URL) en de naam van het account dat het gepost heeft. Zodra het beeld verwijderd is, is dat misschien je enige bewijs.
guide-priority = Goed om te weten: { $org } werkt rechtstreeks samen met { $platform }. Vraagt men daar om een beeld te verwijderen, dan krijgt dat voorrang. Doe je het liever niet zelf? Dan kunnen ze het voor je doen.
guide-menus-change = Apps veranderen af en toe hun menu's. De woorden op je scherm kunnen dus een beetje anders zijn.
guide-links-h = Nuttige links
guide-not-removed = Niet verwijderd, of lukt het niet? Neem contact op met { $org }: daar helpen ze je verder.
guide-others = Andere platformen

## Facebook en Messenger

guide-facebook-intro = Zijn er intieme beelden van jou gedeeld op Facebook of Messenger? Meld ze: Facebook verwijdert ze en kan voorkomen dat hetzelfde beeld opnieuw gepost wordt.
guide-facebook-post-h = Een bericht melden
guide-facebook-post-1 = Ga naar het bericht met het beeld.
guide-facebook-post-2 = Tik of klik op de drie puntjes (**…**) rechtsboven het bericht.
guide-facebook-post-3 = Kies **Bericht melden**.
guide-facebook-post-4 = Kies de optie over naaktheid of over het delen van privébeelden, en volg de stappen.
guide-facebook-messenger-h = Een bericht in Messenger melden
guide-facebook-messenger-1 = Open het gesprek.
guide-facebook-messenger-2 = Houd het bericht ingedrukt. Op een computer ga je er met de muis over en klik je op de drie puntjes (**…**).
guide-facebook-messenger-3 = Kies **Melden** en volg de stappen.
guide-facebook-note = Noteer ook de link (URL) van het profiel dat de beelden gedeeld heeft, en het e-mailadres als je dat kent.
guide-facebook-link-help = Helpcentrum van Facebook

## Instagram

guide-instagram-intro = Zijn er intieme beelden van jou gedeeld op Instagram? Je kunt het bericht melden, en ook het account dat het gedeeld heeft.
guide-instagram-app-h = In de app
guide-instagram-app-1 = Tik op de drie puntjes (**…**) rechtsboven het bericht, of op het profiel.
guide-instagram-app-2 = Tik op **Rapporteren**.
guide-instagram-app-3 = Volg de stappen op het scherm.
guide-instagram-web-h = Op de website
guide-instagram-web-1 = Een account melden: open het profiel, klik op de drie puntjes (**…**) naast de gebruikersnaam en dan op **Rapporteren**.
guide-instagram-web-2 = Een bericht melden: klik op de drie puntjes (**…**) rechtsboven het bericht en dan op **Rapporteren**.
guide-instagram-web-3 = Volg de stappen op het scherm.
guide-instagram-noaccount-h = Zonder Instagram-account
guide-instagram-noaccount-1 = Je kunt beelden en accounts ook melden via het Helpcentrum van Instagram, zonder zelf een account te hebben.
guide-instagram-link-help = Helpcentrum van Instagram

## Snapchat

guide-snapchat-intro = Zijn er intieme beelden van jou gedeeld op Snapchat? Je kunt de Snap, de Story of het account dat ze gedeeld heeft melden, in de app of op de website.
guide-snapchat-app-h = In de app
guide-snapchat-app-1 = Houd de Snap of de Story ingedrukt. Voor een account open je het profiel en tik je op de drie puntjes.
guide-snapchat-app-2 = Tik op **Rapporteren**.
guide-snapchat-app-3 = Leg duidelijk uit waarom je het meldt.
guide-snapchat-web-h = Op de website
guide-snapchat-web-1 = Ga naar Snapchat Support en kies **Een veiligheidsprobleem melden**.
guide-snapchat-web-2 = Kies wat het best past: het account van iemand anders (als iemand je naaktfoto's stuurde of je lastigvalt), een Story (voor een naaktfoto in een Story), of je eigen account (als iemand een nepaccount op jouw naam maakte).
guide-snapchat-web-3 = Krijg je de vraag **Heb je nog steeds hulp nodig?**, antwoord dan **Ja** om het formulier te krijgen.
guide-snapchat-web-note = Schrijf in het formulier in het Engels als je kunt.
guide-snapchat-link-help = Snapchat Support

## YouTube

guide-youtube-intro = Zijn er intieme beelden van jou gedeeld op YouTube? Je kunt de video melden, met of zonder Google-account.
guide-youtube-form-h = Met het formulier voor privacyklachten (geen account nodig)
guide-youtube-form-1 = Open het formulier van YouTube voor privacyklachten.
guide-youtube-form-2 = Geef de link naar de video, en leg uit dat je er zonder je toestemming op een intieme manier in te zien bent.
guide-youtube-form-3 = Verstuur het formulier.
guide-youtube-video-h = Vanuit de video (met een Google-account)
guide-youtube-video-1 = Tik of klik onder de video op de drie puntjes (**…**).
guide-youtube-video-2 = Kies **Melden**.
guide-youtube-video-3 = Kies de reden die het best past, en verstuur.
guide-youtube-note = YouTube raadt aan om eerst het kanaal te vragen de video te verwijderen. Dat hoeft niet als je je daar niet veilig bij voelt.
guide-youtube-link-privacy = Privacyklacht bij YouTube

## TikTok

guide-tiktok-intro = Zijn er intieme beelden van jou gedeeld op TikTok? Je kunt een video, een reactie of een account melden.
guide-tiktok-video-h = Een video melden
guide-tiktok-video-1 = Houd de video ingedrukt, of tik op de deelpijl.
guide-tiktok-video-2 = Tik op **Rapporteren** en volg de stappen.
guide-tiktok-comment-h = Een reactie melden
guide-tiktok-comment-1 = Houd de reactie ingedrukt.
guide-tiktok-comment-2 = Tik op **Rapporteren** en volg de stappen.
guide-tiktok-account-h = Een account melden
guide-tiktok-account-1 = Open het profiel en tik rechtsboven op de drie puntjes of op de deelpijl.
guide-tiktok-account-2 = Tik op **Rapporteren** en kies de optie die het best past.
guide-tiktok-account-3 = Voeg een korte beschrijving toe, en screenshots als bewijs: van het profiel of van jullie gesprek, bijvoorbeeld.
guide-tiktok-link-help = TikTok Support

## X (Twitter)

guide-x-intro = Zijn er intieme beelden van jou gedeeld op X (vroeger Twitter)? Je kunt ze melden in de app, op de website of met een formulier.
guide-x-post-h = Een post melden (app of website)
guide-x-post-1 = Tik of klik op de drie puntjes (**…**) bij de post.
guide-x-post-2 = Kies **Post rapporteren**.
guide-x-post-3 = Kies de optie over gevoelige media, en dan die over intieme beelden die zonder toestemming gedeeld zijn.
guide-x-post-4 = Geef aan of het over jou gaat of over iemand anders.
guide-x-post-5 = Je kunt tot vijf posts aan de melding toevoegen. Verstuur ze daarna.
guide-x-form-h = Met het formulier
guide-x-form-1 = Open het formulier van X voor privégegevens, en kies de optie voor intieme foto's of video's die zonder toestemming gedeeld zijn.
guide-x-form-2 = Vul het in en verstuur het.
guide-x-note = Op X kan iedereen naaktbeelden melden die duidelijk uit wraak of voor geld gedeeld zijn. Andere intieme beelden kan alleen de persoon die erop staat melden. Twijfel je? Dan kan { $org } ze voor jou melden.
guide-x-link-form = Formulier van X voor privégegevens

## WhatsApp

guide-whatsapp-intro = Zijn er intieme beelden van jou gedeeld op WhatsApp? Je kunt de persoon blokkeren en rapporteren, een groep rapporteren, en WhatsApp uitleggen wat er gebeurd is.
guide-whatsapp-block-h = Een contact blokkeren of rapporteren
guide-whatsapp-block-1 = Op Android: open de chat, tik op de drie puntjes (**⋮**), dan op **Meer**, en op **Rapporteren** of **Blokkeren**.
guide-whatsapp-block-2 = Op iPhone: open de chat, tik bovenaan op de naam van de persoon, scrol naar beneden en tik op **Contact rapporteren** of **Contact blokkeren**.
guide-whatsapp-block-3 = Wil je allebei? Kies dan **Blokkeren**: WhatsApp stelt je dan voor om het contact meteen ook te rapporteren.
guide-whatsapp-block-note = Maak eerst je screenshots: zodra je iemand blokkeert of een chat verwijdert, kun je berichten kwijtraken die je als bewijs nodig hebt.
guide-whatsapp-explain-h = Uitleggen wat er gebeurd is
guide-whatsapp-explain-1 = Open de **Instellingen** van WhatsApp, dan **Help**, dan **Contact opnemen**.
guide-whatsapp-explain-2 = Beschrijf wat er aan de hand is. Je kunt screenshots toevoegen.
guide-whatsapp-group-h = Een groep rapporteren
guide-whatsapp-group-1 = Open de groep en tik bovenaan op de naam.
guide-whatsapp-group-2 = Scrol naar beneden en tik op **Groep rapporteren**.
guide-whatsapp-link-help = Helpcentrum van WhatsApp

## Discord

guide-discord-intro = Zijn er intieme beelden van jou gedeeld op Discord? Je kunt het bericht in de app melden, of een uitgebreide melding sturen naar het Trust & Safety-team van Discord.
guide-discord-app-h = In de app
guide-discord-app-1 = Op een computer klik je met de rechtermuisknop op het bericht. Op een telefoon houd je het ingedrukt.
guide-discord-app-2 = Kies **Melden** en volg de stappen.
guide-discord-form-h = Met het Trust & Safety-formulier
guide-discord-form-1 = Discord heeft ID-nummers nodig om een melding te onderzoeken. Om ze te zien, zet je de **Ontwikkelaarsmodus** aan: **Gebruikersinstellingen**, dan **Geavanceerd**, dan **Ontwikkelaarsmodus**.
guide-discord-form-2 = Klik met de rechtermuisknop op de gebruiker, het bericht, het kanaal of de server (of houd het ingedrukt), en kies **ID kopiëren**.
guide-discord-form-3 = Beschrijf in het formulier wat er gebeurd is en plak de ID's: die van de gebruiker (17 tot 19 cijfers, niet de gebruikersnaam), die van de berichten (een paar volstaan als het er veel zijn), die van het kanaal, en die van de server als het op een server gebeurde.
guide-discord-form-note = Zonder die nummers kan Discord je melding niet onderzoeken.
guide-discord-link-safety = Veiligheidscentrum van Discord
guide-discord-link-form = Trust & Safety-formulier van Discord

## Klacht bij de politie

police-title = Klacht indienen bij de politie
police-lead = Intieme beelden zonder toestemming verspreiden, dreigen om ze te verspreiden, en de andere vormen van online seksueel geweld zijn zware misdrijven. Wil je dat de persoon gestraft wordt, dan kun je klacht indienen.
police-danger = Ben je nu in gevaar?
police-danger-police = Om de politie dringend te bereiken:
police-you-decide = Jij beslist. Een klacht helpt de overheid ook om te zien hoe vaak dit gebeurt.
police-how-h = Hoe pak je het aan
police-how-1 = Ga naar het politiekantoor in je buurt, of maak een afspraak, telefonisch of online.
police-how-2 = Zeg bij het maken van de afspraak kort waarover het gaat. Zo kun je terecht bij iemand van de politie die zulke zaken kent.
police-how-3 = Je hoeft niet alleen te gaan. Je kunt een advocaat meenemen, of iemand die je vertrouwt, zoals een vriend, een vriendin of een familielid.
police-website = Zoek je lokale politie
police-fear = Naar de politie gaan kan beangstigend zijn. Misschien ben je bang voor hun reactie, schaam je je, of weet je niet wat er daarna komt. Onthoud: je hebt niets verkeerds gedaan. Jij bent het slachtoffer.
police-bring-h = Wat neem je mee
police-bring-1 = Al je bewijs, op je telefoon en als het kan ook afgedrukt.
police-bring-2 = Screenshots van de beelden waar ze gepost werden, gemaakt voor je het platform vroeg om ze te verwijderen.
police-bring-3 = Screenshots van berichten (sms, WhatsApp, e-mails, sociale media) waaruit de bedreigingen of de verspreiding blijken.
police-bring-4 = De links (URL's) en de namen van de betrokken accounts.
police-bring-5 = Een kort lijstje van wat er gebeurd is, wanneer en waar.
police-evidence-h = Hoe verzamel je bewijs
police-evidence-1 = Maak screenshots waarop de datum en het uur te zien zijn, en de naam van het platform of de app.
police-evidence-2 = Verwijder geen gesprekken, en bewaar alles voor je de persoon blokkeert.
police-evidence-3 = Bewaar de links en accountnamen, en schrijf de datums op zolang je ze nog weet.
police-evidence-4 = Bewaar alles samen op een veilige plek, zoals een map die alleen jij kunt openen.
police-evidence-5 = Stuur de beelden naar niemand door, ook niet om te tonen wat er gebeurd is. Toon ze rechtstreeks aan de politie.
police-tell-h = Zeg het aan de politie als…
police-tell-1 = … de persoon je wilde schaden of er geld mee wilde verdienen. De wet kan dat zwaarder bestraffen.
police-tell-2 = … de persoon handelde omwille van je geslacht: bijvoorbeeld haatdragende opmerkingen over vrouwen of mannen, of hetzelfde bij anderen. Ook dat kan tot een zwaardere straf leiden, dus neem alles mee wat het aantoont.
police-next-h = Wat gebeurt er daarna
police-next-1 = De politie bezorgt je klacht aan het openbaar ministerie (het parket). Dat beslist of er een onderzoek komt, en of de persoon voor de rechter moet verschijnen.
police-next-2 = Als slachtoffer heb je het recht om op de hoogte gehouden te worden, gehoord te worden en een schadevergoeding te vragen. Vraag de politie hoe je een verklaring van benadeelde persoon aflegt: zo blijf je op de hoogte.
police-next-3 = Jij beslist niet of de zaak voor de rechter komt, of welke straf er gevraagd wordt.
police-next-4 = Komt er een onderzoek, dan wordt de persoon daarvan op de hoogte gebracht, en komt die vaak te weten wie klacht indiende. Maak je je daar zorgen over? Praat er dan eerst over met { $org }: samen bekijk je wat mogelijk is.
police-who-h = Tegen wie
police-who = Tegen de persoon die de beelden als eerste maakte of verspreidde, en ook tegen iedereen die ze daarna verder verspreidde of toonde. Er zijn ook juridische stappen mogelijk tegen een platform dat weigert ze te verwijderen.
police-org = Vragen voor je gaat? Stel ze aan { $org }: daar leggen ze uit wat een klacht inhoudt, en staan ze je bij.

## Steun

support-title = Met iemand praten
support-lead = Online seksueel geweld raakt je diep. Misschien voel je je bang, beschaamd of zelfs schuldig. Het is nooit jouw schuld.
support-talk = Erover praten kan moeilijk zijn. Het kan helpen om het aan een vriend, een vriendin of een familielid te vertellen: zij kunnen luisteren, en je steunen als je besluit om iets te doen, bijvoorbeeld klacht indienen.
support-lines-h = Luisterlijnen
support-lines-lead = Praat je liever met iemand die je niet kent? Deze lijnen luisteren zonder te oordelen. Je hoeft je naam niet te geven.
support-org-text = Gratis en in vertrouwen kun je er terecht als je:
support-org-1 = meer wilt weten over je rechten;
support-org-2 = beelden wilt laten verwijderen, of daar hulp bij wilt;
support-org-3 = wilt melden wat je overkomen is;
support-org-4 = wilt begrijpen wat een klacht bij de politie inhoudt voor je ze indient.
support-org-never = Er wordt nooit een stap gezet zonder jouw akkoord.
support-minors = Was je jonger dan 18 toen de beelden gemaakt werden?
support-minors-link = Diensten voor jongeren
support-supporter-h = Help je iemand anders?
support-supporter = Luister zonder te oordelen, en laat de persoon zelf beslissen wat hij of zij wil doen. Vermijd opmerkingen als "had die foto's maar niet gestuurd": de schuld ligt bij wie ze verspreidt.
