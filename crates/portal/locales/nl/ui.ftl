# De pagina's van het portaal: opmaak, startpagina, voorwaarden, bestanden, dossier, opvolging, privacy.
# Overal beschikbare variabelen: $org (de organisatie achter de site), $product (Empreinte).
# **tekst** wordt vet getoond: gebruik het voor namen van knoppen en menu's.

## Opmaak

skip-link = Naar de inhoud
quick-exit = Snel weg
nav-label-main = Hoofdmenu
nav-label-language = Taal
nav-start = Mijn beelden beschermen
nav-status = Mijn dossier
nav-help = Hulp
breadcrumb-label = Je bent hier
footer-run-by = Deze dienst wordt aangeboden door { $org }.
footer-privacy = Hoe we je beschermen
footer-support = Met iemand praten
footer-quick-exit = Wil je deze site meteen verlaten? Druk op Snel weg of twee keer op de Esc-toets.
footer-free-software = { $product } is gratis, vrije software.
contact-call = Bel { $phone }
contact-write = Mail naar { $email }
contact-website = Website
contact-website-of = { $name }: website
contact-report-form = Online melden
noscript = Deze pagina heeft JavaScript nodig. De vingerafdrukken worden gemaakt door een klein programma dat in deze pagina draait, op je eigen toestel.
notfound-title = Pagina niet gevonden
notfound-text = Deze pagina bestaat niet, of ze is verhuisd.
notfound-home = Naar de startpagina

## Startpagina

home-title = Voorkom dat je intieme beelden verspreid worden
home-lead = Ben je bang dat intieme beelden van jou online komen, of is dat al gebeurd? Hier kun je voorkomen dat ze zich verspreiden op de platformen die meedoen. Het is gratis en anoniem.
home-start = Mijn beelden beschermen
home-status-link = Ik heb al een dossiernummer
home-how-heading = Hoe het werkt
home-how-1 = Je kiest de foto's of video's op je telefoon of computer.
home-how-2 = Je toestel maakt van elk bestand een digitale vingerafdruk: een korte code. De beelden blijven bij jou. Niemand ziet ze, ook wij niet.
home-how-3 = Alleen de vingerafdrukken gaan naar de platformen die meedoen.
home-how-4 = Probeert iemand daar een van die beelden te posten, dan herkent het platform het en kan het de upload tegenhouden.
home-how-5 = Je krijgt een dossiernummer en een pincode. Daarmee zie je wat er gebeurd is, en kun je je dossier op elk moment intrekken.
home-limits-heading = Wat deze dienst niet kan
home-limits-1 = Beelden die al online staan, kan hij niet verwijderen. Je kunt ze zelf melden bij het platform: onze stappenplannen leggen uit hoe.
home-limits-2 = Hij werkt alleen op de platformen die meedoen. Andere websites krijgen de vingerafdrukken niet.
home-limits-3 = Een kopie die sterk bewerkt of bijgesneden is, wordt misschien niet herkend.
home-limits-4 = Hij verwittigt de politie niet en zoekt niet uit wie de beelden verspreidt. Wil je dat die persoon gestraft wordt, dan kun je een klacht indienen.
home-limits-5 = Hij is alleen bedoeld voor beelden van jezelf, gemaakt toen je 18 of ouder was. Voor beelden van voor je 18de zijn er andere diensten voor jou.
home-limits-help = Een beeld melden, klacht indienen, steun vinden
home-platforms-heading = Platformen die meedoen
home-platforms-loading = De lijst wordt geladen…
home-platforms-noscript = Voor de lijst van platformen is JavaScript nodig.
home-platforms-empty = Er doet nog geen enkel platform mee. Je kunt vandaag toch al een dossier aanmaken: elk platform krijgt de vingerafdrukken zodra het aansluit.
home-platforms-error = De lijst kan nu niet geladen worden. Dat verandert niets aan je dossier.
home-protect-heading = Hoe we je beschermen
home-protect-1 = Je beelden verlaten nooit je toestel.
home-protect-2 = Geen account, geen naam, geen e-mailadres. Je dossiernummer en pincode zijn de enige sleutel tot je dossier.
home-protect-3 = Geen cookies, geen tracking, niets dat van andere websites geladen wordt.
home-protect-4 = Met de knop **Snel weg**, of door twee keer op Esc te drukken, verlaat je deze site meteen.
home-protect-more = Meer over je privacy
home-help-heading = Je staat er niet alleen voor
home-help-text = Wat er gebeurd is, is niet jouw schuld. Je kunt hulp krijgen om beelden te melden, om klacht in te dienen, of gewoon om met iemand te praten.
home-help-link = Hulp zoeken

## Voorwaarden

elig-title = Voor je begint
elig-lead = Drie vragen om na te gaan of deze dienst iets voor jou is. Niets van wat je hier antwoordt, maakt je herkenbaar.
elig-age-legend = Hoe oud was je toen de beelden gemaakt werden?
elig-age-hint = Het gaat om je leeftijd op de beelden, niet om je leeftijd vandaag.
elig-age-adult = 18 of ouder
elig-age-minor = Jonger dan 18
elig-age-unsure = Ik weet het niet zeker
elig-confirm-legend = Bevestig even
elig-depicted-label = Ik ben de persoon op deze beelden.
elig-intimate-label = De beelden zijn intiem: naakt, halfnaakt of seksueel.
elig-why = We vragen dit omdat vingerafdrukken van andere beelden foto's kunnen tegenhouden die niets met jou te maken hebben. Zo blijft de dienst voor de mensen voor wie hij bedoeld is.
elig-continue = Verder
elig-error-title-prefix = Controleer je antwoorden
elig-error-summary = Controleer je antwoorden
elig-error-age = Kies hoe oud je was toen de beelden gemaakt werden.
elig-error-depicted = Deze dienst is alleen voor beelden van jezelf. Wil je iemand anders helpen? Die persoon kan de dienst zelf gebruiken, of je kunt contact opnemen met { $org }.
elig-error-intimate = Deze dienst is alleen voor intieme beelden. Andere beelden kun je rechtstreeks bij het platform melden: bekijk onze stappenplannen.

## Minderjarigen

minors-title = Hulp bij beelden van voor je 18de
minors-lead = Je was jonger dan 18 op deze beelden, of je weet het niet zeker. Deze dienst is dan niet de juiste, maar je staat er niet alleen voor: de diensten hieronder zijn precies hiervoor gemaakt, en ze kunnen meer voor je doen.
minors-not-your-fault = Het is niet jouw schuld. Hulp vragen is precies het goede om te doen.
minors-nothing-sent = Er is niets verstuurd, en hier is geen dossier aangemaakt.
minors-now-adult = Hoe oud je nu bent, maakt niet uit. Het gaat om hoe oud je was op de beelden.
minors-unsure = Weet je niet meer hoe oud je was? Neem toch contact op: ze helpen je om het uit te zoeken.
minors-back = Ik was 18 of ouder: terug naar de vragen

## Bestanden kiezen

files-title = Kies je foto's en video's
files-lead = Je toestel maakt van elk bestand een vingerafdruk. De bestanden zelf blijven op je toestel.
files-choose = Bestanden kiezen
files-drop = Je kunt ze ook hierheen slepen.
files-accept-hint = Foto's (JPEG, PNG, WebP, GIF, BMP; HEIC als deze browser het kan lezen) en video's. Je kunt er meerdere tegelijk kiezen.
files-list-heading = Je bestanden
files-empty = Nog geen bestanden gekozen.
files-summary = Klaar: { $ready } van { $total }
files-privacy-note = De bestandsnamen zie je alleen op je eigen toestel. Er wordt niets verstuurd tot je op Mijn dossier aanmaken drukt, en dan alleen de vingerafdrukken.
files-submit = Mijn dossier aanmaken
files-submitting = Je dossier wordt aangemaakt…
files-waiting = Wacht tot elk bestand zijn vingerafdruk heeft.
files-need-one = Voeg minstens één foto of video toe waarvan een vingerafdruk gemaakt kan worden.
file-status-queued = Even wachten…
file-status-hashing = Vingerafdruk wordt gemaakt… { $percent }%
file-status-ready = Vingerafdruk klaar
file-status-low-quality = Te weinig details: deze foto wordt niet gebruikt
file-low-quality-explain = Deze foto is erg egaal: bijvoorbeeld heel donker, wazig of bijna één kleur. Zijn vingerafdruk zou op veel andere foto's lijken, waardoor platformen beelden zouden kunnen tegenhouden die niets met jou te maken hebben. Heb je een scherpere kopie? Voeg die dan toe.
file-browser-decoded = Je browser heeft deze foto gelezen, omdat ons eigen programma dit formaat niet kent. Als je browser afbeeldingen aanpast om je privacy te beschermen (bijvoorbeeld tegen tracking), kan deze vingerafdruk een beetje afwijken; een JPEG-kopie geeft het betrouwbaarste resultaat.
file-status-error = Dit bestand kan niet gebruikt worden
file-remove = { $name } verwijderen
file-kind-image = Foto
file-kind-video = Video
hasher-unavailable = Het programma voor de vingerafdrukken kon niet starten. Laad de pagina opnieuw, of probeer een andere browser.
error-file-unsupported_format = Van dit soort bestand kan hier geen vingerafdruk gemaakt worden. Probeer een foto in JPEG- of PNG-formaat.
error-file-heic_unsupported = Deze browser kan geen HEIC-foto's lezen (het formaat van iPhones): van deze foto kan op dit toestel geen vingerafdruk gemaakt worden. Bewaar hem als JPEG en voeg de JPEG toe, of gebruik Safari op een iPhone, iPad of Mac, die HEIC wel kan lezen. (Op een iPhone zorgt Instellingen > Camera > Formaten > Meest compatibel ervoor dat nieuwe foto's als JPEG bewaard worden.)
error-file-decode_failed = Dit bestand lijkt beschadigd, en kan daarom niet gelezen worden.
error-file-too_large = Dit bestand is te groot om hier een vingerafdruk van te maken.
error-file-too_small = Deze afbeelding is te klein (minder dan 5 pixels breed of hoog) om er een vingerafdruk van te maken. Heb je een grotere kopie? Voeg die dan toe.
error-file-read_failed = Dit bestand kon niet geopend worden. Misschien is het verplaatst of verwijderd.
error-file-internal = Er ging iets mis bij het maken van de vingerafdruk. Verwijder het bestand en voeg het opnieuw toe.

## Dossier aangemaakt

case-created-title = Je dossier is aangemaakt
case-created-lead = Je vingerafdrukken zijn verstuurd. De platformen die meedoen, kunnen deze beelden nu herkennen.
case-number-label = Dossiernummer
case-pin-label = Pincode
case-warning = Bewaar deze twee codes nu. Je ziet ze maar één keer, en niemand kan ze voor je terugvinden: wij weten niet wie je bent.
case-safety = Wie deze codes heeft, kan je dossier bekijken en intrekken. Bewaar ze waar anderen ze niet vinden.
case-copy-number = Dossiernummer kopiëren
case-copy-pin = Pincode kopiëren
case-copied = Gekopieerd
case-copy-failed = Kopiëren is niet gelukt. Selecteer de code en kopieer ze zelf.
case-download = Downloaden als tekstbestand
case-print = Afdrukken
case-file-name = mijn-dossier.txt
case-file-title = { $product }: je dossier
case-file-intro = Bewaar dit bestand op een veilige plek. Wie deze twee codes heeft, kan je dossier bekijken en intrekken.
case-file-status = Je dossier opvolgen kan op { $url }
case-saved-check = Ik heb mijn dossiernummer en pincode bewaard.
case-next-status = Mijn dossier bekijken
case-next-help = Hulp zoeken: beelden melden, klacht indienen, met iemand praten

## Dossier opvolgen

status-title = Mijn dossier
status-lead = Vul je dossiernummer en pincode in om te zien wat er met je beelden gebeurd is.
status-number-label = Dossiernummer
status-number-hint = 20 letters en cijfers, bijvoorbeeld 7KQ2M-XJ4PA-9D0RT-W3HNB
status-pin-label = Pincode
status-pin-hint = 8 cijfers
status-submit = Mijn dossier tonen
status-loading = Je dossier wordt opgezocht…
status-invalid-number = Dit lijkt geen dossiernummer. Het heeft 20 letters en cijfers.
status-invalid-pin = De pincode heeft 8 cijfers.
status-noscript-posted = Deze pagina heeft JavaScript nodig om je dossier te tonen. Je codes zijn niet bewaard.
status-new-case = Een nieuw dossier aanmaken
status-case-heading = Je dossier
status-case-active = Je dossier is actief. De platformen die meedoen, vergelijken nieuwe uploads met je vingerafdrukken.
status-case-withdrawn = Je dossier is ingetrokken. Je vingerafdrukken worden op alle platformen verwijderd.
status-created = Aangemaakt op { $date }
status-withdrawn-on = Ingetrokken op { $date }
status-items-heading = Je foto's en video's
status-item-image = Foto { $number }
status-item-video = Video { $number }
status-item-active = Gedeeld met de platformen
status-item-withdrawn = Ingetrokken
status-item-quarantined = Tijdelijk gepauzeerd
status-item-quarantined-explain = Verschillende platformen stelden vast dat de uploads die op deze vingerafdruk leken, niet dit beeld waren. Zolang dat nagekeken wordt, wordt de vingerafdruk niet gedeeld.
status-item-unknown = Status onbekend
status-no-reports = Tot nu toe heeft geen enkel platform een overeenkomst gemeld.
status-not-blocked-help = Een platform heeft beslist een upload niet tegen te houden. Denk je dat dat niet klopt? Neem contact op met { $org }: daar kunnen ze het opnemen met het platform.
status-withdraw-heading = Je dossier intrekken
status-withdraw-explain = Als je je dossier intrekt, worden je vingerafdrukken van alle platformen verwijderd, en kunnen kopieën van je beelden opnieuw gepost worden. Dat kun je niet ongedaan maken, maar je kunt altijd een nieuw dossier aanmaken.
status-withdraw = Mijn dossier intrekken
status-withdraw-confirm-question = Wil je je dossier echt intrekken?
status-withdraw-confirm = Ja, mijn dossier intrekken
status-withdraw-cancel = Nee, mijn dossier behouden
status-hide = Mijn dossier verbergen

outcome-matched = vond een upload die overeenkomt
outcome-pending_review = bekijkt een upload die overeenkomt
outcome-blocked = hield een upload tegen die overeenkomt
outcome-not_blocked = bekeek een upload die overeenkomt en hield die niet tegen
outcome-unknown = meldde een upload die overeenkomt

## Foutmeldingen van de server (per code)

error-api-attestations_required = Beantwoord eerst de vragen.
error-api-case_withdrawn = Dit dossier is al ingetrokken.
error-api-internal = Er ging bij ons iets mis. Je bestanden zijn veilig op je toestel. Probeer het zo meteen opnieuw.
error-api-invalid_case_number = Dit lijkt geen dossiernummer. Het heeft 20 letters en cijfers.
error-api-invalid_credentials = We vinden geen dossier met dit nummer en deze pincode. Controleer ze allebei en probeer opnieuw.
error-api-invalid_hash = Een vingerafdruk was niet geldig. Laad de pagina opnieuw en probeer het nog eens.
error-api-invalid_json = Er ging iets mis bij het versturen. Laad de pagina opnieuw en probeer het nog eens.
error-api-invalid_request = Er ging iets mis bij het versturen. Laad de pagina opnieuw en probeer het nog eens.
error-api-item_not_accepted = Een van de bestanden kan niet aanvaard worden. Verwijder het en probeer opnieuw met de andere.
error-api-locked_out = Te veel pogingen. Om je dossier te beschermen, is het een tijdje geblokkeerd. Probeer het later opnieuw.
error-api-low_quality = Een van de foto's heeft te weinig details om gebruikt te worden. Verwijder ze en probeer opnieuw.
error-api-method_not_allowed = Er ging iets mis bij het versturen. Laad de pagina opnieuw en probeer het nog eens.
error-api-no_items = Voeg minstens één foto of video toe.
error-api-not_found = Deze dienst is niet gevonden. Probeer het later opnieuw.
error-api-payload_too_large = Te veel bestanden tegelijk. Probeer het met minder bestanden.
error-api-rate_limited = Er komen nu te veel aanvragen binnen. Wacht enkele minuten en probeer opnieuw.
error-api-too_many_items = Te veel bestanden voor één dossier. Verwijder er enkele en maak voor de rest een tweede dossier aan.
error-api-unavailable = De dienst is nu niet beschikbaar. Probeer het later opnieuw.
error-api-unsupported_media_type = Er ging iets mis bij het versturen. Laad de pagina opnieuw en probeer het nog eens.
error-api-network = De dienst is niet bereikbaar. Controleer je internetverbinding en probeer opnieuw.
error-api-unknown = Er ging iets mis. Probeer het opnieuw.

## Privacy

privacy-title = Hoe we je beschermen
privacy-lead = Deze dienst is zo gebouwd dat je hem kunt gebruiken zonder iets over jezelf prijs te geven.
privacy-images-h = Je beelden blijven bij jou
privacy-images = Een klein programma in deze pagina maakt de vingerafdrukken, op je eigen toestel. Alleen de vingerafdrukken worden verstuurd: korte codes waaruit niemand je beelden kan terughalen.
privacy-stored-h = Wat we bewaren
privacy-stored = De vingerafdrukken, je antwoorden op de drie vragen, de datums, en je pincode in een onherkenbare vorm die niet terug te lezen is. Niets over jou: geen naam, geen e-mailadres, geen IP-adres, niets over je toestel.
privacy-platforms-h = Wat de platformen krijgen
privacy-platforms = Alleen de vingerafdrukken. Nooit je dossiernummer of je pincode. Ze kunnen niet weten wie ze verstuurd heeft.
privacy-web-h = Geen tracking
privacy-web = Deze site plaatst geen cookies, meet geen bezoekers en laadt niets van andere websites.
privacy-exit-h = Snel weggaan
privacy-exit = De knop **Snel weg** bovenaan elke pagina, of twee keer op Esc drukken, vervangt deze pagina door een gewone website. Je browsergeschiedenis wordt daarbij niet gewist: gebruikt iemand anders je toestel, verwijder deze site dan uit de geschiedenis, of gebruik de volgende keer een privévenster.
privacy-control-h = Jij houdt de controle
privacy-control = Met je dossiernummer en pincode kun je je dossier op elk moment intrekken. De vingerafdrukken worden dan van alle platformen verwijderd.
