# De voorbeeldbrieven. Het script van de pagina zet de brief samen uit de delen hieronder
# (letter-…), in de volgorde die in locales/en/letters.ftl beschreven staat. Elk deel moet
# natuurlijk lezen naast alle andere. De brieven spreken de ontvanger aan met "u".

## De pagina

letters-title = Schrijven naar wie verspreidt of dreigt
letters-lead = Voel je je veilig genoeg, dan kun je de persoon laten weten dat wat die doet strafbaar is, en vragen om te stoppen. Vul het formulier in: het bericht wordt voor je geschreven, hier op je toestel. Er wordt niets verstuurd of bewaard.
letters-safety = Verstuur het alleen als je je veilig voelt. Je hoeft niet te antwoorden op dreigementen, en je kunt naar de politie gaan zonder eerst te schrijven. Bewaar een kopie van alles wat je verstuurt.
letters-noscript = Dit formulier heeft JavaScript nodig, zodat het bericht alleen op je eigen toestel geschreven wordt.
letters-violence-legend = Wat is er aan de hand?
letters-violence-sextortion = Iemand dreigt intieme beelden te verspreiden
letters-violence-deepfake = Iemand maakte of verspreidde valse naaktbeelden
letters-violence-sharing = Iemand verspreidde intieme beelden zonder toestemming
letters-violence-unsolicited = Iemand stuurt seksuele beelden waar niemand om vroeg
letters-advice-sextortion = Betaal niet en stuur niets meer: toegeven maakt zelden een einde aan de dreigementen. Bewaar alle berichten, en meld het account.
letters-advice-deepfake = Ook valse beelden zijn een vorm van seksueel geweld. Je kunt ze laten verwijderen, net als echte.
letters-advice-sharing = Meld de beelden ook bij de platformen, zodat ze snel verwijderd worden.
letters-advice-unsolicited = Maak een screenshot van de berichten; daarna kun je de afzender blokkeren.
letters-sender-legend = Wie schrijft er?
letters-sender-victim = Het overkomt mij
letters-sender-witness = Ik zag het iemand anders overkomen
letters-sender-recipient = Ik kreeg de beelden of de berichten toegestuurd
letters-sender-manager = Ik ben leidinggevende waar de persoon werkt of studeert
letters-channel-legend = Hoe ga je het versturen?
letters-channel-message = Bericht op sociale media
letters-channel-email = E-mail
letters-channel-letter = Brief op papier
letters-fields-legend = Details (je mag ze leeg laten)
letters-field-recipient = Naam van de persoon naar wie je schrijft
letters-field-victim = Naam van de betrokken persoon
letters-field-organisation = Naam van je organisatie
letters-field-signature = Je naam (laat leeg om anoniem te blijven)
letters-field-city = Gemeente (voor de datum)
letters-output-label = Je bericht (je kunt het nog aanpassen)
letters-copy = Bericht kopiëren
letters-copied = Gekopieerd. Plak het waar je het wilt versturen.
letters-copy-failed = Kopiëren is niet gelukt. Selecteer de tekst en kopieer hem zelf.
letters-nothing-sent = Vanaf deze pagina wordt niets verstuurd. Als je ze sluit, is alles wat je typte weg.

## Delen van de brief

letter-placeholder-victim = [naam van de betrokken persoon]
letter-placeholder-organisation = [naam van de organisatie]
letter-place-date = { $city }, { $date }
letter-to = Aan: { $recipient }
letter-subject-sextortion = Betreft: uw dreigementen om intieme beelden te verspreiden
letter-subject-deepfake = Betreft: valse naaktbeelden
letter-subject-sharing = Betreft: verspreiding van intieme beelden zonder toestemming
letter-subject-unsolicited = Betreft: ongevraagd toegestuurde seksuele beelden
letter-greeting-message = Aan de persoon achter dit account,
letter-greeting-message-named = { $recipient },
letter-greeting-email = Goedendag,
letter-greeting-email-named = Beste { $recipient },
letter-greeting-letter = Geachte heer, mevrouw,
letter-manager-intro = Ik schrijf u als leidinggevende bij { $organisation }.

letter-intro-victim-sextortion = U dreigt intieme beelden van mij te verspreiden als ik niet doe wat u eist. Ik zal niet toegeven.
letter-intro-victim-deepfake = U hebt valse naaktbeelden van mij gemaakt of verspreid: beelden die bewerkt zijn om echt te lijken. Daar heb ik nooit mee ingestemd.
letter-intro-victim-sharing = U hebt intieme beelden van mij verspreid zonder mijn toestemming.
letter-intro-victim-unsolicited = U hebt mij seksuele beelden gestuurd waar ik nooit om gevraagd heb en die ik niet wilde.
letter-intro-witness-sextortion = Ik weet dat u dreigt intieme beelden van { $victim } te verspreiden om uw eisen af te dwingen.
letter-intro-witness-deepfake = Ik heb gezien dat u valse naaktbeelden van { $victim } gemaakt of verspreid hebt: beelden die bewerkt zijn om echt te lijken.
letter-intro-witness-sharing = Ik heb gezien dat u intieme beelden van { $victim } verspreid hebt zonder toestemming.
letter-intro-witness-unsolicited = Ik heb gezien dat u seksuele beelden naar { $victim } gestuurd hebt, terwijl daar nooit om gevraagd was.
letter-intro-recipient-sextortion = U hebt mij intieme beelden van { $victim } gestuurd, samen met dreigementen om ze verder te verspreiden.
letter-intro-recipient-deepfake = U hebt mij valse naaktbeelden van { $victim } gestuurd: beelden die bewerkt zijn om echt te lijken.
letter-intro-recipient-sharing = U hebt mij intieme beelden van { $victim } gestuurd, die zonder toestemming verspreid werden.
letter-intro-recipient-unsolicited = U hebt seksuele beelden gestuurd naar mij en naar anderen, terwijl niemand van ons daarom gevraagd had.
letter-intro-manager-sextortion = Ik heb vernomen dat u dreigt intieme beelden van { $victim } te verspreiden om uw eisen af te dwingen.
letter-intro-manager-deepfake = Ik heb vernomen dat u valse naaktbeelden van { $victim } gemaakt of verspreid hebt: beelden die bewerkt zijn om echt te lijken.
letter-intro-manager-sharing = Ik heb vernomen dat u intieme beelden van { $victim } verspreid hebt zonder toestemming.
letter-intro-manager-unsolicited = Ik heb vernomen dat u seksuele beelden naar { $victim } gestuurd hebt, terwijl daar nooit om gevraagd was.

letter-law-sextortion = Dreigen met het verspreiden van iemands intieme beelden is een misdrijf, net als er iets voor in ruil eisen.
letter-law-deepfake = Seksuele beelden van iemand maken of verspreiden zonder toestemming is een misdrijf, ook als die beelden vals zijn.
letter-law-sharing = Intieme beelden van iemand tonen of verspreiden zonder toestemming is een misdrijf.
letter-law-unsolicited = Seksuele beelden sturen naar iemand die daar niet om gevraagd heeft, is seksuele intimidatie en is strafbaar.

letter-demand-self-sextortion = Stop nu met uw dreigementen. Verwijder alle beelden van mij die u hebt, en geef ze aan niemand door.
letter-demand-other-sextortion = Stop nu met uw dreigementen. Verwijder alle beelden van { $victim } die u hebt, en geef ze aan niemand door.
letter-demand-self-deepfake = Verwijder deze beelden overal waar u ze gepost of opgeslagen hebt, en stop met ze te maken of te verspreiden.
letter-demand-other-deepfake = Verwijder deze beelden van { $victim } overal waar u ze gepost of opgeslagen hebt, en stop met ze te maken of te verspreiden.
letter-demand-self-sharing = Haal de beelden weg overal waar u ze gepost hebt, verwijder alle kopieën die u hebt, en verspreid ze niet opnieuw.
letter-demand-other-sharing = Haal de beelden van { $victim } weg overal waar u ze gepost hebt, verwijder alle kopieën die u hebt, en verspreid ze niet opnieuw.
letter-demand-self-unsolicited = Stop met mij deze beelden te sturen.
letter-demand-other-unsolicited = Stop met zulke beelden te sturen naar mensen die daar niet om gevraagd hebben.

letter-next-victim = Als u niet stopt, dien ik klacht in bij de politie. Ik heb bewijs bijgehouden van wat u gedaan hebt.
letter-next-witness = Als u niet stopt, help ik { $victim } om dit bij de politie te melden. Ik heb bewijs bijgehouden van wat ik gezien heb.
letter-next-recipient = Ik stuur deze beelden niet door. Ik heb uw berichten bewaard, en als u niet stopt, meld ik dit bij de politie.
letter-next-recipient-unsolicited = Ik heb uw berichten bewaard. Als u niet stopt, meld ik dit bij de politie.
letter-next-manager = Dit gedrag is in strijd met de regels van { $organisation } en kan tot tuchtmaatregelen leiden. We zullen { $victim } steunen bij een eventuele klacht bij de politie.

letter-closing-message = Beschouw dit als een formele waarschuwing.
letter-closing-email = Met vriendelijke groeten,
letter-closing-letter = Hoogachtend,
