# Hilfeseiten: Übersicht, Anleitungen je Plattform, Anzeige bei der Polizei, Unterstützung.
# In den Anleitungen ist $platform der Name der Plattform. **Text** wird fett angezeigt (Namen
# von Schaltflächen und Menüs, wie die Plattform sie auf Deutsch zeigt).

## Übersicht

help-title = Hilfe
help-lead = Was du jetzt tun kannst, Schritt für Schritt.
help-report-h = Ein Bild bei einer Plattform melden
help-report-text = Schritt-für-Schritt-Anleitungen für die meistgenutzten Apps und Websites.
help-police-h = Anzeige bei der Polizei erstatten
help-police-text = Was du mitbringst, wie du Beweise sicherst, und was danach passiert.
help-support-h = Mit jemandem reden
help-support-text = Telefonische Anlaufstellen und Menschen, die dir helfen können.
help-letters-h = Der Person schreiben, die verbreitet oder droht
help-letters-text = Eine Nachricht, die für dich formuliert wird, die du ergänzt und kopierst. Von hier aus wird nichts verschickt.

## Anleitungen: gemeinsame Teile

guide-title = Ein Bild auf { $platform } melden
guide-screenshot-h = Zuerst: ein Screenshot mit Datum
guide-screenshot = Bevor du etwas meldest, mach einen Screenshot des Bildes dort, wo es zu sehen ist, mit der Plattform und wenn möglich Datum und Uhrzeit. Notiere auch den Link (die URL) und den Namen des Kontos, das es gepostet hat. Sobald das Bild gelöscht ist, ist das vielleicht dein einziger Beweis.
guide-priority = Gut zu wissen: { $org } arbeitet direkt mit { $platform } zusammen. Löschanfragen von dort werden zuerst bearbeitet. Wenn du das lieber nicht selbst machen willst, kannst du dich dorthin wenden.
guide-menus-change = Apps ändern ihre Menüs von Zeit zu Zeit. Die Wörter auf deinem Bildschirm können deshalb etwas anders sein.
guide-links-h = Nützliche Links
guide-not-removed = Nicht gelöscht, oder kommst du nicht weiter? Wende dich an { $org }: Dort hilft man dir.
guide-others = Andere Plattformen

## Facebook und Messenger

guide-facebook-intro = Wurden intime Bilder von dir auf Facebook oder im Messenger geteilt? Melde sie: Facebook löscht sie und kann verhindern, dass dasselbe Bild noch einmal gepostet wird.
guide-facebook-post-h = Einen Beitrag melden
guide-facebook-post-1 = Geh zu dem Beitrag mit dem Bild.
guide-facebook-post-2 = Tippe oder klicke oben rechts im Beitrag auf die drei Punkte (**…**).
guide-facebook-post-3 = Wähle **Beitrag melden**.
guide-facebook-post-4 = Wähle die Option zu Nacktheit oder zum Teilen privater Bilder, und folge den Schritten.
guide-facebook-messenger-h = Eine Nachricht im Messenger melden
guide-facebook-messenger-1 = Öffne den Chat.
guide-facebook-messenger-2 = Halte die Nachricht gedrückt. Am Computer zeigst du mit der Maus darauf und klickst auf die drei Punkte (**…**).
guide-facebook-messenger-3 = Wähle **Melden** und folge den Schritten.
guide-facebook-note = Notiere dir auch den Link (die URL) des Profils, das die Bilder geteilt hat, und die E-Mail-Adresse, falls du sie kennst.
guide-facebook-link-help = Hilfebereich von Facebook

## Instagram

guide-instagram-intro = Wurden intime Bilder von dir auf Instagram geteilt? Du kannst den Beitrag melden und auch das Konto, das ihn geteilt hat.
guide-instagram-app-h = In der App
guide-instagram-app-1 = Tippe oben rechts im Beitrag oder im Profil auf die drei Punkte (**…**).
guide-instagram-app-2 = Tippe auf **Melden**.
guide-instagram-app-3 = Folge den Schritten auf dem Bildschirm.
guide-instagram-web-h = Auf der Website
guide-instagram-web-1 = Ein Konto melden: Öffne das Profil, klicke neben dem Benutzernamen auf die drei Punkte (**…**) und dann auf **Melden**.
guide-instagram-web-2 = Einen Beitrag melden: Klicke oben rechts im Beitrag auf die drei Punkte (**…**) und dann auf **Melden**.
guide-instagram-web-3 = Folge den Schritten auf dem Bildschirm.
guide-instagram-noaccount-h = Ohne Instagram-Konto
guide-instagram-noaccount-1 = Du kannst Bilder und Konten auch über den Hilfebereich von Instagram melden, ohne selbst ein Konto zu haben.
guide-instagram-link-help = Hilfebereich von Instagram

## Snapchat

guide-snapchat-intro = Wurden intime Bilder von dir auf Snapchat geteilt? Du kannst den Snap, die Story oder das Konto, das sie geteilt hat, melden, in der App oder auf der Website.
guide-snapchat-app-h = In der App
guide-snapchat-app-1 = Halte den Snap oder die Story gedrückt. Für ein Konto öffnest du das Profil und tippst auf die drei Punkte.
guide-snapchat-app-2 = Tippe auf **Melden**.
guide-snapchat-app-3 = Erkläre deutlich, warum du es meldest.
guide-snapchat-web-h = Auf der Website
guide-snapchat-web-1 = Geh zum Snapchat-Support und wähle **Ein Sicherheitsproblem melden**.
guide-snapchat-web-2 = Wähle, was am besten passt: das Konto von jemand anderem (wenn dir jemand Nacktbilder geschickt hat oder dich belästigt), eine Story (für ein Nacktbild in einer Story), oder dein eigenes Konto (wenn jemand ein falsches Konto in deinem Namen angelegt hat).
guide-snapchat-web-3 = Wenn du gefragt wirst **Brauchst du noch Hilfe?**, antworte mit **Ja**, um das Formular zu bekommen.
guide-snapchat-web-note = Schreib im Formular auf Englisch, wenn du kannst.
guide-snapchat-link-help = Snapchat-Support

## YouTube

guide-youtube-intro = Wurden intime Bilder von dir auf YouTube geteilt? Du kannst das Video melden, mit oder ohne Google-Konto.
guide-youtube-form-h = Mit dem Formular für Datenschutzbeschwerden (ohne Konto)
guide-youtube-form-1 = Öffne das Formular von YouTube für Datenschutzbeschwerden.
guide-youtube-form-2 = Gib den Link zum Video an und erkläre, dass es dich ohne deine Zustimmung in einer intimen Situation zeigt.
guide-youtube-form-3 = Schick das Formular ab.
guide-youtube-video-h = Direkt beim Video (mit Google-Konto)
guide-youtube-video-1 = Tippe oder klicke unter dem Video auf die drei Punkte (**…**).
guide-youtube-video-2 = Wähle **Melden**.
guide-youtube-video-3 = Wähle den Grund, der am besten passt, und schick die Meldung ab.
guide-youtube-note = YouTube empfiehlt, zuerst den Kanal zu bitten, das Video zu entfernen. Das musst du nicht tun, wenn du dich dabei nicht sicher fühlst.
guide-youtube-link-privacy = Datenschutzbeschwerde bei YouTube

## TikTok

guide-tiktok-intro = Wurden intime Bilder von dir auf TikTok geteilt? Du kannst ein Video, einen Kommentar oder ein Konto melden.
guide-tiktok-video-h = Ein Video melden
guide-tiktok-video-1 = Halte das Video gedrückt, oder tippe auf den Teilen-Pfeil.
guide-tiktok-video-2 = Tippe auf **Melden** und folge den Schritten.
guide-tiktok-comment-h = Einen Kommentar melden
guide-tiktok-comment-1 = Halte den Kommentar gedrückt.
guide-tiktok-comment-2 = Tippe auf **Melden** und folge den Schritten.
guide-tiktok-account-h = Ein Konto melden
guide-tiktok-account-1 = Öffne das Profil und tippe oben rechts auf die drei Punkte oder den Teilen-Pfeil.
guide-tiktok-account-2 = Tippe auf **Melden** und wähle die Option, die am besten passt.
guide-tiktok-account-3 = Füge eine kurze Beschreibung hinzu, und Screenshots als Beweis: zum Beispiel vom Profil oder von eurem Chat.
guide-tiktok-link-help = TikTok-Support

## X (Twitter)

guide-x-intro = Wurden intime Bilder von dir auf X (früher Twitter) geteilt? Du kannst sie in der App, auf der Website oder mit einem Formular melden.
guide-x-post-h = Einen Post melden (App oder Website)
guide-x-post-1 = Tippe oder klicke beim Post auf die drei Punkte (**…**).
guide-x-post-2 = Wähle **Post melden**.
guide-x-post-3 = Wähle die Option zu sensiblen Medien, dann die zu intimen Bildern, die ohne Zustimmung geteilt wurden.
guide-x-post-4 = Gib an, ob es um dich oder um jemand anderen geht.
guide-x-post-5 = Du kannst bis zu fünf Posts zur Meldung hinzufügen. Dann schick sie ab.
guide-x-form-h = Mit dem Formular
guide-x-form-1 = Öffne das Formular von X für private Informationen, und wähle die Option für intime Fotos oder Videos, die ohne Erlaubnis geteilt wurden.
guide-x-form-2 = Füll es aus und schick es ab.
guide-x-note = Auf X kann jede Person Nacktbilder melden, die offensichtlich aus Rache oder für Geld geteilt wurden. Andere intime Bilder kann nur die Person melden, die darauf zu sehen ist. Wenn du unsicher bist, kann { $org } sie für dich melden.
guide-x-link-form = Formular von X für private Informationen

## WhatsApp

guide-whatsapp-intro = Wurden intime Bilder von dir auf WhatsApp geteilt? Du kannst die Person blockieren und melden, eine Gruppe melden und WhatsApp erklären, was passiert ist.
guide-whatsapp-block-h = Einen Kontakt blockieren oder melden
guide-whatsapp-block-1 = Auf Android: Öffne den Chat, tippe auf die drei Punkte (**⋮**), dann auf **Mehr** und auf **Melden** oder **Blockieren**.
guide-whatsapp-block-2 = Auf dem iPhone: Öffne den Chat, tippe oben auf den Namen der Person, scrolle nach unten und tippe auf **Kontakt melden** oder **Kontakt blockieren**.
guide-whatsapp-block-3 = Um beides zu tun, wähle **Blockieren**: WhatsApp bietet dir dann an, den Kontakt auch zu melden.
guide-whatsapp-block-note = Mach zuerst deine Screenshots: Wenn du jemanden blockierst oder einen Chat löschst, können Nachrichten verloren gehen, die du als Beweis brauchst.
guide-whatsapp-explain-h = Erklären, was passiert ist
guide-whatsapp-explain-1 = Öffne in WhatsApp die **Einstellungen**, dann **Hilfe**, dann **Kontaktiere uns**.
guide-whatsapp-explain-2 = Beschreibe die Situation. Du kannst Screenshots anhängen.
guide-whatsapp-group-h = Eine Gruppe melden
guide-whatsapp-group-1 = Öffne die Gruppe und tippe oben auf ihren Namen.
guide-whatsapp-group-2 = Scrolle nach unten und tippe auf **Gruppe melden**.
guide-whatsapp-link-help = Hilfebereich von WhatsApp

## Discord

guide-discord-intro = Wurden intime Bilder von dir auf Discord geteilt? Du kannst die Nachricht in der App melden, oder eine ausführliche Meldung an das Trust-&-Safety-Team von Discord schicken.
guide-discord-app-h = In der App
guide-discord-app-1 = Am Computer klickst du mit der rechten Maustaste auf die Nachricht. Am Handy hältst du sie gedrückt.
guide-discord-app-2 = Wähle **Melden** und folge den Schritten.
guide-discord-form-h = Mit dem Trust-&-Safety-Formular
guide-discord-form-1 = Discord braucht ID-Nummern, um einer Meldung nachzugehen. Damit du sie siehst, schalte den **Entwicklermodus** ein: **Benutzereinstellungen**, dann **Erweitert**, dann **Entwicklermodus**.
guide-discord-form-2 = Klicke mit der rechten Maustaste auf den Benutzer, die Nachricht, den Kanal oder den Server (oder halte ihn gedrückt) und wähle **ID kopieren**.
guide-discord-form-3 = Beschreibe im Formular, was passiert ist, und füge die IDs ein: die des Benutzers (17 bis 19 Ziffern, nicht der Benutzername), die der Nachrichten (bei vielen reichen ein paar), die des Kanals, und die des Servers, wenn es auf einem Server passiert ist.
guide-discord-form-note = Ohne diese Nummern kann Discord deiner Meldung nicht nachgehen.
guide-discord-link-safety = Sicherheitscenter von Discord
guide-discord-link-form = Trust-&-Safety-Formular von Discord

## Anzeige bei der Polizei

police-title = Anzeige bei der Polizei erstatten
police-lead = Intime Bilder ohne Zustimmung zu verbreiten, damit zu drohen, und die anderen Formen sexueller Gewalt im Netz sind schwere Straftaten. Wenn du willst, dass die Person bestraft wird, kannst du Anzeige erstatten.
police-danger = Bist du gerade in Gefahr?
police-danger-police = Die Polizei im Notfall erreichen:
police-you-decide = Du entscheidest. Eine Anzeige hilft den Behörden auch zu sehen, wie oft so etwas passiert.
police-how-h = So gehst du vor
police-how-1 = Geh zur Polizeiwache in deiner Nähe, oder vereinbare einen Termin, telefonisch oder online.
police-how-2 = Sag bei der Terminvereinbarung kurz, worum es geht. So kannst du mit jemandem bei der Polizei sprechen, der solche Fälle kennt.
police-how-3 = Du musst nicht allein hingehen. Du kannst einen Anwalt oder eine Anwältin mitnehmen, oder jemanden, dem du vertraust, etwa eine Freundin, einen Freund oder jemanden aus deiner Familie.
police-website = Deine Polizei vor Ort finden
police-fear = Zur Polizei zu gehen, kann Angst machen. Vielleicht fürchtest du ihre Reaktion, schämst dich, oder weißt nicht, was danach kommt. Denk daran: Du hast nichts falsch gemacht. Du bist das Opfer.
police-bring-h = Was du mitbringst
police-bring-1 = Alle deine Beweise, auf deinem Handy und wenn möglich auch ausgedruckt.
police-bring-2 = Screenshots der Bilder dort, wo sie gepostet wurden, gemacht, bevor du die Plattform um Löschung gebeten hast.
police-bring-3 = Screenshots von Nachrichten (SMS, WhatsApp, E-Mails, soziale Medien), die die Drohungen oder die Verbreitung zeigen.
police-bring-4 = Die Links (URLs) und die Namen der beteiligten Konten.
police-bring-5 = Eine kurze Liste, was wann und wo passiert ist.
police-evidence-h = So sicherst du Beweise
police-evidence-1 = Mach Screenshots, auf denen Datum und Uhrzeit zu sehen sind, und der Name der Plattform oder App.
police-evidence-2 = Lösch keine Chats, und sichere alles, bevor du die Person blockierst.
police-evidence-3 = Speichere die Links und Kontonamen, und schreib die Daten auf, solange du sie noch weißt.
police-evidence-4 = Bewahre alles zusammen an einem sicheren Ort auf, etwa in einem Ordner, den nur du öffnen kannst.
police-evidence-5 = Leite die Bilder an niemanden weiter, auch nicht, um zu zeigen, was passiert ist. Zeig sie direkt der Polizei.
police-tell-h = Sag der Polizei, wenn…
police-tell-1 = … die Person dir schaden oder damit Geld verdienen wollte. Das Gesetz kann das härter bestrafen.
police-tell-2 = … die Person wegen deines Geschlechts gehandelt hat: zum Beispiel mit hasserfüllten Kommentaren über Frauen oder Männer, oder weil sie dasselbe auch anderen angetan hat. Auch das kann zu einer höheren Strafe führen, bring also alles mit, was es zeigt.
police-next-h = Was danach passiert
police-next-1 = Die Polizei gibt deine Anzeige an die Staatsanwaltschaft weiter. Sie entscheidet, ob ermittelt wird und ob die Person vor Gericht kommt.
police-next-2 = Als Opfer hast du das Recht, informiert und angehört zu werden und Schadensersatz zu verlangen. Frag die Polizei, wie du dich als geschädigte Person erklären kannst, damit du auf dem Laufenden gehalten wirst.
police-next-3 = Du entscheidest nicht, ob der Fall vor Gericht kommt oder welche Strafe gefordert wird.
police-next-4 = Wenn ermittelt wird, erfährt die Person davon, und oft auch, wer die Anzeige erstattet hat. Wenn dir das Sorgen macht, wende dich zuerst an { $org }: Gemeinsam schaut ihr, was möglich ist.
police-who-h = Gegen wen
police-who = Gegen die Person, die die Bilder als Erste gemacht oder verbreitet hat, und auch gegen alle, die sie danach weiterverbreitet oder gezeigt haben. Rechtliche Schritte sind auch gegen eine Plattform möglich, die sich weigert, sie zu löschen.
police-org = Fragen, bevor du hingehst? Wende dich an { $org }: Dort erklärt man dir, was eine Anzeige bedeutet, und begleitet dich.

## Unterstützung

support-title = Mit jemandem reden
support-lead = Sexuelle Gewalt im Netz erschüttert einen tief. Vielleicht hast du Angst, schämst dich oder fühlst dich sogar schuldig. Es ist nie deine Schuld.
support-talk = Darüber zu reden, kann schwer sein. Es kann helfen, sich einer Freundin, einem Freund oder jemandem aus der Familie anzuvertrauen: Sie können zuhören und dir beistehen, wenn du etwas unternehmen willst, zum Beispiel Anzeige erstatten.
support-lines-h = Telefonische Anlaufstellen
support-lines-lead = Redest du lieber mit jemandem, der dich nicht kennt? Hier hört man dir zu, ohne zu urteilen. Du musst deinen Namen nicht nennen.
support-org-text = Kostenlos und vertraulich bekommst du dort Hilfe, wenn du:
support-org-1 = mehr über deine Rechte wissen willst;
support-org-2 = Bilder löschen lassen willst, oder dabei Hilfe brauchst;
support-org-3 = melden willst, was dir passiert ist;
support-org-4 = verstehen willst, was eine Anzeige bedeutet, bevor du sie erstattest.
support-org-never = Dort wird nie etwas ohne dein Einverständnis unternommen.
support-minors = Warst du jünger als 18, als die Bilder entstanden sind?
support-minors-link = Angebote für junge Menschen
support-supporter-h = Du hilfst jemand anderem?
support-supporter = Hör zu, ohne zu urteilen, und lass die Person selbst entscheiden, was sie tun will. Vermeide Sätze wie „Du hättest die Fotos eben nicht schicken sollen“: Die Schuld liegt bei der Person, die sie verbreitet.
