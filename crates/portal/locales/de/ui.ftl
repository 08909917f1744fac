# Die Seiten des Portals: Layout, Startseite, Voraussetzungen, Dateien, Fall, Fallstatus, Datenschutz.
# Überall verfügbare Variablen: $org (die Organisation hinter der Seite, mit Artikel, im Nominativ
# oder nach „an“/„durch“), $product (Empreinte).
# **Text** wird fett angezeigt: für Namen von Schaltflächen und Menüs.

## Layout

skip-link = Zum Inhalt springen
quick-exit = Schnell weg
nav-label-main = Hauptmenü
nav-label-language = Sprache
nav-start = Meine Bilder schützen
nav-status = Mein Fall
nav-help = Hilfe
breadcrumb-label = Du bist hier
footer-run-by = Dieser Dienst wird durch { $org } betrieben.
footer-privacy = Wie wir dich schützen
footer-support = Mit jemandem reden
footer-quick-exit = Um diese Seite sofort zu verlassen, drück auf „Schnell weg“ oder zweimal auf die Esc-Taste.
footer-free-software = { $product } ist freie, kostenlose Software.
contact-call = { $phone } anrufen
contact-write = An { $email } schreiben
contact-website = Website
contact-website-of = { $name }: Website
contact-report-form = Online melden
noscript = Diese Seite braucht JavaScript. Die Fingerabdrücke berechnet ein kleines Programm, das in dieser Seite läuft, auf deinem Gerät.
notfound-title = Seite nicht gefunden
notfound-text = Diese Seite gibt es nicht, oder sie ist umgezogen.
notfound-home = Zur Startseite

## Startseite

home-title = Verhindere, dass deine intimen Bilder verbreitet werden
home-lead = Hast du Angst, dass intime Bilder von dir online gestellt werden, oder ist es schon passiert? Hier kannst du verhindern, dass sie sich auf den teilnehmenden Plattformen verbreiten. Kostenlos und anonym.
home-start = Meine Bilder schützen
home-status-link = Ich habe schon eine Fallnummer
home-how-heading = So funktioniert es
home-how-1 = Du wählst die Bilder oder Videos auf deinem Handy oder Computer aus.
home-how-2 = Dein Gerät berechnet für jedes einen digitalen Fingerabdruck: einen kurzen Code. Die Bilder bleiben bei dir. Niemand sieht sie, auch wir nicht.
home-how-3 = Nur die Fingerabdrücke gehen an die teilnehmenden Plattformen.
home-how-4 = Versucht jemand, eines dieser Bilder dort hochzuladen, erkennt die Plattform es und kann es blockieren.
home-how-5 = Du bekommst eine Fallnummer und eine PIN. Damit siehst du, was passiert ist, und kannst deinen Fall jederzeit zurückziehen.
home-limits-heading = Was dieser Dienst nicht kann
home-limits-1 = Er kann keine Bilder löschen, die schon online sind. Du kannst sie selbst bei der Plattform melden: Unsere Anleitungen zeigen dir Schritt für Schritt, wie.
home-limits-2 = Er wirkt nur auf den teilnehmenden Plattformen. Andere Websites bekommen die Fingerabdrücke nicht.
home-limits-3 = Eine stark bearbeitete oder zugeschnittene Kopie wird vielleicht nicht erkannt.
home-limits-4 = Er verständigt nicht die Polizei und findet nicht heraus, wer die Bilder verbreitet. Wenn du willst, dass diese Person bestraft wird, kannst du Anzeige erstatten.
home-limits-5 = Er ist nur für Bilder von dir, die entstanden sind, als du 18 oder älter warst. Für Bilder aus der Zeit vor deinem 18. Geburtstag gibt es andere Stellen, die für dich da sind.
home-limits-help = Ein Bild melden, Anzeige erstatten, Unterstützung finden
home-platforms-heading = Teilnehmende Plattformen
home-platforms-loading = Liste wird geladen…
home-platforms-noscript = Für die Liste der Plattformen wird JavaScript gebraucht.
home-platforms-empty = Bisher nimmt noch keine Plattform teil. Du kannst trotzdem schon heute einen Fall anlegen: Jede Plattform bekommt die Fingerabdrücke, sobald sie dazukommt.
home-platforms-error = Die Liste lässt sich gerade nicht laden. An deinem Fall ändert das nichts.
home-protect-heading = Wie wir dich schützen
home-protect-1 = Deine Bilder verlassen nie dein Gerät.
home-protect-2 = Kein Konto, kein Name, keine E-Mail-Adresse. Deine Fallnummer und deine PIN sind der einzige Schlüssel zu deinem Fall.
home-protect-3 = Keine Cookies, kein Tracking, nichts wird von anderen Websites geladen.
home-protect-4 = Mit der Schaltfläche **Schnell weg**, oder wenn du zweimal Esc drückst, verlässt du diese Seite sofort.
home-protect-more = Mehr zu deiner Privatsphäre
home-help-heading = Du bist nicht allein
home-help-text = Was passiert ist, ist nicht deine Schuld. Du kannst Hilfe bekommen, um Bilder zu melden, Anzeige zu erstatten oder einfach mit jemandem zu reden.
home-help-link = Hilfe finden

## Voraussetzungen

elig-title = Bevor du anfängst
elig-lead = Drei Fragen, um zu prüfen, ob dieser Dienst der richtige für dich ist. Nichts, was du hier antwortest, verrät, wer du bist.
elig-age-legend = Wie alt warst du, als die Bilder entstanden sind?
elig-age-hint = Es zählt dein Alter auf den Bildern, nicht dein Alter heute.
elig-age-adult = 18 oder älter
elig-age-minor = Jünger als 18
elig-age-unsure = Ich weiß es nicht genau
elig-confirm-legend = Bitte bestätige
elig-depicted-label = Ich bin die Person auf diesen Bildern.
elig-intimate-label = Die Bilder sind intim: nackt, teilweise nackt oder sexuell.
elig-why = Wir fragen, weil Fingerabdrücke anderer Bilder Fotos blockieren könnten, die nichts mit dir zu tun haben. So bleibt der Dienst den Menschen vorbehalten, für die er gemacht ist.
elig-continue = Weiter
elig-error-title-prefix = Bitte prüfe deine Antworten
elig-error-summary = Bitte prüfe deine Antworten
elig-error-age = Gib an, wie alt du warst, als die Bilder entstanden sind.
elig-error-depicted = Dieser Dienst ist nur für Bilder von dir selbst. Wenn du jemand anderem helfen willst, kann diese Person den Dienst selbst nutzen, oder du wendest dich an { $org }.
elig-error-intimate = Dieser Dienst ist nur für intime Bilder. Andere Bilder kannst du direkt bei der Plattform melden: Schau dir unsere Anleitungen an.

## Minderjährige

minors-title = Hilfe bei Bildern aus der Zeit vor deinem 18. Geburtstag
minors-lead = Du warst auf diesen Bildern jünger als 18, oder du weißt es nicht genau. Dann ist dieser Dienst nicht der richtige, aber du bist nicht allein: Die Stellen unten sind genau dafür da, und sie können mehr für dich tun.
minors-not-your-fault = Es ist nicht deine Schuld. Dir Hilfe zu holen, ist genau richtig.
minors-nothing-sent = Es wurde nichts verschickt, und hier wurde kein Fall angelegt.
minors-now-adult = Wie alt du heute bist, spielt keine Rolle. Es zählt, wie alt du auf den Bildern warst.
minors-unsure = Du weißt nicht mehr, wie alt du warst? Melde dich trotzdem: Dort hilft man dir, es herauszufinden.
minors-back = Ich war 18 oder älter: zurück zu den Fragen

## Dateien auswählen

files-title = Wähle deine Bilder und Videos aus
files-lead = Dein Gerät berechnet für jede Datei einen Fingerabdruck. Die Dateien selbst bleiben auf deinem Gerät.
files-choose = Dateien auswählen
files-drop = Du kannst sie auch hierher ziehen.
files-accept-hint = Fotos (JPEG, PNG, WebP, GIF, BMP; HEIC, wenn dieser Browser es lesen kann) und Videos. Du kannst mehrere auf einmal auswählen.
files-list-heading = Deine Dateien
files-empty = Noch keine Dateien ausgewählt.
files-summary = Fertig: { $ready } von { $total }
files-privacy-note = Die Dateinamen siehst nur du auf deinem Gerät. Nichts wird verschickt, bevor du auf „Meinen Fall anlegen“ drückst, und dann nur die Fingerabdrücke.
files-submit = Meinen Fall anlegen
files-submitting = Dein Fall wird angelegt…
files-waiting = Warte, bis jede Datei ihren Fingerabdruck hat.
files-need-one = Füge mindestens ein Bild oder Video hinzu, für das ein Fingerabdruck berechnet werden kann.
file-status-queued = Einen Moment…
file-status-hashing = Fingerabdruck wird berechnet… { $percent } %
file-status-ready = Fingerabdruck fertig
file-status-low-quality = Zu wenig Details: Dieses Bild wird nicht verwendet
file-low-quality-explain = Dieses Bild ist sehr gleichförmig: zum Beispiel sehr dunkel, unscharf oder fast einfarbig. Sein Fingerabdruck würde zu vielen anderen Fotos passen, und Plattformen könnten Bilder blockieren, die nichts mit dir zu tun haben. Wenn du eine schärfere Kopie hast, füge lieber diese hinzu.
file-browser-decoded = Dein Browser hat dieses Foto gelesen, weil unser eigenes Programm dieses Format nicht kennt. Wenn dein Browser Bilder zum Schutz deiner Privatsphäre verändert (zum Beispiel gegen Tracking), kann dieser Fingerabdruck leicht abweichen; eine JPEG-Kopie liefert das zuverlässigste Ergebnis.
file-status-error = Diese Datei kann nicht verwendet werden
file-remove = { $name } entfernen
file-kind-image = Bild
file-kind-video = Video
hasher-unavailable = Das Programm für die Fingerabdrücke konnte nicht starten. Lade die Seite neu, oder versuch es mit einem anderen Browser.
error-file-unsupported_format = Für diese Art von Datei kann hier kein Fingerabdruck berechnet werden. Versuch es mit einem Foto im JPEG- oder PNG-Format.
error-file-heic_unsupported = Dieser Browser kann keine HEIC-Fotos lesen (das Format von iPhones): Für dieses Foto kann auf diesem Gerät kein Fingerabdruck berechnet werden. Speichere es als JPEG und füge die JPEG-Datei hinzu, oder nutze Safari auf einem iPhone, iPad oder Mac, das HEIC lesen kann. (Auf dem iPhone sorgt Einstellungen > Kamera > Formate > „Maximale Kompatibilität“ dafür, dass neue Fotos als JPEG gespeichert werden.)
error-file-decode_failed = Diese Datei scheint beschädigt zu sein und kann nicht gelesen werden.
error-file-too_large = Diese Datei ist zu groß, um hier einen Fingerabdruck zu berechnen.
error-file-too_small = Dieses Bild ist zu klein (weniger als 5 Pixel breit oder hoch), um einen Fingerabdruck zu berechnen. Wenn du eine größere Kopie hast, füge lieber diese hinzu.
error-file-read_failed = Diese Datei ließ sich nicht öffnen. Vielleicht wurde sie verschoben oder gelöscht.
error-file-internal = Beim Berechnen des Fingerabdrucks ist etwas schiefgegangen. Entferne die Datei und füge sie noch einmal hinzu.

## Fall angelegt

case-created-title = Dein Fall ist angelegt
case-created-lead = Deine Fingerabdrücke wurden verschickt. Die teilnehmenden Plattformen können diese Bilder jetzt erkennen.
case-number-label = Fallnummer
case-pin-label = PIN
case-warning = Speichere diese beiden Codes jetzt. Du siehst sie nur dieses eine Mal, und niemand kann sie für dich wiederherstellen: Wir wissen nicht, wer du bist.
case-safety = Wer diese Codes hat, kann deinen Fall sehen und zurückziehen. Bewahre sie so auf, dass andere sie nicht finden.
case-copy-number = Fallnummer kopieren
case-copy-pin = PIN kopieren
case-copied = Kopiert
case-copy-failed = Das Kopieren hat nicht geklappt. Markiere den Code und kopiere ihn selbst.
case-download = Als Textdatei herunterladen
case-print = Drucken
case-file-name = mein-fall.txt
case-file-title = { $product }: dein Fall
case-file-intro = Bewahre diese Datei an einem sicheren Ort auf. Wer diese beiden Codes hat, kann deinen Fall sehen und zurückziehen.
case-file-status = Deinen Fall kannst du hier verfolgen: { $url }
case-saved-check = Ich habe meine Fallnummer und meine PIN gespeichert.
case-next-status = Meinen Fall ansehen
case-next-help = Hilfe finden: Bilder melden, Anzeige erstatten, mit jemandem reden

## Fallstatus

status-title = Mein Fall
status-lead = Gib deine Fallnummer und deine PIN ein, um zu sehen, was mit deinen Bildern passiert ist.
status-number-label = Fallnummer
status-number-hint = 20 Buchstaben und Ziffern, zum Beispiel 7KQ2M-XJ4PA-9D0RT-W3HNB
status-pin-label = PIN
status-pin-hint = 8 Ziffern
status-submit = Meinen Fall anzeigen
status-loading = Dein Fall wird gesucht…
status-invalid-number = Das sieht nicht wie eine Fallnummer aus. Sie hat 20 Buchstaben und Ziffern.
status-invalid-pin = Die PIN hat 8 Ziffern.
status-noscript-posted = Diese Seite braucht JavaScript, um deinen Fall anzuzeigen. Deine Codes wurden nicht gespeichert.
status-new-case = Einen neuen Fall anlegen
status-case-heading = Dein Fall
status-case-active = Dein Fall ist aktiv. Die teilnehmenden Plattformen gleichen neue Uploads mit deinen Fingerabdrücken ab.
status-case-withdrawn = Dein Fall wurde zurückgezogen. Deine Fingerabdrücke werden auf allen Plattformen gelöscht.
status-created = Angelegt am { $date }
status-withdrawn-on = Zurückgezogen am { $date }
status-items-heading = Deine Bilder und Videos
status-item-image = Bild { $number }
status-item-video = Video { $number }
status-item-active = An die Plattformen weitergegeben
status-item-withdrawn = Zurückgezogen
status-item-quarantined = Vorübergehend angehalten
status-item-quarantined-explain = Mehrere Plattformen haben festgestellt, dass die Uploads, die zu diesem Fingerabdruck passten, nicht dieses Bild waren. Solange das geprüft wird, wird der Fingerabdruck nicht weitergegeben.
status-item-unknown = Status unbekannt
status-no-reports = Bisher hat keine Plattform einen Treffer gemeldet.
status-not-blocked-help = Eine Plattform hat entschieden, einen Upload nicht zu blockieren. Wenn du denkst, dass das falsch ist, wende dich an { $org }: Dort kann man das mit der Plattform klären.
status-withdraw-heading = Deinen Fall zurückziehen
status-withdraw-explain = Wenn du ihn zurückziehst, werden deine Fingerabdrücke auf allen Plattformen gelöscht, und Kopien deiner Bilder könnten wieder hochgeladen werden. Das lässt sich nicht rückgängig machen, aber du kannst jederzeit einen neuen Fall anlegen.
status-withdraw = Meinen Fall zurückziehen
status-withdraw-confirm-question = Willst du deinen Fall wirklich zurückziehen?
status-withdraw-confirm = Ja, meinen Fall zurückziehen
status-withdraw-cancel = Nein, meinen Fall behalten
status-hide = Meinen Fall ausblenden

outcome-matched = hat einen passenden Upload gefunden
outcome-pending_review = prüft einen passenden Upload
outcome-blocked = hat einen passenden Upload blockiert
outcome-not_blocked = hat einen passenden Upload geprüft und nicht blockiert
outcome-unknown = hat einen passenden Upload gemeldet

## Fehler vom Server (nach Code)

error-api-attestations_required = Bitte beantworte zuerst die Fragen.
error-api-case_withdrawn = Dieser Fall wurde schon zurückgezogen.
error-api-internal = Bei uns ist etwas schiefgegangen. Deine Dateien sind sicher auf deinem Gerät. Versuch es gleich noch einmal.
error-api-invalid_case_number = Das sieht nicht wie eine Fallnummer aus. Sie hat 20 Buchstaben und Ziffern.
error-api-invalid_credentials = Wir finden keinen Fall mit dieser Nummer und dieser PIN. Prüfe beides und versuch es noch einmal.
error-api-invalid_hash = Ein Fingerabdruck war ungültig. Lade die Seite neu und versuch es noch einmal.
error-api-invalid_json = Beim Senden ist etwas schiefgegangen. Lade die Seite neu und versuch es noch einmal.
error-api-invalid_request = Beim Senden ist etwas schiefgegangen. Lade die Seite neu und versuch es noch einmal.
error-api-item_not_accepted = Eine der Dateien kann nicht angenommen werden. Entferne sie und versuch es mit den anderen noch einmal.
error-api-locked_out = Zu viele Versuche. Zum Schutz deines Falls ist er eine Weile gesperrt. Versuch es später noch einmal.
error-api-low_quality = Eines der Bilder hat zu wenig Details, um verwendet zu werden. Entferne es und versuch es noch einmal.
error-api-method_not_allowed = Beim Senden ist etwas schiefgegangen. Lade die Seite neu und versuch es noch einmal.
error-api-no_items = Füge mindestens ein Bild oder Video hinzu.
error-api-not_found = Dieser Dienst wurde nicht gefunden. Versuch es später noch einmal.
error-api-payload_too_large = Zu viele Dateien auf einmal. Versuch es mit weniger Dateien.
error-api-rate_limited = Gerade kommen zu viele Anfragen. Warte ein paar Minuten und versuch es dann noch einmal.
error-api-too_many_items = Zu viele Dateien für einen Fall. Entferne einige und lege für den Rest einen zweiten Fall an.
error-api-unavailable = Der Dienst ist gerade nicht erreichbar. Versuch es später noch einmal.
error-api-unsupported_media_type = Beim Senden ist etwas schiefgegangen. Lade die Seite neu und versuch es noch einmal.
error-api-network = Der Dienst ist nicht erreichbar. Prüfe deine Internetverbindung und versuch es noch einmal.
error-api-unknown = Etwas ist schiefgegangen. Versuch es bitte noch einmal.

## Datenschutz

privacy-title = Wie wir dich schützen
privacy-lead = Dieser Dienst ist so gebaut, dass du ihn nutzen kannst, ohne etwas über dich preiszugeben.
privacy-images-h = Deine Bilder bleiben bei dir
privacy-images = Ein kleines Programm in dieser Seite berechnet die Fingerabdrücke, auf deinem eigenen Gerät. Verschickt werden nur die Fingerabdrücke: kurze Codes, aus denen niemand deine Bilder wiederherstellen kann.
privacy-stored-h = Was wir speichern
privacy-stored = Die Fingerabdrücke, deine Antworten auf die drei Fragen, die Zeitpunkte, und deine PIN in einer unkenntlich gemachten Form, die sich nicht zurücklesen lässt. Nichts über dich: keinen Namen, keine E-Mail-Adresse, keine IP-Adresse, nichts über dein Gerät.
privacy-platforms-h = Was die Plattformen bekommen
privacy-platforms = Nur die Fingerabdrücke. Nie deine Fallnummer oder deine PIN. Sie können nicht wissen, wer sie geschickt hat.
privacy-web-h = Kein Tracking
privacy-web = Diese Seite setzt keine Cookies, misst keine Besuche und lädt nichts von anderen Websites.
privacy-exit-h = Schnell weg
privacy-exit = Die Schaltfläche **Schnell weg** oben auf jeder Seite, oder zweimal Esc, ersetzt diese Seite durch eine ganz normale Website. Dein Browserverlauf wird dabei nicht gelöscht: Wenn jemand anderes dein Gerät benutzt, lösch diese Seite aus dem Verlauf, oder nutze beim nächsten Mal ein privates Fenster.
privacy-control-h = Du behältst die Kontrolle
privacy-control = Mit deiner Fallnummer und deiner PIN kannst du deinen Fall jederzeit zurückziehen. Die Fingerabdrücke werden dann auf allen Plattformen gelöscht.
