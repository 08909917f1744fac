# Les pages du portail : mise en page, accueil, conditions, fichiers, dossier, suivi, vie privée.
# Variables disponibles partout : $org (l'organisation qui gère le site), $product (Empreinte).
# **texte** s'affiche en gras : à utiliser pour les noms de boutons et de menus.

## Mise en page

skip-link = Aller au contenu
quick-exit = Quitter vite
nav-label-main = Menu principal
nav-label-language = Langue
nav-start = Protéger mes images
nav-status = Mon dossier
nav-help = Aide
breadcrumb-label = Vous êtes ici
footer-run-by = Ce service est proposé par { $org }.
footer-privacy = Comment nous vous protégeons
footer-support = Parler à quelqu'un
footer-quick-exit = Pour quitter ce site tout de suite, appuyez sur « Quitter vite » ou deux fois sur la touche Échap.
footer-free-software = { $product } est un logiciel libre et gratuit.
contact-call = Appeler le { $phone }
contact-write = Écrire à { $email }
contact-website = Site web
contact-website-of = { $name } : site web
contact-report-form = Faire un signalement en ligne
noscript = Cette page a besoin de JavaScript. Les empreintes sont calculées par un petit programme qui tourne dans cette page, sur votre appareil.
notfound-title = Page introuvable
notfound-text = Cette page n'existe pas, ou elle a été déplacée.
notfound-home = Aller à la page d'accueil

## Accueil

home-title = Empêchez la diffusion de vos images intimes
home-lead = Vous craignez que des images intimes de vous soient publiées en ligne, ou c'est déjà arrivé ? Ici, vous pouvez les empêcher de circuler sur les plateformes participantes. C'est gratuit et anonyme.
home-start = Protéger mes images
home-status-link = J'ai déjà un numéro de dossier
home-how-heading = Comment ça marche
home-how-1 = Vous choisissez les images ou les vidéos sur votre téléphone ou votre ordinateur.
home-how-2 = Votre appareil calcule l'empreinte numérique de chacune : un code court. Les images restent chez vous. Personne ne les voit, pas même nous.
home-how-3 = Seules les empreintes sont envoyées aux plateformes participantes.
home-how-4 = Si quelqu'un essaie d'y publier l'une de ces images, la plateforme la reconnaît et peut la bloquer.
home-how-5 = Vous recevez un numéro de dossier et un code PIN. Avec eux, vous pouvez voir ce qui s'est passé et retirer votre dossier à tout moment.
home-limits-heading = Ce que ce service ne peut pas faire
home-limits-1 = Il ne peut pas supprimer des images déjà en ligne. Vous pouvez les signaler vous-même à la plateforme : nos guides vous expliquent comment, étape par étape.
home-limits-2 = Il ne fonctionne que sur les plateformes participantes. Les autres sites ne reçoivent pas les empreintes.
home-limits-3 = Une copie fortement modifiée ou recadrée peut ne pas être reconnue.
home-limits-4 = Il ne prévient pas la police et ne cherche pas qui diffuse les images. Si vous voulez que cette personne soit punie, vous pouvez porter plainte.
home-limits-5 = Il est réservé aux images de vous, prises quand vous aviez 18 ans ou plus. Pour des images d'avant vos 18 ans, d'autres services sont là pour vous.
home-limits-help = Signaler une image, porter plainte, trouver du soutien
home-platforms-heading = Plateformes participantes
home-platforms-loading = Chargement de la liste…
home-platforms-noscript = La liste des plateformes a besoin de JavaScript.
home-platforms-empty = Aucune plateforme n'a encore rejoint le service. Vous pouvez quand même créer un dossier aujourd'hui : chaque plateforme recevra les empreintes dès qu'elle le rejoindra.
home-platforms-error = La liste ne peut pas être chargée pour l'instant. Cela ne change rien à votre dossier.
home-protect-heading = Comment nous vous protégeons
home-protect-1 = Vos images ne quittent jamais votre appareil.
home-protect-2 = Pas de compte, pas de nom, pas d'adresse e-mail. Votre numéro de dossier et votre code PIN sont la seule clé de votre dossier.
home-protect-3 = Pas de cookies, pas de pistage, rien n'est chargé depuis d'autres sites.
home-protect-4 = Le bouton **Quitter vite**, ou deux appuis sur la touche Échap, vous font quitter ce site immédiatement.
home-protect-more = En savoir plus sur votre vie privée
home-help-heading = De l'aide existe
home-help-text = Ce qui vous arrive n'est pas de votre faute. Des personnes peuvent vous aider à signaler des images, à porter plainte, ou simplement vous écouter.
home-help-link = Trouver de l'aide

## Conditions

elig-title = Avant de commencer
elig-lead = Trois questions pour vérifier que ce service vous convient. Rien de ce que vous répondez ici ne permet de vous identifier.
elig-age-legend = Quel âge aviez-vous quand les images ont été prises ?
elig-age-hint = C'est votre âge sur les images qui compte, pas votre âge aujourd'hui.
elig-age-adult = 18 ans ou plus
elig-age-minor = Moins de 18 ans
elig-age-unsure = Je ne sais pas
elig-confirm-legend = Merci de confirmer
elig-depicted-label = Je suis la personne qui apparaît sur ces images.
elig-intimate-label = Les images sont intimes : nues, partiellement nues ou à caractère sexuel.
elig-why = Nous posons ces questions parce que les empreintes d'autres images pourraient bloquer des photos qui n'ont rien à voir avec vous. Elles réservent le service aux personnes pour qui il est fait.
elig-continue = Continuer
elig-error-title-prefix = Vérifiez vos réponses
elig-error-summary = Merci de vérifier vos réponses
elig-error-age = Indiquez l'âge que vous aviez quand les images ont été prises.
elig-error-depicted = Ce service est réservé aux images de vous-même. Si vous voulez aider quelqu'un, cette personne peut l'utiliser elle-même, ou vous pouvez contacter { $org }.
elig-error-intimate = Ce service est réservé aux images intimes. Les autres images peuvent être signalées directement à la plateforme : consultez nos guides.

## Mineurs

minors-title = De l'aide pour les images d'avant vos 18 ans
minors-lead = Vous aviez moins de 18 ans sur ces images, ou vous ne le savez pas exactement. Ce service n'est pas le bon, mais vous ne restez pas sans aide : les services ci-dessous sont faits exactement pour cela, et ils peuvent faire davantage pour vous.
minors-not-your-fault = Ce n'est pas de votre faute. Demander de l'aide, c'est la bonne chose à faire.
minors-nothing-sent = Rien n'a été envoyé, et aucun dossier n'a été créé ici.
minors-now-adult = Votre âge aujourd'hui n'a pas d'importance. Ce qui compte, c'est l'âge que vous aviez sur les images.
minors-unsure = Vous ne savez plus quel âge vous aviez ? Contactez-les quand même : ils vous aideront à y voir clair.
minors-back = J'avais 18 ans ou plus : revenir aux questions

## Choix des fichiers

files-title = Choisissez vos images et vidéos
files-lead = Votre appareil calcule l'empreinte de chaque fichier. Les fichiers eux-mêmes restent sur votre appareil.
files-choose = Choisir des fichiers
files-drop = Vous pouvez aussi les glisser-déposer ici.
files-accept-hint = Photos (JPEG, PNG, WebP, GIF, BMP ; HEIC si ce navigateur sait le lire) et vidéos. Vous pouvez en choisir plusieurs à la fois.
files-list-heading = Vos fichiers
files-empty = Aucun fichier choisi pour l'instant.
files-summary = Prêts : { $ready } sur { $total }
files-privacy-note = Le nom des fichiers ne s'affiche que sur votre appareil. Rien n'est envoyé avant que vous appuyiez sur « Créer mon dossier », et alors seulement les empreintes.
files-submit = Créer mon dossier
files-submitting = Création de votre dossier…
files-waiting = Attendez que l'empreinte de chaque fichier soit prête.
files-need-one = Ajoutez au moins une image ou une vidéo dont l'empreinte peut être calculée.
file-status-queued = En attente…
file-status-hashing = Calcul de l'empreinte… { $percent } %
file-status-ready = Empreinte prête
file-status-low-quality = Pas assez de détails : cette image ne sera pas utilisée
file-low-quality-explain = Cette image est très uniforme : par exemple très sombre, floue ou presque d'une seule couleur. Son empreinte ressemblerait à celle de beaucoup d'autres photos, et les plateformes pourraient bloquer des images qui n'ont rien à voir avec vous. Si vous avez une copie plus nette, ajoutez plutôt celle-là.
file-browser-decoded = Cette photo a été lue par votre navigateur, car notre propre lecteur ne connaît pas son format. Si votre navigateur modifie les images pour protéger votre vie privée (par exemple contre le pistage), cette empreinte peut être légèrement faussée ; une copie en JPEG donne le résultat le plus fiable.
file-status-error = Ce fichier ne peut pas être utilisé
file-remove = Retirer { $name }
file-kind-image = Image
file-kind-video = Vidéo
hasher-unavailable = L'outil de calcul des empreintes n'a pas pu démarrer. Rechargez la page, ou essayez avec un autre navigateur.
error-file-unsupported_format = L'empreinte de ce type de fichier ne peut pas être calculée ici. Essayez avec une photo au format JPEG ou PNG.
error-file-heic_unsupported = Ce navigateur ne sait pas lire les photos HEIC (le format des iPhone) : l'empreinte de cette photo ne peut pas être calculée sur cet appareil. Enregistrez-la en JPEG et ajoutez le fichier JPEG, ou utilisez Safari sur un iPhone, un iPad ou un Mac, qui sait lire le HEIC. (Sur iPhone, Réglages > Appareil photo > Formats > « Le plus compatible » enregistre les nouvelles photos en JPEG.)
error-file-decode_failed = Ce fichier semble abîmé : il ne peut pas être lu.
error-file-too_large = Ce fichier est trop grand pour que son empreinte soit calculée ici.
error-file-too_small = Cette image est trop petite (moins de 5 pixels de large ou de haut) pour que son empreinte soit calculée. Si vous en avez une copie plus grande, ajoutez plutôt celle-là.
error-file-read_failed = Ce fichier n'a pas pu être ouvert. Il a peut-être été déplacé ou supprimé.
error-file-internal = Un problème est survenu pendant le calcul de l'empreinte. Retirez le fichier et ajoutez-le à nouveau.

## Dossier créé

case-created-title = Votre dossier a été créé
case-created-lead = Vos empreintes ont été envoyées. Les plateformes participantes peuvent désormais reconnaître ces images.
case-number-label = Numéro de dossier
case-pin-label = Code PIN
case-warning = Notez ces deux codes maintenant. Vous ne les verrez qu'une seule fois, et personne ne pourra les retrouver pour vous : nous ne savons pas qui vous êtes.
case-safety = Toute personne qui a ces codes peut voir votre dossier et le retirer. Gardez-les là où personne d'autre ne les trouvera.
case-copy-number = Copier le numéro de dossier
case-copy-pin = Copier le code PIN
case-copied = Copié
case-copy-failed = La copie n'a pas fonctionné. Sélectionnez le code et copiez-le vous-même.
case-download = Télécharger en fichier texte
case-print = Imprimer
case-file-name = mon-dossier.txt
case-file-title = { $product } : votre dossier
case-file-intro = Gardez ce fichier en lieu sûr. Toute personne qui a ces deux codes peut voir et retirer votre dossier.
case-file-status = Pour suivre votre dossier, rendez-vous sur { $url }
case-saved-check = J'ai bien noté mon numéro de dossier et mon code PIN.
case-next-status = Voir mon dossier
case-next-help = Trouver de l'aide : signaler des images, porter plainte, parler à quelqu'un

## Suivi du dossier

status-title = Mon dossier
status-lead = Entrez votre numéro de dossier et votre code PIN pour voir ce qu'il est advenu de vos images.
status-number-label = Numéro de dossier
status-number-hint = 20 lettres et chiffres, par exemple 7KQ2M-XJ4PA-9D0RT-W3HNB
status-pin-label = Code PIN
status-pin-hint = 8 chiffres
status-submit = Voir mon dossier
status-loading = Recherche de votre dossier…
status-invalid-number = Ceci ne ressemble pas à un numéro de dossier. Il compte 20 lettres et chiffres.
status-invalid-pin = Le code PIN compte 8 chiffres.
status-noscript-posted = Cette page a besoin de JavaScript pour afficher votre dossier. Vos codes n'ont pas été conservés.
status-new-case = Créer un nouveau dossier
status-case-heading = Votre dossier
status-case-active = Votre dossier est actif. Les plateformes participantes comparent les nouvelles publications à vos empreintes.
status-case-withdrawn = Votre dossier a été retiré. Vos empreintes sont en cours de suppression sur toutes les plateformes.
status-created = Créé le { $date }
status-withdrawn-on = Retiré le { $date }
status-items-heading = Vos images et vidéos
status-item-image = Image { $number }
status-item-video = Vidéo { $number }
status-item-active = Transmise aux plateformes
status-item-withdrawn = Retirée
status-item-quarantined = En pause
status-item-quarantined-explain = Plusieurs plateformes ont constaté que les publications correspondant à cette empreinte n'étaient pas cette image. Le temps de vérifier, l'empreinte n'est plus transmise.
status-item-unknown = Statut inconnu
status-no-reports = Aucune plateforme n'a signalé de correspondance jusqu'ici.
status-not-blocked-help = Une plateforme a décidé de ne pas bloquer une publication. Si vous pensez que c'est une erreur, contactez { $org } : ils peuvent reprendre la question avec la plateforme.
status-withdraw-heading = Retirer votre dossier
status-withdraw-explain = Si vous le retirez, vos empreintes sont supprimées de toutes les plateformes, et des copies de vos images pourraient à nouveau être publiées. C'est définitif, mais vous pourrez toujours créer un nouveau dossier.
status-withdraw = Retirer mon dossier
status-withdraw-confirm-question = Voulez-vous vraiment retirer votre dossier ?
status-withdraw-confirm = Oui, retirer mon dossier
status-withdraw-cancel = Non, garder mon dossier
status-hide = Masquer mon dossier

outcome-matched = a trouvé une publication correspondante
outcome-pending_review = examine une publication correspondante
outcome-blocked = a bloqué une publication correspondante
outcome-not_blocked = a examiné une publication correspondante et ne l'a pas bloquée
outcome-unknown = a signalé une publication correspondante

## Erreurs du serveur (par code)

error-api-attestations_required = Répondez d'abord aux questions, s'il vous plaît.
error-api-case_withdrawn = Ce dossier a déjà été retiré.
error-api-internal = Un problème est survenu de notre côté. Vos fichiers sont en sécurité sur votre appareil. Réessayez dans un instant.
error-api-invalid_case_number = Ceci ne ressemble pas à un numéro de dossier. Il compte 20 lettres et chiffres.
error-api-invalid_credentials = Nous ne trouvons pas de dossier avec ce numéro et ce code PIN. Vérifiez les deux et réessayez.
error-api-invalid_hash = Une empreinte n'était pas valide. Rechargez la page et réessayez.
error-api-invalid_json = Un problème est survenu pendant l'envoi. Rechargez la page et réessayez.
error-api-invalid_request = Un problème est survenu pendant l'envoi. Rechargez la page et réessayez.
error-api-item_not_accepted = L'un des fichiers ne peut pas être accepté. Retirez-le et réessayez avec les autres.
error-api-locked_out = Trop de tentatives. Pour protéger votre dossier, il est bloqué pendant un moment. Réessayez plus tard.
error-api-low_quality = L'une des images n'a pas assez de détails pour être utilisée. Retirez-la et réessayez.
error-api-method_not_allowed = Un problème est survenu pendant l'envoi. Rechargez la page et réessayez.
error-api-no_items = Ajoutez au moins une image ou une vidéo.
error-api-not_found = Ce service est introuvable. Réessayez plus tard.
error-api-payload_too_large = Trop de fichiers à la fois. Essayez avec moins de fichiers.
error-api-rate_limited = Trop de demandes en ce moment. Patientez quelques minutes et réessayez.
error-api-too_many_items = Trop de fichiers pour un seul dossier. Retirez-en quelques-uns et créez un second dossier pour les autres.
error-api-unavailable = Le service n'est pas disponible pour le moment. Réessayez plus tard.
error-api-unsupported_media_type = Un problème est survenu pendant l'envoi. Rechargez la page et réessayez.
error-api-network = Impossible de joindre le service. Vérifiez votre connexion internet et réessayez.
error-api-unknown = Un problème est survenu. Réessayez, s'il vous plaît.

## Vie privée

privacy-title = Comment nous vous protégeons
privacy-lead = Ce service est conçu pour que vous puissiez l'utiliser sans rien dévoiler de vous.
privacy-images-h = Vos images restent chez vous
privacy-images = Un petit programme, dans cette page, calcule les empreintes sur votre propre appareil. Seules les empreintes sont envoyées : des codes courts à partir desquels personne ne peut reconstituer vos images.
privacy-stored-h = Ce que nous conservons
privacy-stored = Les empreintes, vos réponses aux trois questions, les dates, et votre code PIN sous une forme brouillée qui ne peut pas être relue. Rien sur vous : pas de nom, pas d'adresse e-mail, pas d'adresse IP, rien sur votre appareil.
privacy-platforms-h = Ce que reçoivent les plateformes
privacy-platforms = Uniquement les empreintes. Jamais votre numéro de dossier ni votre code PIN. Elles ne peuvent pas savoir qui les a envoyées.
privacy-web-h = Aucun pistage
privacy-web = Ce site ne dépose aucun cookie, ne mesure pas l'audience et ne charge rien depuis d'autres sites.
privacy-exit-h = Partir vite
privacy-exit = Le bouton **Quitter vite**, en haut de chaque page, ou deux appuis sur la touche Échap, remplacent cette page par un site ordinaire. Ils n'effacent pas votre historique : si quelqu'un d'autre utilise votre appareil, supprimez ce site de l'historique, ou utilisez une fenêtre de navigation privée la prochaine fois.
privacy-control-h = Vous gardez la main
privacy-control = Avec votre numéro de dossier et votre code PIN, vous pouvez retirer votre dossier à tout moment. Les empreintes sont alors supprimées de toutes les plateformes.
