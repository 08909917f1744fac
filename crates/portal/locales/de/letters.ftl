# Die Briefvorlagen. Das Skript der Seite setzt den Brief aus den Teilen unten (letter-…)
# zusammen, in der Reihenfolge, die in locales/en/letters.ftl beschrieben ist. Jeder Teil muss
# neben allen anderen natürlich klingen. Die Briefe siezen die angeschriebene Person.
# Nach der Anrede mit Komma geht es kleingeschrieben weiter: Der erste Absatz beginnt deshalb
# immer mit „Sie“.

## Die Seite

letters-title = Der Person schreiben, die verbreitet oder droht
letters-lead = Wenn du dich sicher genug fühlst, kannst du der Person sagen, dass das, was sie tut, strafbar ist, und sie auffordern, damit aufzuhören. Füll das Formular aus: Die Nachricht wird für dich formuliert, hier auf deinem Gerät. Nichts wird verschickt oder gespeichert.
letters-safety = Schick sie nur ab, wenn du dich sicher fühlst. Du musst auf Drohungen nicht antworten, und du kannst zur Polizei gehen, ohne vorher zu schreiben. Bewahre eine Kopie von allem auf, was du verschickst.
letters-noscript = Dieses Formular braucht JavaScript, damit die Nachricht nur auf deinem Gerät entsteht.
letters-violence-legend = Was passiert gerade?
letters-violence-sextortion = Jemand droht, intime Bilder zu verbreiten
letters-violence-deepfake = Jemand hat gefälschte Nacktbilder erstellt oder verbreitet
letters-violence-sharing = Jemand hat intime Bilder ohne Zustimmung verbreitet
letters-violence-unsolicited = Jemand schickt sexuelle Bilder, um die niemand gebeten hat
letters-advice-sextortion = Zahl nichts und schick nichts mehr: Nachgeben beendet die Drohungen selten. Bewahre alle Nachrichten auf, und melde das Konto.
letters-advice-deepfake = Auch gefälschte Bilder sind eine Form sexueller Gewalt. Du kannst sie löschen lassen, genau wie echte.
letters-advice-sharing = Melde die Bilder auch bei den Plattformen, damit sie schnell gelöscht werden.
letters-advice-unsolicited = Mach einen Screenshot der Nachrichten; danach kannst du den Absender blockieren.
letters-sender-legend = Wer schreibt?
letters-sender-victim = Es passiert mir
letters-sender-witness = Ich habe gesehen, dass es jemandem passiert
letters-sender-recipient = Ich habe die Bilder oder die Nachrichten bekommen
letters-sender-manager = Ich bin Führungskraft dort, wo die Person arbeitet oder lernt
letters-channel-legend = Wie verschickst du sie?
letters-channel-message = Nachricht in sozialen Medien
letters-channel-email = E-Mail
letters-channel-letter = Brief auf Papier
letters-fields-legend = Angaben (du kannst sie leer lassen)
letters-field-recipient = Name der Person, der du schreibst
letters-field-victim = Name der betroffenen Person
letters-field-organisation = Name deiner Organisation
letters-field-signature = Dein Name (leer lassen, um anonym zu bleiben)
letters-field-city = Ort (für das Datum)
letters-output-label = Deine Nachricht (du kannst sie noch ändern)
letters-copy = Nachricht kopieren
letters-copied = Kopiert. Füge sie dort ein, wo du sie verschicken willst.
letters-copy-failed = Das Kopieren hat nicht geklappt. Markiere den Text und kopiere ihn selbst.
letters-nothing-sent = Von dieser Seite wird nichts verschickt. Wenn du sie schließt, ist alles weg, was du eingegeben hast.

## Teile des Briefs

letter-placeholder-victim = [Name der betroffenen Person]
letter-placeholder-organisation = [Name der Organisation]
letter-place-date = { $city }, { $date }
letter-to = An: { $recipient }
letter-subject-sextortion = Betreff: Ihre Drohung, intime Bilder zu verbreiten
letter-subject-deepfake = Betreff: gefälschte Nacktbilder
letter-subject-sharing = Betreff: Verbreitung intimer Bilder ohne Zustimmung
letter-subject-unsolicited = Betreff: unerwünscht zugeschickte sexuelle Bilder
letter-greeting-message = An die Person hinter diesem Konto,
letter-greeting-message-named = { $recipient },
letter-greeting-email = Guten Tag,
letter-greeting-email-named = Guten Tag { $recipient },
letter-greeting-letter = Sehr geehrte Damen und Herren,
letter-manager-intro = Sie erhalten dieses Schreiben von mir als Führungskraft bei { $organisation }.

letter-intro-victim-sextortion = Sie drohen, intime Bilder von mir zu verbreiten, wenn ich nicht tue, was Sie verlangen. Ich werde nicht nachgeben.
letter-intro-victim-deepfake = Sie haben gefälschte Nacktbilder von mir erstellt oder verbreitet: Bilder, die so bearbeitet sind, dass sie echt wirken. Dem habe ich nie zugestimmt.
letter-intro-victim-sharing = Sie haben intime Bilder von mir ohne meine Zustimmung verbreitet.
letter-intro-victim-unsolicited = Sie haben mir sexuelle Bilder geschickt, um die ich nie gebeten habe und die ich nicht wollte.
letter-intro-witness-sextortion = Sie drohen, wie ich weiß, intime Bilder von { $victim } zu verbreiten, um Ihre Forderungen durchzusetzen.
letter-intro-witness-deepfake = Sie haben, wie ich gesehen habe, gefälschte Nacktbilder von { $victim } erstellt oder verbreitet: Bilder, die so bearbeitet sind, dass sie echt wirken.
letter-intro-witness-sharing = Sie haben, wie ich gesehen habe, intime Bilder von { $victim } ohne Zustimmung verbreitet.
letter-intro-witness-unsolicited = Sie haben { $victim }, wie ich gesehen habe, sexuelle Bilder geschickt, um die nie gebeten wurde.
letter-intro-recipient-sextortion = Sie haben mir intime Bilder von { $victim } geschickt, zusammen mit der Drohung, sie weiter zu verbreiten.
letter-intro-recipient-deepfake = Sie haben mir gefälschte Nacktbilder von { $victim } geschickt: Bilder, die so bearbeitet sind, dass sie echt wirken.
letter-intro-recipient-sharing = Sie haben mir intime Bilder von { $victim } geschickt, die ohne Zustimmung verbreitet wurden.
letter-intro-recipient-unsolicited = Sie haben mir und anderen sexuelle Bilder geschickt, obwohl niemand von uns darum gebeten hatte.
letter-intro-manager-sextortion = Mir wurde mitgeteilt, dass Sie drohen, intime Bilder von { $victim } zu verbreiten, um Ihre Forderungen durchzusetzen.
letter-intro-manager-deepfake = Mir wurde mitgeteilt, dass Sie gefälschte Nacktbilder von { $victim } erstellt oder verbreitet haben: Bilder, die so bearbeitet sind, dass sie echt wirken.
letter-intro-manager-sharing = Mir wurde mitgeteilt, dass Sie intime Bilder von { $victim } ohne Zustimmung verbreitet haben.
letter-intro-manager-unsolicited = Mir wurde mitgeteilt, dass Sie { $victim } sexuelle Bilder geschickt haben, um die nie gebeten wurde.

letter-law-sextortion = Zu drohen, die intimen Bilder eines Menschen zu verbreiten, ist eine Straftat, ebenso wie dafür eine Gegenleistung zu verlangen.
letter-law-deepfake = Sexuelle Bilder eines Menschen ohne dessen Zustimmung zu erstellen oder zu verbreiten, ist eine Straftat, auch wenn die Bilder gefälscht sind.
letter-law-sharing = Intime Bilder eines Menschen ohne dessen Zustimmung zu zeigen oder zu verbreiten, ist eine Straftat.
letter-law-unsolicited = Jemandem ungefragt sexuelle Bilder zu schicken, ist sexuelle Belästigung und kann bestraft werden.

letter-demand-self-sextortion = Hören Sie sofort mit Ihren Drohungen auf. Löschen Sie alle Bilder von mir, die Sie haben, und geben Sie sie an niemanden weiter.
letter-demand-other-sextortion = Hören Sie sofort mit Ihren Drohungen auf. Löschen Sie alle Bilder von { $victim }, die Sie haben, und geben Sie sie an niemanden weiter.
letter-demand-self-deepfake = Löschen Sie diese Bilder überall, wo Sie sie gepostet oder gespeichert haben, und hören Sie auf, solche Bilder zu erstellen oder zu verbreiten.
letter-demand-other-deepfake = Löschen Sie diese Bilder von { $victim } überall, wo Sie sie gepostet oder gespeichert haben, und hören Sie auf, solche Bilder zu erstellen oder zu verbreiten.
letter-demand-self-sharing = Entfernen Sie die Bilder überall, wo Sie sie gepostet haben, löschen Sie alle Kopien, die Sie haben, und verbreiten Sie sie nicht weiter.
letter-demand-other-sharing = Entfernen Sie die Bilder von { $victim } überall, wo Sie sie gepostet haben, löschen Sie alle Kopien, die Sie haben, und verbreiten Sie sie nicht weiter.
letter-demand-self-unsolicited = Hören Sie auf, mir solche Bilder zu schicken.
letter-demand-other-unsolicited = Hören Sie auf, solche Bilder an Menschen zu schicken, die nicht darum gebeten haben.

letter-next-victim = Wenn Sie nicht aufhören, erstatte ich Anzeige bei der Polizei. Ich habe Beweise für das gesichert, was Sie getan haben.
letter-next-witness = Wenn Sie nicht aufhören, unterstütze ich { $victim } dabei, Anzeige bei der Polizei zu erstatten. Ich habe Beweise für das gesichert, was ich gesehen habe.
letter-next-recipient = Ich werde diese Bilder nicht weitergeben. Ich habe Ihre Nachrichten gesichert, und wenn Sie nicht aufhören, zeige ich das bei der Polizei an.
letter-next-recipient-unsolicited = Ich habe Ihre Nachrichten gesichert. Wenn Sie nicht aufhören, zeige ich das bei der Polizei an.
letter-next-manager = Dieses Verhalten verstößt gegen die Regeln von { $organisation } und kann disziplinarische Folgen haben. Wir werden { $victim } unterstützen, falls es zu einer Anzeige bei der Polizei kommt.

letter-closing-message = Betrachten Sie dies als förmliche Warnung.
letter-closing-email = Mit freundlichen Grüßen
letter-closing-letter = Mit freundlichen Grüßen
