# Les modèles de lettres. Le script de la page assemble la lettre à partir des parties
# ci-dessous (letter-…), dans l'ordre décrit dans locales/en/letters.ftl. Chaque partie doit se
# lire naturellement à côté de toutes les autres. Les lettres vouvoient le destinataire.
# Pour éviter l'élision (« de Anne »), les noms suivent des mots comme « montrant », « à »,
# « chez ».

## La page

letters-title = Écrire à la personne qui diffuse ou qui menace
letters-lead = Si vous vous sentez suffisamment en sécurité, vous pouvez dire à la personne que ce qu'elle fait est interdit par la loi, et lui demander d'arrêter. Remplissez le formulaire : le message est rédigé pour vous, ici, sur votre appareil. Rien n'est envoyé ni enregistré.
letters-safety = Ne l'envoyez que si vous vous sentez en sécurité. Vous n'avez pas à répondre aux menaces, et vous pouvez aller à la police sans écrire d'abord. Gardez une copie de tout ce que vous envoyez.
letters-noscript = Ce formulaire a besoin de JavaScript, pour que le message soit rédigé uniquement sur votre appareil.
letters-violence-legend = Que se passe-t-il ?
letters-violence-sextortion = Quelqu'un menace de diffuser des images intimes
letters-violence-deepfake = Quelqu'un a créé ou diffusé de fausses images dénudées
letters-violence-sharing = Quelqu'un a diffusé des images intimes sans consentement
letters-violence-unsolicited = Quelqu'un envoie des images sexuelles que personne n'a demandées
letters-advice-sextortion = Ne payez pas et n'envoyez rien d'autre : céder met rarement fin aux menaces. Gardez tous les messages, et signalez le compte.
letters-advice-deepfake = Même fausses, ces images sont une forme de violence sexuelle. Vous pouvez les faire supprimer, comme de vraies images.
letters-advice-sharing = Signalez aussi les images aux plateformes, pour qu'elles soient supprimées rapidement.
letters-advice-unsolicited = Faites une capture d'écran des messages ; ensuite, vous pouvez bloquer l'expéditeur.
letters-sender-legend = Qui écrit ?
letters-sender-victim = C'est à moi que cela arrive
letters-sender-witness = J'ai vu cela arriver à quelqu'un
letters-sender-recipient = J'ai reçu les images ou les messages
letters-sender-manager = Je suis responsable là où la personne travaille ou étudie
letters-channel-legend = Comment allez-vous l'envoyer ?
letters-channel-message = Message sur les réseaux sociaux
letters-channel-email = E-mail
letters-channel-letter = Lettre papier
letters-fields-legend = Détails (vous pouvez les laisser vides)
letters-field-recipient = Nom de la personne à qui vous écrivez
letters-field-victim = Nom de la personne concernée
letters-field-organisation = Nom de votre organisation
letters-field-signature = Votre nom (laissez vide pour rester anonyme)
letters-field-city = Ville (pour la date)
letters-output-label = Votre message (vous pouvez encore le modifier)
letters-copy = Copier le message
letters-copied = Copié. Collez-le là où vous voulez l'envoyer.
letters-copy-failed = La copie n'a pas fonctionné. Sélectionnez le texte et copiez-le vous-même.
letters-nothing-sent = Rien n'est envoyé depuis cette page. Quand vous la fermez, tout ce que vous avez tapé disparaît.

## Parties de la lettre

letter-placeholder-victim = [nom de la personne concernée]
letter-placeholder-organisation = [nom de l'organisation]
letter-place-date = { $city }, le { $date }
letter-to = À l'attention de : { $recipient }
letter-subject-sextortion = Objet : vos menaces de diffuser des images intimes
letter-subject-deepfake = Objet : de fausses images dénudées
letter-subject-sharing = Objet : la diffusion d'images intimes sans consentement
letter-subject-unsolicited = Objet : l'envoi d'images sexuelles non sollicitées
letter-greeting-message = À la personne qui utilise ce compte,
letter-greeting-message-named = { $recipient },
letter-greeting-email = Bonjour,
letter-greeting-email-named = Bonjour { $recipient },
letter-greeting-letter = Madame, Monsieur,
letter-manager-intro = Je vous écris en tant que responsable chez { $organisation }.

letter-intro-victim-sextortion = Vous menacez de diffuser des images intimes de moi si je ne fais pas ce que vous exigez. Je ne céderai pas.
letter-intro-victim-deepfake = Vous avez créé ou diffusé de fausses images dénudées de moi : des images truquées pour paraître réelles. Je n'ai jamais donné mon accord.
letter-intro-victim-sharing = Vous avez diffusé des images intimes de moi sans mon consentement.
letter-intro-victim-unsolicited = Vous m'avez envoyé des images à caractère sexuel que je n'avais jamais demandées et dont je ne voulais pas.
letter-intro-witness-sextortion = Je sais que vous menacez de diffuser des images intimes montrant { $victim } pour obtenir ce que vous exigez.
letter-intro-witness-deepfake = J'ai constaté que vous avez créé ou diffusé de fausses images dénudées montrant { $victim } : des images truquées pour paraître réelles.
letter-intro-witness-sharing = J'ai constaté que vous avez diffusé des images intimes montrant { $victim }, sans son consentement.
letter-intro-witness-unsolicited = J'ai constaté que vous avez envoyé à { $victim } des images à caractère sexuel qui n'avaient jamais été demandées.
letter-intro-recipient-sextortion = Vous m'avez envoyé des images intimes montrant { $victim }, accompagnées de menaces de les diffuser davantage.
letter-intro-recipient-deepfake = Vous m'avez envoyé de fausses images dénudées montrant { $victim } : des images truquées pour paraître réelles.
letter-intro-recipient-sharing = Vous m'avez envoyé des images intimes montrant { $victim }, diffusées sans son consentement.
letter-intro-recipient-unsolicited = Vous avez envoyé, à moi et à d'autres personnes, des images à caractère sexuel que personne n'avait demandées.
letter-intro-manager-sextortion = J'ai appris que vous menacez de diffuser des images intimes montrant { $victim } pour obtenir ce que vous exigez.
letter-intro-manager-deepfake = J'ai appris que vous avez créé ou diffusé de fausses images dénudées montrant { $victim } : des images truquées pour paraître réelles.
letter-intro-manager-sharing = J'ai appris que vous avez diffusé des images intimes montrant { $victim }, sans son consentement.
letter-intro-manager-unsolicited = J'ai appris que vous avez envoyé à { $victim } des images à caractère sexuel qui n'avaient jamais été demandées.

letter-law-sextortion = Menacer de diffuser les images intimes de quelqu'un est une infraction pénale, tout comme exiger quoi que ce soit en échange.
letter-law-deepfake = Créer ou diffuser des images à caractère sexuel de quelqu'un sans son consentement est une infraction pénale, même quand ces images sont truquées.
letter-law-sharing = Montrer ou diffuser des images intimes de quelqu'un sans son consentement est une infraction pénale.
letter-law-unsolicited = Envoyer des images à caractère sexuel à quelqu'un qui ne les a pas demandées est une forme de harcèlement sexuel, punie par la loi.

letter-demand-self-sextortion = Cessez immédiatement vos menaces. Supprimez toutes les images de moi que vous détenez, et ne les transmettez à personne.
letter-demand-other-sextortion = Cessez immédiatement vos menaces. Supprimez toutes les images montrant { $victim } que vous détenez, et ne les transmettez à personne.
letter-demand-self-deepfake = Supprimez ces images partout où vous les avez publiées ou enregistrées, et cessez d'en créer ou d'en diffuser.
letter-demand-other-deepfake = Supprimez ces images montrant { $victim } partout où vous les avez publiées ou enregistrées, et cessez d'en créer ou d'en diffuser.
letter-demand-self-sharing = Retirez les images partout où vous les avez publiées, supprimez toutes les copies en votre possession, et ne les diffusez plus.
letter-demand-other-sharing = Retirez les images montrant { $victim } partout où vous les avez publiées, supprimez toutes les copies en votre possession, et ne les diffusez plus.
letter-demand-self-unsolicited = Cessez de m'envoyer ces images.
letter-demand-other-unsolicited = Cessez d'envoyer ce genre d'images à des personnes qui ne les ont pas demandées.

letter-next-victim = Si vous ne cessez pas, je porterai plainte à la police. J'ai conservé les preuves de ce que vous avez fait.
letter-next-witness = Si vous ne cessez pas, j'aiderai { $victim } à porter plainte à la police. J'ai conservé les preuves de ce que j'ai vu.
letter-next-recipient = Je ne transmettrai pas ces images. J'ai conservé vos messages et, si vous ne cessez pas, je signalerai les faits à la police.
letter-next-recipient-unsolicited = J'ai conservé vos messages. Si vous ne cessez pas, je signalerai les faits à la police.
letter-next-manager = Ce comportement est contraire aux règles en vigueur chez { $organisation } et peut entraîner des sanctions disciplinaires. Nous soutiendrons { $victim } dans une éventuelle plainte à la police.

letter-closing-message = Considérez ce message comme un avertissement formel.
letter-closing-email = Salutations,
letter-closing-letter = Veuillez agréer, Madame, Monsieur, l'expression de mes salutations distinguées.
